import "server-only";
import {
  aslliCaseObligations, aslliMeasureFacts, aslliMonthsDue, aslliSemesterTable, aslliStatusOn, fnavdlCaseFacts, fnavdlCaseObligations, relaisCaseFacts, relaisCaseObligations,
  type AslliCaseEvent, type AslliMeasureFacts, type FnavdlCaseEvent, type FnavdlCaseFacts, type IsoDate, type Obligation, type RelaisCaseEvent, type RelaisCaseFacts, type RelaisCaseParams,
} from "@/lib/domain";
import { housingSections } from "@/lib/validation/case-texts";
import { isoOf } from "@/lib/format";
import type { ConventionKind, Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { prisma, withTx, type Db, type Tx } from "./db";
import { day, paramsInForce, writeObligations } from "./conventions";

// Cases of every kind (relais, issue 6; FNAVDL and ASLLi, issue 7): the bridge between stored case events and the domain's case engine, and the
// caller-scoped reads of the access layer (ACC-1: the cases of the conventions the caller's organisation
// is party to). Social detail (CaseText) is never read here: see readSocialDetail.

/**
 * ACC-1/ACC-2, reads: the cases of the conventions the caller's organisation is party to, and the cases
 * whose document was sent to it from outside the convention (`sharedWithOrgIds`, e.g. AVD-7's diagnostic
 * sent to the operator in charge of the support), which it sees in part (identity and what was sent).
 */
export function caseScope(caller: Pick<Caller, "org">): Prisma.CaseWhereInput {
  return { OR: [partyCaseScope(caller), { sharedWithOrgIds: { has: caller.org.id } }] };
}

/** ACC-1, writes: only the parties to the case's convention act on it. */
export function partyCaseScope(caller: Pick<Caller, "org">): Prisma.CaseWhereInput {
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

const num = (p: Record<string, unknown>, k: string): number | undefined => (typeof p[k] === "number" ? (p[k] as number) : undefined);

/** AVD-1/AVD-10: the FNAVDL convention's public (DALO or not) and start delay, as in force at `at`. */
export function fnavdlCaseParams(stored: Record<string, unknown>, conventionEvents: { payload: Prisma.JsonValue }[], at: IsoDate) {
  const p = paramsInForce(stored, conventionEvents, at);
  return { dalo: p.publicKind === "DALO", startDelayDays: num(p, "startDelayDays") ?? null };
}

/** ASL-1/ASL-6/ASL-11b: the ASLLi convention's cap, meetings a month and unit price, as in force at `at`. */
export function aslliCaseParams(stored: Record<string, unknown>, conventionEvents: { payload: Prisma.JsonValue }[], at: IsoDate) {
  const p = paramsInForce(stored, conventionEvents, at);
  return { maxMonths: num(p, "capMonths") ?? 18, meetingsPerMonth: num(p, "minMeetingsPerMonth") ?? 2, unitPriceCents: num(p, "unitPriceCents") ?? null };
}

const payloads = <E>(rows: { payload: Prisma.JsonValue }[]) => rows.map((r) => r.payload as unknown as E);

/** The obligations of a case and the date it closed, by its kind's engine. */
function caseEngine(
  kind: ConventionKind,
  rows: { payload: Prisma.JsonValue }[],
  convention: { parameters: Prisma.JsonValue; events: { payload: Prisma.JsonValue }[] },
  today: IsoDate,
): { obligations: Obligation[]; closedOn: IsoDate | null; stillDue: (o: Obligation) => boolean } {
  const stored = convention.parameters as Record<string, unknown>;
  switch (kind) {
    case "RELAIS": {
      const events = payloads<RelaisCaseEvent>(rows);
      const facts = relaisCaseFacts(events);
      const obligations = relaisCaseObligations(events, today, relaisCaseParams(stored, convention.events, today));
      // A closed case keeps its past misses as history, but only its final bilan is still to do.
      return { obligations, closedOn: facts.end?.on ?? (facts.decision && !facts.decision.entry ? facts.decision.on : null), stillDue: (o) => o.key === "REL-8:final-bilan" };
    }
    case "FNAVDL": {
      const events = payloads<FnavdlCaseEvent>(rows);
      const p = fnavdlCaseParams(stored, convention.events, events[0]?.on ?? today);
      const facts = fnavdlCaseFacts(events, p.dalo);
      const obligations = fnavdlCaseObligations(events, p.dalo, today, { startDelayDays: p.startDelayDays });
      const noSupport = facts.diagnosticOn !== null && facts.orientedOn === null ? facts.diagnosticOn : null;
      return { obligations, closedOn: facts.end?.on ?? noSupport, stillDue: (o) => o.rule === "AVD-11" };
    }
    case "ASLLI": {
      const events = payloads<AslliCaseEvent>(rows);
      const p = aslliCaseParams(stored, convention.events, today);
      const facts = aslliMeasureFacts(events, p.maxMonths);
      const obligations = aslliCaseObligations(events, today, { maxMonths: p.maxMonths, meetingsPerMonth: p.meetingsPerMonth });
      const refused = facts.commission && !facts.commission.granted ? facts.commission.on : null;
      const stopped = facts.interruptedOn ?? facts.earlyEnd?.on ?? null;
      const ended = facts.endOn !== null && facts.endOn < today ? facts.endOn : null;
      return { obligations, closedOn: refused ?? stopped ?? ended, stillDue: (o) => o.rule === "ASL-10" || o.rule === "ASL-14" };
    }
    default:
      throw new Error(`Pas de dossier pour les conventions ${kind}.`);
  }
}

/** The day a case closed as its engine reads it at `today` (Case.closedOn may be a day stale); nothing is written. */
export async function caseClosedOn(db: Db, caseId: string, today: IsoDate): Promise<IsoDate | null> {
  const c = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { kind: true, events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] }, convention: { select: { parameters: true, events: { where: { type: "AVENANT" }, select: { payload: true } } } } },
  });
  return caseEngine(c.kind, c.events, c.convention, today).closedOn;
}

