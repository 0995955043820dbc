import { addDays, addMonths, endOfMonthsPeriod, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { applyRateCents, assertNonNegativeInt, assertPositiveInt, assertRate } from "./numbers";

/** Relais housing with social support (seed 000): the Choisy-le-Roi / AUMV figures. */
export const RELAIS_DEFAULTS = {
  referralQuota: 3, // REL-1
  diagnosticOpensAfterDays: 15, // REL-2
  diagnosticWithinMonths: 1, // REL-2
  redevanceRate: 0.2, // REL-4
  fallbackMonths: 2, // REL-5
  supportMonths: 12, // REL-6
  intermediateBilanMonths: 3, // REL-7: "at regular intervals"; the seed gives none (docs/decisions.md)
  annualSubsidyCents: 1_140_000, // GEN-5: 11 400 € a year, subject to the budget vote
  noticeMonths: 1, // GEN-4
} as const;

/** REL-1: may the Ville make one more diagnostic request this convention year? */
export function relaisReferralAllowed(
  referralsThisYear: number,
  quota: number = RELAIS_DEFAULTS.referralQuota,
): boolean {
  assertNonNegativeInt(referralsThisYear, "referralsThisYear", "REL-1");
  assertNonNegativeInt(quota, "quota", "REL-1");
  return referralsThisYear < quota;
}

/** REL-1: refuses a referral past the yearly quota, with the French message of the catalogue. */
export function assertRelaisReferralAllowed(
  referralsThisYear: number,
  quota: number = RELAIS_DEFAULTS.referralQuota,
): void {
  if (!relaisReferralAllowed(referralsThisYear, quota)) throw new DomainError("REL-1", "QUOTA_REACHED", { quota });
}

/** REL-2: the meeting with the household, between 15 days and 1 month after the referral e-mail. */
export function relaisDiagnosticWindow(
  referredOn: IsoDate,
  opensAfterDays: number = RELAIS_DEFAULTS.diagnosticOpensAfterDays,
  withinMonths: number = RELAIS_DEFAULTS.diagnosticWithinMonths,
): { opensOn: IsoDate; dueOn: IsoDate } {
  assertNonNegativeInt(opensAfterDays, "opensAfterDays", "REL-2");
  assertPositiveInt(withinMonths, "withinMonths", "REL-2");
  return {
    opensOn: addDays(referredOn, opensAfterDays, "REL-2"),
    dueOn: addMonths(referredOn, withinMonths, "REL-2"),
  };
}

/** REL-4: redevance = 20 % of the monthly income, rounded half up to the cent. */
export function relaisRedevanceCents(
  monthlyIncomeCents: number,
  rate: number = RELAIS_DEFAULTS.redevanceRate,
): number {
  assertNonNegativeInt(monthlyIncomeCents, "monthlyIncomeCents", "REL-4");
  assertRate(rate, "rate", "REL-4");
  return applyRateCents(monthlyIncomeCents, rate);
}

/** REL-5: from this date the Ville may propose a dwelling of its réservations (an option, not a deadline). */
export function relaisFallbackOn(diagnosticOn: IsoDate, months: number = RELAIS_DEFAULTS.fallbackMonths): IsoDate {
  assertPositiveInt(months, "months", "REL-5");
  return addMonths(diagnosticOn, months, "REL-5");
}

/** REL-6: planned end of the support: entry + 12 × (1 + renewals) months − 1 day. */
export function relaisSupportEnd(
  entryOn: IsoDate,
  renewals: number = 0,
  supportMonths: number = RELAIS_DEFAULTS.supportMonths,
): IsoDate {
  assertNonNegativeInt(renewals, "renewals", "REL-6");
  assertPositiveInt(supportMonths, "supportMonths", "REL-6");
  return endOfMonthsPeriod(entryOn, supportMonths * (1 + renewals), "REL-6");
}

/** REL-3: the sections a bilan diagnostic must fill in. */
export const RELAIS_DIAGNOSTIC_SECTIONS = [
  "problem",
  "financialSituation",
  "prioritySteps",
  "engagementCapacity",
  "supportProject",
  "modalities",
  "paymentCapacity",
] as const;
export type RelaisDiagnosticSection = (typeof RELAIS_DIAGNOSTIC_SECTIONS)[number];

/** REL-3: the household's problem areas the bilan clarifies. */
export const RELAIS_PROBLEM_AREAS = ["SOCIAL", "ECONOMIC", "PROFESSIONAL", "FAMILY", "HOUSING"] as const;

/** REL-3: sections left empty (blank text counts as missing), in the order of the seed. */
export function relaisDiagnosticMissing(
  bilan: Partial<Record<RelaisDiagnosticSection, string | null>>,
): RelaisDiagnosticSection[] {
  return RELAIS_DIAGNOSTIC_SECTIONS.filter((s) => {
    const v = bilan[s];
    return v === undefined || v === null || v.trim() === "";
  });
}

export function assertRelaisDiagnosticComplete(bilan: Partial<Record<RelaisDiagnosticSection, string | null>>): void {
  const missing = relaisDiagnosticMissing(bilan);
  if (missing.length > 0) throw new DomainError("REL-3", "INCOMPLETE", { missing });
}

/** REL-7: the support checklist (health follow-up is a yes/no item, never a detail). */
export const RELAIS_SUPPORT_CHECKLIST = [
  "BUDGET_PRIORITY_GRID",
  "NEIGHBOUR_RELATIONS",
  "ADMINISTRATIVE_STEPS",
  "FOLLOW_UP_EMPLOYMENT",
  "FOLLOW_UP_HEALTH",
  "FOLLOW_UP_PARENTING",
] as const;
export type RelaisChecklistItem = (typeof RELAIS_SUPPORT_CHECKLIST)[number];

/** REL-8: how a relais support ends (a renewal is a RENEWAL event, not an end). */
export type RelaisOutcome = "RELOGE" | "OTHER_SOLUTION" | "STOP";
export const RELAIS_OUTCOMES: readonly RelaisOutcome[] = ["RELOGE", "OTHER_SOLUTION", "STOP"];
