import { DomainError, type RuleId } from "./errors";

/**
 * An ISO calendar date `YYYY-MM-DD`. Calendar arithmetic is done on day numbers (days since
 * 1970-01-01, proleptic Gregorian), never on `Date` objects, so no time zone can shift a day.
 * Valid ISO dates also compare correctly as strings.
 */
export type IsoDate = string;

export interface CivilDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** Parses `YYYY-MM-DD` strictly (a real calendar day, years 1000–9999). */
export function parseIso(value: IsoDate, rule: RuleId): CivilDate {
  if (typeof value !== "string" || value.length !== 10 || value[4] !== "-" || value[7] !== "-") {
    throw new DomainError(rule, "INVALID_DATE", { value: String(value) });
  }
  const y = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const m = digit(value, 5) * 10 + digit(value, 6);
  const d = digit(value, 8) * 10 + digit(value, 9);
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new DomainError(rule, "INVALID_DATE", { value });
  }
  return { y, m, d };
}

export function assertIso(value: IsoDate, rule: RuleId): IsoDate {
  parseIso(value, rule);
  return value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatCivil(c: CivilDate): IsoDate {
  return `${pad(c.y, 4)}-${pad(c.m, 2)}-${pad(c.d, 2)}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function civilToDays({ y, m, d }: CivilDate): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysToCivil(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function toDays(value: IsoDate, rule: RuleId): number {
  return civilToDays(parseIso(value, rule));
}

export function fromDays(days: number): IsoDate {
  return formatCivil(daysToCivil(days));
}

export function addDays(value: IsoDate, n: number, rule: RuleId): IsoDate {
  return fromDays(toDays(value, rule) + n);
}

/** Month arithmetic of date-fns `addMonths`: the day is clamped to the target month's end. */
export function addMonthsCivil({ y, m, d }: CivilDate, n: number): CivilDate {
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return { y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) };
}

export function addMonths(value: IsoDate, n: number, rule: RuleId): IsoDate {
  return formatCivil(addMonthsCivil(parseIso(value, rule), n));
}

/** `value + n months − 1 day`: the inclusive last day of a period of n months. */
export function endOfMonthsPeriod(value: IsoDate, n: number, rule: RuleId): IsoDate {
  return fromDays(civilToDays(addMonthsCivil(parseIso(value, rule), n)) - 1);
}

export function lastDayOfMonth(value: IsoDate, rule: RuleId): IsoDate {
  const { y, m } = parseIso(value, rule);
  return formatCivil({ y, m, d: daysInMonth(y, m) });
}

export function firstDayOfNextMonth(value: IsoDate, rule: RuleId): IsoDate {
  const { y, m } = parseIso(value, rule);
  return formatCivil(addMonthsCivil({ y, m, d: 1 }, 1));
}

/** `to − from` in days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate, rule: RuleId): number {
  return toDays(to, rule) - toDays(from, rule);
}

export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Throws END_BEFORE_START when `end` is before `start` (both validated). */
export function assertOrdered(start: IsoDate, end: IsoDate, rule: RuleId): void {
  assertIso(start, rule);
  assertIso(end, rule);
  if (end < start) throw new DomainError(rule, "END_BEFORE_START", { start, end });
}
