import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ReportTable } from "@/lib/export/table";
import type { Caller } from "./access";
import { writeAudit } from "./audit";
import { caseNumber } from "./cases";
import { prisma, withTx, type Db } from "./db";
import { isCalendarDay } from "./report-periods";

// Issue 14 §3 — the audit view of an organisation, for its ADMINs. What it shows:
//  - every event its members made while acting for it (AuditEvent.organisationId = the organisation);
//  - every event, by anyone, on its own data: its households, the cases of its households, the conventions it is a
//    party to (and their avenants).
// Never an event another organisation's member made for that organisation on data that is not this one's (a person
// member of two organisations acting for the other one included). Viewing and exporting are themselves audited.

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX = 10_000;

export const ENTITY_LABELS: Record<string, string> = {
  Household: "Ménage", Case: "Dossier", CaseText: "Écrit d'un dossier", Convention: "Convention", Avenant: "Avenant", Document: "Document",
  Membership: "Membre", Person: "Personne", OneTimeToken: "Lien à usage unique", Organisation: "Organisation", AuditEvent: "Journal d'audit",
  Vacancy: "Vacance", Dwelling: "Logement", NewProgramme: "Programme neuf", DroitsConversion: "Conversion des droits", DroitUniqueGrant: "Droits nouveaux",
  ReservationAgreement: "Convention de droits de suite", FluxShareInput: "Part du flux", RotationVintage: "Millésime RPLS", AgreedRotation: "Taux de rotation convenu",
};

export type AuditFilters = { personne?: string; entite?: string; objet?: string; action?: string; du?: string; au?: string };
export type AuditRow = {
  id: string; at: string; person: string; personId: string | null; organisation: string; action: string;
  entityType: string; entityLabel: string; entityId: string | null; entityName: string | null; href: string | null; fields: string[];
};

/** The filters as given in the URL, kept only when well formed (anything else is ignored, never an error). */
export function cleanFilters(q: Record<string, string | undefined>): AuditFilters {
  const id = (v?: string) => (v && /^[A-Za-z0-9_-]{1,40}$/.test(v) ? v : undefined);
  return {
    personne: id(q.personne),
    entite: q.entite && q.entite in ENTITY_LABELS ? q.entite : undefined,
    objet: id(q.objet),
    action: q.action && /^[A-Za-z0-9._-]{1,60}$/.test(q.action.trim()) ? q.action.trim() : undefined,
    du: isCalendarDay(q.du) ? q.du : undefined,
    au: isCalendarDay(q.au) ? q.au : undefined,
  };
}

/** The rule of the view, in SQL: the organisation's members' events for it, and anyone's on its own data. */
function scope(orgId: string): Prisma.Sql {
  return Prisma.sql`(a."organisationId" = ${orgId}
    OR (a."entityType" = 'Household' AND EXISTS (SELECT 1 FROM "Household" h WHERE h.id = a."entityId" AND h."organisationId" = ${orgId}))
    OR (a."entityType" = 'Case' AND EXISTS (SELECT 1 FROM "Case" c JOIN "Household" h ON h.id = c."householdId" WHERE c.id = a."entityId" AND h."organisationId" = ${orgId}))
    OR (a."entityType" = 'Convention' AND EXISTS (SELECT 1 FROM "ConventionParty" p WHERE p."conventionId" = a."entityId" AND p."organisationId" = ${orgId}))
    OR (a."entityType" = 'Avenant' AND EXISTS (SELECT 1 FROM "Avenant" v JOIN "ConventionParty" p ON p."conventionId" = v."conventionId" WHERE v.id = a."entityId" AND p."organisationId" = ${orgId})))`;
}

