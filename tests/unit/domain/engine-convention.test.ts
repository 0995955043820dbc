import { describe, expect, it } from "vitest";
import { conventionDefaults, conventionEndAt, conventionObligations, conventionParamsAt, type ConventionEvent, type ConventionInput } from "@/lib/domain";
import { expectDomainError, rows } from "./helpers";

const relais: ConventionInput = { kind: "RELAIS", startOn: "2025-01-01" };
const signed: ConventionEvent = { type: "SIGNED", on: "2024-12-20" };

describe("deadline engine — relais convention (GEN-4..GEN-6, REL-7)", () => {
  it("GEN-6 REL-7 GEN-5: annual bilan meeting, quarterly exchanges, the subsidy without fixed date — on 10 July 2025", () => {
    const events: ConventionEvent[] = [
      signed,
      { type: "MEETING", on: "2025-03-20", meetingKind: "QUARTERLY_EXCHANGE" },
      { type: "MEETING", on: "2025-07-02", meetingKind: "QUARTERLY_EXCHANGE", period: "2025-Q2" }, // a late Q2 exchange
      { type: "PAYMENT", on: "2025-04-15", schedule: "subsidy-2025", amountCents: 1_140_000 },
    ];
    const out = conventionObligations(relais, events, "2025-07-10");
    expect(rows(out)).toEqual([
      "GEN-6:annual-bilan:2025 2025-01-01→2025-12-31 done:- upcoming COMMUNE",
      "GEN-6:annual-bilan:2026 2026-01-01→2026-12-31 done:- upcoming COMMUNE",
      "REL-7:exchange:2025-Q1 2025-01-01→2025-03-31 done:2025-03-20 done ASSOCIATION",
      "REL-7:exchange:2025-Q2 2025-04-01→2025-06-30 done:2025-07-02 done ASSOCIATION",
      "REL-7:exchange:2025-Q3 2025-07-01→2025-09-30 done:- upcoming ASSOCIATION",
      "REL-7:exchange:2025-Q4 2025-10-01→2025-12-31 done:- upcoming ASSOCIATION",
      "GEN-5:payment:subsidy-2025 2025-01-01→- done:2025-04-15 done COMMUNE",
      "GEN-5:payment:subsidy-2026 2026-01-01→- done:- upcoming COMMUNE",
      "GEN-5:confirm:subsidy-2025 2025-04-15→- done:- upcoming ASSOCIATION",
    ]);
    expect(out.find((o) => o.key === "GEN-5:payment:subsidy-2026")?.amountCents).toBe(1_140_000);
  });

  it("GEN-6: a meeting not held by its due date is overdue; a draft (not signed) has no obligations", () => {
    const out = conventionObligations(relais, [signed], "2026-01-05");
    expect(out.find((o) => o.key === "GEN-6:annual-bilan:2025")?.deadlineStatus).toBe("overdue");
    expect(out.find((o) => o.key === "REL-7:exchange:2025-Q4")?.deadlineStatus).toBe("overdue");
    expect(conventionObligations(relais, [], "2026-01-05")).toEqual([]);
  });

  it("GEN-2: a denunciation on 1 Oct 2026 ends the convention on 31 Dec 2026 — no item beyond (issue 5)", () => {
    const events: ConventionEvent[] = [signed, { type: "DENOUNCED", on: "2026-10-01", by: "COMMUNE" }];
    expect(conventionEndAt(relais, events, "2027-02-01")).toBe("2026-12-31");
    const out = conventionObligations(relais, events, "2027-02-01");
    expect(out.filter((o) => o.rule === "GEN-6").map((o) => o.period)).toEqual(["2025", "2026"]);
    expect(out.filter((o) => o.rule === "REL-7").at(-1)?.period).toBe("2026-Q4");
    // Without it, the renewed year 2027 has its items too.
    expect(conventionObligations(relais, [signed], "2027-02-01").filter((o) => o.rule === "GEN-6").map((o) => o.period)).toEqual(["2025", "2026", "2027"]);
  });

  it("GEN-4: a mise en demeure opens the termination option after the notice; terminating ends the convention", () => {
    const med: ConventionEvent = { type: "MISE_EN_DEMEURE", on: "2025-05-10", by: "COMMUNE" };
    const option = conventionObligations(relais, [signed, med], "2025-05-20").find((o) => o.rule === "GEN-4");
    expect(option).toMatchObject({ key: "GEN-4:termination:COMMUNE:2025-05-10", opensOn: "2025-06-10", dueOn: null, optional: true, closesOn: "2025-12-31", responsible: "COMMUNE", deadlineStatus: "upcoming" });
    const terminated: ConventionEvent = { type: "TERMINATED", on: "2025-06-12", by: "COMMUNE" };
    const out = conventionObligations(relais, [signed, med, terminated], "2025-07-01");
    expect(out.find((o) => o.rule === "GEN-4")).toMatchObject({ doneOn: "2025-06-12", deadlineStatus: "done" });
    expect(out.filter((o) => o.rule === "REL-7").map((o) => `${o.period} ${o.dueOn}`)).toEqual(["2025-Q1 2025-03-31", "2025-Q2 2025-06-12"]);
    expectDomainError(() => conventionObligations(relais, [signed, med, { ...terminated, on: "2025-06-05" } as ConventionEvent], "2025-07-01"), "GEN-4", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => conventionObligations(relais, [signed, { ...terminated, by: "ASSOCIATION" } as ConventionEvent], "2025-07-01"), "GEN-4", "EVENT_BEFORE_PREREQUISITE");
  });

  it("GEN-3: an avenant changes named parameters from its effective date (subsidy, maximum duration)", () => {
    const avenant: ConventionEvent = { type: "AVENANT", on: "2025-05-15", effectiveOn: "2025-06-01", changes: { annualSubsidyCents: 1_200_000, maxTotalMonths: 24 } };
    expect(conventionParamsAt(relais, [signed, avenant], "2025-05-31").annualSubsidyCents).toBe(1_140_000);
    expect(conventionParamsAt(relais, [signed, avenant], "2025-06-01").annualSubsidyCents).toBe(1_200_000);
    const out = conventionObligations(relais, [signed, avenant], "2026-07-01");
    expect(out.find((o) => o.key === "GEN-5:payment:subsidy-2026")?.amountCents).toBe(1_200_000);
    expect(conventionEndAt(relais, [signed, avenant], "2028-01-01")).toBe("2026-12-31");
    expect(out.filter((o) => o.rule === "GEN-6").map((o) => o.period)).toEqual(["2025", "2026"]);
  });
});

