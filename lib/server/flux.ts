import "server-only";
import {
  FINANCINGS, fluxAssiette, fluxForecast, fluxObjective, fluxProgress, outcomeCount, residenceSpread, targetGaps,
  type Financing, type IsoDate, type OrientedDwelling, type TargetGap, type TargetKey, type VacancyOutcome,
} from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Caller } from "./access";
import { prisma, type Db } from "./db";
import { shareOfYear } from "./conventions";
import { rateInForce } from "./droits";
import { refreshStaleVacancies } from "./vacancies";

// The flux of the year of a réservation convention (issue 10 part 6; RES-4b, RES-11..15): the assiette and the
// rotation in force give the forecast flux; the dwellings freed so far give the actual flux; the agreed share gives
// the objective on both; the dwellings counted (leases, equivalents) give the progress, month by month; the dwellings
// oriented to the réservataire in the year give the indicative targets (RES-15) and the spread over residences.
//
// ACC-1: null unless the caller's organisation is a party to the convention (the page answers 404): the réservataire
// sees its own convention's figures, the bailleur each of its conventions. The freed dwellings of the bailleur on the
// territory are shown as counts only.
//
// Cost: a fixed number of SQL queries whatever the data (one read of the convention, the bounded refresh of lapsed
// vacancies, two for the rotation, one for the stored snapshot of the year's counts). When the snapshot is stale
// (fluxCounts), five more compute it — two aggregates for the assiette and the freed dwellings, one for the months, two
// for the targets and residences — and one stores it; every count is a GROUP BY in PostgreSQL, never a loop in JS.

/** What the actual flux counts (RES-4b, as the RES-22 bilan: vacancies of the year on dwellings in the flux regime). */
export type FreedBreakdown = {
  /** Freed dwellings of the assiette declared so far in the year (the actual flux). */
  total: number;
  /** …of which oriented to this convention's réservataire, to other réservataires, kept for the bailleur's own use. */
  thisConvention: number;
  otherReservataires: number;
  bailleur: number;
  /** Not counted: dwellings declared soustraits at their vacancy (RES-3), withdrawn declarations, dwellings out of the flux regime of the year. */
  soustraits: number;
  withdrawn: number;
  outOfAssiette: number;
};

export type FluxMonth = {
  month: number;
  /** Counted in the month (outcome date), null for a month still to come. */
  leases: number | null;
  equivalents: number | null;
  cumulativeLeases: number | null;
  cumulativeEquivalents: number | null;
  cumulative: number | null;
  /** The objective on the forecast flux, spread evenly over the year (objective × month / 12), or null without objective. */
  objective: number | null;
};

export type FluxTarget = TargetGap & { count: number };

type AssietteRow = { part: "A" | "F" | "T"; regime: string; detail: string | null; orientation: string | null; newInYear: boolean | null; withdrawn: boolean | null; mine: boolean | null; n: number };
type MonthRow = { month: number; outcome: string; n: number };
type OrientedRow = { residence: string | null; financing: string | null; typology: string | null; qpv: boolean | null; classification: number | null; pmr: boolean | null; byResidence: number; n: number };

const isFinancing = (f: string | null): f is Financing => f !== null && (FINANCINGS as readonly string[]).includes(f);
const FINANCING_KEYS: ReadonlySet<TargetKey> = new Set<TargetKey>(FINANCINGS);
export const NO_RESIDENCE = "(résidence non renseignée)";

