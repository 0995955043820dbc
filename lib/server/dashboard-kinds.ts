import "server-only";
import { addDays, daysBetween, DEFAULT_SOON_DAYS, outcomeCount, type IsoDate, type VacancyOutcome } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Caller } from "./access";
import { conventionView, paramsInForce } from "./conventions";
import { prisma, type Db } from "./db";
import { droitsView } from "./droits";
import { fluxView } from "./flux";

// The panels of the « Tableau de bord » that depend on the organisation's kind (issue 12):
// - COMMUNE (réservataire): designations due within 7 days (RES-18, countdown), vacancies lapsed this month
//   (RES-13 equivalents), and per réservation convention the flux counted this year against the agreed share
//   (RES-11, RES-13/14) and the droits uniques stock (RES-10);
// - ASSOCIATION: the active file (households followed now) per convention, beside the convention's objective
//   (REL-9 households a year, AVD-13 accompanied households of the convention year);
// - BAILLEUR: open vacancies with their countdown, CALEOL decisions to record (RES-20);
// - DEPARTEMENT: ASLLi requests awaiting the commission (ASL-2).
// Each panel reads a fixed number of queries (lists cut in SQL with their totals beside them); the réservation
// conventions of a commune are cut to RESERVATIONS_SHOWN (one per bailleur on its territory: a handful).

export const PANEL_ROWS = 10;
export const RESERVATIONS_SHOWN = 3;

export type VacancyLine = { vacancyId: string; label: string; dueOn: IsoDate | null; daysLeft: number | null; on: IsoDate | null; party: string | null; designated: boolean };
export type Listed<T> = { total: number; rows: T[] };
export type ReservationLine = {
  conventionId: string; title: string; bailleur: string | null; year: number; share: number | null;
  leases: number; equivalents: number; counted: number;
  /** RES-14: the objective of the year on the forecast flux (share × assiette × rotation) and the progress towards it. */
  objective: number | null; progress: number | null;
  /** RES-10: the stock at 1 January and today (after this year's consumption), rounded for display; null without stock. */
  droits: { jan1: number; now: number; provisional: boolean } | null;
};
export type ActiveFileLine = { conventionId: string; title: string; kind: string; active: number; waiting: number; objective: number | null; objectiveLabel: string | null };
export type RequestLine = { caseId: string; householdName: string; requestedOn: IsoDate | null; conventionTitle: string };

export type KindPanels =
  | { kind: "COMMUNE"; designationsDue: Listed<VacancyLine>; lapsedThisMonth: Listed<VacancyLine>; reservations: ReservationLine[]; moreReservations: number }
  | { kind: "ASSOCIATION"; activeFile: ActiveFileLine[] }
  | { kind: "BAILLEUR"; openVacancies: Listed<VacancyLine>; caleolToRecord: Listed<VacancyLine> }
  | { kind: "DEPARTEMENT"; aslliRequests: Listed<RequestLine> }
  | { kind: "OTHER" };

type VacancyRow = {
  id: string; declaration: { typology?: string; address?: { number?: string; street?: string; commune?: string } } | null; dueOn: Date | null; on: Date | null; party: string | null; total: number;
  designated?: boolean;
};

const labelOf = (d: VacancyRow["declaration"]) => {
  const street = [d?.address?.number, d?.address?.street].filter(Boolean).join(" ");
  return [d?.typology, [street, d?.address?.commune].filter(Boolean).join(", ")].filter(Boolean).join(" — ") || "Logement";
};
function listed(rows: VacancyRow[], today: IsoDate): Listed<VacancyLine> {
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((r) => {
      const dueOn = r.dueOn ? isoOf(r.dueOn) : null;
      return { vacancyId: r.id, label: labelOf(r.declaration), dueOn, daysLeft: dueOn ? daysBetween(today, dueOn, "RES-18") : null, on: r.on ? isoOf(r.on) : null, party: r.party, designated: r.designated ?? false };
    }),
  };
}

export async function kindPanels(caller: Pick<Caller, "org" | "role" | "personId">, today: IsoDate, db: Db = prisma): Promise<KindPanels> {
  switch (caller.org.kind) {
    case "COMMUNE": return cityPanels(caller, today, db);
    case "ASSOCIATION": return associationPanels(caller, today, db);
    case "BAILLEUR": return bailleurPanels(caller, today, db);
    case "DEPARTEMENT": return departementPanels(caller, db);
    case "ETAT":
    case "FEDERATION":
      return { kind: "OTHER" };
  }
}

