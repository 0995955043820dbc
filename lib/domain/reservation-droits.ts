import { addMonths, daysBetween, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { assertNonNegative, assertNonNegativeInt, assertPositiveInt, assertRate, roundHalfUp } from "./numbers";

/** Droits de suite → droits uniques (seed 002 §II). */
export const DROITS_DEFAULTS = {
  rotationVintages: 5, // RES-6
  choisyRotation: 0.0524, // RES-6: the departmental rate retained by the Choisy text
  guaranteeYearsAfterRepayment: 5, // RES-8 (R.441-6)
  newProgrammeGuaranteeCap: 0.2, // RES-9 (R.441-5-3)
} as const;

/**
 * RES-5: annual rotation rate of a vintage = move-ins in dwellings let for at least a year /
 * dwellings let (modes 1 and 2), first letting year ∉ {N, N-1} (the caller filters RPLS rows).
 */
export function annualRotationRate(moveIns: number, letDwellings: number): number {
  assertNonNegativeInt(moveIns, "moveIns", "RES-5");
  assertNonNegativeInt(letDwellings, "letDwellings", "RES-5");
  if (letDwellings === 0) throw new DomainError("RES-5", "ZERO_DENOMINATOR", { field: "letDwellings" });
  if (moveIns > letDwellings) {
    throw new DomainError("RES-5", "EXCEEDS", { field: "moveIns", value: moveIns, max: letDwellings });
  }
  return moveIns / letDwellings;
}

export interface RotationVintage {
  year: number;
  moveIns: number;
  letDwellings: number;
}

/** RES-6: arithmetic mean of the annual rates of the 5 most recent vintages given. */
export function meanRotationRate(
  vintages: readonly RotationVintage[],
  count: number = DROITS_DEFAULTS.rotationVintages,
): number {
  assertPositiveInt(count, "count", "RES-6");
  const years = new Set<number>();
  for (const v of vintages) {
    assertNonNegativeInt(v.year, "year", "RES-6");
    if (years.has(v.year)) throw new DomainError("RES-6", "DUPLICATE", { field: "year", value: v.year });
    years.add(v.year);
  }
  if (vintages.length < count) {
    throw new DomainError("RES-6", "TOO_FEW_VINTAGES", { count: vintages.length, required: count });
  }
  const recent = [...vintages].sort((a, b) => b.year - a.year).slice(0, count);
  return recent.reduce((sum, v) => sum + annualRotationRate(v.moveIns, v.letDwellings), 0) / count;
}

export interface ReservationAgreement {
  id: string;
  droitsDeSuite: number;
  remainingYears: number;
}

/**
 * RES-7: droits uniques = droits de suite × remaining years × mean rotation, per agreement; the
 * total keeps the fractions, `rounded` (half up) is for display and the count in force.
 */
export function convertDroitsDeSuite(
  agreements: readonly ReservationAgreement[],
  rotation: number,
): { perAgreement: { id: string; droitsUniques: number }[]; total: number; rounded: number } {
  assertRate(rotation, "rotation", "RES-7");
  const ids = new Set<string>();
  const perAgreement = agreements.map((a) => {
    if (ids.has(a.id)) throw new DomainError("RES-7", "DUPLICATE", { field: "id", value: a.id });
    ids.add(a.id);
    assertNonNegativeInt(a.droitsDeSuite, "droitsDeSuite", "RES-7");
    assertNonNegative(a.remainingYears, "remainingYears", "RES-7");
    return { id: a.id, droitsUniques: a.droitsDeSuite * a.remainingYears * rotation };
  });
  const total = perAgreement.reduce((sum, a) => sum + a.droitsUniques, 0);
  return { perAgreement, total, rounded: roundHalfUp(total) };
}

/** RES-7/8: remaining duration in years, (endOn − at) in days / 365.25; 0 once past. */
export function remainingYears(endOn: IsoDate, at: IsoDate): number {
  return Math.max(0, daysBetween(at, endOn, "RES-7") / 365.25);
}

/** RES-8: rights attached to a loan guarantee run until 5 years after the last repayment. */
export function guaranteeRightsEnd(
  lastRepaymentOn: IsoDate,
  years: number = DROITS_DEFAULTS.guaranteeYearsAfterRepayment,
): IsoDate {
  assertNonNegativeInt(years, "years", "RES-8");
  return addMonths(lastRepaymentOn, 12 * years, "RES-8");
}

/** RES-9: origin of each droit unique (RES-12 needs the guarantee-origin part). */
export type DroitOrigin = "LOAN_GUARANTEE" | "LAND" | "FUNDING" | "CONVERTED_STOCK";
export const DROIT_ORIGINS: readonly DroitOrigin[] = ["LOAN_GUARANTEE", "LAND", "FUNDING", "CONVERTED_STOCK"];

/** RES-9: a new programme's guarantee gives up to 20 % of its dwellings as rights (whole dwellings). */
export function guaranteeRightsMax(
  programmeDwellings: number,
  cap: number = DROITS_DEFAULTS.newProgrammeGuaranteeCap,
): number {
  assertNonNegativeInt(programmeDwellings, "programmeDwellings", "RES-9");
  assertRate(cap, "cap", "RES-9");
  return Math.floor(programmeDwellings * cap + 1e-9);
}

/**
 * RES-10: stock at 1 January N = stock at 1 January N-1 + acquisitions in N-1 − consumption in N-1.
 * A negative result is returned as is: it says the réservataire was served beyond its rights.
 */
export function droitsUniquesNextStock(x: { stockJan1: number; acquisitions: number; consumption: number }): number {
  assertNonNegative(x.stockJan1, "stockJan1", "RES-10");
  assertNonNegative(x.acquisitions, "acquisitions", "RES-10");
  assertNonNegativeInt(x.consumption, "consumption", "RES-10");
  return x.stockJan1 + x.acquisitions - x.consumption;
}
