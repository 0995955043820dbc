// The demo's convention events, dated relative to today: what a diligent partnership would have done
// in the past periods, leaving the most recent due item of each convention undone — so that, whatever
// the day, the demo shows obligations done, one overdue, and others due soon or to come.
import { addDays, conventionObligations, type ConventionEvent, type ConventionInput, type IsoDate, type Obligation } from "../lib/domain";

function fulfilling(o: Obligation, on: IsoDate, params: Record<string, unknown>): ConventionEvent | null {
  const [rule, what, period] = o.key.split(":");
  const year = Number(period);
  switch (`${rule}:${what}`) {
    case "GEN-6:annual-bilan": return { type: "MEETING", on, meetingKind: "ANNUAL_BILAN", period };
    case "REL-7:exchange": return { type: "MEETING", on, meetingKind: "QUARTERLY_EXCHANGE", period };
    case "RES-23:validation": return { type: "MEETING", on, meetingKind: "VALIDATION", period };
    case "GEN-6:steering": return { type: "MEETING", on, meetingKind: "STEERING_COMMITTEE", period };
    case "CAD-2:meeting": return { type: "MEETING", on, meetingKind: "SEMESTER", period };
    case "RES-22:bilan": return { type: "ANNUAL_BILAN_SENT", on, year };
    case "RES-11:share": return { type: "SHARE_AGREED", on, year, share: Number(params.objectiveCap ?? 0.24) };
    case "RES-3:soustraits": return { type: "SOUSTRAITS_DECLARED", on, year };
    case "AVD-17:figures": return { type: "FIGURES_SENT", on, period };
    case "ASL-11:table": return { type: "SEMESTER_TABLE_SENT", on, period };
    case "GEN-5:payment":
    case "AVD-4:payment": return { type: "PAYMENT", on, schedule: period, amountCents: o.amountCents ?? 0 };
    default: return null;
  }
}

export function demoConventionEvents(input: ConventionInput, signedOn: IsoDate, today: IsoDate, params: Record<string, unknown>): ConventionEvent[] {
  const signed: ConventionEvent = { type: "SIGNED", on: signedOn };
  const obligations = conventionObligations(input, [signed], today).filter((o) => !o.optional && !o.doneOn);
  const past = obligations
    .filter((o) => (o.dueOn ? o.dueOn < today : o.opensOn.slice(0, 4) < today.slice(0, 4)))
    .sort((a, b) => (a.dueOn ?? a.opensOn).localeCompare(b.dueOn ?? b.opensOn));
  const leftUndone = past.filter((o) => o.dueOn).at(-1);
  const events: ConventionEvent[] = [];
  for (const o of past) {
    if (o === leftUndone) continue;
    const target = o.dueOn ? addDays(o.dueOn, -12, "GEN-6") : addDays(o.opensOn, 100, "GEN-5");
    const on = target < o.opensOn ? o.opensOn : target > today ? today : target;
    const e = fulfilling(o, on, params);
    if (!e) continue;
    events.push(e);
    if (e.type === "PAYMENT") events.push({ type: "PAYMENT_CONFIRMED", on: addDays(on, 3, "GEN-5") > today ? on : addDays(on, 3, "GEN-5"), schedule: e.schedule });
  }
  return events;
}