/** Recomputes and stores a case's obligations, its next due date and its closing date (same transaction). */
export async function refreshCaseObligations(tx: Tx, caseId: string, today: IsoDate): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true, kind: true, conventionId: true,
      events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
      convention: { select: { parameters: true, parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } }, events: { where: { type: "AVENANT" }, select: { payload: true } } } },
    },
  });
  const { obligations, closedOn, stillDue } = caseEngine(c.kind, c.events, c.convention, today);
  const parties = c.convention.parties;
  const next = await writeObligations(tx, { ownerType: "CASE", ownerId: c.id, conventionId: c.conventionId, parties, visibleToOrgIds: parties.map((p) => p.organisationId) }, obligations);
  const nextDue = closedOn
    ? obligations.filter((o) => !o.doneOn && !o.optional && o.dueOn && stillDue(o)).map((o) => o.dueOn!).sort()[0] ?? null
    : next;
  await tx.case.update({ where: { id: c.id }, data: { nextDueOn: nextDue ? day(nextDue) : null, closedOn: closedOn ? day(closedOn) : null, obligationsComputedOn: day(today) } });
}

export type CaseStage =
  | "REFERRED" | "DIAGNOSED" | "DECIDED" | "IN_SUPPORT" | "CLOSED"
  | "PRESCRIBED" | "CONSENTED" | "ORIENTED" | "SUBLEASE"
  | "REQUESTED" | "GRANTED" | "SUSPENDED" | "REFUSED";

function fnavdlStage(f: FnavdlCaseFacts): CaseStage {
  if (f.end || (f.diagnosticOn && !f.orientedOn)) return "CLOSED";
  if (f.sublease && !f.sublease.slidOn) return "SUBLEASE";
  if (f.support) return "IN_SUPPORT";
  if (f.orientedOn) return "ORIENTED";
  return f.consentOn ? "CONSENTED" : "PRESCRIBED";
}

function aslliStage(f: AslliMeasureFacts, today: IsoDate): CaseStage {
  if (!f.commission) return "REQUESTED";
  if (!f.commission.granted) return "REFUSED";
  const status = aslliStatusOn(f, today);
  if (status === "A_VENIR") return "GRANTED";
  if (status === "SUSPENDUE") return "SUSPENDED";
  if (status === "EN_COURS") return "IN_SUPPORT";
  return "CLOSED";
}

function relaisStage(f: RelaisCaseFacts): CaseStage {
  if (f.end || (f.decision && !f.decision.entry)) return "CLOSED";
  if (f.entryOn) return "IN_SUPPORT";
  if (f.decision) return "DECIDED";
  if (f.diagnosticOn) return "DIAGNOSED";
  return "REFERRED";
}

/** Where a case stands, from its events and today (never stored). */
export function caseStage(kind: ConventionKind, rows: { payload: Prisma.JsonValue }[], dalo: boolean, today: IsoDate): CaseStage {
  switch (kind) {
    case "FNAVDL": return fnavdlStage(fnavdlCaseFacts(payloads<FnavdlCaseEvent>(rows), dalo));
    case "ASLLI": return aslliStage(aslliMeasureFacts(payloads<AslliCaseEvent>(rows), 36), today);
    default: return relaisStage(relaisCaseFacts(payloads<RelaisCaseEvent>(rows)));
  }
}

