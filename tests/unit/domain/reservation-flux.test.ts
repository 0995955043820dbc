import { describe, expect, it } from "vitest";
import {
  assietteFromRegimes,
  fluxAssiette,
  fluxCount,
  fluxForecast,
  fluxObjective,
  fluxProgress,
  guaranteeShare,
  outcomeCount,
  reservataireShare,
  shareDiffersMarkedly,
  type DwellingRegime,
} from "@/lib/domain";
import { expectDomainError } from "./helpers";

describe("assiette (RES-1..4, RES-4b)", () => {
  it("RES-1 RES-2 RES-3 RES-4: stock − excluded − soustraits + new dwellings put into service", () => {
    expect(fluxAssiette({ stock: 5000, excluded: 300, soustraits: 120, misesEnService: 45 })).toBe(4625);
    expect(fluxAssiette({ stock: 0, excluded: 0, soustraits: 0, misesEnService: 12 })).toBe(12);
  });

  it("RES-1 RES-2 RES-3 RES-4: negative, fractional or impossible counts are refused", () => {
    expectDomainError(() => fluxAssiette({ stock: -1, excluded: 0, soustraits: 0, misesEnService: 0 }), "RES-1", "NEGATIVE");
    expectDomainError(() => fluxAssiette({ stock: 10, excluded: 0.5, soustraits: 0, misesEnService: 0 }), "RES-2", "NOT_INTEGER");
    expectDomainError(() => fluxAssiette({ stock: 10, excluded: 0, soustraits: -2, misesEnService: 0 }), "RES-3", "NEGATIVE");
    expectDomainError(() => fluxAssiette({ stock: 10, excluded: 0, soustraits: 0, misesEnService: -1 }), "RES-4", "NEGATIVE");
    expectDomainError(() => fluxAssiette({ stock: 10, excluded: 6, soustraits: 5, misesEnService: 0 }), "RES-2", "EXCEEDS");
  });

  it("RES-1 RES-2 RES-3 RES-4: counted from each dwelling's regime of the year", () => {
    const flux: DwellingRegime = { kind: "FLUX" };
    const dwellings = [
      { regime: flux, newInYear: false },
      { regime: flux, newInYear: false },
      { regime: { kind: "EXCLUDED", reason: "DEFENCE_SECURITY" } as DwellingRegime, newInYear: false },
      { regime: { kind: "SOUSTRAIT", category: "VENTE" } as DwellingRegime, newInYear: false },
      { regime: flux, newInYear: true }, // RES-4: enters after its first letting
      { regime: { kind: "EXCLUDED", reason: "NOT_SOCIAL_REGIME" } as DwellingRegime, newInYear: true }, // a new foyer: never in
    ];
    expect(assietteFromRegimes(dwellings)).toEqual({ stock: 4, excluded: 1, soustraits: 1, misesEnService: 1, assiette: 3 });
    expectDomainError(() => assietteFromRegimes([{ regime: { kind: "OTHER" } as never, newInYear: false }]), "RES-1", "UNKNOWN_VALUE");
  });

  it("RES-4b: the flux of the year is forecast as assiette × rotation (never the stock)", () => {
    expect(fluxForecast(4625, 0.0524)).toBeCloseTo(242.35, 9);
    expect(fluxForecast(0, 0.0524)).toBe(0);
    expectDomainError(() => fluxForecast(-1, 0.05), "RES-4b", "NEGATIVE");
    expectDomainError(() => fluxForecast(100, 5.24), "RES-4b", "RATE_OUT_OF_RANGE");
  });
});

