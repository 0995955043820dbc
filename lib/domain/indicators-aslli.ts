import { aslliInterruptedMonthDue, aslliSemesterTableDueOn } from "./aslli";
import { assertIso, type IsoDate } from "./dates";
import type { AslliMeasureFacts } from "./engine-aslli";
import type { AslliPurpose } from "./events";
import { assertNonNegativeInt } from "./numbers";
import { assertPeriodKey, nextPeriod, periodOf } from "./periods";

/**
 * ASL-11b: the months due of a measure (keys `YYYY-MM`): each calendar month from the start to the
 * end; when interrupted (or stopped early, ASL-14), the stopping month only if after the 15th and
 * no later month (ASL-7). A measure cancelled for want of signatures (ASL-5) is owed nothing.
 */
export function aslliMonthsDue(f: AslliMeasureFacts): string[] {
  if (f.startOn === null || f.plannedEndOn === null || f.earlyEnd?.reason === "CANCELLED") return [];
  const stoppedOn = f.interruptedOn ?? f.earlyEnd?.on ?? null;
  const months: string[] = [];
  const scheme = { unit: "MONTH" } as const;
  for (let p = periodOf(scheme, f.startOn, "ASL-11b"); p.startOn <= f.plannedEndOn; p = nextPeriod(scheme, p, "ASL-11b")) {
    if (stoppedOn !== null && p.endOn >= stoppedOn) {
      if (p.startOn <= stoppedOn && aslliInterruptedMonthDue(stoppedOn)) months.push(p.key);
      break;
    }
    months.push(p.key);
  }
  return months;
}

export type AslliStatus = "A_VENIR" | "EN_COURS" | "SUSPENDUE" | "INTERROMPUE" | "ARRETEE" | "ANNULEE" | "TERMINEE";

/** The state of a granted measure on a day (for the table's status column). */
export function aslliStatusOn(f: AslliMeasureFacts, on: IsoDate): AslliStatus {
  assertIso(on, "ASL-11");
  if (f.earlyEnd !== null && f.earlyEnd.on <= on) return f.earlyEnd.reason === "CANCELLED" ? "ANNULEE" : "ARRETEE";
  if (f.interruptedOn !== null && f.interruptedOn <= on) return "INTERROMPUE";
  if (f.startOn === null || f.startOn > on) return "A_VENIR";
  if (f.plannedEndOn !== null && f.plannedEndOn < on) return "TERMINEE";
  if (f.suspensions.some((s) => s.on <= on && s.endsOn >= on)) return "SUSPENDUE";
  return "EN_COURS";
}

export interface AslliTableRow {
  householdNumber: string;
  purpose: AslliPurpose;
  commissionOn: IsoDate;
  startOn: IsoDate;
  plannedEndOn: IsoDate;
  renewals: number;
  suspensionDays: number;
  interruptedOn: IsoDate | null;
  /** The measure's last day when it has ended by the semester's end, else null. */
  endOn: IsoDate | null;
  monthsDue: number;
  status: AslliStatus;
}

export interface AslliSemesterTable {
  period: string;
  dueOn: IsoDate;
  rows: AslliTableRow[];
  monthsDue: number;
  /** ASL-11b: months due × unit price, when the convention's unit price is given. */
  amountDueCents: number | null;
}

/**
 * ASL-11: the semester tracking table (annex 1c): one row per measure active at least one day of
 * the semester (household number, no name), with its months due in the semester (ASL-11b).
 */
export function aslliSemesterTable(
  measures: readonly { householdNumber: string; facts: AslliMeasureFacts }[],
  period: string,
  unitPriceCents: number | null = null,
): AslliSemesterTable {
  assertPeriodKey({ unit: "SEMESTER" }, period, "ASL-11");
  if (unitPriceCents !== null) assertNonNegativeInt(unitPriceCents, "unitPriceCents", "ASL-11b");
  const semester = periodOf({ unit: "SEMESTER" }, `${period.slice(0, 4)}-${period.endsWith("1") ? "01" : "07"}-01`, "ASL-11");
  const rows: AslliTableRow[] = [];
  for (const { householdNumber, facts: f } of measures) {
    if (f.commission === null || f.startOn === null || f.plannedEndOn === null || f.endOn === null) continue;
    if (f.startOn > semester.endOn || f.endOn < semester.startOn) continue;
    const monthsDue = aslliMonthsDue(f).filter((m) => m >= semester.startOn.slice(0, 7) && m <= semester.endOn.slice(0, 7)).length;
    rows.push({
      householdNumber,
      purpose: f.commission.purpose,
      commissionOn: f.commission.on,
      startOn: f.startOn,
      plannedEndOn: f.plannedEndOn,
      renewals: f.renewals.length,
      suspensionDays: f.suspendedDays,
      interruptedOn: f.interruptedOn,
      endOn: f.endOn <= semester.endOn ? f.endOn : null,
      monthsDue,
      status: aslliStatusOn(f, semester.endOn),
    });
  }
  rows.sort((a, b) => (a.householdNumber < b.householdNumber ? -1 : a.householdNumber > b.householdNumber ? 1 : 0));
  const monthsDue = rows.reduce((s, r) => s + r.monthsDue, 0);
  return {
    period,
    dueOn: aslliSemesterTableDueOn(semester.startOn),
    rows,
    monthsDue,
    amountDueCents: unitPriceCents === null ? null : monthsDue * unitPriceCents,
  };
}