describe("deadline engine — réservation convention (RES-3, RES-11, RES-22, RES-23)", () => {
  it("RES-3 RES-11 RES-22 RES-23: the items due on 28 February and the yearly validation meeting — on 10 March 2025", () => {
    const input: ConventionInput = { kind: "RESERVATION_FLUX", startOn: "2024-01-01" };
    const events: ConventionEvent[] = [
      { type: "SIGNED", on: "2024-06-15" },
      { type: "ANNUAL_BILAN_SENT", on: "2025-02-20", year: 2024 },
      { type: "SHARE_AGREED", on: "2025-02-25", year: 2025, share: 0.24 },
      { type: "MEETING", on: "2024-11-15", meetingKind: "VALIDATION" },
    ];
    expect(rows(conventionObligations(input, events, "2025-03-10"))).toEqual([
      "RES-22:bilan:2024 2025-01-01→2025-02-28 done:2025-02-20 done BAILLEUR",
      "RES-11:share:2025 2025-01-01→2025-02-28 done:2025-02-25 done PARTIES",
      "RES-3:soustraits:2025 2025-01-01→2025-02-28 done:- overdue BAILLEUR",
      "RES-22:bilan:2025 2026-01-01→2026-02-28 done:- upcoming BAILLEUR",
      "RES-11:share:2026 2026-01-01→2026-02-28 done:- upcoming PARTIES",
      "RES-3:soustraits:2026 2026-01-01→2026-02-28 done:- upcoming BAILLEUR",
      "RES-22:bilan:2026 2027-01-01→2027-02-28 done:- upcoming BAILLEUR",
      "RES-23:validation:2024 2024-01-01→2024-12-31 done:2024-11-15 done PARTIES",
      "RES-23:validation:2025 2025-01-01→2025-12-31 done:- upcoming PARTIES",
      "RES-23:validation:2026 2026-01-01→2026-12-31 done:- upcoming PARTIES",
    ]);
  });

  it("GEN-4 RES-11: only the commune may terminate the réservation convention; a share above 1 is refused", () => {
    const input: ConventionInput = { kind: "RESERVATION_FLUX", startOn: "2024-01-01" };
    expectDomainError(() => conventionObligations(input, [signed, { type: "MISE_EN_DEMEURE", on: "2025-01-10", by: "BAILLEUR" }], "2025-03-01"), "GEN-4", "TERMINATION_NOT_ALLOWED");
    const out = conventionObligations(input, [signed, { type: "MISE_EN_DEMEURE", on: "2025-01-10", by: "RESERVATAIRE" }], "2025-03-01");
    expect(out.find((o) => o.rule === "GEN-4")?.opensOn).toBe("2025-03-10"); // 2 months (seed 002 §VIII)
    expectDomainError(() => conventionObligations(input, [signed, { type: "SHARE_AGREED", on: "2025-02-01", year: 2025, share: 24 }], "2025-03-01"), "RES-11", "RATE_OUT_OF_RANGE");
  });
});

