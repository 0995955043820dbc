import "server-only";
import { Prisma, type ConventionKind } from "@/lib/generated/prisma/client";
import type { IsoDate, ObligationMessageKey } from "@/lib/domain";
import type { Caller } from "./access";
import { prisma, type Db } from "./db";

// Issue 6 §4: the organisation's cases, nearest due date first, keyset-paginated, all in SQL.
// One query per page whatever the data size: the page's rows, their household's reference name,
// convention, referents and the label of their next obligation come back together.
// ACC-1: the cases of the conventions the caller's organisation is party to (as conventionScope).
// ACC-2: identity only (the household's reference name); never a social detail.

export const CASE_PAGE_SIZE = 25;

export type CaseListFilters = {
  convention?: string;
  kind?: ConventionKind;
  status?: "OPEN" | "CLOSED";
  /** A person id: the cases where that person is a referent (of any organisation). */
  referent?: string;
  /** "Has an overdue obligation": the earliest open due date is before today. */
  overdue?: boolean;
  /** Opaque cursor from a previous page's `nextCursor`. */
  after?: string;
};

export type CaseReferentRow = { personId: string; firstName: string; lastName: string; organisationId: string; organisationName: string };

export type CaseListRow = {
  id: string;
  kind: ConventionKind;
  conventionId: string;
  conventionTitle: string;
  conventionKind: ConventionKind;
  householdFirstName: string;
  householdLastName: string;
  /** Case.nextDueOn: the earliest open due date of the case's obligations (read model). */
  nextDueOn: IsoDate | null;
  /** The label key of that obligation when the caller's organisation may see it. */
  nextMessageKey: ObligationMessageKey | null;
  /** nextDueOn < today, derived in SQL. */
  overdue: boolean;
  closedOn: IsoDate | null;
  referents: CaseReferentRow[];
};

export type CaseListPage = { rows: CaseListRow[]; hasMore: boolean; nextCursor: string | null; pageSize: number };

type Cursor = { d: IsoDate | null; id: string };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.d, c.id]), "utf8").toString("base64url");
}

/** The cursor, or null when it is not one we wrote (the list then starts from the first page). */
export function decodeCursor(s: string | undefined | null): Cursor | null {
  if (!s || s.length > 200) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [d, id] = v as unknown[];
    if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
    if (d !== null && (typeof d !== "string" || !ISO.test(d))) return null;
    return { d: d as IsoDate | null, id };
  } catch {
    return null;
  }
}

type RawRow = Omit<CaseListRow, "referents"> & { referents: CaseReferentRow[] | null };

/**
 * One page of the caller's organisation's cases, ordered by (nextDueOn ASC NULLS LAST, id).
 *
 * Plan: for each convention in scope, an ordered index range scan on Case(conventionId, nextDueOn, id) of the
 * dated cases after the cursor, stopped after a page; the per-convention heads are merged and cut to a page.
 * The undated cases (no open due date) are read the same way, and only once the dated ones run out (a
 * one-time filter). The work is bounded by (conventions in scope × page size), not by the number of cases.
 * With a referent, the person's cases are the starting set (CaseReferent.personId): bounded by their caseload.
 */
