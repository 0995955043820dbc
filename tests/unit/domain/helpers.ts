import { expect } from "vitest";
import { DomainError, type ErrorCode, type Obligation } from "@/lib/domain";

/** Runs `fn`, expects a DomainError with this rule and code, and returns it for further checks. */
export function expectDomainError(fn: () => unknown, rule: string, code: ErrorCode): DomainError {
  let caught: unknown = null;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect({ rule: error.rule, code: error.code }).toEqual({ rule, code });
  return error;
}

/** A compact, readable row per obligation: `key opensOn→dueOn done:doneOn status responsible`. */
export function rows(obligations: readonly Obligation[]): string[] {
  return obligations.map(
    (o) => `${o.key} ${o.opensOn}→${o.dueOn ?? "-"} done:${o.doneOn ?? "-"} ${o.deadlineStatus} ${o.responsible}`,
  );
}
