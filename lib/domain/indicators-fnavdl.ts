import { assertIso, assertOrdered, daysBetween, maxIso, minIso, type IsoDate } from "./dates";
import type { FnavdlCaseFacts } from "./engine-fnavdl";
import type { FnavdlAction, Intensity } from "./events";
import { INTENSITIES } from "./fnavdl";
import { assertOneOf, roundTo } from "./numbers";
import { nextPeriod, periodOf } from "./periods";

/** AVD-13b: months of 30.4375 days. */
export const DAYS_PER_MONTH = 30.4375;

/** Plain data of one FNAVDL case for annex III (see `fnavdlIndicatorCase`). */
export interface FnavdlIndicatorCase {
  householdId: string;
  dalo: boolean;
  prescribedOn: IsoDate | null;
  orientedOn: IsoDate | null;
  diagnosticOn: IsoDate | null;
  /** A support (AVL, ADL, bail glissant) is active from its start to its end or interruption, inclusive. */
  support: { startOn: IsoDate; endOn: IsoDate | null; action: FnavdlAction; intensity: Intensity } | null;
  bailGlissantReferral: boolean;
  /** The sublease ends when the lease slides or the support ends. */
  sublease: { startOn: IsoDate; endOn: IsoDate | null; slidOn: IsoDate | null } | null;
  /** "Accès au logement": a lease signed (or slid). */
  housingAccessOn: IsoDate | null;
}

/** The annex III data of a case, from the facts its events give. */
export function fnavdlIndicatorCase(householdId: string, f: FnavdlCaseFacts): FnavdlIndicatorCase {
  const endOn = f.end?.on ?? null;
  return {
    householdId,
    dalo: f.dalo,
    prescribedOn: f.prescribedOn,
    orientedOn: f.orientedOn,
    diagnosticOn: f.diagnosticOn,
    support: f.support && { startOn: f.support.startOn, endOn, action: f.support.action, intensity: f.support.intensity },
    bailGlissantReferral: f.bailGlissantReferral,
    sublease: f.sublease && { startOn: f.sublease.startOn, endOn: f.sublease.slidOn ?? endOn, slidOn: f.sublease.slidOn },
    housingAccessOn: f.housingAccessOn,
  };
}

export interface FnavdlIndicators {
  from: IsoDate;
  to: IsoDate;
  /** 1: distinct households with a prescription or orientation dated in the period. */
  referred: number;
  /** 2: distinct households with a diagnostic in the period or a support active at least one day of it. */
  hadMeasure: number;
  /** 3: per month, distinct households with a support active at least one day of it (within the period), and the mean. */
  activeFile: { months: { month: string; households: number }[]; mean: number };
  /** 4: distinct households with a support active at least one day of the period. */
  accompanied: number;
  /** 5: over supports ended in the period, mean (end − start) in months of 30.4375 days, one decimal; null if none. */
  meanDurationMonths: number | null;
  /** 6: over DALO supports started in the period, mean (start − orientation) in days; null if none. */
  meanDelayDays: number | null;
  /** 7: distinct households supported under the convention with housing access dated on or before the period's end. */
  accessedHousing: number;
  /** AVD-12: households accompanied in the period by intensity level. */
  byIntensity: Record<Intensity, number>;
  /** Baux glissants: referred in the period, under sublease at least one day, leases slid in the period, mean sublease months. */
  bailGlissant: { referred: number; underSublease: number; leasesSlid: number; meanSubleaseMonths: number | null };
}

const active = (startOn: IsoDate, endOn: IsoDate | null, from: IsoDate, to: IsoDate): boolean =>
  startOn <= to && (endOn === null || endOn >= from);

const mean = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

