import { assertIso, daysBetween, type IsoDate } from "./dates";
import { assertNonNegativeInt } from "./numbers";

export type DeadlineStatus = "done" | "upcoming" | "due-soon" | "overdue";

export const DEFAULT_SOON_DAYS = 7;

/**
 * GEN-6 (and every deadline): done beats everything; overdue when today is after the due date
 * (the due date itself is still on time); due-soon when the due date is at most `soonDays` away.
 */
export function deadlineStatus(
  d: { dueOn: IsoDate; doneOn?: IsoDate | null },
  today: IsoDate,
  soonDays: number = DEFAULT_SOON_DAYS,
): DeadlineStatus {
  assertNonNegativeInt(soonDays, "soonDays", "GEN-6");
  assertIso(d.dueOn, "GEN-6");
  assertIso(today, "GEN-6");
  if (d.doneOn !== undefined && d.doneOn !== null) {
    assertIso(d.doneOn, "GEN-6");
    return "done";
  }
  if (today > d.dueOn) return "overdue";
  return daysBetween(today, d.dueOn, "GEN-6") <= soonDays ? "due-soon" : "upcoming";
}
