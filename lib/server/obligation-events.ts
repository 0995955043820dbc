// Which convention event fulfils which obligation (by the engine's key format). Shared by the
// « marquer comme fait » action and the demo seed. No server-only marker: the seed imports it.
import type { ConventionEvent, IsoDate, MeetingKind, PartyRole } from "@/lib/domain";

const MEETINGS: Record<string, MeetingKind> = {
  "GEN-6:annual-bilan": "ANNUAL_BILAN",
  "REL-7:exchange": "QUARTERLY_EXCHANGE",
  "RES-23:validation": "VALIDATION",
  "GEN-6:steering": "STEERING_COMMITTEE",
  "CAD-2:meeting": "SEMESTER",
};

/** The kind of form a person fills to fulfil the obligation. */
export type FulfilmentKind = "MEETING" | "PAYMENT" | "PAYMENT_CONFIRMATION" | "REFUND" | "SENT" | "AGREED";

export function fulfilmentKind(key: string): FulfilmentKind | null {
  const [rule, what] = key.split(":");
  const head = `${rule}:${what}`;
  if (head in MEETINGS) return "MEETING";
  if (head === "GEN-5:payment" || head === "AVD-4:payment") return "PAYMENT";
  if (head === "GEN-5:confirm") return "PAYMENT_CONFIRMATION";
  if (head === "GEN-5:refund") return "REFUND";
  if (head === "RES-11:share") return "AGREED";
  // RES-22:bilan is marked sent from the bilan's page, with the file, for every réservataire at once (issue 11).
  if (["RES-3:soustraits", "AVD-17:figures", "ASL-11:table", "AVD-5:report", "AVD-3:budget-change", "AVD-15:answer"].includes(head)) return "SENT";
  return null;
}

export function fulfillingEvent(
  o: { key: string; amountCents: number | null },
  on: IsoDate,
  extra: { amountCents?: number; share?: number; by?: PartyRole } = {},
): ConventionEvent | null {
  const [rule, what, ...rest] = o.key.split(":");
  const period = rest.join(":");
  const head = `${rule}:${what}`;
  if (head in MEETINGS) return { type: "MEETING", on, meetingKind: MEETINGS[head], period };
  switch (head) {
    case "RES-22:bilan": return { type: "ANNUAL_BILAN_SENT", on, year: Number(period) };
    case "RES-11:share": return extra.share === undefined ? null : { type: "SHARE_AGREED", on, year: Number(period), share: extra.share };
    case "RES-3:soustraits": return { type: "SOUSTRAITS_DECLARED", on, year: Number(period) };
    case "AVD-17:figures": return { type: "FIGURES_SENT", on, period };
    case "ASL-11:table": return { type: "SEMESTER_TABLE_SENT", on, period };
    case "AVD-5:report": return { type: "REPORT_SENT", on, report: period.toUpperCase() as "FINANCIAL" | "ACCOUNTS" | "ACTIVITY" | "FINAL_BILAN" };
    case "AVD-3:budget-change": return { type: "BUDGET_CHANGE_NOTIFIED", on };
    case "AVD-15:answer": return extra.by ? { type: "AVENANT_ANSWERED", on, by: extra.by } : null;
    case "GEN-5:payment":
    case "AVD-4:payment": return { type: "PAYMENT", on, schedule: period, amountCents: extra.amountCents ?? o.amountCents ?? 0 };
    case "GEN-5:confirm": return { type: "PAYMENT_CONFIRMED", on, schedule: period };
    case "GEN-5:refund": return { type: "REFUND_PAID", on, id: period };
    default: return null;
  }
}
