import { DomainError, unknownValue } from "./errors";
import { assertNonNegative, assertNonNegativeInt, assertOneOf, assertRate, roundHalfUp } from "./numbers";

/** The réservation in flux (seed 002 §I, §III): the Choisy-le-Roi / Valophis figures. */
export const FLUX_DEFAULTS = {
  objectiveCap: 0.24, // RES-11: 24 % at most
  guaranteeCap: 0.2, // RES-12 (R.441-5-3)
  shareWarningGap: 0.02, // RES-11: "differ markedly" = more than 2 points (docs/decisions.md)
} as const;

/** RES-2: why a dwelling is removed for good from the flux. */
export type ExclusionReason =
  | "NOT_SOCIAL_REGIME" // PLI, LLI, students, foyers, résidences sociales, FTM, CHRS, médico-social
  | "DEFENCE_SECURITY" // reserved for defence / internal security services (all of them)
  | "PUBLIC_HEALTH" // reserved for public health establishments
  | "SALE_PLAN"
  | "DEMOLITION"
  | "USUFRUCT_END";
export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  "NOT_SOCIAL_REGIME",
  "DEFENCE_SECURITY",
  "PUBLIC_HEALTH",
  "SALE_PLAN",
  "DEMOLITION",
  "USUFRUCT_END",
];

/** RES-3: categories of dwellings soustraits for the year by the bailleur. */
export type SoustraitCategory = "MUTATION_INTERNE" | "RENOUVELLEMENT_URBAIN" | "PERIL_INSALUBRITE" | "VENTE";
export const SOUSTRAIT_CATEGORIES: readonly SoustraitCategory[] = [
  "MUTATION_INTERNE",
  "RENOUVELLEMENT_URBAIN",
  "PERIL_INSALUBRITE",
  "VENTE",
];

/** RES-1..3: a dwelling's regime for a year — in the flux, excluded for good, or soustrait that year. */
export type DwellingRegime =
  | { kind: "FLUX" }
  | { kind: "EXCLUDED"; reason: ExclusionReason }
  | { kind: "SOUSTRAIT"; category: SoustraitCategory };

/**
 * RES-1..4: the assiette of year N = stock at 1 January (social attribution regime)
 * − excluded (RES-2) − soustraits of the year (RES-3) + new dwellings put into service (RES-4).
 */
export function fluxAssiette(x: { stock: number; excluded: number; soustraits: number; misesEnService: number }): number {
  assertNonNegativeInt(x.stock, "stock", "RES-1");
  assertNonNegativeInt(x.excluded, "excluded", "RES-2");
  assertNonNegativeInt(x.soustraits, "soustraits", "RES-3");
  assertNonNegativeInt(x.misesEnService, "misesEnService", "RES-4");
  if (x.excluded + x.soustraits > x.stock) {
    throw new DomainError("RES-2", "EXCEEDS", { field: "excluded + soustraits", value: x.excluded + x.soustraits, max: x.stock });
  }
  return x.stock - x.excluded - x.soustraits + x.misesEnService;
}

/** RES-1..4 from dwellings: counts each dwelling of the stock by its regime of the year. */
export function assietteFromRegimes(
  dwellings: readonly { regime: DwellingRegime; newInYear: boolean }[],
): { stock: number; excluded: number; soustraits: number; misesEnService: number; assiette: number } {
  let stock = 0;
  let excluded = 0;
  let soustraits = 0;
  let misesEnService = 0;
  for (const d of dwellings) {
    const kind = d.regime.kind;
    assertOneOf(kind, ["FLUX", "EXCLUDED", "SOUSTRAIT"], "regime", "RES-1");
    if (d.newInYear) {
      // RES-4: a new dwelling enters after its first letting (done in stock) if it is in the flux.
      if (kind === "FLUX") misesEnService += 1;
      continue;
    }
    stock += 1;
    if (kind === "EXCLUDED") excluded += 1;
    else if (kind === "SOUSTRAIT") soustraits += 1;
  }
  const assiette = fluxAssiette({ stock, excluded, soustraits, misesEnService });
  return { stock, excluded, soustraits, misesEnService, assiette };
}

/** RES-4b: dwellings of the assiette expected to be freed in the year (unrounded forecast). */
export function fluxForecast(assiette: number, rotation: number): number {
  assertNonNegative(assiette, "assiette", "RES-4b");
  assertRate(rotation, "rotation", "RES-4b");
  return assiette * rotation;
}

/** RES-11: min(cap, (1 − State part) × own droits uniques / all droits uniques). */
export function reservataireShare(x: {
  droitsUniques: number;
  allDroitsUniques: number;
  stateShare: number;
  cap: number;
}): number {
  assertNonNegative(x.droitsUniques, "droitsUniques", "RES-11");
  assertNonNegative(x.allDroitsUniques, "allDroitsUniques", "RES-11");
  assertRate(x.stateShare, "stateShare", "RES-11");
  assertRate(x.cap, "cap", "RES-11");
  if (x.allDroitsUniques === 0) throw new DomainError("RES-11", "ZERO_DENOMINATOR", { field: "allDroitsUniques" });
  if (x.droitsUniques > x.allDroitsUniques) {
    throw new DomainError("RES-11", "EXCEEDS", { field: "droitsUniques", value: x.droitsUniques, max: x.allDroitsUniques });
  }
  return Math.min(x.cap, ((1 - x.stateShare) * x.droitsUniques) / x.allDroitsUniques);
}

