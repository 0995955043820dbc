import { addDays, addMonths, assertOrdered, endOfMonthsPeriod, type IsoDate } from "./dates";
import { DomainError, type RuleId } from "./errors";
import type { FnavdlAction, Intensity, Prescriber, SatisfactionAnswer } from "./events";
import { assertNonNegativeInt, assertOneOf, assertRate } from "./numbers";

/** FNAVDL objectives convention (seed 003). */
export const FNAVDL_DEFAULTS = {
  extensionMonths: 12, // AVD-2
  budgetNoticeMonths: 6, // AVD-3
  secondYearFirstAdvanceMonths: 3, // AVD-4
  secondYearSecondAdvanceMonths: 6, // AVD-4
  reportsMonths: 6, // AVD-5
  daloEvaluationMonths: 9, // AVD-9
  bailGlissantNoticeMonths: 2, // AVD-11
  postGlissementMonths: 6, // AVD-11
  avenantAnswerMonths: 2, // AVD-15
  noticeMonths: 2, // GEN-4
} as const;

export type FnavdlPublic = "DALO" | "NON_DALO" | "LOGEMENTS_ACCOMPAGNES";
export const FNAVDL_PUBLICS: readonly FnavdlPublic[] = ["DALO", "NON_DALO", "LOGEMENTS_ACCOMPAGNES"];
export type FnavdlActionKind = "DIAGNOSTICS" | "AVDL" | "BAUX_GLISSANTS";
export const FNAVDL_ACTION_KINDS: readonly FnavdlActionKind[] = ["DIAGNOSTICS", "AVDL", "BAUX_GLISSANTS"];
export const INTENSITIES: readonly Intensity[] = ["LEGER", "MOYEN", "APPROFONDI"];
export const PRESCRIBERS: readonly Prescriber[] = [
  "COMMISSION_MEDIATION",
  "SERVICES_ETAT",
  "PDALHPD",
  "CCAPEX",
  "HEBERGEMENT",
  "ACTION_LOGEMENT",
  "BAILLEUR_SOCIAL",
];

/** AVD-8: hours of a social worker per household per month. */
export const FNAVDL_INTENSITY_HOURS = { LEGER: 4, MOYEN: 8, APPROFONDI: 16 } as const;

/** AVD-14: the satisfaction scale, in the seed's order. */
export const SATISFACTION_SCALE: readonly SatisfactionAnswer[] = [
  "TRES_SATISFAISANT",
  "PLUTOT_SATISFAISANT",
  "PLUTOT_INSATISFAISANT",
  "TRES_INSATISFAISANT",
  "SANS_OPINION",
];

/** AVD-1: exactly one public, one or more actions. */
export function assertFnavdlScope(x: { public: FnavdlPublic; actions: readonly FnavdlActionKind[] }): void {
  assertOneOf(x.public, FNAVDL_PUBLICS, "public", "AVD-1");
  if (x.actions.length === 0) throw new DomainError("AVD-1", "INCOMPLETE", { missing: ["actions"] });
  const seen = new Set<string>();
  for (const a of x.actions) {
    assertOneOf(a, FNAVDL_ACTION_KINDS, "actions", "AVD-1");
    if (seen.has(a)) throw new DomainError("AVD-1", "DUPLICATE", { field: "actions", value: a });
    seen.add(a);
  }
}

function assertDuration(months: number, rule: RuleId): asserts months is 12 | 24 {
  if (months !== 12 && months !== 24) throw new DomainError(rule, "INVALID_DURATION", { months, allowed: ["12", "24"] });
}

/** AVD-2: 12 or 24 months from signature, +12 once if extended by avenant; inclusive end. */
export function fnavdlEnd(signedOn: IsoDate, months: 12 | 24, extended: boolean = false): IsoDate {
  assertDuration(months, "AVD-2");
  return endOfMonthsPeriod(signedOn, months + (extended ? FNAVDL_DEFAULTS.extensionMonths : 0), "AVD-2");
}

/** AVD-3: budget changes notified at least 6 months before the anniversary: (signedOn + 12×n months) − 6 months. */
export function fnavdlBudgetChangeDeadline(signedOn: IsoDate, anniversary: 1 | 2): IsoDate {
  assertOneOf(anniversary, [1, 2], "anniversary", "AVD-3");
  return budgetDeadline(signedOn, anniversary);
}