describe("share of the flux (RES-11, RES-12)", () => {
  it("RES-11: min(cap, (1 − State part) × own DU / all DU)", () => {
    expect(reservataireShare({ droitsUniques: 792, allDroitsUniques: 3000, stateShare: 0.3, cap: 0.24 })).toBeCloseTo(0.1848, 12);
    expect(reservataireShare({ droitsUniques: 792, allDroitsUniques: 2000, stateShare: 0.3, cap: 0.24 })).toBe(0.24);
    expect(reservataireShare({ droitsUniques: 0, allDroitsUniques: 2000, stateShare: 0, cap: 0.24 })).toBe(0);
  });

  it("RES-11: invalid input is refused", () => {
    expectDomainError(() => reservataireShare({ droitsUniques: 1, allDroitsUniques: 0, stateShare: 0.3, cap: 0.24 }), "RES-11", "ZERO_DENOMINATOR");
    expectDomainError(() => reservataireShare({ droitsUniques: 5, allDroitsUniques: 4, stateShare: 0.3, cap: 0.24 }), "RES-11", "EXCEEDS");
    expectDomainError(() => reservataireShare({ droitsUniques: 1, allDroitsUniques: 4, stateShare: 30, cap: 0.24 }), "RES-11", "RATE_OUT_OF_RANGE");
    expectDomainError(() => reservataireShare({ droitsUniques: 1, allDroitsUniques: 4, stateShare: 0.3, cap: -0.1 }), "RES-11", "RATE_OUT_OF_RANGE");
    expectDomainError(() => reservataireShare({ droitsUniques: -1, allDroitsUniques: 4, stateShare: 0.3, cap: 0.2 }), "RES-11", "NEGATIVE");
  });

  it("RES-11: a warning when the agreed share and the formula differ by more than 2 points", () => {
    expect(shareDiffersMarkedly(0.24, 0.1848)).toBe(true);
    expect(shareDiffersMarkedly(0.2, 0.1848)).toBe(false);
    expect(shareDiffersMarkedly(0.22, 0.2)).toBe(false); // exactly 2 points: not marked
    expect(shareDiffersMarkedly(0.2, 0.1848, 0.01)).toBe(true);
    expectDomainError(() => shareDiffersMarkedly(24, 0.2), "RES-11", "RATE_OUT_OF_RANGE");
  });

  it("RES-12: the guarantee-origin part of the flux is warned about above 20 %", () => {
    // 0.24 × 400 / 792 = 0.121212…; 0.24 × 700 / 792 = 0.212121…
    expect(guaranteeShare({ share: 0.24, guaranteeDroitsUniques: 400, droitsUniques: 792 })).toEqual({ share: expect.closeTo(0.121212, 6), exceeds: false });
    expect(guaranteeShare({ share: 0.24, guaranteeDroitsUniques: 700, droitsUniques: 792 })).toEqual({ share: expect.closeTo(0.212121, 6), exceeds: true });
    expect(guaranteeShare({ share: 0.24, guaranteeDroitsUniques: 0, droitsUniques: 0 })).toEqual({ share: 0, exceeds: false });
    expectDomainError(() => guaranteeShare({ share: 0.24, guaranteeDroitsUniques: 800, droitsUniques: 792 }), "RES-12", "EXCEEDS");
    expectDomainError(() => guaranteeShare({ share: 0.24, guaranteeDroitsUniques: 1, droitsUniques: 2 }, 2), "RES-12", "RATE_OUT_OF_RANGE");
  });
});

describe("counting and objective (RES-13, RES-14)", () => {
  it("RES-13: leases and equivalents count; none retained, pending and withdrawn do not (issue example)", () => {
    expect(fluxCount(["LEASE_SIGNED", "NO_CANDIDATE_30D", "PENDING"])).toEqual({ leases: 1, equivalents: 1, total: 2 });
    expect(fluxCount(["REFUSED_AFTER_CALEOL", "NONE_RETAINED", "WITHDRAWN", "LEASE_SIGNED", "LEASE_SIGNED"])).toEqual({ leases: 2, equivalents: 1, total: 3 });
    expect(fluxCount([])).toEqual({ leases: 0, equivalents: 0, total: 0 });
    expect(outcomeCount("NONE_RETAINED")).toBe("NONE");
    expectDomainError(() => fluxCount(["SIGNED" as never]), "RES-13", "UNKNOWN_VALUE");
  });

  it("RES-14: objective = share × flux of the year, rounded half up to a whole dwelling", () => {
    expect(fluxObjective(242.35, 0.24)).toBe(58); // 58.164
    expect(fluxObjective(100, 0.245)).toBe(25); // 24.5 → 25 despite binary noise
    expect(fluxObjective(10, 0.25)).toBe(3); // 2.5 → 3
    expect(fluxObjective(10, 0.24)).toBe(2); // 2.4 → 2
    expect(fluxObjective(0, 0.24)).toBe(0);
    expectDomainError(() => fluxObjective(-1, 0.24), "RES-14", "NEGATIVE");
    expectDomainError(() => fluxObjective(100, 24), "RES-14", "RATE_OUT_OF_RANGE");
  });

  it("RES-14: progress = counted / objective, the gap split between leases and equivalents", () => {
    const p = fluxProgress({ objective: 58, leases: 30, equivalents: 5 });
    expect(p).toEqual({ counted: 35, progress: expect.closeTo(35 / 58, 12), remaining: 23, leases: 30, equivalents: 5 });
    expect(fluxProgress({ objective: 0, leases: 1, equivalents: 0 })).toEqual({ counted: 1, progress: null, remaining: 0, leases: 1, equivalents: 0 });
    expect(fluxProgress({ objective: 2, leases: 3, equivalents: 0 }).remaining).toBe(0);
    expectDomainError(() => fluxProgress({ objective: -1, leases: 0, equivalents: 0 }), "RES-14", "NEGATIVE");
    expectDomainError(() => fluxProgress({ objective: 1, leases: 0.5, equivalents: 0 }), "RES-14", "NOT_INTEGER");
    expectDomainError(() => fluxProgress({ objective: 1, leases: 0, equivalents: -1 }), "RES-14", "NEGATIVE");
  });
});
