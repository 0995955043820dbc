import { describe, expect, it } from "vitest";
import {
  annualRotationRate,
  convertDroitsDeSuite,
  droitsUniquesNextStock,
  guaranteeRightsEnd,
  guaranteeRightsMax,
  meanRotationRate,
  remainingYears,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

describe("rotation (RES-5, RES-6)", () => {
  it("RES-5: annual rate = move-ins / let dwellings", () => {
    expect(annualRotationRate(47, 1000)).toBeCloseTo(0.047, 12);
    expect(annualRotationRate(0, 12)).toBe(0);
    expect(annualRotationRate(12, 12)).toBe(1);
  });

  it("RES-5: invalid counts are refused (zero denominator, rate above 1, negative, fractional)", () => {
    expectDomainError(() => annualRotationRate(1, 0), "RES-5", "ZERO_DENOMINATOR");
    expectDomainError(() => annualRotationRate(13, 12), "RES-5", "EXCEEDS");
    expectDomainError(() => annualRotationRate(-1, 12), "RES-5", "NEGATIVE");
    expectDomainError(() => annualRotationRate(1, 12.5), "RES-5", "NOT_INTEGER");
  });

  it("RES-6: mean of the annual rates of the 5 most recent vintages given (older ones ignored)", () => {
    const vintages = [
      { year: 2017, moveIns: 100, letDwellings: 1000 }, // 0.10 — ignored, not among the 5 most recent
      { year: 2020, moveIns: 40, letDwellings: 800 }, // 0.05
      { year: 2018, moveIns: 50, letDwellings: 1000 }, // 0.05
      { year: 2022, moveIns: 47, letDwellings: 1000 }, // 0.047
      { year: 2019, moveIns: 60, letDwellings: 1000 }, // 0.06
      { year: 2021, moveIns: 54, letDwellings: 900 }, // 0.06
    ];
    // (0.05 + 0.06 + 0.05 + 0.06 + 0.047) / 5 = 0.267 / 5 = 0.0534
    expect(meanRotationRate(vintages)).toBeCloseTo(0.0534, 12);
    expect(meanRotationRate(vintages.slice(1), 5)).toBeCloseTo(0.0534, 12);
  });

  it("RES-6: fewer than 5 vintages, or a year twice, is refused", () => {
    const four = [2019, 2020, 2021, 2022].map((year) => ({ year, moveIns: 5, letDwellings: 100 }));
    const e = expectDomainError(() => meanRotationRate(four), "RES-6", "TOO_FEW_VINTAGES");
    expect(e.params).toEqual({ count: 4, required: 5 });
    expectDomainError(() => meanRotationRate([...four, { year: 2022, moveIns: 1, letDwellings: 10 }]), "RES-6", "DUPLICATE");
    expectDomainError(() => meanRotationRate([...four, { year: 2018.5, moveIns: 1, letDwellings: 10 }]), "RES-6", "NOT_INTEGER");
    expectDomainError(() => meanRotationRate(four, 0), "RES-6", "NOT_POSITIVE");
    expectDomainError(() => meanRotationRate([...four, { year: 2018, moveIns: 11, letDwellings: 10 }]), "RES-5", "EXCEEDS");
  });
});

describe("conversion into droits uniques (RES-7, RES-8)", () => {
  it("RES-7: droits uniques = droits de suite × remaining years × rotation (issue example: 52.4 → 52)", () => {
    const r = convertDroitsDeSuite([{ id: "a", droitsDeSuite: 100, remainingYears: 10 }], 0.0524);
    expect(r.total).toBeCloseTo(52.4, 9);
    expect(r.rounded).toBe(52);
    expect(r.perAgreement[0].id).toBe("a");
    expect(r.perAgreement[0].droitsUniques).toBeCloseTo(52.4, 9);
  });

  it("RES-7: Choisy's 977 droits de suite at 31/12/2023 become 792 droits uniques (fractions kept, total rounded)", () => {
    // 500 × 15 × 0.0524 = 393; 477 × 15.95 × 0.0524 = 398.66706; total 791.66706 → 792.
    const r = convertDroitsDeSuite(
      [
        { id: "garantie-1998", droitsDeSuite: 500, remainingYears: 15 },
        { id: "financement-2005", droitsDeSuite: 477, remainingYears: 15.95 },
      ],
      0.0524,
    );
    expect(r.perAgreement.map((a) => a.droitsUniques)).toEqual([expect.closeTo(393, 9), expect.closeTo(398.66706, 9)]);
    expect(r.total).toBeCloseTo(791.66706, 9);
    expect(r.rounded).toBe(792);
    expect(convertDroitsDeSuite([], 0.0524)).toEqual({ perAgreement: [], total: 0, rounded: 0 });
  });

  it("RES-7: invalid input is refused (rate above 1, negative years, fractional droits, duplicate id)", () => {
    expectDomainError(() => convertDroitsDeSuite([{ id: "a", droitsDeSuite: 1, remainingYears: 1 }], 5.24), "RES-7", "RATE_OUT_OF_RANGE");
    expectDomainError(() => convertDroitsDeSuite([{ id: "a", droitsDeSuite: 1, remainingYears: -1 }], 0.05), "RES-7", "NEGATIVE");
    expectDomainError(() => convertDroitsDeSuite([{ id: "a", droitsDeSuite: 1.5, remainingYears: 1 }], 0.05), "RES-7", "NOT_INTEGER");
    const twice = [
      { id: "a", droitsDeSuite: 1, remainingYears: 1 },
      { id: "a", droitsDeSuite: 2, remainingYears: 1 },
    ];
    expectDomainError(() => convertDroitsDeSuite(twice, 0.05), "RES-7", "DUPLICATE");
  });

  it("RES-7 RES-8: remaining years = days / 365.25, 0 once past", () => {
    // 2023-12-31 → 2037-12-31: 14 × 365 + 4 leap days (2024, 2028, 2032, 2036) = 5114 days.
    expect(remainingYears("2037-12-31", "2023-12-31")).toBeCloseTo(5114 / 365.25, 12);
    expect(remainingYears("2024-12-31", "2023-12-31")).toBeCloseTo(366 / 365.25, 12);
    expect(remainingYears("2023-12-31", "2023-12-31")).toBe(0);
    expect(remainingYears("2020-01-01", "2023-12-31")).toBe(0);
    expectDomainError(() => remainingYears("2037-02-30", "2023-12-31"), "RES-7", "INVALID_DATE");
  });

  it("RES-8: guarantee rights run until 5 years after the last repayment (29 Feb → 28 Feb)", () => {
    expect(guaranteeRightsEnd("2030-06-15")).toBe("2035-06-15");
    expect(guaranteeRightsEnd("2024-02-29")).toBe("2029-02-28");
    expect(guaranteeRightsEnd("2024-02-29", 4)).toBe("2028-02-29");
    expectDomainError(() => guaranteeRightsEnd("2030-06-15", -1), "RES-8", "NEGATIVE");
  });
});

describe("new rights and the stock (RES-9, RES-10)", () => {
  it("RES-9: guaranteeing a new programme gives up to 20 % of its dwellings (whole dwellings)", () => {
    expect(guaranteeRightsMax(47)).toBe(9);
    expect(guaranteeRightsMax(50)).toBe(10);
    expect(guaranteeRightsMax(0)).toBe(0);
    expect(guaranteeRightsMax(50, 0.1)).toBe(5);
    expectDomainError(() => guaranteeRightsMax(-5), "RES-9", "NEGATIVE");
    expectDomainError(() => guaranteeRightsMax(50, 1.2), "RES-9", "RATE_OUT_OF_RANGE");
  });

  it("RES-10: stock at 1 January N = stock N-1 + acquisitions − consumption", () => {
    expect(droitsUniquesNextStock({ stockJan1: 792, acquisitions: 10, consumption: 30 })).toBe(772);
    expect(droitsUniquesNextStock({ stockJan1: 2, acquisitions: 0, consumption: 3 })).toBe(-1);
    expectDomainError(() => droitsUniquesNextStock({ stockJan1: -1, acquisitions: 0, consumption: 0 }), "RES-10", "NEGATIVE");
    expectDomainError(() => droitsUniquesNextStock({ stockJan1: 1, acquisitions: -2, consumption: 0 }), "RES-10", "NEGATIVE");
    expectDomainError(() => droitsUniquesNextStock({ stockJan1: 1, acquisitions: 0, consumption: 0.5 }), "RES-10", "NOT_INTEGER");
  });
});
