import { describe, expect, it } from "vitest";
import {
  assertRelaisDiagnosticComplete,
  assertRelaisReferralAllowed,
  formatDomainError,
  relaisDiagnosticMissing,
  relaisDiagnosticWindow,
  relaisFallbackOn,
  relaisFigures,
  relaisRedevanceCents,
  relaisReferralAllowed,
  relaisSupportEnd,
  type RelaisFiguresCase,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

describe("relais (seed 000)", () => {
  it("REL-1: at most 3 diagnostic requests a year — the fourth is refused with a clear message", () => {
    expect([0, 1, 2].map((n) => relaisReferralAllowed(n))).toEqual([true, true, true]);
    expect(relaisReferralAllowed(3)).toBe(false);
    expect(relaisReferralAllowed(3, 4)).toBe(true); // an avenant raising the quota (GEN-3)
    expect(relaisReferralAllowed(0, 0)).toBe(false);
    const e = expectDomainError(() => assertRelaisReferralAllowed(3), "REL-1", "QUOTA_REACHED");
    expect(formatDomainError(e)).toBe("Le quota de 3 demandes de bilan diagnostic pour l'année est atteint.");
    expect(() => assertRelaisReferralAllowed(2)).not.toThrow();
  });

  it("REL-1: negative or fractional counts are refused", () => {
    expectDomainError(() => relaisReferralAllowed(-1), "REL-1", "NEGATIVE");
    expectDomainError(() => relaisReferralAllowed(1.5), "REL-1", "NOT_INTEGER");
    expectDomainError(() => relaisReferralAllowed(1, -3), "REL-1", "NEGATIVE");
    expectDomainError(() => relaisReferralAllowed(Number.NaN), "REL-1", "UNKNOWN_VALUE");
  });

  it("REL-2: window opens at +15 days and closes at +1 month (issue examples, month ends, leap years)", () => {
    expect(relaisDiagnosticWindow("2025-01-31")).toEqual({ opensOn: "2025-02-15", dueOn: "2025-02-28" });
    expect(relaisDiagnosticWindow("2025-03-10")).toEqual({ opensOn: "2025-03-25", dueOn: "2025-04-10" });
    expect(relaisDiagnosticWindow("2024-01-31")).toEqual({ opensOn: "2024-02-15", dueOn: "2024-02-29" });
    expect(relaisDiagnosticWindow("2024-12-20")).toEqual({ opensOn: "2025-01-04", dueOn: "2025-01-20" });
    expect(relaisDiagnosticWindow("2025-03-10", 10, 2)).toEqual({ opensOn: "2025-03-20", dueOn: "2025-05-10" });
    expectDomainError(() => relaisDiagnosticWindow("2025-02-29"), "REL-2", "INVALID_DATE");
    expectDomainError(() => relaisDiagnosticWindow("2025-03-10", -1), "REL-2", "NEGATIVE");
    expectDomainError(() => relaisDiagnosticWindow("2025-03-10", 15, 0), "REL-2", "NOT_POSITIVE");
  });

  it("REL-3 REL-4: the redevance is 20 % of the monthly income, rounded half up to the cent", () => {
    expect(relaisRedevanceCents(123_458)).toBe(24_692); // 1 234,58 € → 246,92 € (issue 6)
    expect(relaisRedevanceCents(100_000)).toBe(20_000);
    expect(relaisRedevanceCents(3)).toBe(1); // 0,6 cent → 1 cent
    expect(relaisRedevanceCents(2)).toBe(0); // 0,4 cent → 0
    expect(relaisRedevanceCents(0)).toBe(0);
    expect(relaisRedevanceCents(1_001, 0.125)).toBe(125); // 125,125 → 125
    expect(relaisRedevanceCents(1_004, 0.125)).toBe(126); // 125,5 → 126 (half up)
    expectDomainError(() => relaisRedevanceCents(-1), "REL-4", "NEGATIVE");
    expectDomainError(() => relaisRedevanceCents(1234.5), "REL-4", "NOT_INTEGER");
    expectDomainError(() => relaisRedevanceCents(1000, 1.2), "REL-4", "RATE_OUT_OF_RANGE");
  });

  it("REL-3: a bilan diagnostic must fill its seven sections", () => {
    const full = {
      problem: "Logement suroccupé",
      financialSituation: "RSA",
      prioritySteps: "Dossier FSL",
      engagementCapacity: "Forte",
      supportProject: "Rôles définis",
      modalities: "Visites hebdomadaires",
      paymentCapacity: "Redevance",
    };
    expect(relaisDiagnosticMissing(full)).toEqual([]);
    expect(() => assertRelaisDiagnosticComplete(full)).not.toThrow();
    expect(relaisDiagnosticMissing({ ...full, problem: "  ", modalities: null })).toEqual(["problem", "modalities"]);
    const e = expectDomainError(() => assertRelaisDiagnosticComplete({ problem: "x" }), "REL-3", "INCOMPLETE");
    expect(e.params.missing).toHaveLength(6);
  });

  it("REL-5: the fallback option opens 2 months after the bilan diagnostic", () => {
    expect(relaisFallbackOn("2025-03-28")).toBe("2025-05-28");
    expect(relaisFallbackOn("2024-12-31")).toBe("2025-02-28");
    expect(relaisFallbackOn("2023-12-31")).toBe("2024-02-29");
    expectDomainError(() => relaisFallbackOn("2025-03-28", 0), "REL-5", "NOT_POSITIVE");
  });

  it("REL-6: planned end = entry + 12 × (1 + renewals) months − 1 day", () => {
    expect(relaisSupportEnd("2025-05-02")).toBe("2026-05-01"); // issue 6
    expect(relaisSupportEnd("2025-05-02", 1)).toBe("2027-05-01");
    expect(relaisSupportEnd("2025-01-01")).toBe("2025-12-31");
    expect(relaisSupportEnd("2024-02-29")).toBe("2025-02-27"); // 29 Feb + 12 months = 28 Feb, − 1 day
    expect(relaisSupportEnd("2025-03-01", 0, 6)).toBe("2025-08-31");
    expectDomainError(() => relaisSupportEnd("2025-05-02", -1), "REL-6", "NEGATIVE");
    expectDomainError(() => relaisSupportEnd("2025-05-02", 0, 0), "REL-6", "NOT_POSITIVE");
  });
});

describe("relais figures (REL-9)", () => {
  /**
   * Seed 000 preamble, convention 2023-2024: 10 households supported, 2 relogés, 3 other solutions,
   * 4 diagnostics requested, 2 entries. Ten households, worked out by hand:
   * h1..h6 entered before 2023 (h1 relogé 2023-06-30, h2 relogé 2024-11-15, h3 other 2023-02-01,
   * h4 other 2024-03-10, h5 other 2024-12-31, h6 still followed); h7 entered 2022-10-01, stop on
   * 2023-01-01 (supported one day); h8 entered 2022-12-31, still followed; h9, h10 referred in 2023
   * and entered in 2023 and 2024; h11, h12 referred in 2024 without entry; h13 ended 2022-12-31 (out).
   */
  const cases: RelaisFiguresCase[] = [
    { householdId: "h1", referredOn: "2021-01-10", entryOn: "2021-03-01", end: { on: "2023-06-30", outcome: "RELOGE" } },
    { householdId: "h2", referredOn: "2021-05-10", entryOn: "2021-07-01", end: { on: "2024-11-15", outcome: "RELOGE" } },
    { householdId: "h3", referredOn: "2021-09-10", entryOn: "2021-11-01", end: { on: "2023-02-01", outcome: "OTHER_SOLUTION" } },
    { householdId: "h4", referredOn: "2022-01-10", entryOn: "2022-03-01", end: { on: "2024-03-10", outcome: "OTHER_SOLUTION" } },
    { householdId: "h5", referredOn: "2022-02-10", entryOn: "2022-04-01", end: { on: "2024-12-31", outcome: "OTHER_SOLUTION" } },
    { householdId: "h6", referredOn: "2022-03-10", entryOn: "2022-05-01", end: null },
    { householdId: "h7", referredOn: "2022-08-10", entryOn: "2022-10-01", end: { on: "2023-01-01", outcome: "STOP" } },
    { householdId: "h8", referredOn: "2022-11-10", entryOn: "2022-12-31", end: null },
    { householdId: "h9", referredOn: "2023-02-10", entryOn: "2023-04-01", end: null },
    { householdId: "h10", referredOn: "2023-09-10", entryOn: "2024-01-15", end: null },
    { householdId: "h11", referredOn: "2024-02-10", entryOn: null, end: null },
    { householdId: "h12", referredOn: "2024-12-31", entryOn: null, end: null },
    { householdId: "h13", referredOn: "2020-01-10", entryOn: "2020-03-01", end: { on: "2022-12-31", outcome: "RELOGE" } },
  ];

  it("REL-9: the 2023-2024 figures of seed 000's preamble (10, 2, 3, 4, 2)", () => {
    expect(relaisFigures(cases, "2023-01-01", "2024-12-31")).toEqual({
      from: "2023-01-01",
      to: "2024-12-31",
      supported: 10,
      reloges: 2,
      otherSolutions: 3,
      diagnosticsRequested: 4,
      entries: 2,
    });
  });

  it("REL-9: one year only (2024), and a household counted once", () => {
    // 2024: supported h1? no (ended 2023); h2 h4 h5 h6 h8 h9 h10 = 7; relogé h2; others h4 h5; referred h11 h12; entries h10.
    expect(relaisFigures(cases, "2024-01-01", "2024-12-31")).toMatchObject({ supported: 7, reloges: 1, otherSolutions: 2, diagnosticsRequested: 2, entries: 1 });
    const twice: RelaisFiguresCase[] = [
      { householdId: "x", referredOn: "2025-01-05", entryOn: "2025-02-01", end: { on: "2025-03-01", outcome: "STOP" } },
      { householdId: "x", referredOn: "2025-04-05", entryOn: "2025-05-01", end: null },
    ];
    expect(relaisFigures(twice, "2025-01-01", "2025-12-31")).toMatchObject({ supported: 1, diagnosticsRequested: 1, entries: 1 });
  });

  it("REL-9: a period ending before it starts, or a bad date, is refused", () => {
    expectDomainError(() => relaisFigures(cases, "2024-12-31", "2023-01-01"), "REL-9", "END_BEFORE_START");
    expectDomainError(() => relaisFigures([{ householdId: "z", referredOn: "2024-13-01", entryOn: null, end: null }], "2024-01-01", "2024-12-31"), "REL-9", "INVALID_DATE");
    expectDomainError(() => relaisFigures([{ householdId: "z", referredOn: "2024-01-01", entryOn: "2024-02-30", end: null }], "2024-01-01", "2024-12-31"), "REL-9", "INVALID_DATE");
  });
});