/** RES-11: warn when the agreed share and the formula differ markedly. */
export function shareDiffersMarkedly(
  agreed: number,
  formula: number,
  tolerance: number = FLUX_DEFAULTS.shareWarningGap,
): boolean {
  assertRate(agreed, "agreed", "RES-11");
  assertRate(formula, "formula", "RES-11");
  assertRate(tolerance, "tolerance", "RES-11");
  return Math.abs(agreed - formula) > tolerance + 1e-12;
}

/**
 * RES-12: the part of the flux reserved in return for loan guarantees = share × guarantee-origin
 * droits uniques / own droits uniques; a warning above 20 % of the annual flux.
 */
export function guaranteeShare(
  x: { share: number; guaranteeDroitsUniques: number; droitsUniques: number },
  cap: number = FLUX_DEFAULTS.guaranteeCap,
): { share: number; exceeds: boolean } {
  assertRate(x.share, "share", "RES-12");
  assertNonNegative(x.guaranteeDroitsUniques, "guaranteeDroitsUniques", "RES-12");
  assertNonNegative(x.droitsUniques, "droitsUniques", "RES-12");
  assertRate(cap, "cap", "RES-12");
  if (x.guaranteeDroitsUniques > x.droitsUniques) {
    throw new DomainError("RES-12", "EXCEEDS", { field: "guaranteeDroitsUniques", value: x.guaranteeDroitsUniques, max: x.droitsUniques });
  }
  const share = x.droitsUniques === 0 ? 0 : (x.share * x.guaranteeDroitsUniques) / x.droitsUniques;
  return { share, exceeds: share > cap + 1e-12 };
}

/**
 * RES-14: objective in dwellings = share × flux of the year (RES-4b: dwellings freed, never the
 * stock), rounded half up to a whole dwelling.
 */
export function fluxObjective(flux: number, share: number): number {
  assertNonNegative(flux, "flux", "RES-14");
  assertRate(share, "share", "RES-14");
  return roundHalfUp(flux * share);
}

/** RES-13/20: what became of a dwelling oriented to the réservataire. */
export type VacancyOutcome =
  | "LEASE_SIGNED"
  | "NO_CANDIDATE_30D"
  | "REFUSED_AFTER_CALEOL"
  | "NONE_RETAINED"
  | "PENDING"
  | "WITHDRAWN";
export const VACANCY_OUTCOMES: readonly VacancyOutcome[] = [
  "LEASE_SIGNED",
  "NO_CANDIDATE_30D",
  "REFUSED_AFTER_CALEOL",
  "NONE_RETAINED",
  "PENDING",
  "WITHDRAWN",
];

/** RES-13: whether an outcome counts, and as what. */
export function outcomeCount(outcome: VacancyOutcome): "LEASE" | "EQUIVALENT" | "NONE" {
  switch (outcome) {
    case "LEASE_SIGNED":
      return "LEASE";
    case "NO_CANDIDATE_30D":
    case "REFUSED_AFTER_CALEOL":
      return "EQUIVALENT";
    case "NONE_RETAINED": // seed silent: nothing counted, the réservataire may designate again
    case "PENDING":
    case "WITHDRAWN":
      return "NONE";
  }
  return unknownValue(outcome, "outcome", "RES-13");
}

/** RES-13: leases, equivalents (no candidate within 30 days, refused after CALEOL) and their total. */
export function fluxCount(outcomes: readonly VacancyOutcome[]): { leases: number; equivalents: number; total: number } {
  let leases = 0;
  let equivalents = 0;
  for (const o of outcomes) {
    const c = outcomeCount(o);
    if (c === "LEASE") leases += 1;
    else if (c === "EQUIVALENT") equivalents += 1;
  }
  return { leases, equivalents, total: leases + equivalents };
}

/** RES-14: progress against the objective, the gap split between leases and equivalents. */
export function fluxProgress(x: { objective: number; leases: number; equivalents: number }): {
  counted: number;
  progress: number | null;
  remaining: number;
  leases: number;
  equivalents: number;
} {
  assertNonNegativeInt(x.objective, "objective", "RES-14");
  assertNonNegativeInt(x.leases, "leases", "RES-14");
  assertNonNegativeInt(x.equivalents, "equivalents", "RES-14");
  const counted = x.leases + x.equivalents;
  return {
    counted,
    progress: x.objective === 0 ? null : counted / x.objective,
    remaining: Math.max(0, x.objective - counted),
    leases: x.leases,
    equivalents: x.equivalents,
  };
}
