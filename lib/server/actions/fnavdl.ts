import "server-only";
import { assertPrescriptionAllowed, isDomainError, periodOf, type FnavdlCaseEvent, type Prescriber } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { PRESCRIBER_CAP_PARAM, PRESCRIBER_LABELS, ZFnavdlEventInput, ZFnavdlPrescribeInput } from "@/lib/validation/fnavdl";
import { ActionError, fromDomainError, orgAction, type ActionCtx } from "../action";
import { day } from "../conventions";
import { assertInConventionPeriod, lockConventionForCase, nextCaseRank, ownHouseholdAndReferent } from "./case-common";
import { addCaseEvent, addCaseText, lockCase, refreshOrRefuse, refuseFutureDate } from "./cases";

// FNAVDL cases (issue 7, AVD-6..14): prescription to outcome. The association's social workers record the
// steps; the État (préfecture) may record a prescription of its services or of the commission de médiation,
// and the bailleur's notice to the préfet (AVD-11). Steps of one case are serialised by a row lock on the case,
// prescriptions of one convention by a row lock on the convention (AVD-6 caps).

export const prescribeFnavdl = orgAction({
  name: "fnavdl.prescribe",
  roles: ["ADMIN", "AGENT"],
  schema: ZFnavdlPrescribeInput,
  async handler(input, ctx) {
    const { conv, view, role, params } = await lockConventionForCase(ctx, input.conventionId, "FNAVDL");
    if (role !== "ASSOCIATION" && role !== "ETAT") throw new ActionError("Seules les parties à la convention FNAVDL enregistrent une prescription.");
    assertInConventionPeriod(input.prescribedOn, conv, view, "prescribedOn");
    const p = params(input.prescribedOn);
    const dalo = p.publicKind === "DALO";
    if (input.bailGlissant && !(Array.isArray(p.actions) && p.actions.includes("BAIL_GLISSANT"))) {
      throw new ActionError("La convention ne prévoit pas de baux glissants (AVD-1).", { bailGlissant: ["Action non prévue par la convention."] });
    }
    if (input.comedMeasure && !dalo) {
      throw new ActionError("La décision de la commission de médiation vaut prescription de la mesure pour les publics DALO seulement (AVD-6).", { comedMeasure: ["Réservé aux conventions pour les ménages DALO."] });
    }
    const { householdId, referentPersonId } = await ownHouseholdAndReferent(ctx, input.householdId, input.referentPersonId);
    // AVD-6: caps per prescriber category and convention year (never for the commission de médiation).
    const year = periodOf({ unit: "ANCHORED", anchor: conv.startOn.toISOString().slice(0, 10), months: 12, prefix: "Y" }, input.prescribedOn, "AVD-6");
    const caps: Partial<Record<Prescriber, number>> = {};
    for (const [prescriber, key] of Object.entries(PRESCRIBER_CAP_PARAM)) if (typeof p[key] === "number") caps[prescriber as Prescriber] = p[key] as number;
    const prescriptionsThisYear = await ctx.tx.caseEvent.count({
      where: { type: "PRESCRIPTION", on: { gte: day(year.startOn), lte: day(year.endOn) }, case: { conventionId: conv.id }, payload: { path: ["prescriber"], equals: input.prescriber } },
    });
    try {
      assertPrescriptionAllowed({ prescriber: input.prescriber, motivated: input.motivation.length > 0, prescriptionsThisYear, caps });
    } catch (e) {
      if (isDomainError(e) && e.code === "CAP_REACHED") {
        const msg = `Le plafond de ${caps[input.prescriber]} prescriptions par an fixé pour « ${PRESCRIBER_LABELS[input.prescriber]} » est atteint pour l'année ${year.key} de la convention (du ${formatDate(year.startOn)} au ${formatDate(year.endOn)}) (AVD-6).`;
        throw new ActionError(msg, { prescriber: [msg] });
      }
      throw fromDomainError(e);
    }
    const measure = input.comedMeasure && input.intensity && typeof input.plannedMonths === "number" ? { intensity: input.intensity, plannedMonths: input.plannedMonths } : null;
    const event: FnavdlCaseEvent = { type: "PRESCRIPTION", on: input.prescribedOn, prescriber: input.prescriber, motivated: input.motivation.length > 0, bailGlissant: input.bailGlissant, measure };
    const calendarYear = Number(input.prescribedOn.slice(0, 4));
    const c = await ctx.tx.case.create({
      data: {
        kind: "FNAVDL", conventionId: conv.id, householdId, createdByOrgId: ctx.caller.org.id, quotaYear: calendarYear, quotaRank: await nextCaseRank(ctx, conv.id, calendarYear),
        referents: { create: { organisationId: ctx.caller.org.id, personId: referentPersonId } },
      },
    });
    const ev = await addCaseEvent(ctx, c.id, event);
    if (input.motivation) await addCaseText(ctx, { caseId: c.id, kind: "FNAVDL_MOTIVATION", eventId: ev.id, sections: { text: input.motivation }, sentTo: [], on: input.prescribedOn });
    await refreshOrRefuse(ctx, c.id);
    await ctx.audit({ action: "case.fnavdl.prescribe", entityType: "Case", entityId: c.id, fields: ["householdId", "conventionId", "prescribedOn", "prescriber", "bailGlissant", ...(measure ? ["measure"] : []), "referent"] });
    return { id: c.id };
  },
});

