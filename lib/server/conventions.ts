import "server-only";
import {
  conventionDefaults, conventionEndAt, conventionObligations, conventionParamsAt, conventionTermAt, renewalWindow,
  type ConventionEvent, type ConventionInput, type ConventionKind, type IsoDate, type Obligation,
} from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConventionStatus } from "@/lib/labels";
import type { Db, Tx } from "./db";

// The bridge between stored facts (Convention, ConventionParty, ConventionEvent) and the domain's
// convention engine; writes the Obligation read model (ARCHITECTURE "Obligations are a stored read model").

export const day = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

type StoredConvention = {
  id: string; kind: ConventionKind; startOn: Date; parameters: Prisma.JsonValue;
  parties: { organisationId: string; partyRole: string; confirmedAt: Date | null; declinedAt: Date | null }[];
};

/** GEN-3: the stored parameters the domain engine knows, typed as it wants them. */
export function domainInput(c: Pick<StoredConvention, "kind" | "startOn" | "parameters">): ConventionInput {
  const stored = (c.parameters ?? {}) as Record<string, unknown>;
  const params: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(conventionDefaults(c.kind))) {
    if (!(key in stored)) continue;
    let v = stored[key] as string | number | boolean | null;
    if (key === "renewalKind" && v === "AVENANT") v = "NONE"; // renewal by avenant: no tacit renewal
    if (key === "months" && typeof v === "string") v = Number(v);
    params[key] = v;
  }
  return { kind: c.kind, startOn: isoOf(c.startOn), params } as ConventionInput;
}

/**
 * The stored events as the domain reads them. An avenant may change parameters the domain does not
 * know (they matter to the case engines and the page); the domain receives only its own.
 */
export function storedEvents(rows: { payload: Prisma.JsonValue }[], kind?: ConventionKind): ConventionEvent[] {
  const known = kind ? new Set(Object.keys(conventionDefaults(kind))) : null;
  return rows.map((r) => {
    const e = r.payload as unknown as ConventionEvent;
    if (e.type !== "AVENANT" || !known) return e;
    const changes = Object.fromEntries(Object.entries(e.changes).filter(([k]) => known.has(k)).map(([k, v]) => [k, k === "months" && typeof v === "string" ? Number(v) : v]));
    return { ...e, changes };
  });
}

/** GEN-3: every parameter (the domain's and the others) as in force at `at`. */
export function paramsInForce(stored: Record<string, unknown>, rows: { payload: Prisma.JsonValue }[], at: IsoDate): Record<string, unknown> {
  const out = { ...stored };
  const avenants = rows.map((r) => r.payload as unknown as ConventionEvent).flatMap((e) => (e.type === "AVENANT" ? [e] : []))
    .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  for (const a of avenants) if (a.effectiveOn <= at) Object.assign(out, a.changes);
  return out;
}

export type BilanShare = { share: number | null; source: "AGREED" | "CONVENTION" | null };

/** RES-11: the share agreed for the year (the last record wins); for the convention's first year, the convention's own figure. */
export function shareOfYear(c: { startOn: Date; parameters: unknown; events: { type: string; payload: unknown }[] }, year: number): BilanShare {
  let agreed: number | null = null;
  for (const e of c.events) {
    const p = e.payload as { year?: unknown; share?: unknown };
    if (e.type === "SHARE_AGREED" && p.year === year && typeof p.share === "number") agreed = p.share;
  }
  if (agreed !== null) return { share: agreed, source: "AGREED" };
  if (c.startOn.getUTCFullYear() === year) {
    const params = paramsInForce((c.parameters ?? {}) as Record<string, unknown>, c.events as never, `${year}-01-01`);
    if (typeof params.objectiveCap === "number") return { share: params.objectiveCap, source: "CONVENTION" };
  }
  return { share: null, source: null };
}

export type ConventionView = {
  status: ConventionStatus; endOn: IsoDate; params: Record<string, unknown>;
  /** GEN-2: a tacitly renewable period can be denounced until its last day; then the next period's end. */
  renewal: { denounceBy: IsoDate | null; nextPeriodEndOn: IsoDate | null };
};

