import { addDays, assertIso, type IsoDate } from "./dates";
import { DomainError, unknownValue } from "./errors";
import { sortEvents, type CaleolDecision, type VacancyEvent } from "./events";
import { assertNonNegativeInt } from "./numbers";
import type { VacancyOutcome } from "./reservation-flux";
import { rejectAfterEnd, rejectDuplicate, requirePrior } from "./sequence";

/** Vacancies and designations (seed 002 §V–§VII). */
export const VACANCY_DEFAULTS = {
  designationDays: 30, // RES-18
  candidates: 3, // RES-19 (R.441-3)
  firstListDays: 30, // RES-21
  secondListDays: 15, // RES-21
} as const;

/** RES-17: the fields a vacancy declaration must carry. */
export interface VacancyDeclaration {
  financing: string;
  typology: string;
  surfaceM2: number;
  address: { number: string; street: string; commune: string; postcode: string };
  qpv: boolean;
  constructionPeriod: string;
  rentAndChargesCents: number;
  dpe: string;
  pmr: boolean;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | null : T[K] | null };

const blank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (typeof v === "number" && !Number.isFinite(v));

/** RES-17: the missing fields of a declaration, in the seed's order (empty when complete). */
export function vacancyMissingFields(d: DeepPartial<VacancyDeclaration>): string[] {
  const missing: string[] = [];
  const check = (name: string, v: unknown) => {
    if (blank(v)) missing.push(name);
  };
  check("financing", d.financing);
  check("typology", d.typology);
  check("surfaceM2", d.surfaceM2);
  for (const part of ["number", "street", "commune", "postcode"] as const) check(`address.${part}`, d.address?.[part]);
  check("qpv", d.qpv);
  check("constructionPeriod", d.constructionPeriod);
  check("rentAndChargesCents", d.rentAndChargesCents);
  check("dpe", d.dpe);
  check("pmr", d.pmr);
  return missing;
}

/** RES-17: a declaration missing one of the fields is refused with the list of what is missing. */
export function assertVacancyComplete(d: DeepPartial<VacancyDeclaration>): void {
  const missing = vacancyMissingFields(d);
  if (missing.length > 0) throw new DomainError("RES-17", "INCOMPLETE", { missing });
}

/** RES-18: candidates are designated within 30 days of the declaration. */
export function designationDueOn(declaredOn: IsoDate, days: number = VACANCY_DEFAULTS.designationDays): IsoDate {
  assertNonNegativeInt(days, "days", "RES-18");
  return addDays(declaredOn, days, "RES-18");
}

/**
 * RES-19: 3 candidates per dwelling, 1 for the exceptions: a DALO household designated by the
 * préfet (L.441-2-3 II 7th paragraph) or a dwelling funded under D.331-25-1.
 */
export function candidatesRequired(x: { dalo: boolean; subsidisedD331_25_1: boolean; relaisUse?: boolean }): number {
  // REL-5: a vacancy proposed to the association for relais housing is outside the 3-candidate rule.
  return x.dalo || x.subsidisedD331_25_1 || x.relaisUse === true ? 1 : VACANCY_DEFAULTS.candidates;
}

/** Glossary: a NUR is stored upper case without spaces, 10 to 20 letters and digits (RES-19). */
export function normaliseNur(value: string): string {
  const nur = String(value).replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z0-9]{10,20}$/.test(nur)) throw new DomainError("RES-19", "INVALID_NUR", { value: String(value) });
  return nur;
}

/** RES-21: 30 days from receiving the new programme's notification to propose candidates. */
export function newProgrammeFirstListDueOn(notificationReceivedOn: IsoDate): IsoDate {
  return addDays(notificationReceivedOn, VACANCY_DEFAULTS.firstListDays, "RES-21");
}

/** RES-21: after a failed first list, a second within 15 days of the failure's notification. */
export function secondListDueOn(failureNotifiedOn: IsoDate): IsoDate {
  return addDays(failureNotifiedOn, VACANCY_DEFAULTS.secondListDays, "RES-21");
}

/** RES-22: the bilan of the previous year is due on 28 February of `year`. */
export function annualBilanDueOn(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new DomainError("RES-22", "INVALID_YEAR", { value: String(year) });
  }
  return `${year}-02-28`;
}

const ATTRIBUTIONS: ReadonlySet<CaleolDecision> = new Set<CaleolDecision>([
  "ATTRIBUTION",
  "ATTRIBUTION_RANKED",
  "ATTRIBUTION_CONDITIONAL",
]);

