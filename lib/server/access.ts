import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { Prisma, type ConventionKind, type OrgKind, type Role } from "@/lib/generated/prisma/client";
import type { IsoDate } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { ConventionStatus } from "@/lib/labels";
import { prisma, withTx, type Db } from "./db";
import { conventionObligationRows, conventionView, refreshConventionObligations, type ConventionView } from "./conventions";

// The access layer (ARCHITECTURE step 3). Every read of tenant data takes the caller, resolved from the
// session AND the database on every request: a removed member or a changed password loses access at once.

export type Membership = { organisationId: string; slug: string; name: string; kind: OrgKind; role: Role };
export type Caller = {
  personId: string;
  firstName: string;
  lastName: string;
  email: string;
  org: { id: string; slug: string; name: string; kind: OrgKind };
  role: Role;
  memberships: Membership[];
};

export type SessionInfo = { personId: string; sessionVersion?: number };

async function loadPerson(db: Db, s: SessionInfo) {
  const person = await db.person.findUnique({
    where: { id: s.personId },
    select: {
      id: true, firstName: true, lastName: true, email: true, sessionVersion: true,
      memberships: { select: { role: true, organisation: { select: { id: true, slug: true, name: true, kind: true } } } },
    },
  });
  if (!person || (s.sessionVersion !== undefined && s.sessionVersion !== person.sessionVersion)) return null;
  const memberships = person.memberships
    .map((m) => ({ organisationId: m.organisation.id, slug: m.organisation.slug, name: m.organisation.name, kind: m.organisation.kind, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return { ...person, memberships };
}

/** The person signed in, with their memberships; null when the session no longer matches the database. */
export async function resolvePerson(s: SessionInfo, db: Db = prisma) {
  return loadPerson(db, s);
}

/** The caller in one organisation, or null when the person is not a member of it. One query. */
export async function resolveCaller(s: SessionInfo, orgSlug: string, db: Db = prisma): Promise<Caller | null> {
  return callerOf(await loadPerson(db, s), orgSlug);
}

function callerOf(person: Awaited<ReturnType<typeof loadPerson>>, orgSlug: string): Caller | null {
  const m = person?.memberships.find((x) => x.slug === orgSlug);
  if (!person || !m) return null;
  return {
    personId: person.id, firstName: person.firstName, lastName: person.lastName, email: person.email,
    org: { id: m.organisationId, slug: m.slug, name: m.name, kind: m.kind }, role: m.role, memberships: person.memberships,
  };
}

export async function currentSession(): Promise<SessionInfo | null> {
  const { auth } = await import("./auth");
  const session = await auth();
  const personId = (session?.user as { id?: string } | undefined)?.id;
  if (!personId) return null;
  return { personId, sessionVersion: (session as { sv?: number }).sv };
}

/** For pages under /o/[org]: sign-in page when signed out, 404 when not a member (never confirms existence). */
export const getCaller = cache(async (orgSlug: string): Promise<Caller> => {
  const s = await currentSession();
  if (!s) redirect("/connexion");
  const person = await resolvePerson(s);
  if (!person) redirect("/connexion?expiree=1");
  const caller = callerOf(person, orgSlug);
  if (!caller) notFound();
  return caller;
});

export function requireRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.includes(caller.role)) notFound();
}

// ---------------------------------------------------------------------------------------------------
// Conventions (ACC-1: only those whose parties include the caller's organisation).

export const CONVENTION_PAGE_SIZE = 25;
export type ConventionSort = "title" | "kind" | "startOn" | "signedOn";
export type ConventionStatusFilter = ConventionStatus | "A_CONFIRMER";

export function conventionScope(caller: Pick<Caller, "org">): Prisma.ConventionWhereInput {
  return { parties: { some: { organisationId: caller.org.id } } };
}

const partySelect = {
  organisationId: true, roleLabel: true, partyRole: true, confirmedAt: true, declinedAt: true, declineReason: true,
  organisation: { select: { id: true, name: true, slug: true, kind: true, commune: true, siret: true } },
} satisfies Prisma.ConventionPartySelect;

const conventionListSelect = {
  id: true, kind: true, title: true, reference: true, territory: true, signedOn: true, startOn: true, parameters: true, isDemo: true, obligationsComputedOn: true, version: true,
  parties: { select: partySelect, orderBy: { roleLabel: "asc" } },
  events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.ConventionSelect;

type ConventionRecord = Prisma.ConventionGetPayload<{ select: typeof conventionListSelect }>;
export type ConventionRow = ConventionRecord & ConventionView;

function withView(c: ConventionRecord, today: IsoDate): ConventionRow {
  return { ...c, ...conventionView(c, c.events, today) };
}

/** ACC-1: the caller's organisation's conventions; status filters apply to the derived status (never stored). */
export async function listConventions(
  caller: Caller,
  opts: { q?: string; kind?: ConventionKind; partner?: string; status?: ConventionStatusFilter; sort?: ConventionSort; dir?: "asc" | "desc"; page?: number } = {},
  today: IsoDate,
  db: Db = prisma,
): Promise<{ rows: ConventionRow[]; total: number; page: number; pageSize: number }> {
  const where: Prisma.ConventionWhereInput = {
    AND: [
      conventionScope(caller),
      opts.kind ? { kind: opts.kind } : {},
      opts.partner ? { parties: { some: { organisationId: opts.partner } } } : {},
      opts.status === "A_CONFIRMER" ? { parties: { some: { organisationId: caller.org.id, confirmedAt: null, declinedAt: null } } } : {},
      opts.q ? { OR: [{ title: { contains: opts.q, mode: "insensitive" } }, { parties: { some: { organisation: { name: { contains: opts.q, mode: "insensitive" } } } } }] } : {},
    ],
  };
  const page = Math.max(1, opts.page ?? 1);
  const sort = opts.sort ?? "startOn";
  const dir = opts.dir ?? (sort === "title" || sort === "kind" ? "asc" : "desc");
  const orderBy = [{ [sort]: dir }, { id: "asc" as const }];
  if (opts.status && opts.status !== "A_CONFIRMER") {
    // A derived status cannot be filtered in SQL: an organisation has at most a few hundred conventions,
    // so the filter reads them all (two queries) and paginates in memory.
    const all = (await db.convention.findMany({ where, select: conventionListSelect, orderBy, take: 2000 })).map((c) => withView(c, today));
    const rows = all.filter((c) => c.status === opts.status);
    return { rows: rows.slice((page - 1) * CONVENTION_PAGE_SIZE, page * CONVENTION_PAGE_SIZE), total: rows.length, page, pageSize: CONVENTION_PAGE_SIZE };
  }
  const [total, rows] = await Promise.all([
    db.convention.count({ where }),
    db.convention.findMany({ where, select: conventionListSelect, orderBy, skip: (page - 1) * CONVENTION_PAGE_SIZE, take: CONVENTION_PAGE_SIZE }),
  ]);
  return { rows: rows.map((c) => withView(c, today)), total, page, pageSize: CONVENTION_PAGE_SIZE };
}

/** Conventions waiting for the caller's organisation's confirmation (its ADMIN confirms or declines). */
export async function listPendingConfirmations(caller: Caller, db: Db = prisma) {
  return db.convention.findMany({
    where: { parties: { some: { organisationId: caller.org.id, confirmedAt: null, declinedAt: null } } },
    select: { id: true, title: true, kind: true, createdAt: true, parties: { select: partySelect } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** A convention the caller's organisation is party to, or null (the page answers 404). */
export async function findConvention(caller: Caller, id: string, today: IsoDate, db: Db = prisma) {
  const c = await db.convention.findFirst({
    where: { AND: [{ id }, conventionScope(caller)] },
    select: {
      ...conventionListSelect,
      actions: { select: { id: true, objective: true, title: true, status: true }, orderBy: { objective: "asc" } },
      avenants: {
        select: { id: true, number: true, reason: true, effectiveOn: true, changes: true, createdAt: true, createdByOrgId: true, parties: { select: { organisationId: true, confirmedAt: true, declinedAt: true, declineReason: true } } },
        orderBy: { number: "desc" },
      },
    },
  });
  if (!c) return null;
  if (!c.obligationsComputedOn || isoOf(c.obligationsComputedOn) !== today) {
    // Recurring obligations grow as days pass: recompute once per day, on the first read.
    await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) => refreshConventionObligations(tx, c.id, today));
  }
  const obligations = await conventionObligationRows(db, c.id, caller.org.id);
  const letters = c.events.map((e) => e.payload as { type: string; on: string; by?: string }).filter((e) => ["DENOUNCED", "MISE_EN_DEMEURE", "TERMINATED", "AVENANT_REQUESTED"].includes(e.type));
  return { ...withView(c, today), actions: c.actions, avenants: c.avenants, letters, obligations };
}

export async function getConvention(caller: Caller, id: string, today: IsoDate) {
  const c = await findConvention(caller, id, today);
  if (!c) notFound();
  return c;
}

/** The organisations of the directory that may fill a party slot (organisation kinds), for the creation form. */
export async function organisationsOfKinds(kinds: readonly string[], db: Db = prisma) {
  return db.organisation.findMany({ where: { kind: { in: kinds as OrgKind[] } }, select: { id: true, name: true, kind: true, commune: true }, orderBy: { name: "asc" }, take: 500 });
}

// ---------------------------------------------------------------------------------------------------
// Members of the caller's organisation (ACC-4).

export async function listMembers(caller: Caller, db: Db = prisma) {
  return db.membership.findMany({
    where: { organisationId: caller.org.id },
    select: { id: true, role: true, createdAt: true, person: { select: { id: true, firstName: true, lastName: true, email: true } } },
    orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
  });
}

export async function listPendingInvitations(caller: Caller, now: Date, db: Db = prisma) {
  return db.oneTimeToken.findMany({
    where: { organisationId: caller.org.id, kind: "INVITATION", usedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, firstName: true, lastName: true, role: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

// ---------------------------------------------------------------------------------------------------
// Directory of organisations: names, kinds, communes and SIRET are not confidential (issue 4 §1).

export const DIRECTORY_PAGE_SIZE = 25;
export type DirectoryRow = { id: string; slug: string; name: string; kind: OrgKind; commune: string | null; postcode: string | null; siret: string | null };

export async function searchOrganisations(
  _caller: Caller,
  opts: { q?: string; kind?: OrgKind; page?: number } = {},
  db: Db = prisma,
): Promise<{ rows: DirectoryRow[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, opts.page ?? 1);
  const q = opts.q?.trim() ? `%${opts.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const digits = opts.q?.replace(/\s/g, "") ?? "";
  const where = Prisma.sql`WHERE (${q}::text IS NULL
      OR unaccent(lower(name)) LIKE unaccent(lower(${q}))
      OR unaccent(lower(coalesce(commune, ''))) LIKE unaccent(lower(${q}))
      OR (${digits} <> '' AND siret LIKE ${digits + "%"}))
    AND (${opts.kind ?? null}::text IS NULL OR kind::text = ${opts.kind ?? null})`;
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Organisation" ${where}`,
    db.$queryRaw<DirectoryRow[]>`SELECT id, slug, name, kind::text AS kind, commune, postcode, siret FROM "Organisation" ${where}
      ORDER BY name COLLATE "fr-x-icu", id LIMIT ${DIRECTORY_PAGE_SIZE} OFFSET ${(page - 1) * DIRECTORY_PAGE_SIZE}`,
  ]);
  return { rows, total: count[0]?.n ?? 0, page, pageSize: DIRECTORY_PAGE_SIZE };
}

/** Organisations the caller's shares at least one convention with, and their contact persons. */
export async function listPartners(caller: Caller, db: Db = prisma) {
  const partners = await db.organisation.findMany({
    where: { id: { not: caller.org.id }, parties: { some: { convention: conventionScope(caller) } } },
    select: {
      id: true, name: true, kind: true, commune: true, postcode: true, addressLine: true, siret: true,
      memberships: { where: { role: { in: ["ADMIN", "AGENT"] } }, select: { role: true, person: { select: { firstName: true, lastName: true, email: true } } } },
      parties: { where: { convention: conventionScope(caller) }, select: { roleLabel: true, convention: { select: { id: true, title: true, kind: true } } } },
    },
    orderBy: { name: "asc" },
  });
  return partners;
}

// ---------------------------------------------------------------------------------------------------
/** The caller's organisation's own settings (issue 8: retention of household data, in months). */
export async function organisationSettings(caller: Caller, db: Db = prisma) {
  return db.organisation.findUniqueOrThrow({ where: { id: caller.org.id }, select: { retentionMonths: true } });
}

// Cases (issue 6): caller-scoped reads live beside their engine bridge; re-exported here, the one door.
export { aslliSemesterStatement, associationOptions, caseScope, findCase, listSharedCases, partyCaseScope, referralOptions, supportCaseOptions } from "./cases";
export { dashboard, dashboardObligations, nextObligations } from "./dashboard";
export { listNotifications, notificationPreferences, unreadNotificationCount } from "./notifications";
export { householdReadLog, memberReadLog } from "./read-log";
export { digestPreferenceOf, unsubscribeView } from "./digest-prefs";
// Reports (issue 14): figures computed from the cases of the conventions the caller's organisation is party to.
export { aslliReport, obligationTimeliness, relaisReport, reportIndex } from "./reports";
export { fnavdlReport } from "./reports-fnavdl";
// The audit view of an organisation for its ADMINs (issue 14 §3).
export { auditView, cleanFilters, ENTITY_LABELS, type AuditFilters } from "./audit-view";
