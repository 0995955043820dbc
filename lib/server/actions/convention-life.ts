import "server-only";
import { mayTerminate, type ConventionEvent, type ConventionKind, type PartyRole } from "@/lib/domain";
import { formatDate, isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CONVENTION_PARAMS } from "@/lib/validation/convention-params";
import { paramsSchema } from "@/lib/validation/conventions";
import {
  STALE_MESSAGE, ZAvenantConsentInput, ZClaimRefundInput, ZAvenantDeclineInput, ZFulfilInput, ZLetterInput, ZProposeAvenantInput, ZUpdateConventionInput,
} from "@/lib/validation/convention-life";
import { ActionError, fromDomainError, NotFoundError, orgAction, type ActionCtx } from "../action";
import { today } from "../clock";
import type { Tx } from "../db";
import { notify } from "../notifications";
import { day, paramsInForce, refreshConventionObligations } from "../conventions";
import { fulfillingEvent, fulfilmentKind } from "../obligation-events";

// Issue 5: the life of a signed convention. Every change checks the convention's version (two persons
// cannot overwrite each other silently), is validated by the domain, recomputes the obligations and is
// audited, in one transaction.

/** The caller's party, after bumping the version it saw (a stale version is refused). */
async function lockConvention(tx: Tx, ctx: ActionCtx, conventionId: string, version: number, opts: { signed?: boolean } = {}) {
  const party = await tx.conventionParty.findFirst({
    where: { conventionId, organisationId: ctx.caller.org.id },
    select: { partyRole: true, convention: { select: { kind: true, parameters: true, events: { where: { type: { in: ["SIGNED", "AVENANT"] } }, select: { type: true, payload: true } } } } },
  });
  if (!party) throw new NotFoundError();
  const bumped = await tx.convention.updateMany({ where: { id: conventionId, version }, data: { version: { increment: 1 } } });
  if (bumped.count === 0) throw new ActionError(STALE_MESSAGE);
  if (opts.signed && !party.convention.events.some((e) => e.type === "SIGNED")) throw new ActionError("La convention n'est pas encore confirmée par toutes ses parties.");
  // GEN-3: the renewal rule as in force today (an avenant may have changed it).
  const inForce = paramsInForce(party.convention.parameters as Record<string, unknown>, party.convention.events, today());
  return { role: party.partyRole as PartyRole, kind: party.convention.kind as ConventionKind, renewalKind: String(inForce.renewalKind ?? "NONE") };
}

/** Stores the event, then lets the domain check the whole history (a refusal rolls everything back). */
async function record(tx: Tx, conventionId: string, e: ConventionEvent, personId: string, details?: Prisma.InputJsonValue) {
  await tx.conventionEvent.create({ data: { conventionId, type: e.type, on: day(e.on), payload: e as unknown as Prisma.InputJsonValue, details, recordedById: personId } });
  try {
    await refreshConventionObligations(tx, conventionId, today());
  } catch (err) {
    throw fromDomainError(err);
  }
}

export const updateConvention = orgAction({
  name: "conventions.update",
  roles: ["ADMIN"],
  schema: ZUpdateConventionInput,
  async handler(input, ctx) {
    await lockConvention(ctx.tx, ctx, input.conventionId, input.version);
    await ctx.tx.convention.update({ where: { id: input.conventionId }, data: { title: input.title, reference: input.reference || null, territory: input.territory || null } });
    await ctx.audit({ action: "convention.update", entityType: "Convention", entityId: input.conventionId, fields: ["title", "reference", "territory"] });
  },
});