describe("deadline engine — FNAVDL convention (AVD-2..AVD-5, AVD-15, AVD-17, GEN-6)", () => {
  const input: ConventionInput = {
    kind: "FNAVDL",
    startOn: "2025-03-15",
    params: {
      months: 24,
      firstPeriodContributionCents: 10_000_000,
      secondPeriodContributionCents: 8_000_000,
      advanceRate: 0.5,
      secondYearFirstAdvanceRate: 0.3,
      secondYearSecondAdvanceRate: 0.3,
    },
  };
  const events: ConventionEvent[] = [
    { type: "SIGNED", on: "2025-03-15" },
    { type: "PAYMENT", on: "2025-04-20", schedule: "advance-1", amountCents: 5_000_000 },
    { type: "BUDGET_CHANGE_NOTIFIED", on: "2025-08-01" },
    { type: "MEETING", on: "2026-01-15", meetingKind: "STEERING_COMMITTEE" },
    { type: "FIGURES_SENT", on: "2026-01-10" },
    { type: "AVENANT_REQUESTED", on: "2026-02-02", by: "ASSOCIATION" },
  ];

  it("AVD-2 AVD-3 AVD-4 AVD-5 AVD-15 AVD-17 GEN-6 GEN-5: a 24-month convention signed 15 March 2025 — on 20 March 2026", () => {
    const out = conventionObligations(input, events, "2026-03-20");
    expect(rows(out)).toEqual([
      "AVD-3:budget-change:1 2025-03-15→- done:2025-08-01 done ASSOCIATION",
      "AVD-3:budget-change:2 2026-03-15→- done:- upcoming ASSOCIATION",
      "AVD-4:payment:advance-1 2025-03-15→- done:2025-04-20 done ETAT",
      "AVD-4:payment:balance-1 2025-03-15→- done:- upcoming ETAT",
      "AVD-4:payment:advance-2a 2026-03-15→2026-06-15 done:- upcoming ETAT",
      "AVD-4:payment:advance-2b 2026-03-15→2026-09-15 done:- upcoming ETAT",
      "AVD-4:payment:balance-2 2026-03-15→- done:- upcoming ETAT",
      "AVD-5:report:financial 2027-03-14→2027-09-14 done:- upcoming ASSOCIATION",
      "AVD-5:report:accounts 2027-03-14→2027-09-14 done:- upcoming ASSOCIATION",
      "AVD-5:report:activity 2027-03-14→2027-09-14 done:- upcoming ASSOCIATION",
      "AVD-5:report:final_bilan 2027-03-14→2027-09-14 done:- upcoming ASSOCIATION",
      "GEN-6:steering:Y1 2025-03-15→2026-03-14 done:2026-01-15 done ETAT",
      "GEN-6:steering:Y2 2026-03-15→2027-03-14 done:- upcoming ETAT",
      "AVD-17:figures:Y1 2025-03-15→2026-01-15 done:2026-01-10 done ASSOCIATION",
      "AVD-17:figures:Y2 2026-03-15→2027-03-14 done:- upcoming ASSOCIATION",
      "AVD-15:answer:ASSOCIATION:2026-02-02 2026-02-02→2026-04-02 done:- upcoming ETAT",
      "GEN-5:confirm:advance-1 2025-04-20→- done:- upcoming ASSOCIATION",
    ]);
    expect(out.filter((o) => o.rule === "AVD-4").map((o) => o.amountCents)).toEqual([5_000_000, 5_000_000, 2_400_000, 2_400_000, 3_200_000]);
    expect(out.find((o) => o.key === "AVD-3:budget-change:2")).toMatchObject({ optional: true, closesOn: "2026-09-15", period: "Y2" });
  });

  it("AVD-2 AVD-5 GEN-3: an avenant extending by 12 months moves the end and the reports (issue 5)", () => {
    const extended = [...events, { type: "AVENANT", on: "2026-05-20", effectiveOn: "2026-06-01", changes: { extended: true } } as ConventionEvent];
    expect(conventionEndAt(input, extended, "2026-05-31")).toBe("2027-03-14");
    expect(conventionEndAt(input, extended, "2026-07-01")).toBe("2028-03-14");
    const out = conventionObligations(input, extended, "2026-07-01");
    expect(out.find((o) => o.key === "AVD-5:report:final_bilan")?.dueOn).toBe("2028-09-14");
    expect(out.filter((o) => o.rule === "AVD-3").map((o) => o.key)).toEqual(["AVD-3:budget-change:1", "AVD-3:budget-change:2", "AVD-3:budget-change:3"]);
  });

  it("AVD-3 AVD-4 AVD-15: lapsed options disappear; amounts unknown without the convention's figures; the answer is late after 2 months", () => {
    const plain: ConventionInput = { kind: "FNAVDL", startOn: "2025-03-15" };
    const out = conventionObligations(plain, [{ type: "SIGNED", on: "2025-03-15" }, { type: "AVENANT_REQUESTED", on: "2025-10-01", by: "ETAT" }], "2025-12-05");
    expect(out.some((o) => o.rule === "AVD-3")).toBe(false); // closed on 15 Sept 2025, unused
    expect(out.filter((o) => o.rule === "AVD-4").map((o) => `${o.key} ${o.amountCents}`)).toEqual(["AVD-4:payment:advance-1 null", "AVD-4:payment:balance-1 null"]);
    expect(out.find((o) => o.rule === "AVD-15")).toMatchObject({ responsible: "ASSOCIATION", dueOn: "2025-12-01", deadlineStatus: "overdue" });
    const answered = conventionObligations(plain, [{ type: "SIGNED", on: "2025-03-15" }, { type: "AVENANT_REQUESTED", on: "2025-10-01", by: "ETAT" }, { type: "AVENANT_ANSWERED", on: "2025-11-10", by: "ASSOCIATION" }], "2025-12-05");
    expect(answered.find((o) => o.rule === "AVD-15")?.doneOn).toBe("2025-11-10");
  });

  it("GEN-6 AVD-17: the steering-committee frequency is a parameter (every 6 months)", () => {
    const half: ConventionInput = { kind: "FNAVDL", startOn: "2025-03-15", params: { steeringCommitteeMonths: 6 } };
    const out = conventionObligations(half, [{ type: "SIGNED", on: "2025-03-15" }], "2025-10-01");
    expect(out.filter((o) => o.rule === "GEN-6").map((o) => `${o.period} ${o.dueOn}`)).toEqual(["C1 2025-09-14", "C2 2026-03-14"]);
  });
});