/** AVD-3 for any anniversary (an extended convention has a third one). */
export function budgetDeadline(signedOn: IsoDate, anniversary: number): IsoDate {
  const anniversaryOn = addMonths(signedOn, 12 * anniversary, "AVD-3");
  return addMonths(anniversaryOn, -FNAVDL_DEFAULTS.budgetNoticeMonths, "AVD-3");
}

/** AVD-4: second-year advances: at the latest 3 months after the anniversary, and 6 months after it. */
export function fnavdlSecondYearAdvances(signedOn: IsoDate): { firstBy: IsoDate; secondOn: IsoDate } {
  const anniversaryOn = addMonths(signedOn, 12, "AVD-4");
  return {
    firstBy: addMonths(anniversaryOn, FNAVDL_DEFAULTS.secondYearFirstAdvanceMonths, "AVD-4"),
    secondOn: addMonths(anniversaryOn, FNAVDL_DEFAULTS.secondYearSecondAdvanceMonths, "AVD-4"),
  };
}

/** AVD-5: justificatifs and final bilan at most 6 months after the end. */
export function fnavdlReportsDueOn(endOn: IsoDate): IsoDate {
  return addMonths(endOn, FNAVDL_DEFAULTS.reportsMonths, "AVD-5");
}

/** AVD-9: a planned end beyond start + 9 months − 1 day needs the evaluation (asked on prolongation). */
export function fnavdlDaloNeedsEvaluation(startOn: IsoDate, plannedEndOn: IsoDate): boolean {
  assertOrdered(startOn, plannedEndOn, "AVD-9");
  return plannedEndOn > endOfMonthsPeriod(startOn, FNAVDL_DEFAULTS.daloEvaluationMonths, "AVD-9");
}

/** AVD-9: refuses a DALO prolongation beyond 9 months unless the evaluation was sent by then. */
export function assertFnavdlProlongationAllowed(x: {
  dalo: boolean;
  startOn: IsoDate;
  plannedEndOn: IsoDate;
  evaluationSentOn: IsoDate | null;
  on: IsoDate;
}): void {
  if (!x.dalo || !fnavdlDaloNeedsEvaluation(x.startOn, x.plannedEndOn)) return;
  if (x.evaluationSentOn === null || x.evaluationSentOn > x.on) {
    const limit = endOfMonthsPeriod(x.startOn, FNAVDL_DEFAULTS.daloEvaluationMonths, "AVD-9");
    throw new DomainError("AVD-9", "EVALUATION_REQUIRED", { limit });
  }
}

/** AVD-10: the start is due within the convention's delay (days) from the orientation. */
export function fnavdlStartDueOn(orientedOn: IsoDate, delayDays: number): IsoDate {
  assertNonNegativeInt(delayDays, "delayDays", "AVD-10");
  return addDays(orientedOn, delayDays, "AVD-10");
}

/** AVD-11: the bailleur tells the préfet 2 months before the examination period ends. */
export function bailGlissantNoticeDueOn(examinationEndsOn: IsoDate): IsoDate {
  return addMonths(examinationEndsOn, -FNAVDL_DEFAULTS.bailGlissantNoticeMonths, "AVD-11");
}

/** AVD-11: within 6 months after the lease slides the bailleur may ask the operator to resume support. */
export function bailGlissantResumeWindow(slidOn: IsoDate): { opensOn: IsoDate; closesOn: IsoDate } {
  return { opensOn: slidOn, closesOn: addMonths(slidOn, FNAVDL_DEFAULTS.postGlissementMonths, "AVD-11") };
}

/** AVD-8: AVL alone is level 1 or 2 (LEGER, MOYEN). */
export function assertIntensityAllowed(action: FnavdlAction, intensity: Intensity): void {
  assertOneOf(action, ["AVL", "ADL", "BAIL_GLISSANT"], "action", "AVD-8");
  assertOneOf(intensity, INTENSITIES, "intensity", "AVD-8");
  if (action === "AVL" && intensity === "APPROFONDI") {
    throw new DomainError("AVD-8", "INTENSITY_NOT_ALLOWED", { action, intensity });
  }
}