export const fulfilObligation = orgAction({
  name: "conventions.fulfil",
  roles: ["ADMIN", "AGENT"],
  schema: ZFulfilInput,
  async handler(input, ctx) {
    const { role } = await lockConvention(ctx.tx, ctx, input.conventionId, input.version, { signed: true });
    const o = await ctx.tx.obligation.findUnique({ where: { ownerType_ownerId_key: { ownerType: "CONVENTION", ownerId: input.conventionId, key: input.key } } });
    if (!o || !o.visibleToOrgIds.includes(ctx.caller.org.id)) throw new NotFoundError();
    // RES-22: the bilan is sent with its file to every réservataire at once, from its page (lib/server/actions/annual-bilan.ts).
    if (o.key.startsWith("RES-22:bilan:")) throw new ActionError("Le bilan annuel se marque comme envoyé depuis sa page, avec le fichier, pour tous les réservataires (RES-22).");
    if (o.doneOn) throw new ActionError("Cette obligation est déjà remplie.");
    if (o.responsibleOrganisationId && o.responsibleOrganisationId !== ctx.caller.org.id) throw new ActionError("Cette obligation incombe à une autre partie de la convention.");
    if (input.on < isoOf(o.opensOn)) throw new ActionError("La date précède l'ouverture de cette obligation.", { on: [`Au plus tôt le ${isoOf(o.opensOn)}.`] });
    if (input.on > today()) throw new ActionError("Cette date est dans le futur.", { on: ["Une date passée ou aujourd'hui."] });
    const kind = fulfilmentKind(o.key);
    if (kind === "AGREED" && input.share === undefined) throw new ActionError("Indiquez la part convenue.", { share: ["Part de l'année, en %."] });
    const e = fulfillingEvent(o, input.on, { amountCents: input.amount, share: input.share, by: role });
    if (!e) throw new ActionError("Cette obligation se remplit depuis un autre écran.");
    const details = kind === "MEETING" ? { participants: input.participants ?? "", minutes: input.minutes ?? "" } : undefined;
    await record(ctx.tx, input.conventionId, e, ctx.caller.personId, details);
    await ctx.audit({ action: `convention.event.${e.type.toLowerCase()}`, entityType: "Convention", entityId: input.conventionId, fields: ["on", ...(kind === "PAYMENT" ? ["amountCents"] : []), ...(details ? ["participants", "minutes"] : [])] });
  },
});

export const recordLetter = orgAction({
  name: "conventions.letter",
  roles: ["ADMIN"],
  schema: ZLetterInput,
  async handler(input, ctx) {
    const { role, kind, renewalKind } = await lockConvention(ctx.tx, ctx, input.conventionId, input.version, { signed: true });
    if (input.on > today()) throw new ActionError("Cette date est dans le futur.", { on: ["Une date passée ou aujourd'hui."] });
    if (input.kind === "DENOUNCED" && renewalKind !== "TACIT") throw new ActionError("Cette convention n'est pas reconduite tacitement : il n'y a rien à dénoncer.");
    if ((input.kind === "MISE_EN_DEMEURE" || input.kind === "TERMINATED") && !mayTerminate(kind, role)) {
      throw new ActionError(kind === "RESERVATION_FLUX" ? "Seule la commune réservataire peut résilier cette convention (GEN-4)." : "Cette convention ne prévoit pas de résiliation par votre organisation (GEN-4).");
    }
    if (input.kind === "AVENANT_REQUESTED" && kind !== "FNAVDL") throw new ActionError("La demande d'avenant par lettre recommandée concerne les conventions FNAVDL (AVD-15).");
    await record(ctx.tx, input.conventionId, { type: input.kind, on: input.on, by: role }, ctx.caller.personId);
    await ctx.audit({ action: `convention.event.${input.kind.toLowerCase()}`, entityType: "Convention", entityId: input.conventionId, fields: ["on", "by"] });
  },
});

export const proposeAvenant = orgAction({
  name: "avenants.propose",
  roles: ["ADMIN"],
  schema: ZProposeAvenantInput,
  async handler(input, ctx) {
    const { kind } = await lockConvention(ctx.tx, ctx, input.conventionId, input.version, { signed: true });
    const spec = CONVENTION_PARAMS[kind].find((p) => p.key === input.parameter);
    if (!spec) throw new ActionError("Ce paramètre n'existe pas pour ce type de convention.", { parameter: ["Paramètre inconnu."] });
    const parsed = paramsSchema(kind).shape[spec.key].safeParse(input.value);
    if (!parsed.success) throw new ActionError(parsed.error.issues[0].message, { value: [parsed.error.issues[0].message] });
    const c = await ctx.tx.convention.findUniqueOrThrow({ where: { id: input.conventionId }, select: { startOn: true, parties: { select: { organisationId: true } }, _count: { select: { avenants: true } } } });
    if (input.effectiveOn < isoOf(c.startOn)) throw new ActionError("L'avenant ne peut prendre effet avant la convention.", { effectiveOn: ["Date antérieure au début de la convention."] });
    const a = await ctx.tx.avenant.create({
      data: {
        conventionId: input.conventionId, number: c._count.avenants + 1, reason: input.reason, effectiveOn: day(input.effectiveOn),
        changes: { [spec.key]: parsed.data } as Prisma.InputJsonValue, createdByOrgId: ctx.caller.org.id, createdById: ctx.caller.personId,
        parties: { create: c.parties.map((p) => ({ organisationId: p.organisationId, ...(p.organisationId === ctx.caller.org.id ? { confirmedAt: new Date(), confirmedById: ctx.caller.personId } : {}) })) },
      },
    });
    const title = (await ctx.tx.convention.findUniqueOrThrow({ where: { id: input.conventionId }, select: { title: true } })).title;
    await notify(ctx.tx, ctx.caller.org.id, {
      organisationIds: c.parties.map((p) => p.organisationId), kind: "CONFIRMATION_REQUESTED", title: `Avenant n° ${a.number} à confirmer : ${title}`,
      body: `Proposé par ${ctx.caller.org.name}, effet le ${formatDate(input.effectiveOn)} (${spec.label}).`, href: `/conventions/${input.conventionId}`, data: { conventionId: input.conventionId, avenantId: a.id },
    });
    await ctx.audit({ action: "avenant.propose", entityType: "Avenant", entityId: a.id, fields: ["effectiveOn", "reason", `changes.${spec.key}`] });
    return { id: a.id, number: a.number };
  },
});