function filters(f: AuditFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.personne) parts.push(Prisma.sql`a."actorId" = ${f.personne}`);
  if (f.entite) parts.push(Prisma.sql`a."entityType" = ${f.entite}`);
  if (f.objet) parts.push(Prisma.sql`a."entityId" = ${f.objet}`);
  if (f.action) parts.push(Prisma.sql`a.action LIKE ${f.action.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}`);
  // Dates are Paris calendar days.
  if (f.du) parts.push(Prisma.sql`a.at >= (${f.du}::date::timestamp AT TIME ZONE 'Europe/Paris')`);
  if (f.au) parts.push(Prisma.sql`a.at < ((${f.au}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

type Raw = { id: bigint; at: Date; actorId: string | null; organisationId: string | null; action: string; entityType: string; entityId: string | null; fields: string[] };

/** The events of the view matching the filters, newest first, from before `before` (keyset on id). */
async function events(db: Db, orgId: string, f: AuditFilters, before: bigint | null, limit: number): Promise<Raw[]> {
  return db.$queryRaw<Raw[]>`
    SELECT a.id, a.at, a."actorId", a."organisationId", a.action, a."entityType", a."entityId", a.fields
    FROM "AuditEvent" a
    WHERE ${scope(orgId)} ${filters(f)} ${before !== null ? Prisma.sql`AND a.id < ${before}` : Prisma.empty}
    ORDER BY a.id DESC
    LIMIT ${limit}`;
}

/** Names for the persons, organisations and entities of a page of events: five queries whatever its length. */
async function describe(db: Db, orgSlug: string, raw: Raw[]): Promise<AuditRow[]> {
  const ids = (type: string) => [...new Set(raw.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!))];
  const [persons, orgs, households, cases, conventions] = await Promise.all([
    db.person.findMany({ where: { id: { in: [...new Set(raw.flatMap((r) => (r.actorId ? [r.actorId] : [])))] } }, select: { id: true, firstName: true, lastName: true } }),
    db.organisation.findMany({ where: { id: { in: [...new Set(raw.flatMap((r) => (r.organisationId ? [r.organisationId] : [])))] } }, select: { id: true, name: true } }),
    db.household.findMany({ where: { id: { in: ids("Household") } }, select: { id: true, referenceFirstName: true, referenceLastName: true } }),
    db.case.findMany({ where: { id: { in: ids("Case") } }, select: { id: true, kind: true, quotaYear: true, quotaRank: true, household: { select: { referenceFirstName: true, referenceLastName: true } } } }),
    db.convention.findMany({ where: { id: { in: ids("Convention") } }, select: { id: true, title: true } }),
  ]);
  const base = `/o/${orgSlug}`;
  return raw.map((r) => {
    const p = persons.find((x) => x.id === r.actorId);
    let name: string | null = null;
    let href: string | null = null;
    if (r.entityType === "Household") {
      const h = households.find((x) => x.id === r.entityId);
      if (h) { name = `${h.referenceFirstName} ${h.referenceLastName}`.trim(); href = `${base}/menages/${h.id}`; }
    } else if (r.entityType === "Case") {
      const c = cases.find((x) => x.id === r.entityId);
      if (c) { name = `${c.kind === "RELAIS" ? "Relais" : c.kind === "FNAVDL" ? "FNAVDL" : "ASLLi"}${c.quotaYear && c.quotaRank ? ` n° ${caseNumber(c.quotaYear, c.quotaRank)}` : ""} — ${c.household.referenceFirstName} ${c.household.referenceLastName}`; href = `${base}/dossiers/${c.id}`; }
    } else if (r.entityType === "Convention") {
      const c = conventions.find((x) => x.id === r.entityId);
      if (c) { name = c.title; href = `${base}/conventions/${c.id}`; }
    }
    return {
      id: r.id.toString(), at: r.at.toISOString(), person: p ? `${p.firstName} ${p.lastName}` : r.actorId ? "Personne supprimée" : "Système", personId: r.actorId,
      organisation: orgs.find((o) => o.id === r.organisationId)?.name ?? "—", action: r.action,
      entityType: r.entityType, entityLabel: ENTITY_LABELS[r.entityType] ?? r.entityType, entityId: r.entityId, entityName: name, href, fields: r.fields,
    };
  });
}

const audited = (caller: Caller, action: string, f: AuditFilters, extra: string[] = []) =>
  withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) =>
    writeAudit(tx, { actorId: caller.personId, organisationId: caller.org.id, action, entityType: "AuditEvent", entityId: null, fields: [...Object.entries(f).filter(([, v]) => v).map(([k]) => k), ...extra] }),
  );

/**
 * A page of the view (ADMIN only; null otherwise → 404). Viewing it is audited first (`audit.view`, with the names of
 * the filters used — never their values), so the viewer's own look is the newest line of an unfiltered first page.
 */
export async function auditView(caller: Caller, f: AuditFilters, before: string | undefined, db: Db = prisma) {
  if (caller.role !== "ADMIN") return null;
  await audited(caller, "audit.view", f);
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : null;
  const [raw, persons] = await Promise.all([
    events(db, caller.org.id, f, cursor, AUDIT_PAGE_SIZE + 1),
    // The persons one may filter on: the organisation's members and those of the organisations it shares a convention with.
    db.person.findMany({
      where: { memberships: { some: { organisation: { OR: [{ id: caller.org.id }, { parties: { some: { convention: { parties: { some: { organisationId: caller.org.id } } } } } }] } } } },
      select: { id: true, firstName: true, lastName: true, memberships: { select: { organisation: { select: { name: true } } } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: 500,
    }),
  ]);
  const page = raw.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: await describe(db, caller.org.slug, page),
    next: raw.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id.toString() : null,
    persons: persons.map((p) => ({ id: p.id, name: `${p.lastName} ${p.firstName}`, organisations: p.memberships.map((m) => m.organisation.name).join(", ") })),
  };
}

/** The filtered events as a table for the CSV or Excel export (ADMIN only; at most AUDIT_EXPORT_MAX rows); audited (`audit.export`). */
export async function auditExport(caller: Caller, f: AuditFilters, format: string, db: Db = prisma): Promise<ReportTable | null> {
  if (caller.role !== "ADMIN") return null;
  await audited(caller, "audit.export", f, [format]);
  const rows = await describe(db, caller.org.slug, await events(db, caller.org.id, f, null, AUDIT_EXPORT_MAX));
  const paris = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });
  return {
    title: "Journal d'audit",
    columns: [
      { key: "at", label: "Date et heure (Paris)" }, { key: "person", label: "Personne" }, { key: "organisation", label: "Pour l'organisation" }, { key: "action", label: "Action" },
      { key: "entity", label: "Objet" }, { key: "entityId", label: "Identifiant" }, { key: "name", label: "Désignation" }, { key: "fields", label: "Champs" },
    ],
    rows: rows.map((r) => ({ at: paris.format(new Date(r.at)), person: r.person, organisation: r.organisation, action: r.action, entity: r.entityLabel, entityId: r.entityId, name: r.entityName, fields: r.fields.join(", ") })),
    note: rows.length === AUDIT_EXPORT_MAX ? `Les ${AUDIT_EXPORT_MAX} événements les plus récents : affinez les filtres pour les suivants.` : undefined,
  };
}
