import "server-only";
import type { IsoDate } from "@/lib/domain";

// ARCHITECTURE "One clock": the users' calendar date, in Europe/Paris. Settable only in test mode.
const parisDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });
const g = globalThis as unknown as { __clockOverride?: IsoDate | null };

export function isTestMode(): boolean {
  return process.env.APP_MODE === "test";
}

export function today(): IsoDate {
  if (isTestMode()) {
    const forced = g.__clockOverride ?? process.env.CLOCK_TODAY;
    if (forced) return forced;
  }
  return parisDate.format(new Date());
}

/** Test mode only: move the clock (null goes back to the real date). */
export function setToday(date: IsoDate | null): void {
  if (!isTestMode()) throw new Error("L'horloge ne peut être déplacée qu'en mode test.");
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error("Date attendue au format AAAA-MM-JJ.");
  g.__clockOverride = date;
}