/** AVD-13/13b: the seven annex III indicators and the bail glissant figures, for [from, to] inclusive. */
export function fnavdlIndicators(cases: readonly FnavdlIndicatorCase[], from: IsoDate, to: IsoDate): FnavdlIndicators {
  assertOrdered(from, to, "AVD-13b");
  const within = (on: IsoDate | null) => on !== null && on >= from && on <= to;
  const referred = new Set<string>();
  const hadMeasure = new Set<string>();
  const accompanied = new Set<string>();
  const accessed = new Set<string>();
  const bgReferred = new Set<string>();
  const underSublease = new Set<string>();
  const slid = new Set<string>();
  const byIntensity: Record<Intensity, Set<string>> = { LEGER: new Set(), MOYEN: new Set(), APPROFONDI: new Set() };
  const durations: number[] = [];
  const delays: number[] = [];
  const subleaseMonths: number[] = [];
  for (const c of cases) {
    for (const on of [c.prescribedOn, c.orientedOn, c.diagnosticOn, c.housingAccessOn]) if (on !== null) assertIso(on, "AVD-13b");
    if (within(c.prescribedOn) || within(c.orientedOn)) referred.add(c.householdId);
    if (within(c.diagnosticOn)) hadMeasure.add(c.householdId);
    if (c.bailGlissantReferral && within(c.prescribedOn)) bgReferred.add(c.householdId);
    const s = c.support;
    if (s !== null) {
      if (s.endOn !== null) assertOrdered(s.startOn, s.endOn, "AVD-13b");
      if (active(s.startOn, s.endOn, from, to)) {
        hadMeasure.add(c.householdId);
        accompanied.add(c.householdId);
        assertOneOf(s.intensity, INTENSITIES, "intensity", "AVD-12");
        byIntensity[s.intensity].add(c.householdId);
      }
      if (s.endOn !== null && within(s.endOn)) durations.push(daysBetween(s.startOn, s.endOn, "AVD-13b") / DAYS_PER_MONTH);
      if (c.dalo && c.orientedOn !== null && within(s.startOn)) delays.push(daysBetween(c.orientedOn, s.startOn, "AVD-13b"));
      if (s.startOn <= to && c.housingAccessOn !== null && c.housingAccessOn <= to) accessed.add(c.householdId);
    }
    const sub = c.sublease;
    if (sub !== null) {
      if (active(sub.startOn, sub.endOn, from, to)) underSublease.add(c.householdId);
      if (within(sub.slidOn)) slid.add(c.householdId);
      if (sub.endOn !== null && within(sub.endOn)) subleaseMonths.push(daysBetween(sub.startOn, sub.endOn, "AVD-13b") / DAYS_PER_MONTH);
    }
  }
  const months: { month: string; households: number }[] = [];
  for (let p = periodOf({ unit: "MONTH" }, from, "AVD-13b"); p.startOn <= to; p = nextPeriod({ unit: "MONTH" }, p, "AVD-13b")) {
    const a = maxIso(p.startOn, from);
    const b = minIso(p.endOn, to);
    const households = new Set(cases.filter((c) => c.support !== null && active(c.support.startOn, c.support.endOn, a, b)).map((c) => c.householdId));
    months.push({ month: p.key, households: households.size });
  }
  const meanDuration = mean(durations);
  const meanSublease = mean(subleaseMonths);
  return {
    from,
    to,
    referred: referred.size,
    hadMeasure: hadMeasure.size,
    activeFile: { months, mean: mean(months.map((m) => m.households)) ?? 0 },
    accompanied: accompanied.size,
    meanDurationMonths: meanDuration === null ? null : roundTo(meanDuration, 1),
    meanDelayDays: mean(delays),
    accessedHousing: accessed.size,
    byIntensity: { LEGER: byIntensity.LEGER.size, MOYEN: byIntensity.MOYEN.size, APPROFONDI: byIntensity.APPROFONDI.size },
    bailGlissant: {
      referred: bgReferred.size,
      underSublease: underSublease.size,
      leasesSlid: slid.size,
      meanSubleaseMonths: meanSublease === null ? null : roundTo(meanSublease, 1),
    },
  };
}
