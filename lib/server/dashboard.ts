import "server-only";
import { addDays, DEFAULT_SOON_DAYS, type IsoDate, type ObligationMessageKey } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { refreshConventionObligations } from "./conventions";
import { prisma, withTx, type Db } from "./db";
import { kindPanels, type KindPanels } from "./dashboard-kinds";
import { refreshStaleVacancies, vacancyScope } from "./vacancies";
import { vacancyLabel } from "./notifications";

// The « Tableau de bord » (issue 12, GEN-6 and every obligation of DOMAIN.md): what the person's organisation may see
// that is open and due — overdue, due within 7 days (the domain's « due soon », DEFAULT_SOON_DAYS), due within 30 days —
// across every case, vacancy, new programme and convention (the Obligation read model, ACC-1: `visibleToOrgIds`),
// grouped and sorted by due date, each with the page where it is done; then the panels of the organisation's kind
// (dashboard-kinds.ts). A constant number of queries whatever the data: each group is cut to DASHBOARD_GROUP_SIZE
// rows in SQL, with its total beside it.

export const DASHBOARD_GROUP_SIZE = 15;
export const MONTH_DAYS = 30;
/** Each group's total is counted up to this many (« plus de 200 »): counting further would read every open item. */
export const DASHBOARD_COUNT_CAP = 200;
export type DashboardGroup = "overdue" | "week" | "month";
export const DASHBOARD_GROUPS: readonly DashboardGroup[] = ["overdue", "week", "month"];

export type DashboardObligation = {
  id: string; group: DashboardGroup; ownerType: string; ownerId: string; conventionId: string; key: string; rule: string; messageKey: ObligationMessageKey;
  dueOn: IsoDate; periodKey: string | null; responsibleOrganisationId: string | null; responsibleName: string | null;
  conventionTitle: string; householdName: string | null; href: string; about: string;
};
export type DashboardObligations = Record<DashboardGroup, { total: number; capped: boolean; rows: DashboardObligation[] }>;

type Row = {
  id: string; grp: number; total: number; ownerType: string; ownerId: string; conventionId: string; key: string; rule: string; messageKey: string; dueOn: Date;
  periodKey: string | null; responsibleOrganisationId: string | null; responsibleName: string | null; conventionTitle: string; householdName: string | null;
  vacancyDeclaration: unknown;
};

const GROUP_OF: Record<number, DashboardGroup> = { 1: "overdue", 2: "week", 3: "month" };

/** Where an obligation is done: the case, the vacancy, the new programme or the convention page. */
export function obligationHref(orgSlug: string, o: { ownerType: string; ownerId: string; conventionId: string }): string {
  switch (o.ownerType) {
    case "CASE": return `/o/${orgSlug}/dossiers/${o.ownerId}`;
    case "VACANCY": return `/o/${orgSlug}/vacances/${o.ownerId}`;
    case "NEW_PROGRAMME": return `/o/${orgSlug}/vacances/programmes/${o.ownerId}`;
    default: return `/o/${orgSlug}/conventions/${o.conventionId}`;
  }
}

/**
 * The open obligations the caller's organisation may see, due on or before today + 30 days, in three groups, each
 * sorted by due date — the most recent misses first for the overdue ones, the nearest first for the others — and cut
 * to `limit` rows, with the group's total counted up to DASHBOARD_COUNT_CAP (one query). `mine`: only those the
 * organisation must do itself or that fall on all the parties. A closed case's past misses are history, not work to
 * do: only its final bilan may remain.
 *
 * Cost: each group walks the partial index of open obligations by due date (Obligation_open_dueOn_idx, which holds
 * what the filter reads: an index-only scan) and stops at the cap, so the time does not grow with the organisation's
 * data. The case of each item is looked up one by one (a LATERAL that `OFFSET 0` keeps from being flattened): when
 * PostgreSQL underestimates a dense week (702 rows expected, 15 413 read with 50 000 cases), it would otherwise hash
 * the whole range and sort it (22 ms instead of 2); PostgreSQL may take the GIN index of `visibleToOrgIds` instead when the organisation sees few obligations.
 */
