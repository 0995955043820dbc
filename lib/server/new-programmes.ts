import "server-only";
import { newProgrammeObligations, type IsoDate, type NewProgrammeEvent } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { ObligationOwner, Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeDocument } from "@/lib/validation/new-programmes";
import type { Caller } from "./access";
import { day, writeObligations } from "./conventions";
import { prisma, type Db, type Tx } from "./db";

// New programmes (issue 10 part 5, RES-21): the bridge between the stored steps and the domain's newProgrammeObligations
// (first list within 30 days of the notification's receipt, another within 15 days of a failure notified), and the
// caller-scoped reads. These first lettings are done in stock, outside the flux count (RES-13): no Vacancy row is
// written for them, so fluxCountsByYear and the droits uniques consumption never see them.
//
// ACC-1: only the convention's two parties see a programme — the bailleur that notified it and the réservataire of
// that RESERVATION_FLUX convention.

export function programmeScope(caller: Pick<Caller, "org">): Prisma.NewProgrammeWhereInput {
  return {
    OR: [
      { bailleurOrgId: caller.org.id, convention: { parties: { some: { organisationId: caller.org.id, partyRole: "BAILLEUR" } } } },
      { convention: { parties: { some: { organisationId: caller.org.id, partyRole: "RESERVATAIRE" } } } },
    ],
  };
}

/** A candidate of a list, as stored in the LIST_SENT step (householdId: the réservataire's own record, if picked). */
export type ProgrammeCandidate = { rank: number; householdId: string | null; nur: string; persons: number; monthlyResourcesCents: number; dalo: boolean };
/** What a step's payload holds beyond the domain event. */
export type ProgrammeStepPayload = NewProgrammeEvent & {
  documents?: ProgrammeDocument[]; rplsIds?: string[];
  list?: number; candidates?: ProgrammeCandidate[]; note?: string;
  reason?: string; previousCommissioningOn?: IsoDate; informedOrgIds?: string[];
};

export const programmeEvents = (rows: { payload: Prisma.JsonValue }[]) => rows.map((r) => r.payload as unknown as NewProgrammeEvent);
const stepsOrder = [{ on: "asc" }, { createdAt: "asc" }] satisfies Prisma.NewProgrammeStepOrderByWithRelationInput[];

/** The lists' progress, from the events: opened (notification and each failure) and sent. */
export function listProgress(events: readonly NewProgrammeEvent[]) {
  const opened = events.filter((e) => e.type === "NOTIFICATION_RECEIVED" || e.type === "FAILURE_NOTIFIED");
  const sent = events.filter((e) => e.type === "LIST_SENT");
  return {
    opened: opened.length, sent: sent.length,
    /** The réservataire has a list to send, opened on this date. */
    openSince: opened.length > sent.length ? opened[opened.length - 1].on : null,
    /** The last list sent, which the bailleur may declare failed. */
    lastSentOn: sent.length > 0 && sent.length === opened.length ? sent[sent.length - 1].on : null,
  };
}

/**
 * Recomputes the read model (commissioning date in force, next list due date) and the obligations (ownerType
 * NEW_PROGRAMME, visible to the convention's two parties only), in the transaction of each step. A sequence the
 * domain refuses throws its DomainError (the action rolls back).
 */
export async function refreshProgramme(tx: Tx, programmeId: string, today: IsoDate): Promise<void> {
  const p = await tx.newProgramme.findUniqueOrThrow({
    where: { id: programmeId },
    select: {
      id: true, conventionId: true, bailleurOrgId: true, plannedCommissioningOn: true,
      steps: { select: { payload: true }, orderBy: stepsOrder },
      convention: { select: { parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } } } },
    },
  });
  const events = programmeEvents(p.steps);
  const parties = p.convention.parties.filter((x) => x.organisationId === p.bailleurOrgId || x.partyRole === "RESERVATAIRE");
  const next = await writeObligations(
    tx,
    { ownerType: "NEW_PROGRAMME", ownerId: p.id, conventionId: p.conventionId, parties, visibleToOrgIds: [...new Set(parties.map((x) => x.organisationId))] },
    newProgrammeObligations(events, today),
  );
  const postponed = events.filter((e): e is Extract<NewProgrammeEvent, { type: "COMMISSIONING_POSTPONED" }> => e.type === "COMMISSIONING_POSTPONED");
  const commissioningOn = postponed.length ? day(postponed[postponed.length - 1].commissioningOn) : p.plannedCommissioningOn;
  await tx.newProgramme.update({ where: { id: p.id }, data: { commissioningOn, nextListDueOn: next ? day(next) : null, version: { increment: 1 } } });
}

const obligationOrder = [{ opensOn: "asc" }, { key: "asc" }] satisfies Prisma.ObligationOrderByWithRelationInput[];

