import { describe, expect, it } from "vitest";
import {
  FNAVDL_INTENSITY_HOURS,
  assertFnavdlProlongationAllowed,
  assertFnavdlScope,
  assertIntensityAllowed,
  assertPrescriptionAllowed,
  avenantAnswerDueOn,
  bailGlissantNoticeDueOn,
  bailGlissantResumeWindow,
  fnavdlBudgetChangeDeadline,
  fnavdlDaloNeedsEvaluation,
  fnavdlEnd,
  fnavdlExcessRefundCents,
  fnavdlReportsDueOn,
  fnavdlSecondYearAdvances,
  fnavdlSplitDeviation,
  fnavdlStartDueOn,
  formatDomainError,
  satisfactionResults,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

describe("FNAVDL convention (seed 003)", () => {
  it("AVD-1: exactly one public, one or more actions", () => {
    expect(() => assertFnavdlScope({ public: "DALO", actions: ["DIAGNOSTICS", "AVDL"] })).not.toThrow();
    expectDomainError(() => assertFnavdlScope({ public: "TOUS" as never, actions: ["AVDL"] }), "AVD-1", "UNKNOWN_VALUE");
    expectDomainError(() => assertFnavdlScope({ public: "NON_DALO", actions: [] }), "AVD-1", "INCOMPLETE");
    expectDomainError(() => assertFnavdlScope({ public: "NON_DALO", actions: ["AVDL", "AVDL"] }), "AVD-1", "DUPLICATE");
    expectDomainError(() => assertFnavdlScope({ public: "NON_DALO", actions: ["HEBERGEMENT" as never] }), "AVD-1", "UNKNOWN_VALUE");
  });

  it("AVD-2: 12 or 24 months from signature, + 12 once extended; inclusive end", () => {
    expect(fnavdlEnd("2025-03-15", 12)).toBe("2026-03-14");
    expect(fnavdlEnd("2025-03-15", 24)).toBe("2027-03-14");
    expect(fnavdlEnd("2025-03-15", 24, true)).toBe("2028-03-14");
    expect(fnavdlEnd("2025-03-15", 12, true)).toBe("2027-03-14");
    expect(fnavdlEnd("2024-02-29", 12)).toBe("2025-02-27");
    expect(fnavdlEnd("2025-01-31", 12)).toBe("2026-01-30");
    const e = expectDomainError(() => fnavdlEnd("2025-03-15", 13 as never), "AVD-2", "INVALID_DURATION");
    expect(formatDomainError(e)).toBe("Durée de 13 mois non prévue (durées possibles : 12, 24).");
  });

  it("AVD-3: budget changes at least 6 months before each anniversary: (signedOn + 12n months) − 6 months", () => {
    expect(fnavdlBudgetChangeDeadline("2025-03-15", 1)).toBe("2025-09-15");
    expect(fnavdlBudgetChangeDeadline("2025-03-15", 2)).toBe("2026-09-15");
    expect(fnavdlBudgetChangeDeadline("2024-08-31", 1)).toBe("2025-02-28");
    // Two steps, as the rule says: 29 Feb 2024 + 12 months = 28 Feb 2025, − 6 months = 28 Aug 2024.
    expect(fnavdlBudgetChangeDeadline("2024-02-29", 1)).toBe("2024-08-28");
    expectDomainError(() => fnavdlBudgetChangeDeadline("2025-03-15", 3 as never), "AVD-3", "UNKNOWN_VALUE");
  });

  it("AVD-4: second-year advances at the latest 3 months after the anniversary, and 6 months after it", () => {
    expect(fnavdlSecondYearAdvances("2025-03-15")).toEqual({ firstBy: "2026-06-15", secondOn: "2026-09-15" });
    expect(fnavdlSecondYearAdvances("2024-11-30")).toEqual({ firstBy: "2026-02-28", secondOn: "2026-05-30" });
    expectDomainError(() => fnavdlSecondYearAdvances("2024-11-31"), "AVD-4", "INVALID_DATE");
  });

  it("AVD-5: justificatifs and final bilan at most 6 months after the end", () => {
    expect(fnavdlReportsDueOn("2026-03-14")).toBe("2026-09-14");
    expect(fnavdlReportsDueOn("2025-08-31")).toBe("2026-02-28");
    expect(fnavdlReportsDueOn("2023-08-31")).toBe("2024-02-29");
  });

  it("AVD-6: prescriptions — caps per category, never for the commission de médiation; a bailleur's request is motivated", () => {
    expect(() => assertPrescriptionAllowed({ prescriber: "CCAPEX", motivated: false, prescriptionsThisYear: 4, caps: { CCAPEX: 5 } })).not.toThrow();
    expect(() => assertPrescriptionAllowed({ prescriber: "COMMISSION_MEDIATION", motivated: false, prescriptionsThisYear: 500 })).not.toThrow();
    expect(() => assertPrescriptionAllowed({ prescriber: "BAILLEUR_SOCIAL", motivated: true, prescriptionsThisYear: 0 })).not.toThrow();
    const e = expectDomainError(() => assertPrescriptionAllowed({ prescriber: "CCAPEX", motivated: false, prescriptionsThisYear: 5, caps: { CCAPEX: 5 } }), "AVD-6", "CAP_REACHED");
    expect(e.params).toEqual({ prescriber: "CCAPEX", cap: 5 });
    expectDomainError(() => assertPrescriptionAllowed({ prescriber: "CCAPEX", motivated: false, prescriptionsThisYear: 0, caps: { COMMISSION_MEDIATION: 10 } }), "AVD-6", "CAP_FORBIDDEN");
    expectDomainError(() => assertPrescriptionAllowed({ prescriber: "BAILLEUR_SOCIAL", motivated: false, prescriptionsThisYear: 0 }), "AVD-6", "MOTIVATION_REQUIRED");
    expectDomainError(() => assertPrescriptionAllowed({ prescriber: "MAIRIE" as never, motivated: true, prescriptionsThisYear: 0 }), "AVD-6", "UNKNOWN_VALUE");
    expectDomainError(() => assertPrescriptionAllowed({ prescriber: "PDALHPD", motivated: true, prescriptionsThisYear: -1 }), "AVD-6", "NEGATIVE");
    expectDomainError(() => assertPrescriptionAllowed({ prescriber: "PDALHPD", motivated: true, prescriptionsThisYear: 0, caps: { PDALHPD: 1.5 } }), "AVD-6", "NOT_INTEGER");
  });

  it("AVD-7 AVD-8: intensity levels in hours a month; AVL alone is level 1 or 2", () => {
    expect(FNAVDL_INTENSITY_HOURS).toEqual({ LEGER: 4, MOYEN: 8, APPROFONDI: 16 });
    expect(() => assertIntensityAllowed("AVL", "MOYEN")).not.toThrow();
    expect(() => assertIntensityAllowed("ADL", "APPROFONDI")).not.toThrow();
    expectDomainError(() => assertIntensityAllowed("AVL", "APPROFONDI"), "AVD-8", "INTENSITY_NOT_ALLOWED");
    expectDomainError(() => assertIntensityAllowed("ADL", "EXTREME" as never), "AVD-8", "UNKNOWN_VALUE");
    expectDomainError(() => assertIntensityAllowed("GLA" as never, "LEGER"), "AVD-8", "UNKNOWN_VALUE");
  });

  it("AVD-9: a DALO support planned beyond start + 9 months − 1 day needs the evaluation (issue 7 example)", () => {
    expect(fnavdlDaloNeedsEvaluation("2025-01-10", "2025-08-31")).toBe(false);
    expect(fnavdlDaloNeedsEvaluation("2025-01-10", "2025-10-09")).toBe(false);
    expect(fnavdlDaloNeedsEvaluation("2025-01-10", "2025-10-10")).toBe(true);
    expect(fnavdlDaloNeedsEvaluation("2025-01-10", "2025-12-31")).toBe(true);
    expect(fnavdlDaloNeedsEvaluation("2024-05-31", "2025-02-27")).toBe(false); // 31 May + 9 months = 28 Feb, − 1 day
    expect(fnavdlDaloNeedsEvaluation("2024-05-31", "2025-02-28")).toBe(true);
    expectDomainError(() => fnavdlDaloNeedsEvaluation("2025-01-10", "2025-01-09"), "AVD-9", "END_BEFORE_START");
  });

  it("AVD-9: a prolongation beyond 9 months is refused until the evaluation is sent", () => {
    const base = { dalo: true, startOn: "2025-01-10", plannedEndOn: "2025-12-31", on: "2025-08-01" };
    const e = expectDomainError(() => assertFnavdlProlongationAllowed({ ...base, evaluationSentOn: null }), "AVD-9", "EVALUATION_REQUIRED");
    expect(e.params).toEqual({ limit: "2025-10-09" });
    expectDomainError(() => assertFnavdlProlongationAllowed({ ...base, evaluationSentOn: "2025-08-02" }), "AVD-9", "EVALUATION_REQUIRED");
    expect(() => assertFnavdlProlongationAllowed({ ...base, evaluationSentOn: "2025-07-20" })).not.toThrow();
    expect(() => assertFnavdlProlongationAllowed({ ...base, dalo: false, evaluationSentOn: null })).not.toThrow();
    expect(() => assertFnavdlProlongationAllowed({ ...base, plannedEndOn: "2025-09-30", evaluationSentOn: null })).not.toThrow();
  });

  it("AVD-10: the start is due within the convention's delay from the orientation", () => {
    expect(fnavdlStartDueOn("2025-01-20", 15)).toBe("2025-02-04");
    expect(fnavdlStartDueOn("2024-02-20", 10)).toBe("2024-03-01");
    expectDomainError(() => fnavdlStartDueOn("2025-01-20", -1), "AVD-10", "NEGATIVE");
  });

  it("AVD-11: the bailleur's notice 2 months before the examination ends; a 6-month window after the lease slides", () => {
    expect(bailGlissantNoticeDueOn("2026-04-30")).toBe("2026-02-28");
    expect(bailGlissantNoticeDueOn("2026-06-15")).toBe("2026-04-15");
    expect(bailGlissantResumeWindow("2025-08-31")).toEqual({ opensOn: "2025-08-31", closesOn: "2026-02-28" });
  });

  it("AVD-12: an avenant is needed when the split by intensity deviates beyond the threshold", () => {
    // Forecast 10/20/10 = 25 % / 50 % / 25 %; achieved 6/12/2 = 30 % / 60 % / 10 %.
    const r = fnavdlSplitDeviation({ LEGER: 6, MOYEN: 12, APPROFONDI: 2 }, { LEGER: 10, MOYEN: 20, APPROFONDI: 10 }, 0.1);
    expect(r.rows.map((x) => [x.level, x.achievedShare, x.forecastShare])).toEqual([
      ["LEGER", 0.3, 0.25],
      ["MOYEN", 0.6, 0.5],
      ["APPROFONDI", 0.1, 0.25],
    ]);
    expect(r.rows[2].deviation).toBeCloseTo(-0.15, 12);
    expect(r.avenantNeeded).toBe(true);
    expect(fnavdlSplitDeviation({ LEGER: 6, MOYEN: 12, APPROFONDI: 2 }, { LEGER: 10, MOYEN: 20, APPROFONDI: 10 }, 0.15).avenantNeeded).toBe(false);
    expect(fnavdlSplitDeviation({ LEGER: 0, MOYEN: 0, APPROFONDI: 0 }, { LEGER: 1, MOYEN: 1, APPROFONDI: 2 }, 0.5).rows[0].achievedShare).toBe(0);
    expectDomainError(() => fnavdlSplitDeviation({ LEGER: 1, MOYEN: 1, APPROFONDI: 1 }, { LEGER: 0, MOYEN: 0, APPROFONDI: 0 }, 0.1), "AVD-12", "ZERO_DENOMINATOR");
    expectDomainError(() => fnavdlSplitDeviation({ LEGER: -1, MOYEN: 1, APPROFONDI: 1 }, { LEGER: 1, MOYEN: 1, APPROFONDI: 1 }, 0.1), "AVD-12", "NEGATIVE");
    expectDomainError(() => fnavdlSplitDeviation({ LEGER: 1, MOYEN: 1, APPROFONDI: 1 }, { LEGER: 1, MOYEN: 1, APPROFONDI: 1 }, 10), "AVD-12", "RATE_OUT_OF_RANGE");
  });

  it("AVD-14: satisfaction answers counted on the five-point scale, in its order", () => {
    const r = satisfactionResults(["PLUTOT_SATISFAISANT", "TRES_SATISFAISANT", "PLUTOT_SATISFAISANT", "SANS_OPINION"]);
    expect(r).toEqual([
      { answer: "TRES_SATISFAISANT", count: 1, share: 0.25 },
      { answer: "PLUTOT_SATISFAISANT", count: 2, share: 0.5 },
      { answer: "PLUTOT_INSATISFAISANT", count: 0, share: 0 },
      { answer: "TRES_INSATISFAISANT", count: 0, share: 0 },
      { answer: "SANS_OPINION", count: 1, share: 0.25 },
    ]);
    expect(satisfactionResults([]).every((x) => x.count === 0 && x.share === 0)).toBe(true);
    expectDomainError(() => satisfactionResults(["BOF" as never]), "AVD-14", "UNKNOWN_VALUE");
  });

  it("AVD-15: the other party answers an avenant request within 2 months", () => {
    expect(avenantAnswerDueOn("2025-04-30")).toBe("2025-06-30");
    expect(avenantAnswerDueOn("2025-12-31")).toBe("2026-02-28");
    expect(avenantAnswerDueOn("2025-12-31", 1)).toBe("2026-01-31");
    expectDomainError(() => avenantAnswerDueOn("2025-12-31", -2), "AVD-15", "NEGATIVE");
  });

  it("AVD-16: the contribution above the actual cost is refunded", () => {
    expect(fnavdlExcessRefundCents({ contributionCents: 5_000_000, actualCostCents: 4_250_000 })).toBe(750_000);
    expect(fnavdlExcessRefundCents({ contributionCents: 5_000_000, actualCostCents: 5_500_000 })).toBe(0);
    expectDomainError(() => fnavdlExcessRefundCents({ contributionCents: 1.5, actualCostCents: 0 }), "AVD-16", "NOT_INTEGER");
    expectDomainError(() => fnavdlExcessRefundCents({ contributionCents: 0, actualCostCents: -1 }), "AVD-16", "NEGATIVE");
  });
});
