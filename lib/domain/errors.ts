import { formatMessage, type ErrorCode } from "./messages";

/** Rule ids of DOMAIN.md §2–§7 (`RES-4b`, `AVD-13b`, `ASL-11b` carry a letter). */
export type RuleId = `${"GEN" | "REL" | "RES" | "AVD" | "ASL" | "CAD"}-${number}${"" | "b"}`;

/** Parameters of a refusal: plain, serialisable values only. */
export type ErrorParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

/**
 * A refusal of the domain: invalid input never yields a number silently. It carries the rule id,
 * a stable code and its parameters; the French wording comes from the one catalogue
 * (`messages.ts`, see `formatDomainError`), the UI may reformat it.
 */
export class DomainError extends Error {
  readonly rule: RuleId;
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(rule: RuleId, code: ErrorCode, params: ErrorParams = {}) {
    super(`[${rule}] ${formatMessage(code, params)}`);
    this.name = "DomainError";
    this.rule = rule;
    this.code = code;
    this.params = params;
  }
}

/** The French sentence of a domain refusal, without the rule prefix. */
export function formatDomainError(error: DomainError): string {
  return formatMessage(error.code, error.params);
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/**
 * Closes an exhaustive `switch` on a union: the compiler rejects it when a case is missing, and at
 * run time (data from outside TypeScript) it refuses the unknown value.
 */
export function unknownValue(value: never, field: string, rule: RuleId): never {
  throw new DomainError(rule, "UNKNOWN_VALUE", { field, value: String(value) });
}
