import { describe, expect, it } from "vitest";
import { conventionObligations, type ConventionEvent, type ConventionInput } from "@/lib/domain";
import { expectDomainError } from "./helpers";

const fnavdl: ConventionInput = { kind: "FNAVDL", startOn: "2025-03-15", params: { months: 24 } };
const signed: ConventionEvent = { type: "SIGNED", on: "2025-03-15" };

describe("refunds owed (GEN-5, AVD-16)", () => {
  it("GEN-5 AVD-16: a refund claimed with a date is owed by the association, late after it, done when refunded", () => {
    const claim: ConventionEvent = { type: "REFUND_CLAIMED", on: "2026-04-01", id: "excedent-2025", amountCents: 420_000, reason: "Contribution supérieure au coût de l'action", dueOn: "2026-06-30" };
    const refund = (today: string, events: ConventionEvent[]) => conventionObligations(fnavdl, [signed, ...events], today).find((o) => o.key === "GEN-5:refund:excedent-2025");
    expect(refund("2026-05-01", [claim])).toMatchObject({ rule: "GEN-5", opensOn: "2026-04-01", dueOn: "2026-06-30", amountCents: 420_000, responsible: "ASSOCIATION", deadlineStatus: "upcoming" });
    expect(refund("2026-07-01", [claim])?.deadlineStatus).toBe("overdue");
    expect(refund("2026-07-01", [claim, { type: "REFUND_PAID", on: "2026-06-20", id: "excedent-2025" }])).toMatchObject({ doneOn: "2026-06-20", deadlineStatus: "done" });
  });

  it("GEN-5: a refund without a date is never late", () => {
    const claim: ConventionEvent = { type: "REFUND_CLAIMED", on: "2026-04-01", id: "retrait", amountCents: 100, reason: "Sommes non utilisées", dueOn: null };
    const o = conventionObligations(fnavdl, [signed, claim], "2030-01-01").find((x) => x.key === "GEN-5:refund:retrait");
    expect(o?.deadlineStatus).toBe("upcoming");
  });

  it("GEN-5: a refund paid without a claim, or a claim of no amount, is refused", () => {
    expectDomainError(() => conventionObligations(fnavdl, [signed, { type: "REFUND_PAID", on: "2026-06-20", id: "x" }], "2026-07-01"), "GEN-5", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => conventionObligations(fnavdl, [signed, { type: "REFUND_CLAIMED", on: "2026-04-01", id: "y", amountCents: 0, reason: "", dueOn: null }], "2026-07-01"), "GEN-5", "NOT_POSITIVE");
  });
});
