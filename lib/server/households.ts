import "server-only";
import { Prisma, type ConventionKind } from "@/lib/generated/prisma/client";
import { isoOf } from "@/lib/format";
import { foldForSearch } from "@/lib/validation/households";
import { conventionScope, type Caller } from "./access";
import { prisma, type Db } from "./db";
import { selectVisible, visibleClasses, visibleFields, type Viewer, type Visibility } from "./household-fields";

// Households (issue 6 §1): every read takes the caller. A household is visible to the organisation that
// owns it and to the parties of the convention of one of its cases (ACC-1); which fields, ACC-2 decides
// (lib/server/household-fields.ts). Social detail is never read here.

export const HOUSEHOLD_PAGE_SIZE = 25;

export function householdScope(caller: Pick<Caller, "org">): Prisma.HouseholdWhereInput {
  return { OR: [{ organisationId: caller.org.id }, { cases: { some: { convention: conventionScope(caller) } } }] };
}

type Named = { firstName: string; lastName: string };
/** « nom prénom » of every person of the household, lower case without accents: what the search reads. */
export function computeSearchKey(h: { referenceFirstName: string; referenceLastName: string; members: readonly Named[] }): string {
  return [{ firstName: h.referenceFirstName, lastName: h.referenceLastName }, ...h.members]
    .map((p) => foldForSearch(`${p.lastName} ${p.firstName}`))
    .join(" ");
}

export type HouseholdListRow = {
  id: string;
  owned: boolean;
  /** Absent when the caller may not see names (a bailleur, ACC-2). */
  lastName?: string;
  firstName?: string;
  nur?: string | null;
  commune?: string | null;
  persons: number;
  children: number;
  cases: number;
};

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Search by name (accent- and case-insensitive, on the stored search key: trigram index) or NUR (prefix),
 * sorted in French order by the database, 25 a page; two queries whatever the number of households.
 */
export async function searchHouseholds(
  caller: Caller,
  opts: { q?: string; page?: number } = {},
  db: Db = prisma,
): Promise<{ rows: HouseholdListRow[]; total: number; page: number; pageSize: number }> {
  const org = caller.org.id;
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  // ACC-2 for the households the caller sees through a case: the same rule as the household page.
  const party = visibleFields("Household", { relation: "party", orgKind: caller.org.kind });
  const partyNames = party.has("referenceLastName") && party.has("referenceFirstName");
  const partyNur = party.has("nur");
  const partyCommune = party.has("commune");

  const owned = Prisma.sql`h."organisationId" = ${org}`;
  const namesVisible = Prisma.sql`(${owned} OR ${partyNames}::boolean)`;
  const conds: Prisma.Sql[] = [Prisma.sql`(${owned} OR EXISTS (SELECT 1 FROM "Case" c JOIN "ConventionParty" cp ON cp."conventionId" = c."conventionId"
      WHERE c."householdId" = h.id AND cp."organisationId" = ${org}))`];
  const q = opts.q?.trim() ?? "";
  if (q) {
    const words = foldForSearch(q).split(" ").filter(Boolean).slice(0, 8);
    const nurQ = q.replace(/\s+/g, "").toUpperCase();
    const byName = words.length
      ? Prisma.sql`(${namesVisible} AND ${Prisma.join(words.map((w) => Prisma.sql`h."searchKey" LIKE ${`%${like(w)}%`}`), " AND ")})`
      : Prisma.sql`FALSE`;
    // A NUR has digits, a name has none: a query without digits keeps to the trigram index of the search key.
    const byNur = /^[A-Z0-9]{3,20}$/.test(nurQ) && /\d/.test(nurQ)
      ? Prisma.sql`((${owned} OR ${partyNur}::boolean) AND (h.nur = ${nurQ} OR h.nur LIKE ${`${nurQ}%`}))`
      : Prisma.sql`FALSE`;
    conds.push(Prisma.sql`(${byName} OR ${byNur})`);
  }
  const where = Prisma.join(conds, " AND ");

  const [count, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Household" h WHERE ${where}`,
    db.$queryRaw<(Omit<HouseholdListRow, "lastName" | "firstName"> & { lastName: string | null; firstName: string | null })[]>`
      SELECT p.id, p.owned, p."lastName", p."firstName", p.nur, p.commune,
        1 + (SELECT count(*)::int FROM "HouseholdMember" m WHERE m."householdId" = p.id) AS persons,
        (SELECT count(*)::int FROM "HouseholdMember" m WHERE m."householdId" = p.id AND m.relationship = 'ENFANT') AS children,
        (SELECT count(*)::int FROM "Case" c WHERE c."householdId" = p.id
          AND EXISTS (SELECT 1 FROM "ConventionParty" cp WHERE cp."conventionId" = c."conventionId" AND cp."organisationId" = ${org})) AS cases
      FROM (
        SELECT h.id, ${owned} AS owned,
          (CASE WHEN ${namesVisible} THEN h."referenceLastName" END) COLLATE "fr-x-icu" AS "lastName",
          (CASE WHEN ${namesVisible} THEN h."referenceFirstName" END) COLLATE "fr-x-icu" AS "firstName",
          CASE WHEN ${owned} OR ${partyNur}::boolean THEN h.nur END AS nur,
          CASE WHEN ${owned} OR ${partyCommune}::boolean THEN h.commune END AS commune
        FROM "Household" h WHERE ${where}
        ORDER BY 3 NULLS LAST, 4 NULLS LAST, 5 NULLS LAST, h.id
        LIMIT ${HOUSEHOLD_PAGE_SIZE} OFFSET ${(page - 1) * HOUSEHOLD_PAGE_SIZE}
      ) p
      ORDER BY p."lastName" NULLS LAST, p."firstName" NULLS LAST, p.nur NULLS LAST, p.id`,
  ]);
  return {
    // What the caller may not see is absent from the row, not null.
    rows: rows.map(({ lastName, firstName, nur, commune, ...r }) => ({
      ...r,
      ...(r.owned || partyNames ? { lastName: lastName ?? "", firstName: firstName ?? "" } : {}),
      ...(r.owned || partyNur ? { nur } : {}),
      ...(r.owned || partyCommune ? { commune } : {}),
    })),
    total: count[0]?.n ?? 0,
    page,
    pageSize: HOUSEHOLD_PAGE_SIZE,
  };
}

