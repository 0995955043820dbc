import "server-only";
import type { Caller } from "./access";
import { caseNumber } from "./cases";
import { prisma, type Db } from "./db";

// Issue 8 §3 — the read log (ACC-3): every display of a case's social detail leaves an audit event
// `case.socialDetail.read` (who, which organisation, when; never what was read). Two views:
// - on a household's page, its referents and the ADMINs of its organisation see every read, from any organisation;
// - an organisation's ADMIN sees the reads its own members made, wherever.

export type ReadRow = { id: string; at: string; person: string; organisation: string; caseId: string | null; caseLabel: string | null; household: string | null };

const READ = "case.socialDetail.read";
export const READ_LOG_PAGE_SIZE = 25;

/** May the caller see who read this household's social detail? ADMIN of its organisation, or referent of one of its cases. */
export async function mayReadHouseholdLog(caller: Caller, householdId: string, db: Db = prisma): Promise<boolean> {
  const h = await db.household.findFirst({
    where: {
      id: householdId,
      OR: [
        ...(caller.role === "ADMIN" ? [{ organisationId: caller.org.id }] : []),
        { cases: { some: { referents: { some: { personId: caller.personId, organisationId: caller.org.id } } } } },
      ],
    },
    select: { id: true },
  });
  return h !== null;
}

async function rows(db: Db, events: { id: bigint; at: Date; actorId: string | null; organisationId: string | null; entityId: string | null }[]): Promise<ReadRow[]> {
  const caseIds = [...new Set(events.flatMap((e) => (e.entityId ? [e.entityId] : [])))];
  const [persons, orgs, cases] = await Promise.all([
    db.person.findMany({ where: { id: { in: [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))] } }, select: { id: true, firstName: true, lastName: true } }),
    db.organisation.findMany({ where: { id: { in: [...new Set(events.flatMap((e) => (e.organisationId ? [e.organisationId] : [])))] } }, select: { id: true, name: true } }),
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, kind: true, quotaYear: true, quotaRank: true, household: { select: { referenceFirstName: true, referenceLastName: true } } } }),
  ]);
  return events.map((e) => {
    const p = persons.find((x) => x.id === e.actorId);
    const c = cases.find((x) => x.id === e.entityId);
    return {
      id: e.id.toString(), at: e.at.toISOString(), person: p ? `${p.firstName} ${p.lastName}` : "—", organisation: orgs.find((o) => o.id === e.organisationId)?.name ?? "—",
      caseId: c?.id ?? null, caseLabel: c ? `${c.kind === "RELAIS" ? "Relais" : c.kind === "FNAVDL" ? "FNAVDL" : "ASLLi"}${c.quotaYear && c.quotaRank ? ` n° ${caseNumber(c.quotaYear, c.quotaRank)}` : ""}` : null,
      household: c ? `${c.household.referenceFirstName} ${c.household.referenceLastName}`.trim() : null,
    };
  });
}

/** Who displayed the social detail of this household's cases, newest first (at most 200), or null (404) when not allowed. Four queries. */
export async function householdReadLog(caller: Caller, householdId: string, db: Db = prisma): Promise<ReadRow[] | null> {
  if (!(await mayReadHouseholdLog(caller, householdId, db))) return null;
  const cases = await db.case.findMany({ where: { householdId }, select: { id: true } });
  const events = await db.auditEvent.findMany({
    where: { action: READ, entityType: "Case", entityId: { in: cases.map((c) => c.id) } },
    orderBy: { id: "desc" }, take: 200, select: { id: true, at: true, actorId: true, organisationId: true, entityId: true },
  });
  return rows(db, events);
}

/** The reads made by the caller's organisation's members, newest first, keyset-paginated; null unless ADMIN. */
export async function memberReadLog(caller: Caller, before: string | undefined, db: Db = prisma): Promise<{ rows: ReadRow[]; next: string | null } | null> {
  if (caller.role !== "ADMIN") return null;
  const cursor = before && /^\d{1,19}$/.test(before) ? BigInt(before) : null;
  const events = await db.auditEvent.findMany({
    where: { action: READ, organisationId: caller.org.id, ...(cursor !== null ? { id: { lt: cursor } } : {}) },
    orderBy: { id: "desc" }, take: READ_LOG_PAGE_SIZE + 1, select: { id: true, at: true, actorId: true, organisationId: true, entityId: true },
  });
  const page = events.slice(0, READ_LOG_PAGE_SIZE);
  return { rows: await rows(db, page), next: events.length > READ_LOG_PAGE_SIZE ? page[page.length - 1].id.toString() : null };
}
