import { addMonthsCivil, civilToDays, daysToCivil, fromDays, parseIso, type IsoDate } from "./dates";
import { DomainError, unknownValue, type RuleId } from "./errors";

/**
 * Periods of recurring obligations, each with a stable key: calendar periods (`2025-W07`,
 * `2025-03`, `2025-Q1`, `2025-S1`, `2025`) or periods of N months anchored on a date (a convention
 * year `Y1`, `Y2`…, an intermediate-bilan interval `B1`…).
 */
export type PeriodScheme =
  | { unit: "WEEK" | "MONTH" | "QUARTER" | "SEMESTER" | "YEAR" }
  | { unit: "ANCHORED"; anchor: IsoDate; months: number; prefix: string };

export interface Period {
  key: string;
  startOn: IsoDate;
  endOn: IsoDate;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A period on day numbers (days since 1970-01-01), inclusive: what the engines step through. */
export interface DayPeriod {
  key: string;
  start: number;
  end: number;
}

/** ISO 8601 week: Monday to Sunday, week 1 holds the year's first Thursday. */
function weekAt(day: number): DayPeriod {
  const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const monday = day - weekday;
  const thursday = monday + 3;
  const isoYear = daysToCivil(thursday).y;
  const week = Math.floor((thursday - civilToDays({ y: isoYear, m: 1, d: 1 })) / 7) + 1;
  return { key: `${isoYear}-W${pad2(week)}`, start: monday, end: monday + 6 };
}

function monthsAt(y: number, firstMonth: number, length: number, key: string): DayPeriod {
  const start = civilToDays({ y, m: firstMonth, d: 1 });
  const end = civilToDays(addMonthsCivil({ y, m: firstMonth, d: 1 }, length)) - 1;
  return { key, start, end };
}

function anchoredAt(anchor: IsoDate, months: number, prefix: string, day: number, rule: RuleId): DayPeriod {
  const a = parseIso(anchor, rule);
  const o = daysToCivil(day);
  const startOf = (k: number) => civilToDays(addMonthsCivil(a, (k - 1) * months));
  let k = Math.floor(((o.y - a.y) * 12 + (o.m - a.m)) / months) + 1;
  while (startOf(k) > day) k -= 1;
  while (startOf(k + 1) <= day) k += 1;
  return { key: `${prefix}${k}`, start: startOf(k), end: startOf(k + 1) - 1 };
}

/** The period of `scheme` containing the day number `day`. */
export function periodAtDay(scheme: PeriodScheme, day: number, rule: RuleId = "GEN-6"): DayPeriod {
  const unit = scheme.unit;
  if (unit === "ANCHORED") return anchoredAt(scheme.anchor, scheme.months, scheme.prefix, day, rule);
  if (unit === "WEEK") return weekAt(day);
  const { y, m } = daysToCivil(day);
  switch (unit) {
    case "MONTH":
      return monthsAt(y, m, 1, `${y}-${pad2(m)}`);
    case "QUARTER": {
      const q = Math.floor((m - 1) / 3) + 1;
      return monthsAt(y, 3 * q - 2, 3, `${y}-Q${q}`);
    }
    case "SEMESTER": {
      const h = m <= 6 ? 1 : 2;
      return monthsAt(y, h === 1 ? 1 : 7, 6, `${y}-S${h}`);
    }
    case "YEAR":
      return monthsAt(y, 1, 12, String(y));
  }
  return unknownValue(unit, "unit", rule);
}

/** The period of `scheme` containing `on`. */
export function periodOf(scheme: PeriodScheme, on: IsoDate, rule: RuleId = "GEN-6"): Period {
  const p = periodAtDay(scheme, civilToDays(parseIso(on, rule)), rule);
  return { key: p.key, startOn: fromDays(p.start), endOn: fromDays(p.end) };
}

export function nextPeriod(scheme: PeriodScheme, p: Period, rule: RuleId = "GEN-6"): Period {
  return periodOf(scheme, fromDays(civilToDays(parseIso(p.endOn, rule)) + 1), rule);
}

const KEY_PATTERNS: Record<Exclude<PeriodScheme["unit"], "ANCHORED">, RegExp> = {
  WEEK: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
  MONTH: /^\d{4}-(0[1-9]|1[0-2])$/,
  QUARTER: /^\d{4}-Q[1-4]$/,
  SEMESTER: /^\d{4}-S[12]$/,
  YEAR: /^\d{4}$/,
};

/** Checks that an event's explicit `period` is a key of the scheme. */
export function assertPeriodKey(scheme: PeriodScheme, key: string, rule: RuleId): void {
  const ok =
    scheme.unit === "ANCHORED"
      ? key.startsWith(scheme.prefix) && /^[1-9]\d*$/.test(key.slice(scheme.prefix.length))
      : KEY_PATTERNS[scheme.unit].test(key);
  if (!ok) throw new DomainError(rule, "INVALID_PERIOD", { value: String(key) });
}
