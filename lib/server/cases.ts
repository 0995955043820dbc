import "server-only";
import {
  relaisCaseFacts, relaisCaseObligations, type IsoDate, type RelaisCaseEvent, type RelaisCaseParams,
} from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { prisma, withTx, type Db, type Tx } from "./db";
import { day, paramsInForce, writeObligations } from "./conventions";

// Relais cases (issue 6): the bridge between stored case events and the domain's case engine, and the
// caller-scoped reads of the access layer (ACC-1: the cases of the conventions the caller's organisation
// is party to). Social detail (CaseText) is never read here: see readSocialDetail.

export function caseScope(caller: Pick<Caller, "org">): Prisma.CaseWhereInput {
  return { convention: { parties: { some: { organisationId: caller.org.id } } } };
}

/** The convention's parameters the case engine reads (REL-2, REL-5, REL-6, REL-7), as in force at `at`. */
export function relaisCaseParams(stored: Record<string, unknown>, conventionEvents: { payload: Prisma.JsonValue }[], at: IsoDate): Partial<RelaisCaseParams> {
  const p = paramsInForce(stored, conventionEvents, at);
  const n = (k: string) => (typeof p[k] === "number" ? (p[k] as number) : undefined);
  const out: Partial<RelaisCaseParams> = {};
  const set = (key: keyof RelaisCaseParams, v: number | undefined) => { if (v !== undefined) out[key] = v; };
  set("diagnosticOpensAfterDays", n("diagnosticMinDays"));
  set("diagnosticWithinMonths", n("diagnosticMaxMonths"));
  set("fallbackMonths", n("fallbackMonths"));
  set("supportMonths", n("supportMonths"));
  set("intermediateBilanMonths", n("intermediateBilanMonths"));
  return out;
}

export const caseEvents = (rows: { payload: Prisma.JsonValue }[]) => rows.map((r) => r.payload as unknown as RelaisCaseEvent);

/** Recomputes and stores a case's obligations, its next due date and its closing date (same transaction). */
export async function refreshCaseObligations(tx: Tx, caseId: string, today: IsoDate): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true, conventionId: true,
      events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
      convention: { select: { parameters: true, parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } }, events: { where: { type: "AVENANT" }, select: { payload: true } } } },
    },
  });
  const events = caseEvents(c.events);
  const facts = relaisCaseFacts(events);
  const params = relaisCaseParams(c.convention.parameters as Record<string, unknown>, c.convention.events, today);
  const obligations = relaisCaseObligations(events, today, params);
  const parties = c.convention.parties;
  const closedOn = facts.end?.on ?? (facts.decision && !facts.decision.entry ? facts.decision.on : null);
  const next = await writeObligations(tx, { ownerType: "CASE", ownerId: c.id, conventionId: c.conventionId, parties, visibleToOrgIds: parties.map((p) => p.organisationId) }, obligations);
  // A closed case keeps its past misses as history, but only its final bilan is still to do.
  const finalBilan = obligations.find((o) => o.key === "REL-8:final-bilan" && !o.doneOn)?.dueOn ?? null;
  const nextDue = closedOn ? finalBilan : next;
  await tx.case.update({ where: { id: c.id }, data: { nextDueOn: nextDue ? day(nextDue) : null, closedOn: closedOn ? day(closedOn) : null, obligationsComputedOn: day(today) } });
}

export type CaseStage = "REFERRED" | "DIAGNOSED" | "DECIDED" | "IN_SUPPORT" | "CLOSED";
export function caseStage(events: RelaisCaseEvent[]): CaseStage {
  const f = relaisCaseFacts(events);
  if (f.end || (f.decision && !f.decision.entry)) return "CLOSED";
  if (f.entryOn) return "IN_SUPPORT";
  if (f.decision) return "DECIDED";
  if (f.diagnosticOn) return "DIAGNOSED";
  return "REFERRED";
}