export async function dashboardObligations(caller: Pick<Caller, "org">, today: IsoDate, opts: { mine?: boolean; limit?: number } = {}, db: Db = prisma): Promise<DashboardObligations> {
  const week = addDays(today, DEFAULT_SOON_DAYS, "GEN-6");
  const month = addDays(today, MONTH_DAYS, "GEN-6");
  const limit = opts.limit ?? DASHBOARD_GROUP_SIZE;
  const org = caller.org.id;
  const mine = opts.mine ? Prisma.sql`AND (o."responsibleOrganisationId" = ${org} OR o."responsibleOrganisationId" IS NULL)` : Prisma.empty;
  // One CTE per group: the open items of its date range, in order, up to the cap (the walk stops there).
  const groups: [grp: 1 | 2 | 3, range: Prisma.Sql, dir: "ASC" | "DESC"][] = [
    [1, Prisma.sql`o."dueOn" < ${today}::date`, "DESC"],
    [2, Prisma.sql`o."dueOn" >= ${today}::date AND o."dueOn" <= ${week}::date`, "ASC"],
    [3, Prisma.sql`o."dueOn" > ${week}::date AND o."dueOn" <= ${month}::date`, "ASC"],
  ];
  const hit = ([grp, range, dir]: (typeof groups)[number]) => Prisma.sql`${Prisma.raw(`hit${grp}`)} AS (
      SELECT o.id, o."dueOn" FROM "Obligation" o
      LEFT JOIN LATERAL (SELECT c.id, c."closedOn" FROM "Case" c WHERE o."ownerType" = 'CASE' AND c.id = o."ownerId" OFFSET 0) c ON true
      WHERE o."doneOn" IS NULL AND NOT o.optional AND ${range} AND ${org} = ANY(o."visibleToOrgIds") ${mine}
        AND (c.id IS NULL OR c."closedOn" IS NULL OR o.key = 'REL-8:final-bilan')
      ORDER BY o."dueOn" ${Prisma.raw(dir)}, o.id
      LIMIT ${DASHBOARD_COUNT_CAP + 1})`;
  const pick = ([grp, , dir]: (typeof groups)[number]) => Prisma.sql`
    SELECT ${grp}::int AS grp, h.id, h.rn, (SELECT count(*) FROM ${Prisma.raw(`hit${grp}`)})::int AS total
    FROM (SELECT id, row_number() OVER (ORDER BY "dueOn" ${Prisma.raw(dir)}, id) AS rn FROM ${Prisma.raw(`hit${grp}`)} ORDER BY "dueOn" ${Prisma.raw(dir)}, id LIMIT ${limit}) h`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${Prisma.join(groups.map(hit), ",\n")},
    picked AS (${Prisma.join(groups.map(pick), " UNION ALL ")})
    SELECT o.id, p.grp, p.total, o."ownerType"::text AS "ownerType", o."ownerId", o."conventionId", o.key, o.rule, o."messageKey", o."dueOn",
      o."periodKey", o."responsibleOrganisationId", ro.name AS "responsibleName", cv.title AS "conventionTitle",
      CASE WHEN h.id IS NULL THEN NULL ELSE h."referenceLastName" || ' ' || h."referenceFirstName" END AS "householdName",
      v.declaration AS "vacancyDeclaration"
    FROM picked p
    JOIN "Obligation" o ON o.id = p.id
    JOIN "Convention" cv ON cv.id = o."conventionId"
    LEFT JOIN "Organisation" ro ON ro.id = o."responsibleOrganisationId"
    LEFT JOIN "Case" c ON o."ownerType" = 'CASE' AND c.id = o."ownerId"
    LEFT JOIN "Household" h ON h.id = c."householdId"
    LEFT JOIN "Vacancy" v ON o."ownerType" = 'VACANCY' AND v.id = o."ownerId"
    ORDER BY p.grp, p.rn`;
  const out: DashboardObligations = { overdue: { total: 0, capped: false, rows: [] }, week: { total: 0, capped: false, rows: [] }, month: { total: 0, capped: false, rows: [] } };
  for (const r of rows) {
    const group = GROUP_OF[r.grp];
    out[group].total = Math.min(r.total, DASHBOARD_COUNT_CAP);
    out[group].capped = r.total > DASHBOARD_COUNT_CAP;
    out[group].rows.push({
      id: r.id, group, ownerType: r.ownerType, ownerId: r.ownerId, conventionId: r.conventionId, key: r.key, rule: r.rule, messageKey: r.messageKey as ObligationMessageKey,
      dueOn: isoOf(r.dueOn), periodKey: r.periodKey, responsibleOrganisationId: r.responsibleOrganisationId, responsibleName: r.responsibleName,
      conventionTitle: r.conventionTitle, householdName: r.householdName,
      href: obligationHref(caller.org.slug, r),
      about: r.householdName ? `Dossier ${r.householdName}` : r.vacancyDeclaration ? `Vacance — ${vacancyLabel(r.vacancyDeclaration)}` : `${r.ownerType === "NEW_PROGRAMME" ? "Programme neuf — " : ""}${r.conventionTitle}`,
    });
  }
  return out;
}

/**
 * Brings the read models the dashboard reads up to the day, at most once a day each: lapsed vacancies (RES-13, the
 * designation item goes) and the recurring obligations of the organisation's conventions (new periods appear).
 * After the day's first read: one query each, no write.
 */
export async function refreshForDashboard(caller: Pick<Caller, "personId" | "org">, today: IsoDate, db: Db = prisma): Promise<void> {
  await refreshStaleVacancies(caller, vacancyScope(caller), today, db);
  const stale = await db.convention.findMany({
    where: { parties: { some: { organisationId: caller.org.id } }, events: { some: { type: "SIGNED" } }, OR: [{ obligationsComputedOn: null }, { obligationsComputedOn: { lt: new Date(`${today}T00:00:00Z`) } }] },
    select: { id: true },
    take: 200,
  });
  if (stale.length === 0) return;
  await withTx({ personId: caller.personId, organisationId: caller.org.id }, async (tx) => {
    for (const { id } of stale) await refreshConventionObligations(tx, id, today);
  });
}

export type Dashboard = { obligations: DashboardObligations; panels: KindPanels; mine: boolean };

/** The whole page's data: refresh (once a day), then the obligations and the kind's panels side by side. */
export async function dashboard(caller: Caller, today: IsoDate, opts: { mine?: boolean } = {}, db: Db = prisma): Promise<Dashboard> {
  await refreshForDashboard(caller, today, db);
  const [obligations, panels] = await Promise.all([dashboardObligations(caller, today, opts, db), kindPanels(caller, today, db)]);
  return { obligations, panels, mine: opts.mine ?? false };
}

/**
 * (Before issue 12; kept for its callers.) The caller's organisation's next obligations (conventions and cases), most urgent first: those it must
 * do itself or that fall on all the parties. Four queries whatever the data (the ids in SQL order, the
 * rows, then their conventions and cases in one batch each).
 */
export async function nextObligations(caller: Caller, today: IsoDate, limit = 12, db: Db = prisma) {
  // RES-13: a vacancy past its designation due date lapses at the clock's date; its item goes (once a day).
  await refreshStaleVacancies(caller, vacancyScope(caller), today, db);
  // A closed case's past misses are history, not work to do: only its final bilan may remain.
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Obligation" o
    WHERE ${caller.org.id} = ANY(o."visibleToOrgIds") AND o."doneOn" IS NULL AND NOT o.optional AND o."dueOn" IS NOT NULL
      AND (o."responsibleOrganisationId" = ${caller.org.id} OR o."responsibleOrganisationId" IS NULL)
      AND (o."ownerType" <> 'CASE' OR o.key = 'REL-8:final-bilan'
           OR NOT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = o."ownerId" AND c."closedOn" IS NOT NULL))
    ORDER BY o."dueOn", o.id
    LIMIT ${limit}`;
  const found = await db.obligation.findMany({ where: { id: { in: ids.map((r) => r.id) } } });
  const rows = ids.map((r) => found.find((o) => o.id === r.id)!);
  const caseIds = rows.filter((r) => r.ownerType === "CASE").map((r) => r.ownerId);
  const conventionIds = [...new Set(rows.map((r) => r.conventionId))];
  const [cases, conventions] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, household: { select: { referenceFirstName: true, referenceLastName: true } } } }),
    db.convention.findMany({ where: { id: { in: conventionIds } }, select: { id: true, title: true } }),
  ]);
  return rows.map((r) => {
      const c = cases.find((x) => x.id === r.ownerId);
      return {
        ...r,
        href: r.ownerType === "CASE" ? `/o/${caller.org.slug}/dossiers/${r.ownerId}` : r.ownerType === "VACANCY" ? `/o/${caller.org.slug}/vacances/${r.ownerId}` : r.ownerType === "NEW_PROGRAMME" ? `/o/${caller.org.slug}/vacances/programmes/${r.ownerId}` : `/o/${caller.org.slug}/conventions/${r.conventionId}`,
        about: c ? `Dossier ${c.household.referenceFirstName} ${c.household.referenceLastName}` : `${r.ownerType === "VACANCY" ? "Vacance — " : r.ownerType === "NEW_PROGRAMME" ? "Programme neuf — " : ""}${conventions.find((x) => x.id === r.conventionId)?.title ?? ""}`,
      };
    });
}
