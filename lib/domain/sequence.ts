import { assertIso, type IsoDate } from "./dates";
import { DomainError, type RuleId } from "./errors";

/** Checks of impossible event sequences, shared by the deadline engines. */

export function assertEventDates(events: readonly { type: string; on: IsoDate }[], rule: RuleId): void {
  for (const e of events) assertIso(e.on, rule);
}

/** The prerequisite event must exist, on or before the event. */
export function requirePrior(
  event: { type: string; on: IsoDate },
  prerequisiteOn: IsoDate | null,
  requires: string,
  rule: RuleId,
): asserts prerequisiteOn is IsoDate {
  if (prerequisiteOn === null || prerequisiteOn > event.on) {
    throw new DomainError(rule, "EVENT_BEFORE_PREREQUISITE", { event: event.type, on: event.on, requires });
  }
}

/** Nothing may happen after the end (the end day itself is still allowed). */
export function rejectAfterEnd(event: { type: string; on: IsoDate }, endedOn: IsoDate | null, rule: RuleId): void {
  if (endedOn !== null && event.on > endedOn) {
    throw new DomainError(rule, "EVENT_AFTER_END", { event: event.type, on: event.on, endedOn });
  }
}

/** A one-off event recorded twice. */
export function rejectDuplicate(event: { type: string; on: IsoDate }, previousOn: IsoDate | null, rule: RuleId): void {
  if (previousOn !== null) throw new DomainError(rule, "EVENT_DUPLICATE", { event: event.type, on: event.on });
}

/** The fact an event builds on (read from earlier events); refuses the event when it is missing. */
export function requireFact<T>(event: { type: string; on: IsoDate }, fact: T | null, requires: string, rule: RuleId): T {
  if (fact === null) throw new DomainError(rule, "EVENT_BEFORE_PREREQUISITE", { event: event.type, on: event.on, requires });
  return fact;
}