/** The steps the État may record; every other step is the association's. */
const ETAT_EVENTS = new Set(["CONSENT", "BAILLEUR_NOTICE"]);

/** An organisation the association sends a document to (another association, AVD-7 / AVD-9), or a refusal. */
async function recipientAssociation(ctx: ActionCtx, orgId: string | null, field: string): Promise<string[]> {
  if (!orgId || orgId === ctx.caller.org.id) return [];
  const org = await ctx.tx.organisation.findFirst({ where: { id: orgId, kind: "ASSOCIATION" }, select: { id: true } });
  if (!org) throw new ActionError("Choisissez une association de l'annuaire.", { [field]: ["Choisissez une association de l'annuaire."] });
  return [org.id];
}

export const recordFnavdlEvent = orgAction({
  name: "fnavdl.recordEvent",
  roles: ["ADMIN", "AGENT"],
  schema: ZFnavdlEventInput,
  async handler(input, ctx) {
    const c = await lockCase(ctx, input.caseId, "FNAVDL");
    if (c.role !== "ASSOCIATION" && !(c.role === "ETAT" && ETAT_EVENTS.has(input.type))) {
      throw new ActionError("Cette étape est enregistrée par l'association qui accompagne le ménage (AVD-7 à AVD-11).");
    }
    refuseFutureDate(input.on);
    const p = c.convention.parameters as Record<string, unknown>;
    let event: FnavdlCaseEvent;
    let extra: Record<string, unknown> = {};
    let text: { kind: string; sections: Record<string, unknown>; sentTo: string[] } | null = null;
    switch (input.type) {
      case "DIAGNOSTIC": {
        const months = input.supportNeeded && typeof input.plannedMonths === "number" ? input.plannedMonths : null;
        event = { type: "DIAGNOSTIC", on: input.on, supportNeeded: input.supportNeeded, intensity: input.supportNeeded ? input.intensity ?? null : null, plannedMonths: months };
        // AVD-7/ACC-2: the diagnostic goes to the operator in charge of the support when it is another association.
        const sentTo = await recipientAssociation(ctx, input.supportNeeded ? input.operatorOrgId : null, "operatorOrgId");
        text = { kind: "FNAVDL_DIAGNOSTIC", sections: { situation: input.situation, conclusion: input.conclusion }, sentTo };
        break;
      }
      case "SUPPORT_START": {
        const actions = Array.isArray(p.actions) ? (p.actions as string[]) : [];
        const needed = input.action === "BAIL_GLISSANT" ? "BAIL_GLISSANT" : "AVDL";
        if (!actions.includes(needed)) throw new ActionError("La convention ne prévoit pas cette action (AVD-1).", { action: ["Action non prévue par la convention."] });
        if (input.plannedEndOn <= input.on) throw new ActionError("La fin prévue doit suivre le début.", { plannedEndOn: ["Une date après le début."] });
        event = { type: "SUPPORT_START", on: input.on, action: input.action, intensity: input.intensity, plannedEndOn: input.plannedEndOn };
        break;
      }
      case "SUPPORT_CHANGE":
        event = { type: "SUPPORT_CHANGE", on: input.on, action: input.action, intensity: input.intensity };
        break;
      case "EVALUATION_SENT": {
        event = { type: "EVALUATION_SENT", on: input.on };
        text = { kind: "FNAVDL_EVALUATION", sections: { text: input.text }, sentTo: await recipientAssociation(ctx, input.recipientOrgId, "recipientOrgId") };
        break;
      }
      case "PROLONGATION":
        event = { type: "PROLONGATION", on: input.on, plannedEndOn: input.plannedEndOn };
        break;
      case "SUBLEASE_START":
        if (input.examinationEndsOn <= input.on) throw new ActionError("La période d'examen se termine après le début de la sous-location.", { examinationEndsOn: ["Une date après le début."] });
        event = { type: "SUBLEASE_START", on: input.on, examinationEndsOn: input.examinationEndsOn };
        break;
      case "BAILLEUR_NOTICE":
        if (!input.leaseOffered && input.noticeReason.length < 5) throw new ActionError("Quand le bail n'est pas proposé au sous-locataire, le bailleur en donne les raisons (AVD-11).", { noticeReason: ["Indiquez les raisons."] });
        event = { type: "BAILLEUR_NOTICE", on: input.on, leaseOffered: input.leaseOffered };
        extra = input.noticeReason ? { reason: input.noticeReason } : {};
        break;
      case "SURVEY":
        event = { type: "SURVEY", on: input.on, respondent: input.respondent, answer: input.answer };
        break;
      case "END":
        event = { type: "END", on: input.on, reason: input.reason };
        break;
      default:
        event = { type: input.type, on: input.on };
    }
    const ev = await addCaseEvent(ctx, c.id, event, extra);
    if (text) {
      await addCaseText(ctx, { caseId: c.id, eventId: ev.id, on: input.on, ...text });
      const shared = text.sentTo.filter((o) => !c.sharedWithOrgIds.includes(o));
      if (shared.length) await ctx.tx.case.update({ where: { id: c.id }, data: { sharedWithOrgIds: { push: shared } } });
    }
    await refreshOrRefuse(ctx, c.id);
    await ctx.audit({ action: `case.fnavdl.${input.type.toLowerCase()}`, entityType: "Case", entityId: c.id, fields: ["on", ...Object.keys(input).filter((k) => !["caseId", "on", "type"].includes(k))] });
    return { eventId: ev.id };
  },
});