/** The years the picker offers: from the convention's first year to the current year (and the one asked for). */
function yearsOf(startOn: IsoDate, today: IsoDate, year: number): number[] {
  const first = Math.min(Number(startOn.slice(0, 4)), year);
  const last = Math.max(Number(today.slice(0, 4)), year);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * RES-1..4 (as lib/server/dwellings.ts regimeForYear, in SQL) and RES-4b, in two statements run side by side:
 * - the dwellings whose regime of `year` is not FLUX — excluded (their last lasting change on or before 1 January is
 *   an exclusion: only dwellings with such an exclusion can be) or else soustraits of the year — grouped by regime,
 *   reason or category and whether first let in the year; and the vacancies of the bailleur on the territory (the
 *   declaration's commune) declared in the year, grouped by their dwelling's regime, orientation, withdrawal and
 *   whether they are this convention's;
 * - all the stock let by the end of the year, grouped by whether first let in the year (the FLUX ones are the rest).
 * Never a sort or a join over the whole stock: the special dwellings are few.
 */
async function assietteAndFreed(db: Db, x: { bailleurOrgId: string; territory: string; year: number; conventionId: string }): Promise<AssietteRow[]> {
  const jan1 = `${x.year}-01-01`;
  const next = `${x.year + 1}-01-01`;
  const [special, all] = await Promise.all([
    db.$queryRaw<AssietteRow[]>`
      WITH ex AS (
        SELECT DISTINCT ON (r."dwellingId") r."dwellingId" AS id, r.kind, r.reason
        FROM "DwellingRegime" r
        WHERE r."dwellingId" IN (
            SELECT e."dwellingId" FROM "DwellingRegime" e JOIN "Dwelling" w ON w.id = e."dwellingId"
            WHERE e.kind = 'EXCLUDED' AND e."effectiveOn" <= ${jan1}::date
              AND w."bailleurOrgId" = ${x.bailleurOrgId} AND w.commune = ${x.territory} AND w."firstLettingYear" <= ${x.year})
          AND r.kind <> 'SOUSTRAIT' AND r."effectiveOn" <= ${jan1}::date
        ORDER BY r."dwellingId", r."effectiveOn" DESC, r."createdAt" DESC, r.id DESC
      ), so AS (
        SELECT DISTINCT ON (r."dwellingId") r."dwellingId" AS id, r.category
        FROM "DwellingRegime" r JOIN "Dwelling" w ON w.id = r."dwellingId"
        WHERE r.kind = 'SOUSTRAIT' AND r.year = ${x.year}
          AND w."bailleurOrgId" = ${x.bailleurOrgId} AND w.commune = ${x.territory} AND w."firstLettingYear" <= ${x.year}
        ORDER BY r."dwellingId", r."createdAt", r.id
      ), special AS (
        SELECT id, 'EXCLUDED' AS regime, reason AS detail FROM ex WHERE kind = 'EXCLUDED'
        UNION ALL
        SELECT so.id, 'SOUSTRAIT', so.category FROM so WHERE NOT EXISTS (SELECT 1 FROM ex WHERE ex.id = so.id AND ex.kind = 'EXCLUDED')
      )
      SELECT 'A' AS part, s.regime, s.detail, NULL::text AS orientation, w."firstLettingYear" = ${x.year} AS "newInYear", NULL::boolean AS withdrawn, NULL::boolean AS mine, count(*)::int AS n
      FROM special s JOIN "Dwelling" w ON w.id = s.id
      GROUP BY 2, 3, 5
      UNION ALL
      SELECT 'F', coalesce(s.regime, 'FLUX'), NULL, v.orientation, NULL, v.outcome = 'WITHDRAWN', v."conventionId" IS NOT DISTINCT FROM ${x.conventionId}, count(*)::int
      FROM "Vacancy" v LEFT JOIN special s ON s.id = v."dwellingId"
      WHERE v."bailleurOrgId" = ${x.bailleurOrgId} AND v.declaration->'address'->>'commune' = ${x.territory}
        AND v."declaredOn" >= ${jan1}::date AND v."declaredOn" < ${next}::date
      GROUP BY 2, 4, 6, 7`,
    db.$queryRaw<AssietteRow[]>`
      SELECT 'T' AS part, 'ALL' AS regime, NULL::text AS detail, NULL::text AS orientation, "firstLettingYear" = ${x.year} AS "newInYear", NULL::boolean AS withdrawn, NULL::boolean AS mine, count(*)::int AS n
      FROM "Dwelling"
      WHERE "bailleurOrgId" = ${x.bailleurOrgId} AND commune = ${x.territory} AND "firstLettingYear" <= ${x.year}
      GROUP BY 5`,
  ]);
  return [...special, ...all];
}

/** RES-13: the dwellings counted for the convention per month of their outcome date in `year`. */
async function countedByMonth(db: Db, conventionId: string, year: number): Promise<MonthRow[]> {
  return db.$queryRaw<MonthRow[]>`
    SELECT extract(month FROM "outcomeOn")::int AS month, outcome, count(*)::int AS n
    FROM "Vacancy"
    WHERE "conventionId" = ${conventionId} AND orientation = 'RESERVATAIRE'
      AND "outcomeOn" >= ${`${year}-01-01`}::date AND "outcomeOn" < ${`${year + 1}-01-01`}::date
      AND outcome IN ('LEASE_SIGNED', 'NO_CANDIDATE_30D', 'REFUSED_AFTER_CALEOL')
    GROUP BY 1, 2`;
}

/**
 * RES-15: the dwellings oriented to the convention's réservataire in `year` (declared in the year, not withdrawn), from
 * their RES-17 declaration: grouped by the targets' characteristics, and by residence (two statements side by side).
 */
async function orientedGroups(db: Db, conventionId: string, year: number): Promise<OrientedRow[]> {
  const jan1 = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  const [byTraits, byResidence] = await Promise.all([
    db.$queryRaw<OrientedRow[]>`
      SELECT NULL::text AS residence, declaration->>'financing' AS financing, declaration->>'typology' AS typology, (declaration->>'qpv')::boolean AS qpv,
        (declaration->>'classification')::int AS classification, (declaration->>'pmr')::boolean AS pmr, 0 AS "byResidence", count(*)::int AS n
      FROM "Vacancy"
      WHERE "conventionId" = ${conventionId} AND orientation = 'RESERVATAIRE' AND outcome <> 'WITHDRAWN' AND "declaredOn" >= ${jan1}::date AND "declaredOn" < ${next}::date
      GROUP BY 2, 3, 4, 5, 6`,
    db.$queryRaw<OrientedRow[]>`
      SELECT declaration->>'residence' AS residence, NULL::text AS financing, NULL::text AS typology, NULL::boolean AS qpv, NULL::int AS classification, NULL::boolean AS pmr,
        1 AS "byResidence", count(*)::int AS n
      FROM "Vacancy"
      WHERE "conventionId" = ${conventionId} AND orientation = 'RESERVATAIRE' AND outcome <> 'WITHDRAWN' AND "declaredOn" >= ${jan1}::date AND "declaredOn" < ${next}::date
      GROUP BY 1`,
  ]);
  return [...byTraits, ...byResidence];
}

const SNAPSHOT_FORMAT = 2;
/** What a snapshot keeps: the figures that depend on the data only (not on the clock's date), derived once. */
type FluxCounts = {
  /** The shape of this object: a snapshot of another shape (an earlier release) is recomputed. */
  format: typeof SNAPSHOT_FORMAT;
  assiette: ReturnType<typeof assietteOf> | null;
  freed: FreedBreakdown;
  monthRows: MonthRow[];
  targets: ReturnType<typeof targetsOf>;
  residences: ReturnType<typeof spreadOf>;
};

/**
 * The grouped counts of a convention's year, from its FluxSnapshot when that was computed at the current version of
 * the bailleur's FluxStamp (one statement), else computed afresh (the statements above, side by side) and stored.
 * The stamp is bumped by triggers in the transaction of any change to the bailleur's vacancies, dwellings and regimes
 * (migration flux_snapshots), so a snapshot is never read after the data it counts has changed. The version is read
 * before computing: a change committed meanwhile leaves the stored snapshot older than the stamp, recomputed next time.
 */
async function fluxCounts(db: Db, x: { conventionId: string; year: number; bailleurOrgId: string | null; area: { bailleurOrgId: string; territory: string } | null }): Promise<FluxCounts> {
  const [cached] = await db.$queryRaw<{ current: bigint; version: bigint | null; rows: FluxCounts | null }[]>`
    SELECT coalesce(f.version, 0) AS current, s.version, s.rows
    FROM (SELECT 1) one
    LEFT JOIN "FluxStamp" f ON f."bailleurOrgId" = ${x.bailleurOrgId ?? ""}
    LEFT JOIN "FluxSnapshot" s ON s."conventionId" = ${x.conventionId} AND s.year = ${x.year}`;
  if (cached.rows && cached.version === cached.current && cached.rows.format === SNAPSHOT_FORMAT) return cached.rows;
  const [stockRows, monthRows, orientedRows] = await Promise.all([
    x.area ? assietteAndFreed(db, { ...x.area, year: x.year, conventionId: x.conventionId }) : Promise.resolve([] as AssietteRow[]),
    countedByMonth(db, x.conventionId, x.year),
    orientedGroups(db, x.conventionId, x.year),
  ]);
  const rows: FluxCounts = {
    format: SNAPSHOT_FORMAT,
    assiette: x.area ? assietteOf(stockRows, x.year) : null,
    freed: freedOf(stockRows),
    monthRows,
    targets: targetsOf(orientedRows),
    residences: spreadOf(orientedRows),
  };
  await db.$executeRaw`
    INSERT INTO "FluxSnapshot" ("conventionId", year, version, rows)
    VALUES (${x.conventionId}, ${x.year}, ${cached.current}, ${JSON.stringify(rows)}::jsonb)
    ON CONFLICT ("conventionId", year) DO UPDATE SET version = excluded.version, rows = excluded.rows, "computedAt" = now()
    WHERE "FluxSnapshot".version <= excluded.version`;
  return rows;
}

function assietteOf(rows: AssietteRow[], year: number) {
  // The stock let by the end of the year (T), less the dwellings of another regime (A): the rest is in the flux.
  let all = 0, allNew = 0, stock = 0, excluded = 0, soustraits = 0, specialNew = 0;
  const soustraitsByCategory: Record<string, number> = {};
  const excludedByReason: Record<string, number> = {};
  for (const r of rows) {
    if (r.part === "T") { all += r.n; if (r.newInYear) allNew += r.n; }
    if (r.part !== "A") continue;
    if (r.newInYear) { specialNew += r.n; continue; } // RES-4: a new dwelling not in the flux does not enter it
    if (r.regime === "EXCLUDED") { excluded += r.n; excludedByReason[r.detail ?? "?"] = (excludedByReason[r.detail ?? "?"] ?? 0) + r.n; }
    if (r.regime === "SOUSTRAIT") { soustraits += r.n; soustraitsByCategory[r.detail ?? "?"] = (soustraitsByCategory[r.detail ?? "?"] ?? 0) + r.n; }
  }
  stock = all - allNew;
  // RES-4: the dwellings put into service in the year enter the flux after their first letting, if in the flux.
  const misesEnService = allNew - specialNew;
  return { year, stock, excluded, soustraits, misesEnService, assiette: fluxAssiette({ stock, excluded, soustraits, misesEnService }), soustraitsByCategory, excludedByReason };
}

function freedOf(rows: AssietteRow[]): FreedBreakdown {
  const f: FreedBreakdown = { total: 0, thisConvention: 0, otherReservataires: 0, bailleur: 0, soustraits: 0, withdrawn: 0, outOfAssiette: 0 };
  for (const r of rows) {
    if (r.part !== "F") continue;
    if (r.withdrawn) f.withdrawn += r.n;
    else if (r.orientation === "SOUSTRAIT") f.soustraits += r.n;
    else if (r.regime !== "FLUX") f.outOfAssiette += r.n;
    else {
      f.total += r.n;
      if (r.orientation === "BAILLEUR") f.bailleur += r.n;
      else if (r.mine) f.thisConvention += r.n;
      else f.otherReservataires += r.n;
    }
  }
  return f;
}

/**
 * RES-15: achieved vs target over the oriented dwellings (targetGaps), from grouped counts. The financing targets are
 * shares of all the oriented dwellings, also those of another initial financing (« AUTRE », pre-1977 State aid), which
 * the domain's types do not carry: those three lines are counted here the domain's way (achieved − target).
 */
function targetsOf(groups: OrientedRow[]): { total: number; otherFinancing: number; rows: FluxTarget[] } {
  const oriented: OrientedDwelling[] = [];
  const financing: Record<string, number> = {};
  let total = 0;
  for (const g of groups) {
    if (g.byResidence) continue;
    total += g.n;
    financing[g.financing ?? ""] = (financing[g.financing ?? ""] ?? 0) + g.n;
    const d = {
      financing: isFinancing(g.financing) ? g.financing : "PLUS", typology: g.typology, qpv: g.qpv === true, classification: g.classification, pmr: g.pmr === true,
    } as OrientedDwelling;
    for (let i = 0; i < g.n; i++) oriented.push(d);
  }
  const rows = targetGaps(oriented).map((t): FluxTarget => {
    if (!FINANCING_KEYS.has(t.key)) return { ...t, count: Math.round(t.achieved * total) };
    const count = financing[t.key] ?? 0;
    const achieved = total === 0 ? 0 : count / total;
    return { ...t, count, achieved, gap: achieved - t.target };
  });
  const otherFinancing = total - FINANCINGS.reduce((s, f) => s + (financing[f] ?? 0), 0);
  return { total, otherFinancing, rows };
}

function spreadOf(groups: OrientedRow[]) {
  const oriented: { residence: string }[] = [];
  for (const g of groups) {
    if (g.byResidence) for (let i = 0; i < g.n; i++) oriented.push({ residence: g.residence || NO_RESIDENCE });
  }
  return residenceSpread(oriented);
}

function monthsOf(rows: MonthRow[], year: number, today: IsoDate, objective: number | null): FluxMonth[] {
  const thisYear = Number(today.slice(0, 4));
  const lastMonth = year < thisYear ? 12 : year > thisYear ? 0 : Number(today.slice(5, 7));
  const leases = new Array<number>(13).fill(0);
  const equivalents = new Array<number>(13).fill(0);
  for (const r of rows) {
    const c = outcomeCount(r.outcome as VacancyOutcome);
    if (c === "LEASE") leases[r.month] += r.n;
    else if (c === "EQUIVALENT") equivalents[r.month] += r.n;
  }
  let cl = 0, ce = 0;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const line = objective === null ? null : Math.round(((objective * month) / 12) * 10) / 10;
    if (month > lastMonth) return { month, leases: null, equivalents: null, cumulativeLeases: null, cumulativeEquivalents: null, cumulative: null, objective: line };
    cl += leases[month];
    ce += equivalents[month];
    return { month, leases: leases[month], equivalents: equivalents[month], cumulativeLeases: cl, cumulativeEquivalents: ce, cumulative: cl + ce, objective: line };
  });
}

