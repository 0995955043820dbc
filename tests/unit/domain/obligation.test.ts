import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineStatus, obligationStatus } from "@/lib/domain";
import { addDays } from "@/lib/domain/dates";
import { obligation, option } from "@/lib/domain/obligation";
import { expectDomainError } from "./helpers";

const base = { key: "k", rule: "GEN-6" as const, messageKey: "convention.annualBilanMeeting" as const, opensOn: "2025-01-01", responsible: "PARTIES" as const };

describe("obligation status (GEN-6, GEN-5)", () => {
  it("GEN-6: an engine's status always equals deadlineStatus (property); without a due date it is never late (GEN-5)", () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays("2025-01-01", n, "GEN-6"));
    fc.assert(
      fc.property(day, fc.option(day), day, fc.integer({ min: 0, max: 30 }), (dueOn, doneOn, today, soon) => {
        const expected = deadlineStatus({ dueOn, doneOn }, today, soon);
        expect(obligation({ ...base, dueOn, doneOn }, today, soon).deadlineStatus).toBe(expected);
        expect(obligationStatus({ dueOn, doneOn }, today, soon)).toBe(expected);
      }),
      { numRuns: 500 },
    );
    expect(obligationStatus({ dueOn: null, doneOn: null }, "2030-01-01")).toBe("upcoming");
    expect(obligationStatus({ dueOn: null, doneOn: "2025-02-01" }, "2030-01-01")).toBe("done");
    expect(obligationStatus({ dueOn: "2025-02-01", doneOn: null }, "2025-02-02")).toBe("overdue");
  });

  it("GEN-6 GEN-4: defaults of a draft, an option that lapses, and a bad today or soonDays refused", () => {
    expect(obligation({ ...base, dueOn: "2025-12-31" }, "2025-06-01", 7)).toEqual({ ...base, dueOn: "2025-12-31", doneOn: null, period: null, optional: false, closesOn: null, amountCents: null, deadlineStatus: "upcoming" });
    expect(option({ ...base, closesOn: "2025-03-01" }, "2025-03-02", 7)).toEqual([]);
    expect(option({ ...base, closesOn: "2025-03-01", doneOn: "2025-02-01" }, "2025-03-02", 7)[0].deadlineStatus).toBe("done");
    expectDomainError(() => obligation({ ...base, dueOn: "2025-12-31" }, "2025-13-01", 7), "GEN-6", "INVALID_DATE");
    expectDomainError(() => obligation({ ...base, dueOn: "2025-12-31" }, "2025-06-01", -1), "GEN-6", "NEGATIVE");
  });
});
