import { DomainError, type RuleId } from "./errors";

/** Checks shared by every rule: counts are non-negative integers, rates are fractions. */

export function assertNumber(value: number, field: string, rule: RuleId): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new DomainError(rule, "UNKNOWN_VALUE", { field, value: String(value) });
  }
}

export function assertNonNegativeInt(value: number, field: string, rule: RuleId): void {
  assertNumber(value, field, rule);
  if (!Number.isInteger(value)) throw new DomainError(rule, "NOT_INTEGER", { field, value });
  if (value < 0) throw new DomainError(rule, "NEGATIVE", { field, value });
}

export function assertPositiveInt(value: number, field: string, rule: RuleId): void {
  assertNonNegativeInt(value, field, rule);
  if (value === 0) throw new DomainError(rule, "NOT_POSITIVE", { field, value });
}

export function assertNonNegative(value: number, field: string, rule: RuleId): void {
  assertNumber(value, field, rule);
  if (value < 0) throw new DomainError(rule, "NEGATIVE", { field, value });
}

/** A rate is a fraction in [0, 1] (`0.0524`, not `5.24`). */
export function assertRate(value: number, field: string, rule: RuleId): void {
  assertNumber(value, field, rule);
  if (value < 0 || value > 1) throw new DomainError(rule, "RATE_OUT_OF_RANGE", { field, value });
}

export function assertOneOf<T extends string | number>(
  value: T,
  allowed: readonly T[],
  field: string,
  rule: RuleId,
): void {
  if (!allowed.includes(value)) throw new DomainError(rule, "UNKNOWN_VALUE", { field, value: String(value) });
}

/**
 * Rounds half up to an integer. A tolerance of 1e-9 absorbs binary noise so that a value that is
 * mathematically x.5 (e.g. 100 × 0.245) rounds up as a person would expect.
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}

/** Rounds half up to `digits` decimals (display figures such as AVD-13b's one decimal). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return roundHalfUp(x * f) / f;
}

/**
 * `cents × rate`, rounded half up to the cent, computed exactly: the rate is taken in millionths
 * so the product stays an integer (safe below 9e9 cents × 1e6).
 */
export function applyRateCents(cents: number, rate: number): number {
  const micro = Math.round(rate * 1_000_000);
  return Math.floor((cents * micro + 500_000) / 1_000_000);
}
