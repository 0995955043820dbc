import { describe, expect, it } from "vitest";
import { assertClassification, residenceSpread, targetGaps, type OrientedDwelling } from "@/lib/domain";
import { expectDomainError } from "./helpers";

const d = (financing: OrientedDwelling["financing"], typology: OrientedDwelling["typology"], qpv: boolean, classification: OrientedDwelling["classification"], pmr = false): OrientedDwelling => ({ financing, typology, qpv, classification, pmr });

/** Ten dwellings oriented to the réservataire in the year; shares worked out by hand in the test. */
const oriented: OrientedDwelling[] = [
  d("PLUS", "T1", false, 1),
  d("PLUS", "T2", false, 2),
  d("PLUS", "T2", true, 3),
  d("PLUS", "T3", false, 3, true),
  d("PLUS", "T3", false, 4),
  d("PLUS", "T3", false, 2),
  d("PLAI", "T4", false, 1),
  d("PLS", "T5", false, 3),
  d("PLUS", "T6+", true, 4),
  d("PLUS", "T1", false, 2),
];

describe("indicative targets (RES-15, RES-16)", () => {
  it("RES-15: achieved vs target both ways; T6+ counts with T4/T5; only T1 (at most) is breached", () => {
    const gaps = targetGaps(oriented);
    expect(gaps.map((g) => g.key)).toEqual(["PLS", "PLUS", "PLAI", "T1", "T2", "T3", "T4/T5", "QPV", "CLASS_3_4", "PMR"]);
    const expected: Record<string, [number, number, boolean]> = {
      // key: [target, achieved, breached]
      PLS: [0.1, 0.1, false],
      PLUS: [0.8, 0.8, false],
      PLAI: [0.1, 0.1, false],
      T1: [0.1, 0.2, true],
      T2: [0.25, 0.2, false],
      T3: [0.4, 0.3, false],
      "T4/T5": [0.25, 0.3, false], // T4, T5 and T6+
      QPV: [0.1, 0.2, false], // above target but not an "at most" target
      CLASS_3_4: [0.4, 0.5, false],
      PMR: [0.04, 0.1, false],
    };
    for (const g of gaps) {
      const [target, achieved, breached] = expected[g.key];
      expect(g.target).toBe(target);
      expect(g.achieved).toBeCloseTo(achieved, 12);
      expect(g.gap).toBeCloseTo(achieved - target, 12);
      expect(g.breached).toBe(breached);
      expect(g.atMost).toBe(g.key === "T1");
    }
  });

  it("RES-15: no dwelling oriented gives 0 achieved everywhere; targets can be changed (avenant)", () => {
    const none = targetGaps([]);
    expect(none.every((g) => g.achieved === 0 && !g.breached)).toBe(true);
    expect(none.find((g) => g.key === "T3")?.gap).toBeCloseTo(-0.4, 12);
    const t1 = targetGaps(oriented, { T1: 0.25 }).find((g) => g.key === "T1");
    expect(t1).toMatchObject({ target: 0.25, breached: false });
  });

  it("RES-15 RES-16: unknown keys, rates above 1, unknown typologies or classifications are refused", () => {
    expectDomainError(() => targetGaps(oriented, { T7: 0.1 } as never), "RES-15", "UNKNOWN_VALUE");
    expectDomainError(() => targetGaps(oriented, { PLS: 10 }), "RES-15", "RATE_OUT_OF_RANGE");
    expectDomainError(() => targetGaps([d("PLI" as never, "T1", false, 1)]), "RES-15", "UNKNOWN_VALUE");
    expectDomainError(() => targetGaps([d("PLUS", "T7" as never, false, 1)]), "RES-15", "UNKNOWN_VALUE");
    expectDomainError(() => targetGaps([d("PLUS", "T2", false, 5 as never)]), "RES-15", "UNKNOWN_VALUE");
  });

  it("RES-16: a residence classification is one of the bailleur's 4 categories", () => {
    expect(() => assertClassification(3)).not.toThrow();
    expectDomainError(() => assertClassification(0), "RES-16", "UNKNOWN_VALUE");
    expectDomainError(() => assertClassification(2.5), "RES-16", "UNKNOWN_VALUE");
  });

  it("RES-15: the spread over the bailleur's residences, largest first", () => {
    const spread = residenceSpread([{ residence: "Les Navigateurs" }, { residence: "Gare" }, { residence: "Les Navigateurs" }, { residence: "Bord de Seine" }]);
    expect(spread).toEqual([
      { residence: "Les Navigateurs", count: 2, share: 0.5 },
      { residence: "Bord de Seine", count: 1, share: 0.25 },
      { residence: "Gare", count: 1, share: 0.25 },
    ]);
    expect(residenceSpread([])).toEqual([]);
    expectDomainError(() => residenceSpread([{ residence: "" }]), "RES-15", "UNKNOWN_VALUE");
  });
});