describe("deadline engine — ASLLi and framework conventions (ASL-11, CAD-2, CAD-3)", () => {
  it("ASL-11: the semester tracking table at the end of each semester of 2024", () => {
    const out = conventionObligations({ kind: "ASLLI", startOn: "2024-01-01" }, [{ type: "SIGNED", on: "2024-01-15" }, { type: "SEMESTER_TABLE_SENT", on: "2024-07-05", period: "2024-S1" }], "2025-01-10");
    expect(rows(out)).toEqual([
      "ASL-11:table:2024-S1 2024-01-01→2024-06-30 done:2024-07-05 done ASSOCIATION",
      "ASL-11:table:2024-S2 2024-07-01→2024-12-31 done:- overdue ASSOCIATION",
    ]);
    expectDomainError(() => conventionObligations({ kind: "ASLLI", startOn: "2024-01-01" }, [{ type: "SIGNED", on: "2024-01-15" }, { type: "SEMESTER_TABLE_SENT", on: "2024-07-05", period: "2024-H1" }], "2025-01-10"), "ASL-11", "INVALID_PERIOD");
  });

  it("CAD-2 CAD-3: a meeting once per semester while tacitly renewed (seed 001, 7 April 2010)", () => {
    const input: ConventionInput = { kind: "CADRE", startOn: "2010-04-07" };
    const events: ConventionEvent[] = [
      { type: "SIGNED", on: "2010-04-07" },
      { type: "MEETING", on: "2010-06-10", meetingKind: "SEMESTER" },
      { type: "MEETING", on: "2011-01-20", meetingKind: "SEMESTER", period: "2010-S2" },
      { type: "MEETING", on: "2011-01-25", meetingKind: "THEMATIC" },
    ];
    expect(rows(conventionObligations(input, events, "2011-02-01"))).toEqual([
      "CAD-2:meeting:2010-S1 2010-04-07→2010-06-30 done:2010-06-10 done PARTIES",
      "CAD-2:meeting:2010-S2 2010-07-01→2010-12-31 done:2011-01-20 done PARTIES",
      "CAD-2:meeting:2011-S1 2011-01-01→2011-06-30 done:- upcoming PARTIES",
      "CAD-2:meeting:2011-S2 2011-07-01→2011-12-31 done:- upcoming PARTIES",
    ]);
    // CAD-3: denounced by registered letter — no renewal after the running year.
    const denounced = conventionObligations(input, [...events, { type: "DENOUNCED", on: "2011-02-15", by: "FEDERATION" }], "2011-03-01");
    expect(denounced.at(-1)).toMatchObject({ period: "2011-S1", dueOn: "2011-04-06" });
    expectDomainError(() => conventionObligations(input, [events[0], { type: "MISE_EN_DEMEURE", on: "2011-01-01", by: "FEDERATION" }], "2011-03-01"), "GEN-4", "TERMINATION_NOT_ALLOWED");
  });
});

