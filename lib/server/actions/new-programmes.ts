import "server-only";
import { normaliseNur, type NewProgrammeEvent } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZNotifyFailureInput, ZNotifyProgrammeInput, ZPostponeInput, ZSendListInput } from "@/lib/validation/new-programmes";
import { ActionError, fromDomainError, NotFoundError, orgAction, type ActionCtx } from "../action";
import { today } from "../clock";
import { day } from "../conventions";
import { resolveCandidates } from "./candidates";
import { listProgress, programmeEvents, programmeScope, refreshProgramme, type ProgrammeCandidate } from "../new-programmes";

// New programmes (issue 10 part 5, RES-21): the bailleur records the notification and the day the réservataire
// received it; the réservataire sends its list of candidates within 30 days; the bailleur may notify the failure of a
// list (another within 15 days) and records each postponement of the commissioning date, which informs the commune.
// Each step is a NewProgrammeStep whose payload is the domain NewProgrammeEvent plus its extras; the read model and
// the obligations are recomputed in the same transaction. These first lettings are outside the flux count (RES-13).

const refuseFuture = (on: string, field = "on") => {
  if (on > today()) throw new ActionError("Cette date est dans le futur.", { [field]: ["Une date passée ou aujourd'hui."] });
};

/** The programme, locked for the transaction; 404 unless the caller is one of the convention's two parties (ACC-1). */
async function lockProgramme(ctx: ActionCtx, programmeId: string) {
  await ctx.tx.$queryRaw`SELECT id FROM "NewProgramme" WHERE id = ${programmeId} FOR UPDATE`;
  const p = await ctx.tx.newProgramme.findFirst({
    where: { AND: [{ id: programmeId }, programmeScope(ctx.caller)] },
    select: {
      id: true, bailleurOrgId: true, conventionId: true, commissioningOn: true,
      convention: { select: { parties: { select: { organisationId: true } } } },
      steps: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!p) throw new NotFoundError();
  const events = programmeEvents(p.steps);
  return { ...p, side: p.bailleurOrgId === ctx.caller.org.id ? "BAILLEUR" : "RESERVATAIRE", events, progress: listProgress(events) };
}

function requireSide(p: { side: string }, side: "BAILLEUR" | "RESERVATAIRE", message: string) {
  if (p.side !== side) throw new ActionError(message);
}

async function addStep(ctx: ActionCtx, programmeId: string, event: NewProgrammeEvent, extra: Record<string, unknown> = {}) {
  await ctx.tx.newProgrammeStep.create({
    data: { programmeId, type: event.type, on: day(event.on), payload: { ...event, ...extra } as Prisma.InputJsonValue, recordedById: ctx.caller.personId, recordedByOrgId: ctx.caller.org.id },
  });
  try { await refreshProgramme(ctx.tx, programmeId, today()); } catch (e) { throw fromDomainError(e); }
}

export const notifyProgramme = orgAction({
  name: "programmes.notify",
  roles: ["ADMIN", "AGENT"],
  schema: ZNotifyProgrammeInput,
  async handler(input, ctx) {
    const conv = await ctx.tx.convention.findFirst({
      where: { id: input.conventionId, kind: "RESERVATION_FLUX", parties: { some: { organisationId: ctx.caller.org.id } } },
      select: { id: true, parties: { select: { organisationId: true, partyRole: true } }, events: { where: { type: "SIGNED" }, select: { id: true } } },
    });
    if (!conv) throw new NotFoundError();
    if (!conv.parties.some((x) => x.organisationId === ctx.caller.org.id && x.partyRole === "BAILLEUR")) {
      throw new ActionError("Seul le bailleur notifie un programme neuf à ses réservataires (RES-21).");
    }
    if (conv.events.length === 0) throw new ActionError("La convention n'est pas encore confirmée par toutes ses parties.");
    refuseFuture(input.receivedOn, "receivedOn");
    const rplsIds = [...new Set(input.rplsIds.split(/[\s,;]+/).map((x) => x.toUpperCase()).filter(Boolean))];
    if (rplsIds.length > input.dwellings) {
      throw new ActionError("Plus d'identifiants RPLS que de logements dans le programme.", { rplsIds: [`${input.dwellings} identifiant(s) au plus.`] });
    }
    const p = await ctx.tx.newProgramme.create({
      data: {
        conventionId: conv.id, bailleurOrgId: ctx.caller.org.id, name: input.name, programmeKind: input.programmeKind, addressLine: input.addressLine, postcode: input.postcode,
        commune: input.commune, dwellings: input.dwellings, plannedCommissioningOn: day(input.commissioningOn), commissioningOn: day(input.commissioningOn),
        receivedOn: day(input.receivedOn), createdById: ctx.caller.personId,
      },
    });
    await addStep(ctx, p.id, { type: "NOTIFICATION_RECEIVED", on: input.receivedOn }, { documents: [...new Set(input.documents)], rplsIds, commissioningOn: input.commissioningOn });
    await ctx.audit({ action: "programme.notify", entityType: "NewProgramme", entityId: p.id, fields: ["conventionId", "name", "programmeKind", "address", "dwellings", "commissioningOn", "receivedOn", "documents", ...(rplsIds.length ? ["rplsIds"] : [])] });
    return { id: p.id };
  },
});

export const sendProgrammeList = orgAction({
  name: "programmes.sendList",
  roles: ["ADMIN", "AGENT"],
  schema: ZSendListInput,
  async handler(input, ctx) {
    const p = await lockProgramme(ctx, input.programmeId);
    requireSide(p, "RESERVATAIRE", "Seul le réservataire transmet une liste de candidats (RES-21).");
    refuseFuture(input.on);
    if (p.progress.openSince === null) throw new ActionError("Une liste a déjà été transmise : une nouvelle liste suit la notification d'un échec par le bailleur (RES-21).");
    if (input.on < p.progress.openSince) throw new ActionError("La liste ne peut précéder la notification à laquelle elle répond.", { on: ["Une date à partir de la notification."] });
    const candidates: ProgrammeCandidate[] = await resolveCandidates(ctx, input.candidates, "la liste");
    const list = p.progress.sent + 1;
    await addStep(ctx, p.id, { type: "LIST_SENT", on: input.on }, { list, candidates, ...(input.note ? { note: input.note } : {}) });
    await ctx.audit({ action: "programme.sendList", entityType: "NewProgramme", entityId: p.id, fields: ["on", "candidates", ...(input.note ? ["note"] : [])] });
    return { list };
  },
});

export const notifyProgrammeFailure = orgAction({
  name: "programmes.notifyFailure",
  roles: ["ADMIN", "AGENT"],
  schema: ZNotifyFailureInput,
  async handler(input, ctx) {
    const p = await lockProgramme(ctx, input.programmeId);
    requireSide(p, "BAILLEUR", "L'échec d'une liste est notifié par le bailleur (RES-21).");
    refuseFuture(input.on);
    if (p.progress.lastSentOn === null) throw new ActionError("Aucune liste transmise n'attend de réponse : l'échec se notifie après une liste.");
    if (input.on < p.progress.lastSentOn) throw new ActionError("L'échec ne peut précéder la liste à laquelle il répond.", { on: ["Une date à partir de l'envoi de la liste."] });
    await addStep(ctx, p.id, { type: "FAILURE_NOTIFIED", on: input.on }, { list: p.progress.sent, reason: input.reason });
    await ctx.audit({ action: "programme.notifyFailure", entityType: "NewProgramme", entityId: p.id, fields: ["on", "reason"] });
  },
});

export const postponeProgramme = orgAction({
  name: "programmes.postpone",
  roles: ["ADMIN", "AGENT"],
  schema: ZPostponeInput,
  async handler(input, ctx) {
    const p = await lockProgramme(ctx, input.programmeId);
    requireSide(p, "BAILLEUR", "Le report de la mise en service est enregistré par le bailleur (RES-21).");
    refuseFuture(input.on);
    const previous = p.commissioningOn.toISOString().slice(0, 10);
    if (input.commissioningOn <= previous) {
      throw new ActionError("Un report repousse la date de mise en service : choisissez une date postérieure à celle en vigueur.", { commissioningOn: [`Après la date en vigueur.`] });
    }
    // RES-21: the bailleur informs the commune; the step records who was informed and when (the réservataire's side).
    const informedOrgIds = p.convention.parties.map((x) => x.organisationId).filter((id) => id !== p.bailleurOrgId);
    await addStep(ctx, p.id, { type: "COMMISSIONING_POSTPONED", on: input.on, commissioningOn: input.commissioningOn }, { previousCommissioningOn: previous, informedOrgIds, ...(input.reason ? { reason: input.reason } : {}) });
    await ctx.audit({ action: "programme.postpone", entityType: "NewProgramme", entityId: p.id, fields: ["on", "commissioningOn", ...(input.reason ? ["reason"] : [])] });
    return { commissioningOn: input.commissioningOn };
  },
});
