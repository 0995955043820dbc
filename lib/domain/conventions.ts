import { addMonths, assertIso, endOfMonthsPeriod, parseIso, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { assertOneOf, assertPositiveInt } from "./numbers";

export type ConventionKind = "RELAIS" | "RESERVATION_FLUX" | "FNAVDL" | "ASLLI" | "CADRE";
export const CONVENTION_KINDS: readonly ConventionKind[] = ["RELAIS", "RESERVATION_FLUX", "FNAVDL", "ASLLI", "CADRE"];

/** A party's role in a convention's text ("la Ville", "l'Association", "le bailleur"…). */
export type PartyRole = "COMMUNE" | "ASSOCIATION" | "RESERVATAIRE" | "BAILLEUR" | "ETAT" | "DEPARTEMENT" | "FEDERATION";
/** Who must act on an obligation: one party's role, or all parties jointly (meetings). */
export type ResponsibleRole = PartyRole | "PARTIES";

export type Renewal = { kind: "NONE" } | { kind: "TACIT"; periodMonths: number; maxTotalMonths?: number };

export interface ConventionTerm {
  startOn: IsoDate;
  initialMonths: number;
  renewal: Renewal;
  denouncedOn?: IsoDate;
  terminatedOn?: IsoDate;
}

/** GEN-1: duration and renewal of each kind in the seeds (CAD-3: one year, tacitly renewed). */
export const CONVENTION_TERMS: Readonly<Record<ConventionKind, { initialMonths: number; renewal: Renewal }>> = {
  RELAIS: { initialMonths: 12, renewal: { kind: "TACIT", periodMonths: 12, maxTotalMonths: 36 } },
  RESERVATION_FLUX: { initialMonths: 36, renewal: { kind: "NONE" } },
  FNAVDL: { initialMonths: 12, renewal: { kind: "NONE" } },
  ASLLI: { initialMonths: 12, renewal: { kind: "NONE" } },
  CADRE: { initialMonths: 12, renewal: { kind: "TACIT", periodMonths: 12 } },
};

function checkTerm(c: ConventionTerm): void {
  assertIso(c.startOn, "GEN-1");
  assertPositiveInt(c.initialMonths, "initialMonths", "GEN-1");
  assertOneOf(c.renewal?.kind, ["NONE", "TACIT"], "renewal", "GEN-1");
  if (c.renewal.kind === "TACIT") {
    assertPositiveInt(c.renewal.periodMonths, "periodMonths", "GEN-1");
    const max = c.renewal.maxTotalMonths;
    if (max !== undefined) {
      assertPositiveInt(max, "maxTotalMonths", "GEN-1");
      if (max < c.initialMonths) {
        throw new DomainError("GEN-1", "EXCEEDS", { field: "initialMonths", value: c.initialMonths, max });
      }
    }
  }
  if (c.denouncedOn !== undefined) assertIso(c.denouncedOn, "GEN-2");
  if (c.terminatedOn !== undefined) {
    assertIso(c.terminatedOn, "GEN-4");
    if (c.terminatedOn < c.startOn) {
      throw new DomainError("GEN-4", "END_BEFORE_START", { start: c.startOn, end: c.terminatedOn });
    }
  }
}

/** Months covered by the period running at `at` (GEN-2), and whether a further renewal may follow. */
function runningPeriod(c: ConventionTerm, at: IsoDate): { months: number; end: IsoDate; renewable: boolean } {
  let months = c.initialMonths;
  let end = endOfMonthsPeriod(c.startOn, months, "GEN-1");
  for (;;) {
    if (c.renewal.kind === "NONE") return { months, end, renewable: false };
    // GEN-2: no tacit renewal once a party has denounced before the end of the current period.
    if (c.denouncedOn !== undefined && c.denouncedOn <= end) return { months, end, renewable: false };
    const next = months + c.renewal.periodMonths;
    const max = c.renewal.maxTotalMonths;
    // GEN-1: renewal by whole periods, never beyond the maximum total.
    if (max !== undefined && next > max) return { months, end, renewable: false };
    if (at <= end) return { months, end, renewable: true };
    months = next;
    end = endOfMonthsPeriod(c.startOn, months, "GEN-1");
  }
}

/**
 * GEN-1/2/4: the last day (inclusive) of the period running at `at`, tacit renewals included,
 * never past the maximum total, no renewal after a denunciation made on or before the period's
 * end; the termination date when it is earlier. Before the start: the first period's end.
 */
export function conventionEndInForce(c: ConventionTerm, at: IsoDate): IsoDate {
  checkTerm(c);
  assertIso(at, "GEN-2");
  const { end } = runningPeriod(c, at);
  return c.terminatedOn !== undefined && c.terminatedOn < end ? c.terminatedOn : end;
}

/**
 * GEN-2: the window to denounce before tacit renewal. `denounceBy` is the end of the running period
 * (a denunciation on or before it prevents the renewal); null when no renewal can follow.
 */
export function renewalWindow(
  c: ConventionTerm,
  at: IsoDate,
): { periodEndOn: IsoDate; denounceBy: IsoDate | null; nextPeriodEndOn: IsoDate | null } {
  const periodEndOn = conventionEndInForce(c, at);
  const { months, renewable } = runningPeriod(c, at);
  if (!renewable || c.terminatedOn !== undefined || c.renewal.kind === "NONE") {
    return { periodEndOn, denounceBy: null, nextPeriodEndOn: null };
  }
  return {
    periodEndOn,
    denounceBy: periodEndOn,
    nextPeriodEndOn: endOfMonthsPeriod(c.startOn, months + c.renewal.periodMonths, "GEN-2"),
  };
}

/** GEN-4: earliest termination date, once the mise en demeure has been left without effect. */
export function terminationEffectiveOn(noticeSentOn: IsoDate, noticeMonths: number): IsoDate {
  assertPositiveInt(noticeMonths, "noticeMonths", "GEN-4");
  return addMonths(noticeSentOn, noticeMonths, "GEN-4");
}

/**
 * GEN-4: who may terminate for breach, and after which notice. Relais (seed 000 art. 8) and FNAVDL
 * (seed 003 art. 14): either party; réservation (seed 002 §VIII): only the réservataire (the
 * commune). The ASLLi annex and the framework text have no termination clause (CAD-3: denounced).
 */
export const TERMINATION_RULES: Readonly<Record<ConventionKind, { noticeMonths: number; by: readonly PartyRole[] }>> = {
  RELAIS: { noticeMonths: 1, by: ["COMMUNE", "ASSOCIATION"] },
  RESERVATION_FLUX: { noticeMonths: 2, by: ["RESERVATAIRE"] },
  FNAVDL: { noticeMonths: 2, by: ["ETAT", "ASSOCIATION"] },
  ASLLI: { noticeMonths: 0, by: [] },
  CADRE: { noticeMonths: 0, by: [] },
};

export function mayTerminate(kind: ConventionKind, role: PartyRole): boolean {
  assertOneOf(kind, CONVENTION_KINDS, "kind", "GEN-4");
  return TERMINATION_RULES[kind].by.includes(role);
}

export function assertMayTerminate(kind: ConventionKind, role: PartyRole): void {
  if (!mayTerminate(kind, role)) throw new DomainError("GEN-4", "TERMINATION_NOT_ALLOWED", { kind, role });
}

export type ParamValue = string | number | boolean | null;

export interface Avenant<T> {
  effectiveOn: IsoDate;
  changes: Partial<T>;
}

/**
 * GEN-3: the parameters in force at `at`: the base, then every avenant effective on or before
 * `at`, in order of effective date. A change to an unknown parameter is refused.
 */
export function parametersInForce<T extends Record<string, unknown>>(
  base: T,
  avenants: readonly Avenant<T>[],
  at: IsoDate,
): T {
  assertIso(at, "GEN-3");
  const sorted = [...avenants].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  const result: T = { ...base };
  for (const avenant of sorted) {
    parseIso(avenant.effectiveOn, "GEN-3");
    for (const key of Object.keys(avenant.changes)) {
      if (!(key in base)) throw new DomainError("GEN-3", "UNKNOWN_VALUE", { field: "parameter", value: key });
    }
    if (avenant.effectiveOn <= at) Object.assign(result, avenant.changes);
  }
  return result;
}
