import { assertIso, type IsoDate } from "./dates";
import { assertNonNegativeInt } from "./numbers";

export type PaymentStatus = "paid" | "expected" | "late";

/** GEN-5: paid once recorded; "late" exists only where the convention sets a date (not for "no fixed date"). */
export function paymentStatus(p: { dueOn: IsoDate | null; paidOn: IsoDate | null }, today: IsoDate): PaymentStatus {
  assertIso(today, "GEN-5");
  if (p.paidOn !== null) return "paid";
  if (p.dueOn === null) return "expected";
  assertIso(p.dueOn, "GEN-5");
  return today > p.dueOn ? "late" : "expected";
}

/** GEN-5 (seed 000 art. 7): an association that withdraws refunds the sums received and not committed. */
export function unspentRefundCents(x: { receivedCents: number; committedCents: number }): number {
  assertNonNegativeInt(x.receivedCents, "receivedCents", "GEN-5");
  assertNonNegativeInt(x.committedCents, "committedCents", "GEN-5");
  return Math.max(0, x.receivedCents - x.committedCents);
}
