import type { IsoDate } from "@/lib/domain";

// The period picker of the reports (issue 14): named periods of a convention (its years, its calendar years, its
// semesters) or free dates [du, au], inclusive.

export type ReportPeriod = {
  key: string;
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** FNAVDL: the convention year the annex III objectives are set for (1, 2…); null for another period. */
  year: number | null;
};

const ISO = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A real calendar day written AAAA-MM-JJ (no 31 April). */
export function isCalendarDay(s: string | undefined): s is IsoDate {
  if (!s || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return d.toISOString().slice(0, 10) === s;
}

/** Free dates from the picker's form, when both are real days in order; otherwise null (the named period applies). */
export function customPeriod(du: string | undefined, au: string | undefined): ReportPeriod | null {
  if (!isCalendarDay(du) || !isCalendarDay(au) || du > au) return null;
  return { key: "dates", label: "Dates choisies", from: du, to: au, year: null };
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** « janvier 2024 » for `2024-01`. */
export function monthLabel(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

/** « 2025 – 1er semestre » for `2025-S1`. */
export function semesterLabel(key: string): string {
  return `${key.slice(0, 4)} – ${key.endsWith("1") ? "1er" : "2e"} semestre`;
}

/** The calendar semesters from `from` to `to` (ASL-11), keys `YYYY-S1|S2`. */
export function semestersBetween(from: IsoDate, to: IsoDate): string[] {
  const key = (d: string) => `${d.slice(0, 4)}-S${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
  const last = key(to);
  const out: string[] = [];
  for (let k = key(from); k <= last; k = k.endsWith("S1") ? `${k.slice(0, 4)}-S2` : `${Number(k.slice(0, 4)) + 1}-S1`) out.push(k);
  return out;
}