export async function listCases(caller: Pick<Caller, "org">, filters: CaseListFilters, today: IsoDate, db: Db = prisma): Promise<CaseListPage> {
  if (!ISO.test(today)) throw new Error("today: date ISO attendue");
  const limit = CASE_PAGE_SIZE + 1;
  const cursor = decodeCursor(filters.after);
  const org = caller.org.id;

  const scope = [Prisma.sql`EXISTS (SELECT 1 FROM "ConventionParty" p WHERE p."conventionId" = cv.id AND p."organisationId" = ${org})`];
  if (filters.convention) scope.push(Prisma.sql`cv.id = ${filters.convention}`);
  // A case has its convention's kind: filtering the conventions skips the others' cases without reading them.
  if (filters.kind) scope.push(Prisma.sql`cv.kind = ${filters.kind}::"ConventionKind"`);

  const own: Prisma.Sql[] = [];
  if (filters.kind) own.push(Prisma.sql`c.kind = ${filters.kind}::"ConventionKind"`);
  if (filters.status === "OPEN") own.push(Prisma.sql`c."closedOn" IS NULL`);
  if (filters.status === "CLOSED") own.push(Prisma.sql`c."closedOn" IS NOT NULL`);
  if (filters.overdue) own.push(Prisma.sql`c."nextDueOn" < ${today}::date`);
  const caseCols = Prisma.sql`c.id, c.kind, c."conventionId", c."householdId", c."nextDueOn", c."closedOn"`;
  const where = (extra: Prisma.Sql[]) => Prisma.join([...extra, ...own], " AND ");

  let pageCases: Prisma.Sql;
  if (filters.referent) {
    // The keyset as one condition over (nextDueOn NULLS LAST, id).
    const after = !cursor ? [] : cursor.d === null
      ? [Prisma.sql`c."nextDueOn" IS NULL AND c.id > ${cursor.id}`]
      : [Prisma.sql`((c."nextDueOn", c.id) > (${cursor.d}::date, ${cursor.id}) OR c."nextDueOn" IS NULL)`];
    // OFFSET 0 keeps the lateral lookup by primary key (a hash join would read every case).
    pageCases = Prisma.sql`
      SELECT c.* FROM (SELECT DISTINCT r."caseId" FROM "CaseReferent" r WHERE r."personId" = ${filters.referent}) r
      CROSS JOIN LATERAL (SELECT ${caseCols} FROM "Case" c WHERE c.id = r."caseId" OFFSET 0) c
      JOIN s ON s.id = c."conventionId"
      ${after.length + own.length ? Prisma.sql`WHERE ${where(after)}` : Prisma.empty}
      ORDER BY c."nextDueOn" ASC NULLS LAST, c.id LIMIT ${limit}`;
  } else {
    // Dated cases: (nextDueOn, id) after the cursor is an index range condition.
    const dated = [Prisma.sql`c."conventionId" = s.id`, Prisma.sql`c."nextDueOn" IS NOT NULL`];
    if (cursor?.d) dated.push(Prisma.sql`(c."nextDueOn", c.id) > (${cursor.d}::date, ${cursor.id})`);
    if (cursor && cursor.d === null) dated.push(Prisma.sql`false`); // the cursor has passed every dated case
    // Undated cases come last, by id. The ORDER BY names nextDueOn (null here) so that it is the index's order:
    // the planner then reads the index range instead of filtering the table. An overdue case has a due date.
    const undated = [Prisma.sql`c."conventionId" = s.id`, Prisma.sql`c."nextDueOn" IS NULL`];
    if (cursor && cursor.d === null) undated.push(Prisma.sql`c.id > ${cursor.id}`);
    if (filters.overdue) undated.push(Prisma.sql`false`);
    pageCases = Prisma.sql`
      WITH dated AS MATERIALIZED (
        SELECT c.* FROM s CROSS JOIN LATERAL (
          SELECT ${caseCols} FROM "Case" c WHERE ${where(dated)} ORDER BY c."nextDueOn", c.id LIMIT ${limit}) c
        ORDER BY c."nextDueOn", c.id LIMIT ${limit}
      ),
      undated AS (
        SELECT c.* FROM s CROSS JOIN LATERAL (
          SELECT ${caseCols} FROM "Case" c WHERE ${where(undated)} ORDER BY c."nextDueOn", c.id LIMIT ${limit}) c
        WHERE (SELECT count(*) FROM dated) < ${limit}
        ORDER BY c.id LIMIT ${limit}
      )
      SELECT * FROM dated UNION ALL SELECT * FROM undated`;
  }

  // The label of the case's earliest open obligation the caller may see: read from the case's own obligations
  // only (OFFSET 0 keeps the planner on the (ownerType, ownerId) index; an index on the open ones grows with all cases).
  const rows = await db.$queryRaw<RawRow[]>`
    WITH s AS MATERIALIZED (
      SELECT cv.id, cv.title, cv.kind FROM "Convention" cv WHERE ${Prisma.join(scope, " AND ")}
    ),
    pagecases AS (
      SELECT * FROM (${pageCases}) u ORDER BY u."nextDueOn" ASC NULLS LAST, u.id LIMIT ${limit}
    )
    SELECT
      pagecases.id, pagecases.kind::text AS kind, pagecases."conventionId", s.title AS "conventionTitle", s.kind::text AS "conventionKind",
      h."referenceFirstName" AS "householdFirstName", h."referenceLastName" AS "householdLastName",
      to_char(pagecases."nextDueOn", 'YYYY-MM-DD') AS "nextDueOn",
      to_char(pagecases."closedOn", 'YYYY-MM-DD') AS "closedOn",
      coalesce(pagecases."nextDueOn" < ${today}::date, false) AS overdue,
      (SELECT CASE WHEN o."dueOn" = pagecases."nextDueOn" THEN o."messageKey" END
        FROM (SELECT x."messageKey", x."dueOn", x."doneOn", x.optional, x.key, x."visibleToOrgIds" FROM "Obligation" x
              WHERE x."ownerType" = 'CASE' AND x."ownerId" = pagecases.id OFFSET 0) o
        WHERE o."doneOn" IS NULL AND o."dueOn" IS NOT NULL AND NOT o.optional AND ${org} = ANY (o."visibleToOrgIds")
        ORDER BY o."dueOn", o.key LIMIT 1) AS "nextMessageKey",
      (SELECT json_agg(json_build_object(
          'personId', r."personId", 'firstName', pe."firstName", 'lastName', pe."lastName",
          'organisationId', r."organisationId", 'organisationName', og.name) ORDER BY og.name, pe."lastName")
        FROM "CaseReferent" r JOIN "Person" pe ON pe.id = r."personId" JOIN "Organisation" og ON og.id = r."organisationId"
        WHERE r."caseId" = pagecases.id) AS referents
    FROM pagecases JOIN s ON s.id = pagecases."conventionId" JOIN "Household" h ON h.id = pagecases."householdId"
    ORDER BY pagecases."nextDueOn" ASC NULLS LAST, pagecases.id`;

  const hasMore = rows.length > CASE_PAGE_SIZE;
  const page = rows.slice(0, CASE_PAGE_SIZE).map((r) => ({ ...r, referents: r.referents ?? [] }));
  const last = page[page.length - 1];
  return { rows: page, hasMore, nextCursor: hasMore && last ? encodeCursor({ d: last.nextDueOn, id: last.id }) : null, pageSize: CASE_PAGE_SIZE };
}

