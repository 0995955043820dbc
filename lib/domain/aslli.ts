import {
  addDays,
  addMonths,
  endOfMonthsPeriod,
  firstDayOfNextMonth,
  lastDayOfMonth,
  parseIso,
  type IsoDate,
} from "./dates";
import { DomainError } from "./errors";
import type { AslliPurpose } from "./events";
import { assertNonNegativeInt, assertOneOf, assertPositiveInt } from "./numbers";

/** Individual ASLL (seed 004, Collectivité européenne d'Alsace). */
export const ASLLI_DEFAULTS = {
  accessMonths: 3, // ASL-1
  maintienMonths: 6, // ASL-1
  maxMonths: 18, // ASL-1
  planWithinMonths: 1, // ASL-5
  meetingsPerMonth: 2, // ASL-6
  paidIfInterruptedAfterDay: 15, // ASL-7
  noticeMonths: 0, // GEN-4: the annex has no termination clause
} as const;

/** ASL-1: the default duration of a measure for its purpose. */
export function aslliDefaultMonths(purpose: AslliPurpose): number {
  assertOneOf(purpose, ["ACCESS", "MAINTIEN"], "purpose", "ASL-1");
  return purpose === "ACCESS" ? ASLLI_DEFAULTS.accessMonths : ASLLI_DEFAULTS.maintienMonths;
}

/** ASL-4: the 1st of the month following the commission. */
export function aslliStart(commissionOn: IsoDate): IsoDate {
  return firstDayOfNextMonth(commissionOn, "ASL-4");
}

/** ASL-4: the measure starts at the latest before the end of that first month. */
export function assertAslliStartInWindow(commissionOn: IsoDate, startOn: IsoDate): void {
  const from = aslliStart(commissionOn);
  const to = lastDayOfMonth(from, "ASL-4");
  parseIso(startOn, "ASL-4");
  if (startOn < from || startOn > to) throw new DomainError("ASL-4", "START_OUT_OF_WINDOW", { on: startOn, from, to });
}

/** ASL-1/8: start + months − 1 day, moved by the days of suspension; never beyond 18 months in all. */
export function aslliEnd(
  startOn: IsoDate,
  months: number,
  suspendedDays: number = 0,
  maxMonths: number = ASLLI_DEFAULTS.maxMonths,
): IsoDate {
  assertPositiveInt(months, "months", "ASL-1");
  assertNonNegativeInt(suspendedDays, "suspendedDays", "ASL-8");
  if (months > maxMonths) throw new DomainError("ASL-1", "MAX_DURATION_EXCEEDED", { months, max: maxMonths });
  return addDays(endOfMonthsPeriod(startOn, months, "ASL-1"), suspendedDays, "ASL-8");
}

/** ASL-1: a renewal keeps the total within 18 months. */
export function aslliCanRenew(monthsSoFar: number, extraMonths: number, maxMonths: number = ASLLI_DEFAULTS.maxMonths): boolean {
  assertNonNegativeInt(monthsSoFar, "monthsSoFar", "ASL-1");
  assertPositiveInt(extraMonths, "extraMonths", "ASL-1");
  return monthsSoFar + extraMonths <= maxMonths;
}

/** ASL-5: the signed plan goes to the Service Logement within the month following the start. */
export function aslliPlanDueOn(startOn: IsoDate): IsoDate {
  return addMonths(startOn, ASLLI_DEFAULTS.planWithinMonths, "ASL-5");
}

/** ASL-10: for a renewal, within the month of the end; for an end, within the month after it. */
export function aslliBilanDueOn(endOn: IsoDate, purpose: "RENEWAL" | "END"): IsoDate {
  assertOneOf(purpose, ["RENEWAL", "END"], "purpose", "ASL-10");
  return purpose === "RENEWAL" ? lastDayOfMonth(endOn, "ASL-10") : addMonths(endOn, 1, "ASL-10");
}