/** RES-18: the designations the réservataire must make within 7 days (the obligation read model), with the vacancy. */
async function designationsDue(caller: Pick<Caller, "org">, today: IsoDate, db: Db) {
  const week = addDays(today, DEFAULT_SOON_DAYS, "RES-18");
  return db.$queryRaw<VacancyRow[]>`
    SELECT v.id, v.declaration, o."dueOn", NULL::date AS on, b.name AS party, count(*) OVER ()::int AS total
    FROM "Obligation" o JOIN "Vacancy" v ON v.id = o."ownerId" JOIN "Organisation" b ON b.id = v."bailleurOrgId"
    WHERE o."responsibleOrganisationId" = ${caller.org.id} AND o."doneOn" IS NULL AND o."ownerType" = 'VACANCY' AND o.key = 'RES-18:designation'
      AND o."dueOn" >= ${today}::date AND o."dueOn" <= ${week}::date
    ORDER BY o."dueOn", v.id
    LIMIT ${PANEL_ROWS}`;
}

/** RES-13: the vacancies of the réservataire's conventions that lapsed (no candidate within 30 days) this month. */
async function lapsedThisMonth(caller: Pick<Caller, "org">, today: IsoDate, db: Db) {
  const monthStart = `${today.slice(0, 7)}-01`;
  return db.$queryRaw<VacancyRow[]>`
    SELECT v.id, v.declaration, NULL::date AS "dueOn", v."outcomeOn" AS on, b.name AS party, count(*) OVER ()::int AS total
    FROM "Vacancy" v JOIN "Organisation" b ON b.id = v."bailleurOrgId"
    WHERE v.orientation = 'RESERVATAIRE' AND v.outcome = 'NO_CANDIDATE_30D'
      AND v."conventionId" IN (SELECT p."conventionId" FROM "ConventionParty" p WHERE p."organisationId" = ${caller.org.id} AND p."partyRole" = 'RESERVATAIRE')
      AND v."outcomeOn" >= ${monthStart}::date AND v."outcomeOn" <= ${today}::date
      -- RES-13/18: a vacancy lapses 30 days after its declaration; the bound lets the (conventionId, declaredOn) index
      -- read two months of declarations instead of all of them (generous, for a designation delay changed by avenant).
      AND v."declaredOn" >= ${addDays(monthStart, -62, "RES-13")}::date
    ORDER BY v."outcomeOn" DESC, v.id
    LIMIT ${PANEL_ROWS}`;
}

/**
 * RES-11/13/14 and RES-10, cheaply: the dwellings counted per convention and year (one grouped query over the
 * conventions' vacancies, as lib/server/vacancies.ts fluxCountsByYear), the share agreed for the year, and the droits
 * uniques stock (droitsView, given the consumption). The objective in dwellings needs the year's flux (the assiette
 * × rotation, lib/server/flux.ts fluxView), too dear for this page: the flux page shows it.
 */
