import { DomainError, type RuleId } from "./errors";
import { assertOneOf, assertRate } from "./numbers";

export type Financing = "PLAI" | "PLUS" | "PLS";
export const FINANCINGS: readonly Financing[] = ["PLAI", "PLUS", "PLS"];
export type Typology = "T1" | "T2" | "T3" | "T4" | "T5" | "T6+";
export const TYPOLOGIES: readonly Typology[] = ["T1", "T2", "T3", "T4", "T5", "T6+"];
/** RES-16: the bailleur's residence classification, 4 categories. */
export type Classification = 1 | 2 | 3 | 4;
export const CLASSIFICATIONS: readonly Classification[] = [1, 2, 3, 4];

export type TargetKey = "PLS" | "PLUS" | "PLAI" | "T1" | "T2" | "T3" | "T4/T5" | "QPV" | "CLASS_3_4" | "PMR";
export const TARGET_KEYS: readonly TargetKey[] = ["PLS", "PLUS", "PLAI", "T1", "T2", "T3", "T4/T5", "QPV", "CLASS_3_4", "PMR"];

/** RES-15: the indicative targets of seed 002 §IV (T1 is an "at most" target). */
export const DEFAULT_TARGETS: Readonly<Record<TargetKey, number>> = {
  PLS: 0.1,
  PLUS: 0.8,
  PLAI: 0.1,
  T1: 0.1,
  T2: 0.25,
  T3: 0.4,
  "T4/T5": 0.25,
  QPV: 0.1,
  CLASS_3_4: 0.4,
  PMR: 0.04,
};
const AT_MOST: ReadonlySet<TargetKey> = new Set<TargetKey>(["T1"]);

export interface OrientedDwelling {
  financing: Financing;
  typology: Typology;
  qpv: boolean;
  classification: Classification;
  pmr: boolean;
}

/** RES-16: a residence classification is one of the bailleur's 4 categories. */
export function assertClassification(value: number, rule: RuleId = "RES-16"): asserts value is Classification {
  assertOneOf(value, CLASSIFICATIONS as readonly number[], "classification", rule);
}

function matches(key: TargetKey, d: OrientedDwelling): boolean {
  switch (key) {
    case "PLS":
    case "PLUS":
    case "PLAI":
      return d.financing === key;
    case "T1":
    case "T2":
    case "T3":
      return d.typology === key;
    case "T4/T5": // RES-15: T6 and more count with T4/T5
      return d.typology === "T4" || d.typology === "T5" || d.typology === "T6+";
    case "QPV":
      return d.qpv;
    case "CLASS_3_4":
      return d.classification >= 3;
    case "PMR":
      return d.pmr;
  }
}

export interface TargetGap {
  key: TargetKey;
  target: number;
  achieved: number;
  gap: number;
  atMost: boolean;
  breached: boolean;
}

/**
 * RES-15: achieved share of the dwellings oriented to the réservataire vs each indicative target,
 * gap = achieved − target (both ways); only an "at most" target (T1) can be breached, above it.
 * Indicative only: never blocks.
 */
export function targetGaps(
  oriented: readonly OrientedDwelling[],
  targets: Partial<Record<TargetKey, number>> = {},
): TargetGap[] {
  for (const [key, value] of Object.entries(targets)) {
    assertOneOf(key as TargetKey, TARGET_KEYS, "target", "RES-15");
    assertRate(value as number, key, "RES-15");
  }
  for (const d of oriented) {
    assertOneOf(d.financing, FINANCINGS, "financing", "RES-15");
    assertOneOf(d.typology, TYPOLOGIES, "typology", "RES-15");
    assertClassification(d.classification, "RES-15");
  }
  const merged: Record<TargetKey, number> = { ...DEFAULT_TARGETS, ...targets };
  return TARGET_KEYS.map((key) => {
    const count = oriented.reduce((n, d) => (matches(key, d) ? n + 1 : n), 0);
    const achieved = oriented.length === 0 ? 0 : count / oriented.length;
    const target = merged[key];
    const atMost = AT_MOST.has(key);
    return { key, target, achieved, gap: achieved - target, atMost, breached: atMost && achieved > target + 1e-12 };
  });
}

/** RES-15: the spread of the oriented dwellings over the bailleur's residences, largest first. */
export function residenceSpread(oriented: readonly { residence: string }[]): { residence: string; count: number; share: number }[] {
  const counts = new Map<string, number>();
  for (const d of oriented) {
    if (typeof d.residence !== "string" || d.residence === "") {
      throw new DomainError("RES-15", "UNKNOWN_VALUE", { field: "residence", value: String(d.residence) });
    }
    counts.set(d.residence, (counts.get(d.residence) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([residence, count]) => ({ residence, count, share: count / oriented.length }))
    .sort((a, b) => b.count - a.count || (a.residence < b.residence ? -1 : 1));
}