/** ASL-7: a month interrupted after the 15th is due to the association (16–31 paid, 1–15 not). */
export function aslliInterruptedMonthDue(interruptedOn: IsoDate): boolean {
  return parseIso(interruptedOn, "ASL-7").d > ASLLI_DEFAULTS.paidIfInterruptedAfterDay;
}

/** ASL-11: the semester table is due on 30 June or 31 December of `on`'s semester. */
export function aslliSemesterTableDueOn(on: IsoDate): IsoDate {
  const { y, m } = parseIso(on, "ASL-11");
  return m <= 6 ? `${String(y).padStart(4, "0")}-06-30` : `${String(y).padStart(4, "0")}-12-31`;
}

/** ASL-3: supports of similar aim that forbid an ASLLi (no derogation lifts this). */
export const ASLLI_EXCLUSIVE_MEASURES = ["AVDL", "MASP", "AEB", "MJPM", "MAJ", "MJAGBF", "SAVS"] as const;

/** ASL-3: which of the exclusive measures are in progress (case-insensitive), in the list's order. */
export function aslliCumulConflicts(measuresInProgress: readonly string[]): string[] {
  const present = new Set(measuresInProgress.map((m) => String(m).trim().toUpperCase()));
  return ASLLI_EXCLUSIVE_MEASURES.filter((m) => present.has(m));
}

export function assertNoAslliCumul(measuresInProgress: readonly string[]): void {
  const measures = aslliCumulConflicts(measuresInProgress);
  if (measures.length > 0) throw new DomainError("ASL-3", "CUMUL_FORBIDDEN", { measures });
}

/** ASL-9: the situations a measure handles (one or more). */
export const ASLLI_SITUATIONS = [
  "MAINTIEN",
  "EXPULSION",
  "CHANGEMENT_SORTIE",
  "RECHERCHE",
  "ACCES",
  "ADMINISTRATIF",
  "SOCIO_BUDGETAIRE",
] as const;
export type AslliSituation = (typeof ASLLI_SITUATIONS)[number];

/** ASL-2: who may instruct the request. */
export const ASLLI_INSTRUCTORS = ["ASSISTANTE_SOCIALE", "CESF", "EDUCATEUR"] as const;
export type AslliInstructor = (typeof ASLLI_INSTRUCTORS)[number];

export interface AslliRequest {
  instructor: AslliInstructor;
  formSignedByHousehold: boolean;
  evaluation: { symptoms: string; causes: string; priorityAxes: string };
  situations: readonly AslliSituation[];
  /** ASL-13: for a couple, one member lawfully resident is enough. */
  lawfullyResident: boolean;
  housingDifficulties: boolean;
  adheres: boolean;
  measuresInProgress: readonly string[];
}

/**
 * ASL-2/3/9/13: refuses an incomplete or ineligible request, each with its rule: the instructor
 * and the dossier (ASL-2), the situations (ASL-9), eligibility and adherence (ASL-13), and the
 * non-cumulation (ASL-3, no derogation).
 */
export function assertAslliRequest(r: AslliRequest): void {
  assertOneOf(r.instructor, ASLLI_INSTRUCTORS, "instructor", "ASL-2");
  const missing: string[] = [];
  if (!r.formSignedByHousehold) missing.push("formSignedByHousehold");
  for (const part of ["symptoms", "causes", "priorityAxes"] as const) {
    if (r.evaluation[part].trim() === "") missing.push(`evaluation.${part}`);
  }
  if (missing.length > 0) throw new DomainError("ASL-2", "INCOMPLETE", { missing });
  if (r.situations.length === 0) throw new DomainError("ASL-9", "INCOMPLETE", { missing: ["situations"] });
  for (const s of r.situations) assertOneOf(s, ASLLI_SITUATIONS, "situations", "ASL-9");
  const reasons: string[] = [];
  if (!r.lawfullyResident) reasons.push("lawfullyResident");
  if (!r.housingDifficulties) reasons.push("housingDifficulties");
  if (!r.adheres) reasons.push("adheres");
  if (reasons.length > 0) throw new DomainError("ASL-13", "NOT_ELIGIBLE", { reasons });
  assertNoAslliCumul(r.measuresInProgress);
}
