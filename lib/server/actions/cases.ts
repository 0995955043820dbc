import "server-only";
import { assertRelaisReferralAllowed, relaisRedevanceCents, type RelaisCaseEvent } from "@/lib/domain";
import type { ConventionKind, Prisma } from "@/lib/generated/prisma/client";
import { ZCaseEventInput, ZEditTextInput, ZReferInput, ZSetReferentInput, ZShowSocialDetailInput, type CaseEventType } from "@/lib/validation/cases";
import { ActionError, fromDomainError, NotFoundError, orgAction, type ActionCtx } from "../action";
import { today } from "../clock";
import { day, paramsInForce } from "../conventions";
import { caseScope, partyCaseScope, refreshCaseObligations, textSections } from "../cases";
import { notify } from "../notifications";
import { textKindSpec } from "@/lib/validation/case-texts";

// Relais cases (REL-1..8, ACC-1..3). Referrals of one convention are serialised by a row lock on the
// convention (REL-1 quota under concurrency); events of one case by a row lock on the case, so two workers
// recording at once both keep their event and the domain checks each sequence.

export const referCase = orgAction({
  name: "cases.refer",
  roles: ["ADMIN", "AGENT"],
  schema: ZReferInput,
  async handler(input, { caller, tx, audit }) {
    await tx.$queryRaw`SELECT id FROM "Convention" WHERE id = ${input.conventionId} FOR UPDATE`;
    const conv = await tx.convention.findFirst({
      where: { id: input.conventionId, kind: "RELAIS", parties: { some: { organisationId: caller.org.id } } },
      select: { parameters: true, parties: { select: { organisationId: true, partyRole: true } }, events: { where: { type: { in: ["SIGNED", "AVENANT"] } }, select: { type: true, payload: true } } },
    });
    if (!conv) throw new NotFoundError();
    if (conv.parties.find((p) => p.organisationId === caller.org.id)?.partyRole !== "COMMUNE") throw new ActionError("Seule la Ville oriente un ménage vers l'association (REL-1).");
    if (!conv.events.some((e) => e.type === "SIGNED")) throw new ActionError("La convention n'est pas encore confirmée par toutes ses parties.");
    if (input.referredOn > today()) throw new ActionError("La date de saisine est dans le futur.", { referredOn: ["Une date passée ou aujourd'hui."] });
    const household = await tx.household.findFirst({ where: { id: input.householdId, organisationId: caller.org.id }, select: { id: true } });
    if (!household) throw new NotFoundError();
    const referent = await tx.membership.findFirst({ where: { organisationId: caller.org.id, personId: input.referentPersonId }, select: { personId: true } });
    if (!referent) throw new ActionError("Le référent doit être membre de votre organisation.", { referentPersonId: ["Choisissez un membre de votre organisation."] });
    // REL-1: diagnostic requests per convention year (the calendar year), quota as in force that day.
    const year = Number(input.referredOn.slice(0, 4));
    const quota = Number(paramsInForce(conv.parameters as Record<string, unknown>, conv.events, input.referredOn).referralQuota ?? 3);
    const count = await tx.case.count({ where: { conventionId: input.conventionId, quotaYear: year } });
    try { assertRelaisReferralAllowed(count, quota); } catch (e) { throw fromDomainError(e); }
    const event: RelaisCaseEvent = { type: "REFERRAL", on: input.referredOn };
    const c = await tx.case.create({
      data: {
        kind: "RELAIS", conventionId: input.conventionId, householdId: household.id, createdByOrgId: caller.org.id, quotaYear: year, quotaRank: count + 1,
        referents: { create: { organisationId: caller.org.id, personId: referent.personId } },
        events: { create: { type: event.type, on: day(event.on), payload: event, recordedById: caller.personId, recordedByOrgId: caller.org.id } },
      },
    });
    await refreshCaseObligations(tx, c.id, today());
    await audit({ action: "case.refer", entityType: "Case", entityId: c.id, fields: ["householdId", "conventionId", "referredOn", "referent"] });
    return { id: c.id };
  },
});

const ASSOCIATION_EVENTS: CaseEventType[] = ["DIAGNOSTIC", "ENTRY", "CONTRACT_SENT", "VISIT", "INTERMEDIATE_BILAN_SENT", "FINAL_BILAN_SENT"];

/**
 * The case (locked against concurrent writes), the caller's role in its convention and the convention's
 * parties; 404 when the caller's organisation is not a party (ACC-1) or the case is of another kind.
 */
