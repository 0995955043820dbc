// The demo's convention events, dated relative to today: what a diligent partnership would have done
// in the past periods, leaving the most recent due item of each convention undone — so that, whatever
// the day, the demo shows obligations done, one overdue, and others due soon or to come.
import { addDays, conventionObligations, type ConventionEvent, type ConventionInput, type IsoDate } from "../lib/domain";
import { fulfillingEvent } from "../lib/server/obligation-events";

export function demoConventionEvents(input: ConventionInput, signedOn: IsoDate, today: IsoDate, params: Record<string, unknown>): ConventionEvent[] {
  const signed: ConventionEvent = { type: "SIGNED", on: signedOn };
  const obligations = conventionObligations(input, [signed], today).filter((o) => !o.optional && !o.doneOn);
  const past = obligations
    .filter((o) => (o.dueOn ? o.dueOn < today : o.opensOn.slice(0, 4) < today.slice(0, 4)))
    .sort((a, b) => (a.dueOn ?? a.opensOn).localeCompare(b.dueOn ?? b.opensOn));
  // A convention still running keeps one overdue item; one that has ended was closed out in order.
  const running = obligations.some((o) => o.dueOn !== null && o.dueOn >= today);
  const leftUndone = running ? past.filter((o) => o.dueOn).at(-1) : undefined;
  const events: ConventionEvent[] = [];
  for (const o of past) {
    if (o === leftUndone) continue;
    const target = o.dueOn ? addDays(o.dueOn, -12, "GEN-6") : addDays(o.opensOn, 100, "GEN-5");
    const on = target < o.opensOn ? o.opensOn : target > today ? today : target;
    const e = fulfillingEvent(o, on, { share: Number(params.objectiveCap ?? 0.24) });
    if (!e) continue;
    events.push(e);
    if (e.type === "PAYMENT") events.push({ type: "PAYMENT_CONFIRMED", on: addDays(on, 3, "GEN-5") > today ? on : addDays(on, 3, "GEN-5"), schedule: e.schedule });
  }
  return events;
}