export type HouseholdView = {
  id: string;
  owned: boolean;
  version: number;
  /** Issue 8: the day its personal data was replaced by a pseudonymous skeleton (retention), or null. */
  purgedOn: string | null;
  visibility: Visibility;
  referenceFirstName?: string;
  referenceLastName?: string;
  referenceBirthDate?: string | null;
  nur?: string | null;
  daloRecognisedOn?: string | null;
  daloDecision?: string | null;
  housingSituation?: string | null;
  commune?: string | null;
  consentOn?: string | null;
  consentBy?: string | null;
  members: { id: string; firstName?: string; lastName?: string; birthDate?: string | null; relationship?: string }[];
  resources: { id: string; source?: string; monthlyCents?: number }[];
  /** The cases under conventions the caller is party to (ACC-1); opened on the date of their first event. */
  cases: { id: string; kind: ConventionKind; conventionTitle: string; openedOn: string; closedOn: string | null }[];
};

const HOUSEHOLD_READ = ["referenceFirstName", "referenceLastName", "referenceBirthDate", "nur", "daloRecognisedOn", "daloDecision", "housingSituation", "commune", "consentOn", "consentBy"] as const;

/** ISO strings for @db.Date values; other values as they are. */
function plain<T extends Record<string, unknown>>(row: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? isoOf(v) : v]));
}

/** The household with only the fields the caller may see, or null when it is not visible (the page answers 404). */
export async function getHousehold(caller: Caller, id: string, db: Db = prisma): Promise<HouseholdView | null> {
  const head = await db.household.findFirst({ where: { AND: [{ id }, householdScope(caller)] }, select: { organisationId: true } });
  if (!head) return null;
  const viewer: Viewer = { relation: head.organisationId === caller.org.id ? "owner" : "party", orgKind: caller.org.kind };
  const h = await db.household.findUniqueOrThrow({
    where: { id },
    select: {
      id: true, version: true, purgedOn: true,
      ...selectVisible("Household", viewer, HOUSEHOLD_READ),
      members: {
        select: { id: true, ...selectVisible("HouseholdMember", viewer, ["lastName", "firstName", "birthDate", "relationship"]) },
        orderBy: [{ birthDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      },
      resources: { select: { id: true, ...selectVisible("HouseholdResource", viewer, ["source", "monthlyCents"]) }, orderBy: [{ monthlyCents: "desc" }, { id: "asc" }] },
      cases: {
        where: { convention: conventionScope(caller) },
        select: { id: true, kind: true, createdAt: true, closedOn: true, convention: { select: { title: true } }, events: { select: { on: true }, orderBy: { on: "asc" }, take: 1 } },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      },
    },
  }) as unknown as Record<string, unknown> & {
    id: string; version: number; purgedOn: Date | null;
    members: Record<string, unknown>[]; resources: Record<string, unknown>[];
    cases: { id: string; kind: ConventionKind; createdAt: Date; closedOn: Date | null; convention: { title: string }; events: { on: Date }[] }[];
  };
  const { members, resources, cases, ...rest } = h;
  return {
    ...(plain(rest) as Omit<HouseholdView, "owned" | "visibility" | "members" | "resources" | "cases">),
    owned: viewer.relation === "owner",
    visibility: visibleClasses(viewer),
    members: members.map((m) => plain(m) as HouseholdView["members"][number]),
    resources: resources.map((r) => plain(r) as HouseholdView["resources"][number]),
    cases: cases.map((c) => ({ id: c.id, kind: c.kind, conventionTitle: c.convention.title, openedOn: isoOf(c.events[0]?.on ?? c.createdAt), closedOn: c.closedOn ? isoOf(c.closedOn) : null })),
  };
}

/** ACC-4 and issue 6: only the owner organisation edits a household, and only its ADMINs and AGENTs. */
export function mayEditHousehold(caller: Pick<Caller, "role">, h: Pick<HouseholdView, "owned">): boolean {
  return h.owned && (caller.role === "ADMIN" || caller.role === "AGENT");
}