export async function lockCase(ctx: ActionCtx, caseId: string, kind?: ConventionKind) {
  await ctx.tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${caseId} FOR UPDATE`;
  const c = await ctx.tx.case.findFirst({
    where: { AND: [{ id: caseId, ...(kind ? { kind } : {}) }, partyCaseScope(ctx.caller)] },
    select: {
      id: true, householdId: true, conventionId: true, sharedWithOrgIds: true, referents: { select: { personId: true, organisationId: true } },
      convention: { select: { parameters: true, events: { where: { type: "AVENANT" }, select: { payload: true } }, parties: { select: { organisationId: true, partyRole: true } } } },
    },
  });
  if (!c) throw new NotFoundError();
  const role = c.convention.parties.find((p) => p.organisationId === ctx.caller.org.id)!.partyRole;
  const orgOf = (r: string) => c.convention.parties.find((p) => p.partyRole === r)?.organisationId ?? null;
  return { ...c, role, commune: orgOf("COMMUNE")!, orgOf };
}

/** Records one domain event of a case, with its extra payload fields, by the caller. */
export async function addCaseEvent(ctx: ActionCtx, caseId: string, event: { type: string; on: string }, extra: Record<string, unknown> = {}) {
  return ctx.tx.caseEvent.create({
    data: { caseId, type: event.type, on: day(event.on), payload: { ...event, ...extra } as Prisma.InputJsonValue, recordedById: ctx.caller.personId, recordedByOrgId: ctx.caller.org.id },
  });
}

/** A social-detail text written by the caller's organisation; when sent, visible to its recipients (ACC-2), audited. */
export async function addCaseText(ctx: ActionCtx, x: { caseId: string; kind: string; eventId: string; sections: Record<string, unknown>; sentTo: string[]; on: string }) {
  const t = await ctx.tx.caseText.create({
    data: { caseId: x.caseId, kind: x.kind, eventId: x.eventId, sections: x.sections as Prisma.InputJsonValue, authorOrgId: ctx.caller.org.id, authorId: ctx.caller.personId, sentToOrgIds: x.sentTo, sentOn: x.sentTo.length ? day(x.on) : null },
  });
  if (x.sentTo.length) {
    await ctx.audit({ action: "case.text.sent", entityType: "CaseText", entityId: t.id, fields: ["sentToOrgIds"] });
    // Issue 12: the recipient organisation is told (REL-6..8, ASL-5, ASL-10, AVD-7): the document's kind and the
    // household's name, which the recipient sees on the case anyway; never the text itself.
    const c = await ctx.tx.case.findUniqueOrThrow({ where: { id: x.caseId }, select: { household: { select: { referenceFirstName: true, referenceLastName: true } } } });
    await notify(ctx.tx, ctx.caller.org.id, {
      organisationIds: x.sentTo, kind: "DOCUMENT_RECEIVED", title: `Reçu : ${textKindSpec(x.kind).label} — ${c.household.referenceLastName} ${c.household.referenceFirstName}`,
      body: `Transmis par ${ctx.caller.org.name}.`, href: `/dossiers/${x.caseId}`, data: { caseId: x.caseId, textKind: x.kind },
    });
  }
  return t;
}

/** Recomputes the case's obligations; a domain refusal (impossible sequence…) rolls the whole change back, in French. */
export async function refreshOrRefuse(ctx: ActionCtx, caseId: string) {
  try { await refreshCaseObligations(ctx.tx, caseId, today()); } catch (e) { throw fromDomainError(e); }
}

export function refuseFutureDate(on: string, field = "on") {
  if (on > today()) throw new ActionError("Cette date est dans le futur.", { [field]: ["Une date passée ou aujourd'hui."] });
}

export const recordCaseEvent = orgAction({
  name: "cases.recordEvent",
  roles: ["ADMIN", "AGENT"],
  schema: ZCaseEventInput,
  async handler(input, ctx) {
    const c = await lockCase(ctx, input.caseId, "RELAIS");
    if (ASSOCIATION_EVENTS.includes(input.type) && c.role !== "ASSOCIATION") throw new ActionError("Cette étape est enregistrée par l'association (REL-2 à REL-8).");
    if (input.type === "DWELLING_PROPOSED" && c.role !== "COMMUNE") throw new ActionError("Seule la Ville propose un logement de ses réservations (REL-5).");
    refuseFutureDate(input.on);
    const payload: RelaisCaseEvent =
      input.type === "DECISION" ? { type: "DECISION", on: input.on, entry: input.entry }
      : input.type === "END" ? { type: "END", on: input.on, outcome: input.outcome }
      : ({ type: input.type, on: input.on } as RelaisCaseEvent);
    const ev = await addCaseEvent(ctx, c.id, payload, input.type === "VISIT" ? { checklist: input.checklist } : {});
    // Social detail goes to CaseText; documents the texts send go to the Ville (ACC-2), audited.
    let text: { kind: string; sections: Record<string, unknown>; sentTo: string[] } | null = null;
    if (input.type === "DIAGNOSTIC") {
      const redevanceCents = input.rentWithApl ? null : relaisRedevanceCents(input.monthlyIncome);
      text = { kind: "DIAGNOSTIC", sections: { ...input.sections, monthlyIncomeCents: input.monthlyIncome, rentWithApl: input.rentWithApl, redevanceCents }, sentTo: [] };
    } else if (input.type === "CONTRACT_SENT") text = { kind: "CONTRACT", sections: { signed: true }, sentTo: [c.commune] };
    else if (input.type === "INTERMEDIATE_BILAN_SENT" || input.type === "FINAL_BILAN_SENT") {
      text = { kind: input.type === "FINAL_BILAN_SENT" ? "FINAL_BILAN" : "INTERMEDIATE_BILAN", sections: { text: input.text }, sentTo: [c.commune] };
    }
    if (text) await addCaseText(ctx, { caseId: c.id, eventId: ev.id, on: input.on, ...text });
    await refreshOrRefuse(ctx, c.id);
    await ctx.audit({ action: `case.event.${input.type.toLowerCase()}`, entityType: "Case", entityId: c.id, fields: ["on", ...Object.keys(input).filter((k) => !["caseId", "on", "type"].includes(k))] });
    return { eventId: ev.id };
  },
});

/** ACC-2/ACC-3: the social detail, only on this explicit request; each display leaves one audit event. */
export const showSocialDetail = orgAction({
  name: "cases.showSocialDetail",
  roles: ["ADMIN", "AGENT", "READER"],
  schema: ZShowSocialDetailInput,
  async handler({ caseId }, { caller, tx, audit }) {
    const c = await tx.case.findFirst({
      where: { AND: [{ id: caseId }, caseScope(caller)] },
      select: {
        kind: true, referents: { select: { personId: true } }, convention: { select: { parties: { select: { organisationId: true, partyRole: true } } } },
        texts: { select: { id: true, kind: true, sections: true, authorOrgId: true, sentToOrgIds: true, sentOn: true, version: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!c) throw new NotFoundError();
    const partyRole = c.convention.parties.find((p) => p.organisationId === caller.org.id)?.partyRole ?? null;
    // ACC-2/ASL-12: each text cut to the sections the caller may read; nothing else leaves the server.
    const texts = c.texts.flatMap((t) => {
      const keys = textSections(caller, t, { kind: c.kind, referents: c.referents, partyRole });
      if (keys === null || (keys !== "ALL" && keys.length === 0)) return [];
      const all = t.sections as Record<string, unknown>;
      const sections = keys === "ALL" ? all : Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]));
      return [{ ...t, sections, partial: keys !== "ALL" }];
    });
    await audit({ action: "case.socialDetail.read", entityType: "Case", entityId: caseId, fields: [...new Set(texts.map((t) => t.kind))] });
    return texts.map((t) => ({ ...t, editable: t.authorOrgId === caller.org.id && caller.role !== "READER", createdAt: t.createdAt.toISOString(), sentOn: t.sentOn?.toISOString().slice(0, 10) ?? null }));
  },
});

export const editCaseText = orgAction({
  name: "cases.editText",
  roles: ["ADMIN", "AGENT"],
  schema: ZEditTextInput,
  async handler(input, { caller, tx, audit }) {
    const t = await tx.caseText.findFirst({ where: { id: input.textId, authorOrgId: caller.org.id, case: partyCaseScope(caller) }, select: { id: true, sections: true } });
    if (!t) throw new NotFoundError();
    const r = await tx.caseText.updateMany({ where: { id: t.id, version: input.version }, data: { sections: { ...(t.sections as object), ...input.sections }, version: { increment: 1 } } });
    if (r.count === 0) throw new ActionError("Ce texte vient d'être modifié par une autre personne. Rechargez-le : votre saisie reste dans le formulaire.");
    await audit({ action: "case.text.edit", entityType: "CaseText", entityId: t.id, fields: Object.keys(input.sections).map((k) => `sections.${k}`) });
  },
});

export const setCaseReferent = orgAction({
  name: "cases.setReferent",
  roles: ["ADMIN", "AGENT"],
  schema: ZSetReferentInput,
  async handler({ caseId, personId }, ctx) {
    const c = await lockCase(ctx, caseId);
    const member = await ctx.tx.membership.findFirst({ where: { organisationId: ctx.caller.org.id, personId }, select: { id: true } });
    if (!member) throw new ActionError("Le référent doit être membre de votre organisation.", { personId: ["Choisissez un membre de votre organisation."] });
    await ctx.tx.caseReferent.upsert({ where: { caseId_organisationId: { caseId: c.id, organisationId: ctx.caller.org.id } }, create: { caseId: c.id, organisationId: ctx.caller.org.id, personId }, update: { personId } });
    await ctx.audit({ action: "case.referent", entityType: "Case", entityId: c.id, fields: ["referent"] });
  },
});