export type CaseListOptions = {
  conventions: { id: string; title: string; kind: ConventionKind }[];
  /** Persons who may be referents: members (admins and agents) of the organisations party to those conventions. */
  referents: { personId: string; firstName: string; lastName: string; organisationId: string; organisationName: string }[];
};

/** The filters' choices: two queries, bounded by conventions and persons, never by cases. */
export async function caseListOptions(caller: Pick<Caller, "org">, db: Db = prisma): Promise<CaseListOptions> {
  const org = caller.org.id;
  const [conventions, referents] = await Promise.all([
    db.$queryRaw<CaseListOptions["conventions"]>`
      SELECT cv.id, cv.title, cv.kind::text AS kind FROM "Convention" cv
      WHERE EXISTS (SELECT 1 FROM "ConventionParty" p WHERE p."conventionId" = cv.id AND p."organisationId" = ${org})
      ORDER BY cv.title COLLATE "fr-x-icu", cv.id LIMIT 1000`,
    db.$queryRaw<CaseListOptions["referents"]>`
      SELECT DISTINCT pe.id AS "personId", pe."firstName", pe."lastName", og.id AS "organisationId", og.name AS "organisationName"
      FROM "ConventionParty" mine
      JOIN "ConventionParty" other ON other."conventionId" = mine."conventionId"
      JOIN "Membership" m ON m."organisationId" = other."organisationId" AND m.role IN ('ADMIN', 'AGENT')
      JOIN "Person" pe ON pe.id = m."personId"
      JOIN "Organisation" og ON og.id = other."organisationId"
      WHERE mine."organisationId" = ${org}
      ORDER BY og.name, pe."lastName", pe."firstName", pe.id LIMIT 2000`,
  ]);
  return { conventions, referents };
}