async function ownAvenantParty(ctx: ActionCtx, avenantId: string) {
  const party = await ctx.tx.avenantParty.findFirst({ where: { avenantId, organisationId: ctx.caller.org.id }, include: { avenant: true } });
  if (!party) throw new NotFoundError();
  if (party.confirmedAt || party.declinedAt) throw new ActionError("Votre organisation a déjà répondu à cet avenant.");
  return party;
}

export const confirmAvenant = orgAction({
  name: "avenants.confirm",
  roles: ["ADMIN"],
  schema: ZAvenantConsentInput,
  async handler({ avenantId }, ctx) {
    const party = await ownAvenantParty(ctx, avenantId);
    await ctx.tx.avenantParty.update({ where: { id: party.id }, data: { confirmedAt: new Date(), confirmedById: ctx.caller.personId } });
    const pending = await ctx.tx.avenantParty.count({ where: { avenantId, OR: [{ confirmedAt: null }, { declinedAt: { not: null } }] } });
    const a = party.avenant;
    if (pending === 0) {
      // GEN-3: in force from its effective date; the obligations follow (recomputed now and each day).
      await ctx.tx.convention.update({ where: { id: a.conventionId }, data: { version: { increment: 1 } } });
      await record(ctx.tx, a.conventionId, { type: "AVENANT", on: today(), effectiveOn: isoOf(a.effectiveOn), changes: a.changes as Record<string, string | number | boolean | null> }, ctx.caller.personId, { avenantId, number: a.number });
    }
    await ctx.audit({ action: "avenant.confirm", entityType: "Avenant", entityId: avenantId, fields: ["parties.confirmedAt"] });
    return { inForce: pending === 0 };
  },
});

export const declineAvenant = orgAction({
  name: "avenants.decline",
  roles: ["ADMIN"],
  schema: ZAvenantDeclineInput,
  async handler({ avenantId, reason }, ctx) {
    const party = await ownAvenantParty(ctx, avenantId);
    await ctx.tx.avenantParty.update({ where: { id: party.id }, data: { declinedAt: new Date(), declinedById: ctx.caller.personId, declineReason: reason } });
    await ctx.audit({ action: "avenant.decline", entityType: "Avenant", entityId: avenantId, fields: ["parties.declinedAt", "parties.declineReason"] });
  },
});

/** Who pays, and so may claim a refund (GEN-5, AVD-16). */
export const PAYER: Record<ConventionKind, PartyRole | null> = { RELAIS: "COMMUNE", FNAVDL: "ETAT", ASLLI: "DEPARTEMENT", RESERVATION_FLUX: null, CADRE: null };

export const claimRefund = orgAction({
  name: "conventions.claimRefund",
  roles: ["ADMIN"],
  schema: ZClaimRefundInput,
  async handler(input, ctx) {
    const { role, kind } = await lockConvention(ctx.tx, ctx, input.conventionId, input.version, { signed: true });
    if (PAYER[kind] !== role) throw new ActionError("Seule la partie qui verse les fonds peut demander un remboursement.");
    if (input.on > today()) throw new ActionError("Cette date est dans le futur.", { on: ["Une date passée ou aujourd'hui."] });
    const id = `${input.on}-${Math.random().toString(36).slice(2, 6)}`;
    await record(ctx.tx, input.conventionId, { type: "REFUND_CLAIMED", on: input.on, id, amountCents: input.amount, reason: input.reason, dueOn: input.dueOn }, ctx.caller.personId);
    await ctx.audit({ action: "convention.event.refund_claimed", entityType: "Convention", entityId: input.conventionId, fields: ["on", "amountCents", "reason", "dueOn"] });
  },
});