/** A case the caller's organisation may see (ACC-1), or null. Identity and housing only; no social detail. */
export async function findCase(caller: Caller, id: string, today: IsoDate, db: Db = prisma) {
  const c = await db.case.findFirst({
    where: { AND: [{ id }, caseScope(caller)] },
    select: {
      id: true, kind: true, conventionId: true, createdAt: true, version: true, closedOn: true, obligationsComputedOn: true, quotaYear: true, quotaRank: true, sharedWithOrgIds: true,
      household: { select: { id: true, organisationId: true, referenceFirstName: true, referenceLastName: true, commune: true, nur: true, daloRecognisedOn: true, members: { select: { id: true } } } },
      convention: { select: { id: true, title: true, kind: true, parameters: true, events: { where: { type: "AVENANT" }, select: { payload: true } }, parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } } } },
      referents: { select: { organisationId: true, personId: true } },
      events: { select: { id: true, type: true, on: true, payload: true, createdAt: true, recordedByOrgId: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
      texts: { select: { id: true, kind: true, eventId: true, authorOrgId: true, sentToOrgIds: true, sentOn: true, createdAt: true } },
    },
  });
  if (!c) return null;
  if (!c.obligationsComputedOn || isoOf(c.obligationsComputedOn) !== today) {
    await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) => refreshCaseObligations(tx, c.id, today));
  }
  const [caseObligations, exchange, persons, sharedOrgs] = await Promise.all([
    db.obligation.findMany({ where: { ownerType: "CASE", ownerId: c.id, visibleToOrgIds: { has: caller.org.id } }, orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { opensOn: "asc" }] }),
    // REL-7: the quarterly exchange on all households is the convention's; the case shows the next one.
    c.closedOn || c.kind !== "RELAIS" ? Promise.resolve(null) : db.obligation.findFirst({ where: { ownerType: "CONVENTION", ownerId: c.conventionId, key: { startsWith: "REL-7:exchange:" }, doneOn: null, dueOn: { gte: day(today) }, visibleToOrgIds: { has: caller.org.id } }, orderBy: { dueOn: "asc" } }),
    db.person.findMany({ where: { id: { in: c.referents.map((r) => r.personId) } }, select: { id: true, firstName: true, lastName: true } }),
    c.sharedWithOrgIds.length ? db.organisation.findMany({ where: { id: { in: c.sharedWithOrgIds } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const obligations = exchange ? [...caseObligations, exchange].sort((a, b) => (a.dueOn?.getTime() ?? Infinity) - (b.dueOn?.getTime() ?? Infinity)) : caseObligations;
  const stored = c.convention.parameters as Record<string, unknown>;
  const fnavdl = c.kind === "FNAVDL" ? fnavdlCaseParams(stored, c.convention.events, c.events[0] ? isoOf(c.events[0].on) : today) : null;
  const aslli = c.kind === "ASLLI" ? aslliCaseParams(stored, c.convention.events, today) : null;
  /** The caller's role in the convention; null for an organisation the case was only shared with (read-only). */
  const partyRole = c.convention.parties.find((p) => p.organisationId === caller.org.id)?.partyRole ?? null;
  // The facts of the case's kind are read once; its stage and the page's summary come from them.
  const relais = c.kind === "RELAIS" ? relaisCaseFacts(payloads<RelaisCaseEvent>(c.events)) : null;
  const fnavdlView = fnavdl ? { params: fnavdl, facts: fnavdlCaseFacts(payloads<FnavdlCaseEvent>(c.events), fnavdl.dalo) } : null;
  const aslliV = aslli ? aslliView(payloads<AslliCaseEvent>(c.events), aslli) : null;
  const stage = fnavdlView ? fnavdlStage(fnavdlView.facts) : aslliV ? aslliStage(aslliV.facts, today) : relaisStage(relais!);
  return {
    ...c, obligations, referentPersons: persons, sharedOrgs, partyRole, stage,
    number: c.quotaYear && c.quotaRank ? caseNumber(c.quotaYear, c.quotaRank) : null,
    relais, fnavdl: fnavdlView, aslli: aslliV,
  };
}

/** ASL-11b: the household number of the semester table (no name): the case's year and rank. */
export function caseNumber(year: number, rank: number): string {
  return `${year}-${String(rank).padStart(3, "0")}`;
}

/** An ASLLi measure's facts with its months due and amount (ASL-11b). */
export function aslliView(events: AslliCaseEvent[], p: ReturnType<typeof aslliCaseParams>) {
  const facts = aslliMeasureFacts(events, p.maxMonths);
  const monthsDue = aslliMonthsDue(facts);
  return { params: p, facts, monthsDue, amountDueCents: p.unitPriceCents === null ? null : monthsDue.length * p.unitPriceCents };
}

/**
 * ACC-2/ASL-12: which sections of a social-detail text the caller may read — all of them, only the
 * housing-related ones, or none (null). The author organisation and the referents read everything; a
 * recipient organisation reads what was sent to it, except that on an ASLLi measure the Département
 * (Service Logement, commission) reads only the housing-related sections, referent or not.
 */
export function textSections(
  caller: Caller,
  t: { kind: string; authorOrgId: string; sentToOrgIds: string[] },
  c: { kind: ConventionKind; referents: { personId: string }[]; partyRole: string | null },
): "ALL" | string[] | null {
  if (t.authorOrgId === caller.org.id) return "ALL";
  if (c.kind === "ASLLI" && c.partyRole === "DEPARTEMENT") return t.sentToOrgIds.includes(caller.org.id) ? housingSections(t.kind) : null;
  if (t.sentToOrgIds.includes(caller.org.id) || c.referents.some((r) => r.personId === caller.personId)) return "ALL";
  return null;
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

/** What the FNAVDL prescription and ASLLi request forms offer: the caller's signed conventions of that kind, households, members. */
export async function supportCaseOptions(caller: Caller, kind: "FNAVDL" | "ASLLI", db: Db = prisma) {
  const roles = kind === "FNAVDL" ? ["ASSOCIATION", "ETAT"] : ["ASSOCIATION", "DEPARTEMENT"];
  const [conventions, households, members] = await Promise.all([
    db.convention.findMany({
      where: { kind, parties: { some: { organisationId: caller.org.id, partyRole: { in: roles } } }, events: { some: { type: "SIGNED" } } },
      select: { id: true, title: true, startOn: true, parameters: true },
      orderBy: { startOn: "desc" },
    }),
    db.household.findMany({ where: { organisationId: caller.org.id }, select: { id: true, referenceFirstName: true, referenceLastName: true }, orderBy: [{ referenceLastName: "asc" }, { referenceFirstName: "asc" }], take: 500 }),
    db.membership.findMany({ where: { organisationId: caller.org.id, role: { in: ["ADMIN", "AGENT"] } }, select: { person: { select: { id: true, firstName: true, lastName: true } } } }),
  ]);
  return {
    conventions: conventions.map((c) => ({ id: c.id, title: c.title, dalo: (c.parameters as Record<string, unknown>).publicKind === "DALO", actions: ((c.parameters as Record<string, unknown>).actions as string[] | undefined) ?? [] })),
    households: households.map((h) => ({ id: h.id, name: `${h.referenceLastName} ${h.referenceFirstName}` })),
    members: members.map((m) => m.person),
  };
}

/** The associations of the directory (AVD-7: the operator in charge of the support), the caller's excepted. */
export async function associationOptions(caller: Caller, db: Db = prisma) {
  return db.organisation.findMany({ where: { kind: "ASSOCIATION", id: { not: caller.org.id } }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 200 });
}

/** ACC-2: the cases another organisation shared with the caller's by sending it a document (AVD-7), newest first. */
export async function listSharedCases(caller: Caller, db: Db = prisma) {
  const rows = await db.case.findMany({
    where: { sharedWithOrgIds: { has: caller.org.id }, NOT: partyCaseScope(caller) },
    select: { id: true, createdAt: true, household: { select: { referenceFirstName: true, referenceLastName: true } }, convention: { select: { title: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 50,
  });
  return rows.map((r) => ({ id: r.id, name: `${r.household.referenceLastName.toLocaleUpperCase("fr-FR")} ${r.household.referenceFirstName}`, conventionTitle: r.convention.title }));
}

/**
 * ASL-11/ASL-11b: the semester tracking table of an ASLLi convention, computed from its measures (household
 * numbers, no names), with the months due and the amount at the convention's unit price. The caller must be a
 * party (ACC-1); two queries whatever the number of measures.
 */
export async function aslliSemesterStatement(caller: Caller, conventionId: string, period: string, today: IsoDate, db: Db = prisma) {
  const conv = await db.convention.findFirst({
    where: { id: conventionId, kind: "ASLLI", parties: { some: { organisationId: caller.org.id } } },
    select: { parameters: true, events: { where: { type: "AVENANT" }, select: { payload: true } } },
  });
  if (!conv) return null;
  const p = aslliCaseParams(conv.parameters as Record<string, unknown>, conv.events, today);
  const cases = await db.case.findMany({
    where: { conventionId, kind: "ASLLI" },
    select: { quotaYear: true, quotaRank: true, events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] } },
  });
  const measures = cases.map((c) => ({ householdNumber: caseNumber(c.quotaYear ?? 0, c.quotaRank ?? 0), facts: aslliMeasureFacts(payloads<AslliCaseEvent>(c.events), p.maxMonths) }));
  return { ...aslliSemesterTable(measures, period, p.unitPriceCents), unitPriceCents: p.unitPriceCents };
}