/** RES-20: does a CALEOL decision attribute the dwelling? */
export function isAttribution(decision: CaleolDecision): boolean {
  return ATTRIBUTIONS.has(decision);
}

export interface VacancyState {
  outcome: VacancyOutcome;
  /** When the outcome was reached (the counting date); null while pending. */
  outcomeOn: IsoDate | null;
  declaredOn: IsoDate;
  designationDueOn: IsoDate;
  /** First CALEOL attribution, for the bilan's "attributed" count (RES-22). */
  attributedOn: IsoDate | null;
  round: number;
}

/**
 * RES-13/18/20: the vacancy's outcome from its events at `today`. A designation must come within
 * 30 days, else the vacancy lapses on day 31 (an equivalent). A CALEOL attributing to none gives
 * NONE_RETAINED until the réservataire designates again; the refusal of every attributed candidate
 * with no lease is an equivalent. Impossible sequences are refused.
 */
export function vacancyState(
  events: readonly VacancyEvent[],
  today: IsoDate,
  designationDays: number = VACANCY_DEFAULTS.designationDays,
): VacancyState {
  assertIso(today, "RES-13");
  const sorted = sortEvents(events);
  const first = sorted[0];
  if (first === undefined) throw new DomainError("RES-18", "INCOMPLETE", { missing: ["DECLARED"] });
  if (first.type !== "DECLARED") {
    throw new DomainError("RES-18", "EVENT_BEFORE_PREREQUISITE", { event: first.type, on: first.on, requires: "DECLARED" });
  }
  assertIso(first.on, "RES-18");
  const due = designationDueOn(first.on, designationDays);
  const s: VacancyState = { outcome: "PENDING", outcomeOn: null, declaredOn: first.on, designationDueOn: due, attributedOn: null, round: 0 };
  let designatedOn: IsoDate | null = null;
  let attributed = new Set<string>();
  let refused = new Set<string>();
  let caleolOn: IsoDate | null = null;
  const close = (outcome: VacancyOutcome, on: IsoDate) => {
    s.outcome = outcome;
    s.outcomeOn = on;
  };
  for (const e of sorted.slice(1)) {
    assertIso(e.on, "RES-20");
    // RES-18/13: without a designation by day 30 the vacancy has lapsed; nothing may follow.
    if (s.round === 0) rejectAfterEnd(e, due, "RES-18");
    if (s.outcomeOn !== null && s.outcome !== "NONE_RETAINED") rejectAfterEnd(e, s.outcomeOn, "RES-13");
    switch (e.type) {
      case "DECLARED":
        rejectDuplicate(e, first.on, "RES-17");
        break;
      case "DESIGNATION":
        assertNonNegativeInt(e.candidates, "candidates", "RES-19");
        if (s.round > 0 && s.outcome !== "NONE_RETAINED") rejectDuplicate(e, designatedOn, "RES-18");
        designatedOn = e.on;
        s.round += 1;
        s.outcome = "PENDING";
        s.outcomeOn = null;
        caleolOn = null;
        attributed = new Set();
        refused = new Set();
        break;
      case "REASONED_LETTER":
        requirePrior(e, designatedOn, "DESIGNATION", "RES-19");
        break;
      case "CALEOL":
        requirePrior(e, designatedOn, "DESIGNATION", "RES-20");
        caleolOn = e.on;
        attributed = new Set(e.decisions.filter((d) => isAttribution(d.decision)).map((d) => d.candidate));
        if (attributed.size > 0) s.attributedOn = s.attributedOn ?? e.on;
        else close("NONE_RETAINED", e.on); // RES-13: seed silent; nothing counted, designate again
        break;
      case "CANDIDATE_ANSWER":
        requirePrior(e, caleolOn, "CALEOL", "RES-20");
        if (!e.accepted) refused.add(e.candidate);
        if (attributed.size > 0 && [...attributed].every((c) => refused.has(c))) close("REFUSED_AFTER_CALEOL", e.on);
        break;
      case "LEASE_SIGNED":
        requirePrior(e, caleolOn, "CALEOL", "RES-13");
        close("LEASE_SIGNED", e.on);
        break;
      case "WITHDRAWN":
        close("WITHDRAWN", e.on);
        break;
      default:
        unknownValue(e, "type", "RES-20");
    }
  }
  if (s.round === 0 && s.outcome === "PENDING" && today > due) close("NO_CANDIDATE_30D", addDays(due, 1, "RES-13"));
  return s;
}