/** Status and end in force, derived from the stored facts and today (never stored). */
export function conventionView(c: StoredConvention, rows: { payload: Prisma.JsonValue }[], today: IsoDate): ConventionView {
  const input = domainInput(c);
  const events = storedEvents(rows, c.kind);
  const at = today < input.startOn ? input.startOn : today;
  const endOn = conventionEndAt(input, events, at);
  const { denounceBy, nextPeriodEndOn } = renewalWindow(conventionTermAt(input, events, at), at);
  const params = { ...paramsInForce((c.parameters ?? {}) as Record<string, unknown>, rows, today), ...conventionParamsAt(input, events, today) };
  let status: ConventionStatus;
  const terminated = events.find((e) => e.type === "TERMINATED");
  if (c.parties.some((p) => p.declinedAt)) status = "REFUSEE";
  else if (c.parties.some((p) => !p.confirmedAt) || !events.some((e) => e.type === "SIGNED")) status = "PROJET";
  else if (terminated && terminated.on < today) status = "RESILIEE";
  else if (today < input.startOn) status = "A_VENIR";
  else if (today > endOn) status = "ECHUE";
  else if (events.some((e) => e.type === "DENOUNCED")) status = "DENONCEE";
  else status = "EN_VIGUEUR";
  const renewable = status === "EN_VIGUEUR" || status === "A_VENIR";
  return { status, endOn, params, renewal: renewable ? { denounceBy, nextPeriodEndOn } : { denounceBy: null, nextPeriodEndOn: null } };
}

/** Maps the domain's responsible role to the party that must act (null: all the parties). */
function responsibleOrg(o: Obligation, parties: StoredConvention["parties"]): string | null {
  if (o.responsible === "PARTIES") return null;
  const matches = parties.filter((p) => p.partyRole === o.responsible);
  return matches.length === 1 ? matches[0].organisationId : null;
}

/**
 * Stores an owner's obligations as the engine returned them: upsert by (owner, key), delete the keys it
 * no longer returns. Returns the earliest open due date (the case list's sort key).
 */
export async function writeObligations(
  tx: Tx,
  owner: { ownerType: "CONVENTION" | "CASE" | "VACANCY" | "NEW_PROGRAMME"; ownerId: string; conventionId: string; parties: StoredConvention["parties"]; visibleToOrgIds: string[] },
  obligations: Obligation[],
): Promise<IsoDate | null> {
  const keys = obligations.map((o) => o.key);
  await tx.obligation.deleteMany({ where: { ownerType: owner.ownerType, ownerId: owner.ownerId, key: { notIn: keys } } });
  let next: IsoDate | null = null;
  for (const o of obligations) {
    const data = {
      conventionId: owner.conventionId, rule: o.rule, messageKey: o.messageKey,
      opensOn: day(o.opensOn), dueOn: o.dueOn ? day(o.dueOn) : null, doneOn: o.doneOn ? day(o.doneOn) : null, closesOn: o.closesOn ? day(o.closesOn) : null,
      optional: o.optional, amountCents: o.amountCents, periodKey: o.period, responsibleRole: o.responsible,
      responsibleOrganisationId: responsibleOrg(o, owner.parties), visibleToOrgIds: owner.visibleToOrgIds,
    };
    await tx.obligation.upsert({
      where: { ownerType_ownerId_key: { ownerType: owner.ownerType, ownerId: owner.ownerId, key: o.key } },
      create: { ownerType: owner.ownerType, ownerId: owner.ownerId, key: o.key, ...data },
      update: data,
    });
    if (!o.doneOn && !o.optional && o.dueOn && (next === null || o.dueOn < next)) next = o.dueOn;
  }
  return next;
}

/**
 * Recomputes and stores a convention's obligations at `today`. Called in the transaction of the change,
 * and lazily when a page sees that they were computed on another day (new periods appear as time passes).
 */
export async function refreshConventionObligations(tx: Tx, conventionId: string, today: IsoDate): Promise<void> {
  const c = await tx.convention.findUniqueOrThrow({
    where: { id: conventionId },
    select: { id: true, kind: true, startOn: true, parameters: true, parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } }, events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] } },
  });
  const obligations = conventionObligations(domainInput(c), storedEvents(c.events, c.kind), today);
  await writeObligations(tx, { ownerType: "CONVENTION", ownerId: c.id, conventionId: c.id, parties: c.parties, visibleToOrgIds: c.parties.map((p) => p.organisationId) }, obligations);
  await tx.convention.update({ where: { id: c.id }, data: { obligationsComputedOn: day(today) } });
}

/** The obligations of a convention the caller's organisation may see, soonest first. */
export async function conventionObligationRows(db: Db, conventionId: string, orgId: string) {
  const rows = await db.obligation.findMany({
    where: { ownerType: "CONVENTION", ownerId: conventionId, visibleToOrgIds: { has: orgId } },
    orderBy: [{ doneOn: { sort: "desc", nulls: "first" } }, { dueOn: { sort: "asc", nulls: "last" } }, { opensOn: "asc" }],
  });
  // Open items by the date that matters (due date, or the last day of an option), done items latest first.
  const when = (o: (typeof rows)[number]) => (o.dueOn ?? o.closesOn)?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => (a.doneOn || b.doneOn ? (b.doneOn?.getTime() ?? Infinity) - (a.doneOn?.getTime() ?? Infinity) : when(a) - when(b)));
}
