import { describe, expect, it } from "vitest";
import { fnavdlCaseFacts, fnavdlIndicatorCase, fnavdlIndicators, type FnavdlCaseEvent, type FnavdlIndicatorCase } from "@/lib/domain";
import { expectDomainError } from "./helpers";

const base = { dalo: false, prescribedOn: null, orientedOn: null, diagnosticOn: null, support: null, bailGlissantReferral: false, sublease: null, housingAccessOn: null };

/** Six households (h2 has two cases); every answer below was worked out by hand. */
const cases: FnavdlIndicatorCase[] = [
  { ...base, householdId: "h1", dalo: true, prescribedOn: "2024-11-05", orientedOn: "2024-11-05", support: { startOn: "2024-12-01", endOn: "2025-03-15", action: "ADL", intensity: "MOYEN" } },
  { ...base, householdId: "h2", dalo: true, prescribedOn: "2025-01-10", orientedOn: "2025-01-10", support: { startOn: "2025-01-20", endOn: null, action: "AVL", intensity: "LEGER" }, housingAccessOn: "2025-05-05" },
  { ...base, householdId: "h3", prescribedOn: "2025-02-01", orientedOn: "2025-02-15", diagnosticOn: "2025-02-15", support: { startOn: "2025-03-01", endOn: "2025-06-30", action: "ADL", intensity: "APPROFONDI" }, housingAccessOn: "2025-07-10" },
  { ...base, householdId: "h4", prescribedOn: "2025-04-10", diagnosticOn: "2025-04-20" },
  {
    ...base,
    householdId: "h5",
    prescribedOn: "2023-05-01",
    orientedOn: "2023-05-01",
    support: { startOn: "2023-06-01", endOn: "2024-12-31", action: "BAIL_GLISSANT", intensity: "LEGER" },
    bailGlissantReferral: true,
    sublease: { startOn: "2023-06-01", endOn: "2024-12-31", slidOn: "2024-12-31" },
    housingAccessOn: "2024-12-31",
  },
  {
    ...base,
    householdId: "h6",
    dalo: true,
    prescribedOn: "2025-05-20",
    orientedOn: "2025-05-20",
    support: { startOn: "2025-06-09", endOn: null, action: "ADL", intensity: "MOYEN" },
    bailGlissantReferral: true,
    sublease: { startOn: "2025-06-09", endOn: null, slidOn: null },
  },
  { ...base, householdId: "h2", prescribedOn: "2025-03-01", diagnosticOn: "2025-03-03" },
];

describe("FNAVDL annex III (AVD-13, AVD-13b)", () => {
  it("AVD-13 AVD-13b: the seven indicators for the first half of 2025", () => {
    const r = fnavdlIndicators(cases, "2025-01-01", "2025-06-30");
    expect(r.referred).toBe(4); // h2 (twice), h3, h4, h6
    expect(r.hadMeasure).toBe(5); // diagnostics h2 h3 h4; supports h1 h2 h3 h6
    expect(r.activeFile.months).toEqual([
      { month: "2025-01", households: 2 }, // h1, h2
      { month: "2025-02", households: 2 },
      { month: "2025-03", households: 3 }, // h1 until the 15th, h2, h3 from the 1st
      { month: "2025-04", households: 2 },
      { month: "2025-05", households: 2 },
      { month: "2025-06", households: 3 }, // h2, h3 until the 30th, h6 from the 9th
    ]);
    expect(r.activeFile.mean).toBeCloseTo(14 / 6, 12);
    expect(r.accompanied).toBe(4); // h1 h2 h3 h6
    // h1: 2024-12-01 → 2025-03-15 = 104 days; h3: 2025-03-01 → 2025-06-30 = 121 days; 112.5 / 30.4375 = 3.696 → 3.7
    expect(r.meanDurationMonths).toBe(3.7);
    // DALO supports started in the period: h2 10 days, h6 20 days.
    expect(r.meanDelayDays).toBe(15);
    // h2 (5 May) and h5 (31 Dec 2024); h3's lease is after the period.
    expect(r.accessedHousing).toBe(2);
    expect(r.byIntensity).toEqual({ LEGER: 1, MOYEN: 2, APPROFONDI: 1 });
    expect(r.bailGlissant).toEqual({ referred: 1, underSublease: 1, leasesSlid: 0, meanSubleaseMonths: null });
  });

  it("AVD-13 AVD-13b: year 2024 — the bail glissant that slid, one DALO start, a monthly mean", () => {
    const r = fnavdlIndicators(cases, "2024-01-01", "2024-12-31");
    expect(r.referred).toBe(1); // h1
    expect(r.accompanied).toBe(2); // h5 all year, h1 from December
    expect(r.activeFile.months.map((m) => m.households)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    expect(r.activeFile.mean).toBeCloseTo(13 / 12, 12);
    // h5: 2023-06-01 → 2024-12-31 = 579 days (29 Feb 2024 included) → 19.02 → 19.0
    expect(r.meanDurationMonths).toBe(19);
    expect(r.meanDelayDays).toBe(26); // h1: 2024-11-05 → 2024-12-01
    expect(r.accessedHousing).toBe(1); // h5
    expect(r.bailGlissant).toEqual({ referred: 0, underSublease: 1, leasesSlid: 1, meanSubleaseMonths: 19 });
  });

  it("AVD-13b: an empty period has no means (null), an empty month a zero", () => {
    const r = fnavdlIndicators(cases, "2022-01-15", "2022-02-10");
    expect(r).toMatchObject({ referred: 0, hadMeasure: 0, accompanied: 0, meanDurationMonths: null, meanDelayDays: null, accessedHousing: 0 });
    expect(r.activeFile).toEqual({ months: [{ month: "2022-01", households: 0 }, { month: "2022-02", households: 0 }], mean: 0 });
  });

  it("AVD-13b AVD-7: a case's annex III data comes from its events", () => {
    const events: FnavdlCaseEvent[] = [
      { type: "PRESCRIPTION", on: "2025-01-10", prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: false, measure: { intensity: "LEGER", plannedMonths: 6 } },
      { type: "CONSENT", on: "2025-01-12" },
      { type: "SUPPORT_START", on: "2025-01-20", action: "AVL", intensity: "LEGER", plannedEndOn: "2025-07-19" },
      { type: "LEASE_SIGNED", on: "2025-05-05" },
    ];
    expect(fnavdlIndicatorCase("h2", fnavdlCaseFacts(events, true))).toEqual(cases[1]);
  });

  it("AVD-13b AVD-12: invalid input is refused", () => {
    expectDomainError(() => fnavdlIndicators(cases, "2025-06-30", "2025-01-01"), "AVD-13b", "END_BEFORE_START");
    expectDomainError(() => fnavdlIndicators([{ ...base, householdId: "x", prescribedOn: "2025-02-30" }], "2025-01-01", "2025-06-30"), "AVD-13b", "INVALID_DATE");
    const backwards = { ...base, householdId: "x", support: { startOn: "2025-03-01", endOn: "2025-02-01", action: "ADL" as const, intensity: "LEGER" as const } };
    expectDomainError(() => fnavdlIndicators([backwards], "2025-01-01", "2025-06-30"), "AVD-13b", "END_BEFORE_START");
    const odd = { ...base, householdId: "x", support: { startOn: "2025-03-01", endOn: null, action: "ADL" as const, intensity: "MAX" as never } };
    expectDomainError(() => fnavdlIndicators([odd], "2025-01-01", "2025-06-30"), "AVD-12", "UNKNOWN_VALUE");
  });
});