describe("convention inputs (GEN-1, GEN-3, GEN-5)", () => {
  it("GEN-1: the seed's defaults per kind", () => {
    expect(conventionDefaults("RELAIS")).toMatchObject({ initialMonths: 12, renewalKind: "TACIT", renewalPeriodMonths: 12, maxTotalMonths: 36, noticeMonths: 1, annualSubsidyCents: 1_140_000, referralQuota: 3 });
    expect(conventionDefaults("RESERVATION_FLUX")).toEqual({ initialMonths: 36, renewalKind: "NONE", renewalPeriodMonths: null, maxTotalMonths: null, noticeMonths: 2 });
    expect(conventionDefaults("CADRE")).toMatchObject({ renewalKind: "TACIT", maxTotalMonths: null });
    expect(conventionEndAt({ kind: "FNAVDL", startOn: "2025-03-15", params: { months: 24 } }, [], "2025-04-01")).toBe("2027-03-14");
  });

  it("GEN-1 GEN-3 GEN-5 AVD-15: invalid inputs and events are refused", () => {
    expectDomainError(() => conventionObligations({ kind: "BAIL" } as never, [signed], "2025-01-01"), "GEN-1", "UNKNOWN_VALUE");
    expectDomainError(() => conventionObligations({ kind: "RELAIS", startOn: "2025-01-01", params: { quota: 4 } as never }, [signed], "2025-01-01"), "GEN-3", "UNKNOWN_VALUE");
    expectDomainError(() => conventionObligations({ kind: "RELAIS", startOn: "2025-01-01", params: { renewalKind: "MAYBE" as never } }, [signed], "2025-01-01"), "GEN-1", "UNKNOWN_VALUE");
    expectDomainError(() => conventionObligations({ kind: "RELAIS", startOn: "2025-01-01", params: { annualSubsidyCents: "lots" as never } }, [signed], "2025-01-01"), "GEN-3", "UNKNOWN_VALUE");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "AVENANT", on: "2025-01-01", effectiveOn: "2025-02-30", changes: {} }], "2025-03-01"), "GEN-3", "INVALID_DATE");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "AVENANT", on: "2025-01-01", effectiveOn: "2025-02-01", changes: { colour: "blue" } }], "2025-03-01"), "GEN-3", "UNKNOWN_VALUE");
    expectDomainError(() => conventionObligations(relais, [signed, signed], "2025-03-01"), "GEN-1", "EVENT_DUPLICATE");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "PAYMENT_CONFIRMED", on: "2025-03-01", schedule: "subsidy-2025" }], "2025-03-01"), "GEN-5", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "PAYMENT", on: "2025-03-01", schedule: "subsidy-2025", amountCents: -5 }], "2025-03-01"), "GEN-5", "NEGATIVE");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "PAYMENT", on: "2025-03-01", schedule: "subsidy-25", amountCents: 5 }], "2025-03-01"), "GEN-5", "INVALID_PERIOD");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "AVENANT_ANSWERED", on: "2025-03-01", by: "ETAT" }], "2025-03-01"), "AVD-15", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => conventionObligations(relais, [signed, { type: "FAX", on: "2025-03-01" } as never], "2025-03-01"), "GEN-1", "UNKNOWN_VALUE");
    expectDomainError(() => conventionObligations(relais, [{ type: "SIGNED", on: "2024-12-32" }], "2025-03-01"), "GEN-1", "INVALID_DATE");
    expectDomainError(() => conventionObligations(relais, [signed], "2025-3-1"), "GEN-1", "INVALID_DATE");
    expectDomainError(() => conventionObligations({ kind: "RELAIS", startOn: "2025-01-00" }, [signed], "2025-03-01"), "GEN-1", "INVALID_DATE");
  });

  it("GEN-5: a confirmed payment closes its confirmation item; instalments of one payment make one item", () => {
    const events: ConventionEvent[] = [signed, { type: "PAYMENT", on: "2025-04-15", schedule: "subsidy-2025", amountCents: 1_140_000 }, { type: "PAYMENT_CONFIRMED", on: "2025-04-18", schedule: "subsidy-2025" }];
    expect(conventionObligations(relais, events, "2025-05-01").find((o) => o.rule === "GEN-5" && o.key.startsWith("GEN-5:confirm"))).toMatchObject({ doneOn: "2025-04-18", deadlineStatus: "done" });
    const instalments: ConventionEvent[] = [signed, { type: "PAYMENT", on: "2025-04-15", schedule: "subsidy-2025", amountCents: 600_000 }, { type: "PAYMENT", on: "2025-09-15", schedule: "subsidy-2025", amountCents: 540_000 }];
    const confirmations = conventionObligations(relais, instalments, "2025-10-01").filter((o) => o.key.startsWith("GEN-5:confirm"));
    expect(confirmations.map((o) => [o.key, o.opensOn, o.amountCents])).toEqual([["GEN-5:confirm:subsidy-2025", "2025-04-15", 1_140_000]]);
  });

  it("GEN-4 GEN-5 AVD-15: keys are unique within a convention (two letters the same day, two requests)", () => {
    const fnavdl: ConventionInput = { kind: "FNAVDL", startOn: "2025-03-15", params: { months: 24 } };
    const events: ConventionEvent[] = [
      { type: "SIGNED", on: "2025-03-15" },
      { type: "MISE_EN_DEMEURE", on: "2025-06-02", by: "ETAT" },
      { type: "MISE_EN_DEMEURE", on: "2025-06-02", by: "ASSOCIATION" },
      { type: "AVENANT_REQUESTED", on: "2025-07-01", by: "ETAT" },
      { type: "AVENANT_REQUESTED", on: "2025-07-01", by: "ASSOCIATION" },
      { type: "PAYMENT", on: "2025-04-01", schedule: "advance-1", amountCents: 100 },
    ];
    const keys = conventionObligations(fnavdl, events, "2026-06-01").map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith("GEN-4") || k.startsWith("AVD-15"))).toEqual([
      "AVD-15:answer:ETAT:2025-07-01",
      "AVD-15:answer:ASSOCIATION:2025-07-01",
      "GEN-4:termination:ETAT:2025-06-02",
      "GEN-4:termination:ASSOCIATION:2025-06-02",
    ]);
  });
});