/** A case the caller's organisation may see (ACC-1), or null. Identity and housing only; no social detail. */
export async function findCase(caller: Caller, id: string, today: IsoDate, db: Db = prisma) {
  const c = await db.case.findFirst({
    where: { AND: [{ id }, caseScope(caller)] },
    select: {
      id: true, kind: true, conventionId: true, createdAt: true, version: true, closedOn: true, obligationsComputedOn: true,
      household: { select: { id: true, referenceFirstName: true, referenceLastName: true, commune: true, nur: true, members: { select: { id: true } } } },
      convention: { select: { id: true, title: true, parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } } } },
      referents: { select: { organisationId: true, personId: true } },
      events: { select: { id: true, type: true, on: true, payload: true, createdAt: true, recordedByOrgId: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
      texts: { select: { id: true, kind: true, eventId: true, authorOrgId: true, sentToOrgIds: true, sentOn: true, createdAt: true } },
    },
  });
  if (!c) return null;
  if (!c.obligationsComputedOn || isoOf(c.obligationsComputedOn) !== today) {
    await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) => refreshCaseObligations(tx, c.id, today));
  }
  const [caseObligations, exchange, persons] = await Promise.all([
    db.obligation.findMany({ where: { ownerType: "CASE", ownerId: c.id, visibleToOrgIds: { has: caller.org.id } }, orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { opensOn: "asc" }] }),
    // REL-7: the quarterly exchange on all households is the convention's; the case shows the next one.
    c.closedOn ? Promise.resolve(null) : db.obligation.findFirst({ where: { ownerType: "CONVENTION", ownerId: c.conventionId, key: { startsWith: "REL-7:exchange:" }, doneOn: null, dueOn: { gte: day(today) }, visibleToOrgIds: { has: caller.org.id } }, orderBy: { dueOn: "asc" } }),
    db.person.findMany({ where: { id: { in: c.referents.map((r) => r.personId) } }, select: { id: true, firstName: true, lastName: true } }),
  ]);
  const events = caseEvents(c.events);
  const obligations = exchange ? [...caseObligations, exchange].sort((a, b) => (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity)) : caseObligations;
  return { ...c, obligations, referentPersons: persons, stage: caseStage(events), domainEvents: events };
}

/** ACC-2: may this caller read this social-detail text? Author organisation, recipients, referents. */
export function maySeeText(caller: Caller, t: { authorOrgId: string; sentToOrgIds: string[] }, referents: { personId: string }[]): boolean {
  return t.authorOrgId === caller.org.id || t.sentToOrgIds.includes(caller.org.id) || referents.some((r) => r.personId === caller.personId);
}

/** What the referral form offers (REL-1): the relais conventions where the caller is the Ville, with this year's count. */
export async function referralOptions(caller: Caller, year: number, db: Db = prisma) {
  const [conventions, households, members] = await Promise.all([
    db.convention.findMany({
      where: { kind: "RELAIS", parties: { some: { organisationId: caller.org.id, partyRole: "COMMUNE" } }, events: { some: { type: "SIGNED" } } },
      select: { id: true, title: true, parameters: true, _count: { select: { cases: { where: { quotaYear: year } } } } },
      orderBy: { startOn: "desc" },
    }),
    db.household.findMany({ where: { organisationId: caller.org.id }, select: { id: true, referenceFirstName: true, referenceLastName: true }, orderBy: [{ referenceLastName: "asc" }, { referenceFirstName: "asc" }], take: 500 }),
    db.membership.findMany({ where: { organisationId: caller.org.id, role: { in: ["ADMIN", "AGENT"] } }, select: { person: { select: { id: true, firstName: true, lastName: true } } } }),
  ]);
  return {
    conventions: conventions.map((c) => ({ id: c.id, title: c.title, used: c._count.cases, quota: Number((c.parameters as Record<string, unknown>).referralQuota ?? 3) })),
    households: households.map((h) => ({ id: h.id, name: `${h.referenceLastName} ${h.referenceFirstName}` })),
    members: members.map((m) => m.person),
  };
}
