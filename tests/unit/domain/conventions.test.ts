import { describe, expect, it } from "vitest";
import {
  assertMayTerminate,
  conventionEndInForce,
  deadlineStatus,
  mayTerminate,
  parametersInForce,
  paymentStatus,
  renewalWindow,
  terminationEffectiveOn,
  unspentRefundCents,
  type ConventionTerm,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

/** Seed 000: 1 January 2025, one year, tacitly renewed, 3 years at most. */
const relais: ConventionTerm = { startOn: "2025-01-01", initialMonths: 12, renewal: { kind: "TACIT", periodMonths: 12, maxTotalMonths: 36 } };

describe("conventionEndInForce (GEN-1/2/4)", () => {
  it("GEN-1 GEN-2: the relais convention runs to 31 Dec 2025, then is tacitly renewed year by year", () => {
    expect(conventionEndInForce(relais, "2024-06-01")).toBe("2025-12-31"); // before the start: the first period
    expect(conventionEndInForce(relais, "2025-06-01")).toBe("2025-12-31");
    expect(conventionEndInForce(relais, "2025-12-31")).toBe("2025-12-31");
    expect(conventionEndInForce(relais, "2026-01-01")).toBe("2026-12-31");
    expect(conventionEndInForce(relais, "2026-03-01")).toBe("2026-12-31");
  });

  it("GEN-1: never beyond the maximum total of 3 years", () => {
    expect(conventionEndInForce(relais, "2027-12-31")).toBe("2027-12-31");
    expect(conventionEndInForce(relais, "2028-06-01")).toBe("2027-12-31");
    // A maximum that is not a whole number of periods: no partial period.
    const odd: ConventionTerm = { ...relais, renewal: { kind: "TACIT", periodMonths: 12, maxTotalMonths: 30 } };
    expect(conventionEndInForce(odd, "2030-01-01")).toBe("2026-12-31");
  });

  it("GEN-2: a denunciation before the end of the running period stops the next renewal (issue 5: 2026-10-01 → 31 Dec 2026)", () => {
    const denounced = { ...relais, denouncedOn: "2026-10-01" };
    expect(conventionEndInForce(denounced, "2026-11-01")).toBe("2026-12-31");
    expect(conventionEndInForce(denounced, "2027-03-01")).toBe("2026-12-31");
    expect(conventionEndInForce({ ...relais, denouncedOn: "2025-12-31" }, "2026-06-01")).toBe("2025-12-31");
    expect(conventionEndInForce({ ...relais, denouncedOn: "2026-01-01" }, "2026-06-01")).toBe("2026-12-31");
    expect(conventionEndInForce({ ...relais, denouncedOn: "2026-01-01" }, "2027-06-01")).toBe("2026-12-31");
  });

  it("GEN-4: a termination date earlier than the end is the end in force", () => {
    expect(conventionEndInForce({ ...relais, terminatedOn: "2025-06-15" }, "2025-06-01")).toBe("2025-06-15");
    expect(conventionEndInForce({ ...relais, terminatedOn: "2025-06-15" }, "2026-06-01")).toBe("2025-06-15");
    const flux: ConventionTerm = { startOn: "2024-01-01", initialMonths: 36, renewal: { kind: "NONE" }, terminatedOn: "2030-01-01" };
    expect(conventionEndInForce(flux, "2025-01-01")).toBe("2026-12-31");
  });

  it("GEN-1 CAD-3: no renewal for the réservation convention; yearly tacit renewal without limit for the framework one", () => {
    expect(conventionEndInForce({ startOn: "2024-01-01", initialMonths: 36, renewal: { kind: "NONE" } }, "2031-01-01")).toBe("2026-12-31");
    const cadre: ConventionTerm = { startOn: "2010-04-07", initialMonths: 12, renewal: { kind: "TACIT", periodMonths: 12 } };
    expect(conventionEndInForce(cadre, "2010-04-07")).toBe("2011-04-06");
    expect(conventionEndInForce(cadre, "2025-06-01")).toBe("2026-04-06");
  });

  it("GEN-1: month ends and leap years (31 Jan + 1 month; 29 Feb + 12 months)", () => {
    const monthly: ConventionTerm = { startOn: "2024-01-31", initialMonths: 1, renewal: { kind: "TACIT", periodMonths: 1 } };
    expect(conventionEndInForce(monthly, "2024-02-28")).toBe("2024-02-28");
    expect(conventionEndInForce(monthly, "2024-02-29")).toBe("2024-03-30");
    expect(conventionEndInForce({ startOn: "2024-02-29", initialMonths: 12, renewal: { kind: "NONE" } }, "2024-06-01")).toBe("2025-02-27");
    expect(conventionEndInForce({ startOn: "2023-03-01", initialMonths: 12, renewal: { kind: "NONE" } }, "2023-06-01")).toBe("2024-02-29");
  });

  it("GEN-1 GEN-4: invalid terms are refused", () => {
    expectDomainError(() => conventionEndInForce({ ...relais, startOn: "2025-02-30" }, "2025-06-01"), "GEN-1", "INVALID_DATE");
    expectDomainError(() => conventionEndInForce({ ...relais, initialMonths: 0 }, "2025-06-01"), "GEN-1", "NOT_POSITIVE");
    expectDomainError(() => conventionEndInForce({ ...relais, initialMonths: 1.5 }, "2025-06-01"), "GEN-1", "NOT_INTEGER");
    expectDomainError(() => conventionEndInForce({ ...relais, renewal: { kind: "SOMETIMES" } as never }, "2025-06-01"), "GEN-1", "UNKNOWN_VALUE");
    expectDomainError(() => conventionEndInForce({ ...relais, renewal: { kind: "TACIT", periodMonths: 0 } }, "2025-06-01"), "GEN-1", "NOT_POSITIVE");
    expectDomainError(() => conventionEndInForce({ ...relais, renewal: { kind: "TACIT", periodMonths: 12, maxTotalMonths: 6 } }, "2025-06-01"), "GEN-1", "EXCEEDS");
    expectDomainError(() => conventionEndInForce({ ...relais, denouncedOn: "2026-02-30" }, "2025-06-01"), "GEN-2", "INVALID_DATE");
    expectDomainError(() => conventionEndInForce({ ...relais, terminatedOn: "2024-12-31" }, "2025-06-01"), "GEN-4", "END_BEFORE_START");
    expectDomainError(() => conventionEndInForce({ ...relais, terminatedOn: "31/12/2025" }, "2025-06-01"), "GEN-4", "INVALID_DATE");
    expectDomainError(() => conventionEndInForce(relais, "2025-6-1"), "GEN-2", "INVALID_DATE");
  });

  it("GEN-2: the window to denounce before a tacit renewal", () => {
    expect(renewalWindow(relais, "2025-06-01")).toEqual({ periodEndOn: "2025-12-31", denounceBy: "2025-12-31", nextPeriodEndOn: "2026-12-31" });
    expect(renewalWindow(relais, "2027-06-01")).toEqual({ periodEndOn: "2027-12-31", denounceBy: null, nextPeriodEndOn: null });
    expect(renewalWindow({ ...relais, denouncedOn: "2025-03-01" }, "2025-06-01").denounceBy).toBeNull();
    expect(renewalWindow({ ...relais, terminatedOn: "2025-09-01" }, "2025-06-01")).toEqual({ periodEndOn: "2025-09-01", denounceBy: null, nextPeriodEndOn: null });
    expect(renewalWindow({ startOn: "2024-01-01", initialMonths: 36, renewal: { kind: "NONE" } }, "2025-01-01").denounceBy).toBeNull();
  });
});

describe("termination (GEN-4)", () => {
  it("GEN-4: the earliest termination date is the letter's date + the notice (month ends clamp)", () => {
    expect(terminationEffectiveOn("2025-03-15", 1)).toBe("2025-04-15");
    expect(terminationEffectiveOn("2025-01-31", 1)).toBe("2025-02-28");
    expect(terminationEffectiveOn("2023-12-31", 2)).toBe("2024-02-29");
    expectDomainError(() => terminationEffectiveOn("2025-03-15", 0), "GEN-4", "NOT_POSITIVE");
    expectDomainError(() => terminationEffectiveOn("2025-03-32", 1), "GEN-4", "INVALID_DATE");
  });

  it("GEN-4: who may terminate — either party (relais, FNAVDL), only the commune (réservation), nobody (ASLLi, cadre)", () => {
    expect(mayTerminate("RELAIS", "COMMUNE") && mayTerminate("RELAIS", "ASSOCIATION")).toBe(true);
    expect(mayTerminate("FNAVDL", "ETAT") && mayTerminate("FNAVDL", "ASSOCIATION")).toBe(true);
    expect(mayTerminate("RESERVATION_FLUX", "RESERVATAIRE")).toBe(true);
    expect(mayTerminate("RESERVATION_FLUX", "BAILLEUR")).toBe(false);
    expect(mayTerminate("ASLLI", "DEPARTEMENT") || mayTerminate("CADRE", "FEDERATION")).toBe(false);
    const e = expectDomainError(() => assertMayTerminate("RESERVATION_FLUX", "BAILLEUR"), "GEN-4", "TERMINATION_NOT_ALLOWED");
    expect(e.params).toEqual({ kind: "RESERVATION_FLUX", role: "BAILLEUR" });
    expectDomainError(() => mayTerminate("OTHER" as never, "BAILLEUR"), "GEN-4", "UNKNOWN_VALUE");
  });
});

describe("avenants (GEN-3)", () => {
  const base = { referralQuota: 3, supportMonths: 12 };

  it("GEN-3: a figure for a past date uses the parameters then in force; avenants apply in effective-date order", () => {
    const avenants = [
      { effectiveOn: "2026-01-01", changes: { referralQuota: 5 } },
      { effectiveOn: "2025-07-01", changes: { referralQuota: 4, supportMonths: 18 } },
    ];
    expect(parametersInForce(base, avenants, "2025-06-30")).toEqual({ referralQuota: 3, supportMonths: 12 });
    expect(parametersInForce(base, avenants, "2025-07-01")).toEqual({ referralQuota: 4, supportMonths: 18 });
    expect(parametersInForce(base, avenants, "2026-02-01")).toEqual({ referralQuota: 5, supportMonths: 18 });
    expect(base).toEqual({ referralQuota: 3, supportMonths: 12 });
  });

  it("GEN-3: an avenant naming an unknown parameter or a bad date is refused", () => {
    expectDomainError(() => parametersInForce(base, [{ effectiveOn: "2025-07-01", changes: { quota: 4 } as never }], "2025-08-01"), "GEN-3", "UNKNOWN_VALUE");
    expectDomainError(() => parametersInForce(base, [{ effectiveOn: "2025-07-32", changes: {} }], "2025-08-01"), "GEN-3", "INVALID_DATE");
    expectDomainError(() => parametersInForce(base, [], "nope"), "GEN-3", "INVALID_DATE");
  });
});

describe("deadlineStatus (GEN-6)", () => {
  it("GEN-6: done beats everything; overdue only after the due date; due-soon within 7 days", () => {
    expect(deadlineStatus({ dueOn: "2025-03-01", doneOn: "2025-04-01" }, "2025-05-01")).toBe("done");
    expect(deadlineStatus({ dueOn: "2025-03-01", doneOn: null }, "2025-03-02")).toBe("overdue");
    expect(deadlineStatus({ dueOn: "2025-03-01" }, "2025-03-01")).toBe("due-soon");
    expect(deadlineStatus({ dueOn: "2025-03-08" }, "2025-03-01")).toBe("due-soon");
    expect(deadlineStatus({ dueOn: "2025-03-09" }, "2025-03-01")).toBe("upcoming");
    expect(deadlineStatus({ dueOn: "2025-03-09" }, "2025-03-01", 8)).toBe("due-soon");
    expect(deadlineStatus({ dueOn: "2025-03-02" }, "2025-03-01", 0)).toBe("upcoming");
    expect(deadlineStatus({ dueOn: "2024-03-01" }, "2024-02-28")).toBe("due-soon"); // 2 days across 29 Feb
  });

  it("GEN-6: invalid input is refused", () => {
    expectDomainError(() => deadlineStatus({ dueOn: "2025-03-01" }, "2025-03-01", -1), "GEN-6", "NEGATIVE");
    expectDomainError(() => deadlineStatus({ dueOn: "2025-02-29" }, "2025-03-01"), "GEN-6", "INVALID_DATE");
    expectDomainError(() => deadlineStatus({ dueOn: "2025-03-01", doneOn: "x" }, "2025-03-01"), "GEN-6", "INVALID_DATE");
    expectDomainError(() => deadlineStatus({ dueOn: "2025-03-01" }, "2025-3-1"), "GEN-6", "INVALID_DATE");
  });
});

describe("payments (GEN-5)", () => {
  it("GEN-5: 'late' exists only where a date is set (the relais subsidy depends on the budget vote)", () => {
    expect(paymentStatus({ dueOn: null, paidOn: null }, "2030-01-01")).toBe("expected");
    expect(paymentStatus({ dueOn: "2025-03-31", paidOn: null }, "2025-04-01")).toBe("late");
    expect(paymentStatus({ dueOn: "2025-03-31", paidOn: null }, "2025-03-31")).toBe("expected");
    expect(paymentStatus({ dueOn: "2025-03-31", paidOn: "2025-05-01" }, "2025-06-01")).toBe("paid");
    expectDomainError(() => paymentStatus({ dueOn: "2025-02-30", paidOn: null }, "2025-06-01"), "GEN-5", "INVALID_DATE");
  });

  it("GEN-5: an association that withdraws refunds the sums not committed (seed 000 art. 7)", () => {
    expect(unspentRefundCents({ receivedCents: 1_140_000, committedCents: 800_000 })).toBe(340_000);
    expect(unspentRefundCents({ receivedCents: 500_000, committedCents: 800_000 })).toBe(0);
    expectDomainError(() => unspentRefundCents({ receivedCents: -1, committedCents: 0 }), "GEN-5", "NEGATIVE");
    expectDomainError(() => unspentRefundCents({ receivedCents: 10, committedCents: 0.5 }), "GEN-5", "NOT_INTEGER");
  });
});