async function reservations(caller: Pick<Caller, "org" | "role" | "personId">, today: IsoDate, db: Db): Promise<{ lines: ReservationLine[]; more: number }> {
  const year = Number(today.slice(0, 4));
  const convs = await db.convention.findMany({
    where: { kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id, partyRole: "RESERVATAIRE" } }, events: { some: { type: "SIGNED" } } },
    select: {
      id: true, title: true,
      parties: { where: { partyRole: "BAILLEUR" }, select: { organisation: { select: { name: true } } } },
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: RESERVATIONS_SHOWN + 1,
  });
  const shown = convs.slice(0, RESERVATIONS_SHOWN);
  if (shown.length === 0) return { lines: [], more: 0 };
  // The counts of every year (the droits consumed since the conversion) and, side by side, the flux of this year.
  const [counts, fluxes] = await Promise.all([
    db.$queryRaw<{ conventionId: string; year: number; outcome: string; n: number }[]>`
      SELECT "conventionId", extract(year FROM "outcomeOn")::int AS year, outcome, count(*)::int AS n
      FROM "Vacancy"
      WHERE "conventionId" = ANY(${shown.map((c) => c.id)}::text[]) AND orientation = 'RESERVATAIRE' AND "outcomeOn" IS NOT NULL
        AND outcome IN ('LEASE_SIGNED', 'NO_CANDIDATE_30D', 'REFUSED_AFTER_CALEOL')
      GROUP BY 1, 2, 3`,
    // RES-14: the objective and its progress as the flux page shows them (its stored counts: one statement when current).
    Promise.all(shown.map((c) => fluxView(caller, c.id, year, today, db))),
  ]);
  const lines = await Promise.all(shown.map(async (c, i): Promise<ReservationLine> => {
    const consumption: Record<number, number> = {};
    let leases = 0, equivalents = 0;
    for (const r of counts) {
      if (r.conventionId !== c.id) continue;
      const kind = outcomeCount(r.outcome as VacancyOutcome);
      if (kind === "NONE") continue;
      consumption[r.year] = (consumption[r.year] ?? 0) + r.n; // RES-10: each counted dwelling consumes one droit unique
      if (r.year === year && kind === "LEASE") leases += r.n;
      if (r.year === year && kind === "EQUIVALENT") equivalents += r.n;
    }
    const droits = await droitsView(caller, c.id, today, { consumptionByYear: consumption, db });
    const flux = fluxes[i];
    const row = droits?.stock.rows.find((r) => r.year === year);
    return {
      conventionId: c.id, title: c.title, bailleur: c.parties[0]?.organisation.name ?? null, year, share: flux?.share ?? null, leases, equivalents, counted: leases + equivalents,
      droits: row ? { jan1: row.jan1Rounded, now: row.dec31Rounded, provisional: droits!.stock.provisional } : null,
      objective: flux?.objective.forecast ?? null, progress: flux?.progress.forecast?.progress ?? null,
    };
  }));
  return { lines, more: convs.length - shown.length };
}

async function cityPanels(caller: Pick<Caller, "org" | "role" | "personId">, today: IsoDate, db: Db): Promise<KindPanels> {
  const [due, lapsed, res] = await Promise.all([designationsDue(caller, today, db), lapsedThisMonth(caller, today, db), reservations(caller, today, db)]);
  return { kind: "COMMUNE", designationsDue: listed(due, today), lapsedThisMonth: listed(lapsed, today), reservations: res.lines, moreReservations: res.more };
}

/** Support started: relais entry (REL-6), FNAVDL support or sublease (AVD-1), ASLLi start (ASL-4). */
const STARTED = ["ENTRY", "SUPPORT_START", "SUBLEASE_START", "START"];

async function associationPanels(caller: Pick<Caller, "org">, today: IsoDate, db: Db): Promise<KindPanels> {
  const convs = await db.convention.findMany({
    where: { kind: { in: ["RELAIS", "FNAVDL", "ASLLI"] }, parties: { some: { organisationId: caller.org.id, partyRole: "ASSOCIATION" } }, events: { some: { type: "SIGNED" } } },
    select: {
      id: true, kind: true, title: true, signedOn: true, startOn: true, parameters: true,
      parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } },
      events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
    },
    orderBy: [{ startOn: "desc" }, { id: "asc" }],
    take: 20,
  });
  if (convs.length === 0) return { kind: "ASSOCIATION", activeFile: [] };
  const rows = await db.$queryRaw<{ conventionId: string; active: number; waiting: number }[]>`
    SELECT c."conventionId",
      count(DISTINCT c."householdId") FILTER (WHERE s.started)::int AS active,
      count(DISTINCT c."householdId") FILTER (WHERE NOT s.started)::int AS waiting
    FROM "Case" c
    CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e.type = ANY(${STARTED}::text[])) AS started) s
    WHERE c."conventionId" = ANY(${convs.map((c) => c.id)}::text[]) AND c."closedOn" IS NULL
    GROUP BY 1`;
  // Conventions in force (GEN-2, derived), and ended ones only while they still have open cases.
  const activeFile = convs.filter((c) => {
    const r = rows.find((x) => x.conventionId === c.id);
    return (r?.active ?? 0) + (r?.waiting ?? 0) > 0 || ["EN_VIGUEUR", "DENONCEE"].includes(conventionView(c, c.events, today).status);
  }).map((c): ActiveFileLine => {
    const p = paramsInForce(c.parameters as Record<string, unknown>, c.events, today);
    const r = rows.find((x) => x.conventionId === c.id);
    let objective: number | null = null, objectiveLabel: string | null = null;
    if (c.kind === "RELAIS" && typeof p.householdsPerYear === "number") {
      objective = p.householdsPerYear; objectiveLabel = "ménages accompagnés par an (REL-9)";
    } else if (c.kind === "FNAVDL") {
      // AVD-13: the objectives are per convention year, counted from the signature.
      const y = Math.floor(daysBetween(isoOf(c.signedOn), today, "AVD-13") / 365.25) + 1;
      const v = p[`objY${y}Accompanied`];
      if (typeof v === "number") { objective = v; objectiveLabel = `ménages accompagnés, année ${y} (AVD-13)`; }
    }
    return { conventionId: c.id, title: c.title, kind: c.kind, active: r?.active ?? 0, waiting: r?.waiting ?? 0, objective, objectiveLabel };
  });
  return { kind: "ASSOCIATION", activeFile };
}