/**
 * AVD-6: a prescription is allowed unless the prescriber's cap for the year is reached; the
 * commission de médiation is never capped; a bailleur's request must be motivated.
 */
export function assertPrescriptionAllowed(x: {
  prescriber: Prescriber;
  motivated: boolean;
  prescriptionsThisYear: number;
  caps?: Partial<Record<Prescriber, number>>;
}): void {
  assertOneOf(x.prescriber, PRESCRIBERS, "prescriber", "AVD-6");
  assertNonNegativeInt(x.prescriptionsThisYear, "prescriptionsThisYear", "AVD-6");
  const caps = x.caps ?? {};
  if (caps.COMMISSION_MEDIATION !== undefined) {
    throw new DomainError("AVD-6", "CAP_FORBIDDEN", { prescriber: "COMMISSION_MEDIATION" });
  }
  if (x.prescriber === "BAILLEUR_SOCIAL" && !x.motivated) throw new DomainError("AVD-6", "MOTIVATION_REQUIRED");
  const cap = caps[x.prescriber];
  if (cap !== undefined) {
    assertNonNegativeInt(cap, "cap", "AVD-6");
    if (x.prescriptionsThisYear >= cap) throw new DomainError("AVD-6", "CAP_REACHED", { prescriber: x.prescriber, cap });
  }
}

/**
 * AVD-12: the achieved split of households by intensity vs the forecast split; an avenant is needed
 * when a level's share deviates by more than `threshold` (a fraction: 0.1 = 10 points).
 */
export function fnavdlSplitDeviation(
  achieved: Readonly<Record<Intensity, number>>,
  forecast: Readonly<Record<Intensity, number>>,
  threshold: number,
): { rows: { level: Intensity; achievedShare: number; forecastShare: number; deviation: number }[]; avenantNeeded: boolean } {
  assertRate(threshold, "threshold", "AVD-12");
  const total = (r: Readonly<Record<Intensity, number>>, field: string) =>
    INTENSITIES.reduce((sum, level) => {
      assertNonNegativeInt(r[level], `${field}.${level}`, "AVD-12");
      return sum + r[level];
    }, 0);
  const achievedTotal = total(achieved, "achieved");
  const forecastTotal = total(forecast, "forecast");
  if (forecastTotal === 0) throw new DomainError("AVD-12", "ZERO_DENOMINATOR", { field: "forecast" });
  const rows = INTENSITIES.map((level) => {
    const achievedShare = achievedTotal === 0 ? 0 : achieved[level] / achievedTotal;
    const forecastShare = forecast[level] / forecastTotal;
    return { level, achievedShare, forecastShare, deviation: achievedShare - forecastShare };
  });
  return { rows, avenantNeeded: rows.some((r) => Math.abs(r.deviation) > threshold + 1e-12) };
}

/** AVD-15: the other party answers an avenant request within 2 months of its sending. */
export function avenantAnswerDueOn(requestSentOn: IsoDate, months: number = FNAVDL_DEFAULTS.avenantAnswerMonths): IsoDate {
  assertNonNegativeInt(months, "months", "AVD-15");
  return addMonths(requestSentOn, months, "AVD-15");
}

/** AVD-16: the part of the contribution above the action's actual cost is refunded. */
export function fnavdlExcessRefundCents(x: { contributionCents: number; actualCostCents: number }): number {
  assertNonNegativeInt(x.contributionCents, "contributionCents", "AVD-16");
  assertNonNegativeInt(x.actualCostCents, "actualCostCents", "AVD-16");
  return Math.max(0, x.contributionCents - x.actualCostCents);
}

/** AVD-14: survey answers counted on the scale, in its order. */
export function satisfactionResults(answers: readonly SatisfactionAnswer[]): { answer: SatisfactionAnswer; count: number; share: number }[] {
  const counts = new Map<SatisfactionAnswer, number>(SATISFACTION_SCALE.map((a) => [a, 0]));
  for (const a of answers) {
    assertOneOf(a, SATISFACTION_SCALE, "answer", "AVD-14");
    counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return SATISFACTION_SCALE.map((answer) => {
    const count = counts.get(answer) ?? 0;
    return { answer, count, share: answers.length === 0 ? 0 : count / answers.length };
  });
}