/**
 * The flux of `year` for a réservation convention (RES-4b, RES-11..15), or null unless the caller's organisation is a
 * party to that RESERVATION_FLUX convention (404). Lapsed vacancies are recomputed first (bounded), so a lapse counts
 * at the clock's date.
 */
export async function fluxView(caller: Pick<Caller, "personId" | "org">, conventionId: string, year: number, today: IsoDate, db: Db = prisma) {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  const conv = await db.convention.findFirst({
    where: { id: conventionId, kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id } } },
    select: {
      id: true, title: true, territory: true, startOn: true, parameters: true,
      parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } },
      events: { where: { type: { in: ["SHARE_AGREED", "SIGNED", "AVENANT"] } }, select: { type: true, payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!conv) return null;
  const bailleur = conv.parties.find((p) => p.partyRole === "BAILLEUR") ?? null;
  const reservataire = conv.parties.find((p) => p.partyRole === "RESERVATAIRE") ?? null;
  // RES-11: the share agreed for the year (the last one recorded wins); the convention's own figure for its first year,
  // as in the annual bilan (RES-22).
  const { share, source: shareSource } = shareOfYear(conv, year);
  await refreshStaleVacancies(caller, { conventionId: conv.id, orientation: "RESERVATAIRE" }, today, db);

  const area = bailleur && conv.territory ? { bailleurOrgId: bailleur.organisationId, territory: conv.territory } : null;
  const [rate, { assiette, freed, monthRows, targets, residences }] = await Promise.all([
    rateInForce(db, conv),
    fluxCounts(db, { conventionId: conv.id, year, bailleurOrgId: bailleur?.organisationId ?? null, area }),
  ]);

  // RES-4b: forecast = assiette × rotation in force (unrounded); RES-14: objective = share × flux, in whole dwellings.
  const forecast = assiette && rate ? fluxForecast(assiette.assiette, rate.rate) : null;
  const objective = {
    forecast: share !== null && forecast !== null ? fluxObjective(forecast, share) : null,
    actual: share !== null ? fluxObjective(freed.total, share) : null,
  };
  const months = monthsOf(monthRows, year, today, objective.forecast);
  // Counted in the year (outcome dates are never in the future: the actions refuse them).
  let leases = 0, equivalents = 0;
  for (const r of monthRows) {
    const c = outcomeCount(r.outcome as VacancyOutcome);
    if (c === "LEASE") leases += r.n;
    else if (c === "EQUIVALENT") equivalents += r.n;
  }
  const count = { leases, equivalents, total: leases + equivalents };
  return {
    year,
    years: yearsOf(isoOf(conv.startOn), today, year),
    convention: {
      id: conv.id, title: conv.title, territory: conv.territory, signed: conv.events.some((e) => e.type === "SIGNED"),
      bailleur: bailleur?.organisation.name ?? null, reservataire: reservataire?.organisation.name ?? null,
    },
    myRole: conv.parties.find((p) => p.organisationId === caller.org.id)!.partyRole,
    assiette,
    rate,
    forecast,
    freed,
    share,
    shareSource,
    objective,
    count,
    /** RES-14: progress against the objective on the forecast flux, and on the actual flux so far. */
    progress: {
      forecast: objective.forecast !== null ? fluxProgress({ objective: objective.forecast, leases, equivalents }) : null,
      actual: objective.actual !== null ? fluxProgress({ objective: objective.actual, leases, equivalents }) : null,
    },
    months,
    oriented: targets.total,
    otherFinancing: targets.otherFinancing,
    targets: targets.rows,
    residences,
  };
}
export type FluxView = NonNullable<Awaited<ReturnType<typeof fluxView>>>;
