import { assertIso, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { assertNonNegative, assertRate } from "./numbers";
import { droitsUniquesNextStock } from "./reservation-droits";
import {
  assietteFromRegimes,
  fluxObjective,
  outcomeCount,
  SOUSTRAIT_CATEGORIES,
  type DwellingRegime,
  type SoustraitCategory,
  type VacancyOutcome,
} from "./reservation-flux";
import { annualBilanDueOn } from "./reservation-vacancy";

/** A dwelling of the bailleur's stock on the territory, its regime in the bilan's year. */
export interface BilanDwelling {
  id: string;
  commune: string;
  typology: string;
  financing: string;
  qpv: boolean;
  constructionPeriod: string;
  regime: DwellingRegime;
  /** RES-4: put into service during the year (first letting done in stock). */
  newInYear: boolean;
}

/** A vacancy of the year: to whom it was oriented and what became of it (see `vacancyState`). */
export interface BilanVacancy {
  dwellingId: string;
  /** The réservataire it was oriented to; null for the bailleur's own use or a soustrait category. */
  reservataireId: string | null;
  soustraitCategory: SoustraitCategory | null;
  declaredOn: IsoDate;
  attributedOn: IsoDate | null;
  outcome: VacancyOutcome;
  outcomeOn: IsoDate | null;
}

export interface BilanReservataire {
  id: string;
  /** RES-11: the share agreed for the year; null when none was agreed (no objective). */
  share: number | null;
  /** RES-10: droits uniques held at 1 January of the year, and acquired during it. */
  droitsUniquesJan1: number;
  acquisitions: number;
}

export interface Breakdown {
  proposed: number;
  attributed: number;
}
export interface BilanBreakdowns {
  byTypology: Record<string, Breakdown>;
  byFinancing: Record<string, Breakdown>;
  byQpv: Record<"QPV" | "HORS_QPV", Breakdown>;
  byCommune: Record<string, Breakdown>;
  byConstructionPeriod: Record<string, Breakdown>;
}

export interface BilanReservataireRow extends Breakdown, BilanBreakdowns {
  id: string;
  leases: number;
  equivalents: number;
  counted: number;
  /** RES-14: share × freed, in whole dwellings; null without an agreed share. */
  objective: number | null;
  objectiveReached: boolean | null;
  droitsUniquesConsumed: number;
  /** RES-10: held at 1 January of the following year. */
  droitsUniquesNextJan1: number;
}

export interface AnnualBilan {
  year: number;
  dueOn: IsoDate;
  assiette: ReturnType<typeof assietteFromRegimes>;
  /** RES-4b: dwellings of the assiette freed in the year (the consolidated flux). */
  freed: number;
  reservataires: BilanReservataireRow[];
  totals: Breakdown & BilanBreakdowns;
  /** RES-3: rehousings of the year per soustrait category (leases signed). */
  rehousings: Record<SoustraitCategory, number>;
}

const emptyBreakdowns = (): Breakdown & BilanBreakdowns => ({
  proposed: 0,
  attributed: 0,
  byTypology: {},
  byFinancing: {},
  byQpv: { QPV: { proposed: 0, attributed: 0 }, HORS_QPV: { proposed: 0, attributed: 0 } },
  byCommune: {},
  byConstructionPeriod: {},
});

function add(map: Record<string, Breakdown>, key: string, field: keyof Breakdown): void {
  const cell = map[key] ?? (map[key] = { proposed: 0, attributed: 0 });
  cell[field] += 1;
}

function count(target: Breakdown & BilanBreakdowns, d: BilanDwelling, field: keyof Breakdown): void {
  target[field] += 1;
  add(target.byTypology, d.typology, field);
  add(target.byFinancing, d.financing, field);
  target.byQpv[d.qpv ? "QPV" : "HORS_QPV"][field] += 1;
  add(target.byCommune, d.commune, field);
  add(target.byConstructionPeriod, d.constructionPeriod, field);
}

/**
 * RES-22: the bilan of `year` the bailleur sends before 28 February of the next year: dwellings
 * proposed (declared in the year) and attributed (first CALEOL attribution in the year) by
 * réservataire, typology, financing, QPV, commune and construction period (aggregate counts only);
 * leases and equivalents counted in the year (RES-13) against the objective share × freed (RES-14);
 * droits uniques consumed and held at 1 January next (RES-10); rehousings per soustrait category (RES-3).
 */
export function annualBilan(input: {
  year: number;
  dwellings: readonly BilanDwelling[];
  vacancies: readonly BilanVacancy[];
  reservataires: readonly BilanReservataire[];
}): AnnualBilan {
  const { year } = input;
  const dueOn = annualBilanDueOn(year + 1);
  const prefix = `${year}-`;
  const inYear = (on: IsoDate | null) => on !== null && on.startsWith(prefix);
  const dwellings = new Map<string, BilanDwelling>();
  for (const d of input.dwellings) dwellings.set(d.id, d);
  const rows = new Map<string, BilanReservataireRow>();
  for (const r of input.reservataires) {
    if (rows.has(r.id)) throw new DomainError("RES-22", "DUPLICATE", { field: "reservataireId", value: r.id });
    if (r.share !== null) assertRate(r.share, "share", "RES-11");
    assertNonNegative(r.droitsUniquesJan1, "droitsUniquesJan1", "RES-10");
    assertNonNegative(r.acquisitions, "acquisitions", "RES-10");
    const zero = { leases: 0, equivalents: 0, counted: 0, objective: null, objectiveReached: null, droitsUniquesConsumed: 0, droitsUniquesNextJan1: 0 };
    rows.set(r.id, { id: r.id, ...emptyBreakdowns(), ...zero });
  }
  const totals = emptyBreakdowns();
  const rehousings = Object.fromEntries(SOUSTRAIT_CATEGORIES.map((c) => [c, 0])) as Record<SoustraitCategory, number>;
  let freed = 0;
  for (const v of input.vacancies) {
    assertIso(v.declaredOn, "RES-22");
    const d = dwellings.get(v.dwellingId);
    if (d === undefined) throw new DomainError("RES-22", "UNKNOWN_VALUE", { field: "dwellingId", value: v.dwellingId });
    // A withdrawn declaration was never a vacancy: not freed, not proposed, not attributed.
    if (v.outcome === "WITHDRAWN") continue;
    // RES-4b: freed = dwellings of the assiette declared in the year, whatever their orientation, except those
    // soustraits at their vacancy (RES-3: they do not enter the flux), as on the flux page.
    if (inYear(v.declaredOn) && d.regime.kind === "FLUX" && v.soustraitCategory === null) freed += 1;
    if (v.reservataireId === null) {
      if (v.soustraitCategory !== null && v.outcome === "LEASE_SIGNED" && inYear(v.outcomeOn)) rehousings[v.soustraitCategory] += 1;
      continue;
    }
    const row = rows.get(v.reservataireId);
    if (row === undefined) throw new DomainError("RES-22", "UNKNOWN_VALUE", { field: "reservataireId", value: v.reservataireId });
    if (inYear(v.declaredOn)) {
      count(row, d, "proposed");
      count(totals, d, "proposed");
    }
    if (inYear(v.attributedOn)) {
      count(row, d, "attributed");
      count(totals, d, "attributed");
    }
    if (inYear(v.outcomeOn)) {
      const c = outcomeCount(v.outcome);
      if (c === "LEASE") row.leases += 1;
      else if (c === "EQUIVALENT") row.equivalents += 1;
    }
  }
  for (const r of input.reservataires) {
    const row = rows.get(r.id) as BilanReservataireRow;
    row.counted = row.leases + row.equivalents;
    row.objective = r.share === null ? null : fluxObjective(freed, r.share);
    row.objectiveReached = row.objective === null ? null : row.counted >= row.objective;
    row.droitsUniquesConsumed = row.counted; // RES-10: each counted dwelling consumes one droit unique
    row.droitsUniquesNextJan1 = droitsUniquesNextStock({
      stockJan1: r.droitsUniquesJan1,
      acquisitions: r.acquisitions,
      consumption: row.counted,
    });
  }
  return {
    year,
    dueOn,
    assiette: assietteFromRegimes(input.dwellings),
    freed,
    reservataires: [...rows.values()],
    totals,
    rehousings,
  };
}
