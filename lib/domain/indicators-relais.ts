import { assertIso, assertOrdered, type IsoDate } from "./dates";
import type { RelaisOutcome } from "./relais";

/** Plain data of one relais case, enough for the annual figures (see `relaisCaseFacts`). */
export interface RelaisFiguresCase {
  householdId: string;
  referredOn: IsoDate;
  entryOn: IsoDate | null;
  end: { on: IsoDate; outcome: RelaisOutcome } | null;
}

export interface RelaisFigures {
  from: IsoDate;
  to: IsoDate;
  /** Households supported (in relais housing) at least one day of the period, those still followed included. */
  supported: number;
  /** Households relogés in permanent social housing, outcome dated in the period. */
  reloges: number;
  /** Households who found another solution, outcome dated in the period. */
  otherSolutions: number;
  /** Diagnostics requested: referrals dated in the period. */
  diagnosticsRequested: number;
  /** Entries into relais housing dated in the period. */
  entries: number;
}

/** REL-9: the figures for the annual bilan meeting over [from, to] (inclusive), distinct households. */
export function relaisFigures(cases: readonly RelaisFiguresCase[], from: IsoDate, to: IsoDate): RelaisFigures {
  assertOrdered(from, to, "REL-9");
  const inPeriod = (on: IsoDate | null | undefined): boolean => on !== null && on !== undefined && on >= from && on <= to;
  const supported = new Set<string>();
  const reloges = new Set<string>();
  const others = new Set<string>();
  const referred = new Set<string>();
  const entered = new Set<string>();
  for (const c of cases) {
    assertIso(c.referredOn, "REL-9");
    if (inPeriod(c.referredOn)) referred.add(c.householdId);
    if (c.entryOn === null) continue;
    assertIso(c.entryOn, "REL-9");
    if (inPeriod(c.entryOn)) entered.add(c.householdId);
    const endOn = c.end?.on ?? null;
    if (c.entryOn <= to && (endOn === null || endOn >= from)) supported.add(c.householdId);
    if (c.end !== null && inPeriod(c.end.on)) {
      if (c.end.outcome === "RELOGE") reloges.add(c.householdId);
      if (c.end.outcome === "OTHER_SOLUTION") others.add(c.householdId);
    }
  }
  return {
    from,
    to,
    supported: supported.size,
    reloges: reloges.size,
    otherSolutions: others.size,
    diagnosticsRequested: referred.size,
    entries: entered.size,
  };
}