/** The programmes the caller may see (ACC-1), soonest list due first, with the list due dates and postponements. */
export async function listProgrammes(caller: Pick<Caller, "org">, db: Db = prisma) {
  const rows = await db.newProgramme.findMany({
    where: programmeScope(caller),
    select: {
      id: true, name: true, programmeKind: true, commune: true, dwellings: true, bailleurOrgId: true, receivedOn: true, plannedCommissioningOn: true, commissioningOn: true, nextListDueOn: true,
      convention: { select: { id: true, title: true } },
      steps: { where: { type: "COMMISSIONING_POSTPONED" }, select: { on: true, payload: true }, orderBy: stepsOrder },
    },
    orderBy: [{ nextListDueOn: { sort: "asc", nulls: "last" } }, { receivedOn: "desc" }, { id: "asc" }],
    take: 500,
  });
  const obligations = rows.length
    ? await db.obligation.findMany({ where: { ownerType: "NEW_PROGRAMME", ownerId: { in: rows.map((r) => r.id) }, visibleToOrgIds: { has: caller.org.id } }, orderBy: obligationOrder })
    : [];
  return rows.map((r) => ({
    id: r.id, name: r.name, programmeKind: r.programmeKind, commune: r.commune, dwellings: r.dwellings, own: r.bailleurOrgId === caller.org.id, convention: r.convention,
    receivedOn: isoOf(r.receivedOn), plannedCommissioningOn: isoOf(r.plannedCommissioningOn), commissioningOn: isoOf(r.commissioningOn), nextListDueOn: r.nextListDueOn ? isoOf(r.nextListDueOn) : null,
    lists: obligations.filter((o) => o.ownerId === r.id).map((o) => ({ key: o.key, messageKey: o.messageKey, opensOn: isoOf(o.opensOn), dueOn: o.dueOn ? isoOf(o.dueOn) : null, doneOn: o.doneOn ? isoOf(o.doneOn) : null })),
    postponements: r.steps.map((s) => {
      const p = s.payload as unknown as ProgrammeStepPayload;
      return { on: isoOf(s.on), commissioningOn: p.type === "COMMISSIONING_POSTPONED" ? p.commissioningOn : null, previousCommissioningOn: p.previousCommissioningOn ?? null };
    }),
  }));
}
export type ProgrammeRow = Awaited<ReturnType<typeof listProgrammes>>[number];

/**
 * One programme the caller may see (ACC-1), or null, with its steps and obligations. The bailleur sees of each list
 * what attribution needs (NUR, composition, resources, DALO), never the réservataire's household records (ACC-2).
 */
export async function findProgramme(caller: Pick<Caller, "org">, id: string, db: Db = prisma) {
  const p = await db.newProgramme.findFirst({
    where: { AND: [{ id }, programmeScope(caller)] },
    select: {
      id: true, name: true, programmeKind: true, addressLine: true, postcode: true, commune: true, dwellings: true, bailleurOrgId: true, conventionId: true,
      receivedOn: true, plannedCommissioningOn: true, commissioningOn: true, nextListDueOn: true, version: true, createdAt: true,
      convention: { select: { id: true, title: true, parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } } } },
      steps: { select: { id: true, type: true, on: true, payload: true, recordedByOrgId: true, createdAt: true }, orderBy: stepsOrder },
    },
  });
  if (!p) return null;
  const side: "BAILLEUR" | "RESERVATAIRE" = p.bailleurOrgId === caller.org.id ? "BAILLEUR" : "RESERVATAIRE";
  const obligations = await db.obligation.findMany({
    where: { ownerType: "NEW_PROGRAMME", ownerId: p.id, visibleToOrgIds: { has: caller.org.id } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { opensOn: "asc" }],
  });
  const steps = p.steps.map((s) => {
    const payload = s.payload as unknown as ProgrammeStepPayload;
    const candidates = payload.candidates?.map((c) => (side === "BAILLEUR" ? { ...c, householdId: null } : c));
    return { id: s.id, type: s.type, on: isoOf(s.on), recordedByOrgId: s.recordedByOrgId, payload: { ...payload, ...(candidates ? { candidates } : {}) } };
  });
  const notification = steps.find((s) => s.type === "NOTIFICATION_RECEIVED")?.payload;
  return {
    ...p, side, steps, obligations,
    receivedOn: isoOf(p.receivedOn), plannedCommissioningOn: isoOf(p.plannedCommissioningOn), commissioningOn: isoOf(p.commissioningOn), nextListDueOn: p.nextListDueOn ? isoOf(p.nextListDueOn) : null,
    documents: notification?.documents ?? [], rplsIds: notification?.rplsIds ?? [],
    progress: listProgress(programmeEvents(p.steps)),
    reservataire: p.convention.parties.find((x) => x.partyRole === "RESERVATAIRE")?.organisation.name ?? null,
    bailleur: p.convention.parties.find((x) => x.organisationId === p.bailleurOrgId)?.organisation.name ?? null,
  };
}
export type ProgrammeView = NonNullable<Awaited<ReturnType<typeof findProgramme>>>;