async function bailleurPanels(caller: Pick<Caller, "org">, today: IsoDate, db: Db): Promise<KindPanels> {
  const [open, caleol] = await Promise.all([
    // Open vacancies, the nearest designation due date first (those without, e.g. own use, last).
    db.$queryRaw<VacancyRow[]>`
      SELECT v.id, v.declaration, v."declaredOn" AS on, r.name AS party, count(*) OVER ()::int AS total,
        -- RES-18: the countdown runs until the first designation (a new round after « aucun candidat retenu » has none).
        CASE WHEN d.designated THEN NULL ELSE v."designationDueOn" END AS "dueOn", d.designated
      FROM "Vacancy" v
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM "VacancyStep" s WHERE s."vacancyId" = v.id AND s.type = 'DESIGNATION') AS designated) d
      LEFT JOIN "ConventionParty" cp ON cp."conventionId" = v."conventionId" AND cp."partyRole" = 'RESERVATAIRE'
      LEFT JOIN "Organisation" r ON r.id = cp."organisationId"
      WHERE v."bailleurOrgId" = ${caller.org.id} AND v.outcome IN ('PENDING', 'NONE_RETAINED')
      ORDER BY "dueOn" NULLS LAST, v."declaredOn", v.id
      LIMIT ${PANEL_ROWS}`,
    // RES-20: a designation received whose CALEOL decision is not recorded (no fixed date in the seed).
    db.$queryRaw<VacancyRow[]>`
      SELECT v.id, v.declaration, NULL::date AS "dueOn", o."opensOn" AS on, r.name AS party, count(*) OVER ()::int AS total
      FROM "Obligation" o JOIN "Vacancy" v ON v.id = o."ownerId"
      LEFT JOIN "ConventionParty" cp ON cp."conventionId" = v."conventionId" AND cp."partyRole" = 'RESERVATAIRE'
      LEFT JOIN "Organisation" r ON r.id = cp."organisationId"
      WHERE o."responsibleOrganisationId" = ${caller.org.id} AND o."doneOn" IS NULL AND o."ownerType" = 'VACANCY' AND o.rule = 'RES-20'
      ORDER BY o."opensOn", v.id
      LIMIT ${PANEL_ROWS}`,
  ]);
  return { kind: "BAILLEUR", openVacancies: listed(open, today), caleolToRecord: listed(caleol, today) };
}

/** ASL-2: requests of the Département's ASLLi conventions with no commission decision yet, oldest first. */
async function departementPanels(caller: Pick<Caller, "org">, db: Db): Promise<KindPanels> {
  const rows = await db.$queryRaw<{ caseId: string; householdName: string; requestedOn: Date | null; conventionTitle: string; total: number }[]>`
    SELECT c.id AS "caseId", h."referenceLastName" || ' ' || h."referenceFirstName" AS "householdName",
      (SELECT min(e.on) FROM "CaseEvent" e WHERE e."caseId" = c.id AND e.type = 'REQUEST') AS "requestedOn",
      cv.title AS "conventionTitle", count(*) OVER ()::int AS total
    FROM "Case" c JOIN "Household" h ON h.id = c."householdId" JOIN "Convention" cv ON cv.id = c."conventionId"
    WHERE c.kind = 'ASLLI' AND c."closedOn" IS NULL
      AND c."conventionId" IN (SELECT p."conventionId" FROM "ConventionParty" p WHERE p."organisationId" = ${caller.org.id})
      AND NOT EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e.type = 'COMMISSION')
    ORDER BY "requestedOn" NULLS LAST, c.id
    LIMIT ${PANEL_ROWS}`;
  return {
    kind: "DEPARTEMENT",
    aslliRequests: { total: rows[0]?.total ?? 0, rows: rows.map((r) => ({ caseId: r.caseId, householdName: r.householdName, requestedOn: r.requestedOn ? isoOf(r.requestedOn) : null, conventionTitle: r.conventionTitle })) },
  };
}
