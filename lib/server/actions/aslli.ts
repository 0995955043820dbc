import "server-only";
import { aslliMeasureFacts, assertAslliRequest, fnavdlCaseFacts, isDomainError, type AslliCaseEvent, type FnavdlCaseEvent } from "@/lib/domain";
import { ZAslliEventInput, ZAslliRequestInput } from "@/lib/validation/aslli";
import { ActionError, fromDomainError, orgAction } from "../action";
import { assertInConventionPeriod, lockConventionForCase, nextCaseRank, ownHouseholdAndReferent } from "./case-common";
import { addCaseEvent, addCaseText, lockCase, refreshOrRefuse, refuseFutureDate } from "./cases";

// ASLLi measures (issue 7, ASL-1..14): the request by a social worker, the commission's decision recorded by
// the Département's Service Logement, then the association's plan, meetings, bilans and hand-over. The
// Département reads only the housing-related sections of what it is sent (ASL-12, lib/validation/case-texts).
// Steps of one measure are serialised by a row lock on the case: two renewals at once cannot both pass the
// 18-month cap (ASL-1) — the second sees the first and is refused.

/** Which domain refusal belongs to which field of the request form. */
const REQUEST_FIELDS: Record<string, string> = {
  formSignedByHousehold: "formSignedByHousehold", "evaluation.symptoms": "evaluation.symptoms", "evaluation.causes": "evaluation.causes",
  "evaluation.priorityAxes": "evaluation.priorityAxes", lawfullyResident: "lawfullyResident", housingDifficulties: "housingDifficulties", adheres: "adheres",
};

export const requestAslli = orgAction({
  name: "aslli.request",
  roles: ["ADMIN", "AGENT"],
  schema: ZAslliRequestInput,
  async handler(input, ctx) {
    const { conv, view, role, orgOf } = await lockConventionForCase(ctx, input.conventionId, "ASLLI");
    if (role !== "ASSOCIATION" && role !== "DEPARTEMENT") throw new ActionError("Seules les parties à la convention ASLLi enregistrent une demande.");
    assertInConventionPeriod(input.requestedOn, conv, view, "requestedOn");
    const { householdId, referentPersonId } = await ownHouseholdAndReferent(ctx, input.householdId, input.referentPersonId);
    // ASL-3: what the form declares, and what this application already knows of the household.
    const known = await ctx.tx.case.findMany({
      where: { householdId, closedOn: null, kind: { in: ["FNAVDL", "ASLLI"] } },
      select: { kind: true, events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] } },
    });
    const inProgress = new Set<string>(input.measuresInProgress);
    for (const k of known) {
      if (k.kind === "ASLLI") {
        // closedOn is refreshed only when the case is read or written: a measure that reached its end since is
        // not in progress (refused, or ended before this request), even while its closedOn is still empty.
        const m = aslliMeasureFacts(k.events.map((e) => e.payload as unknown as AslliCaseEvent), 36);
        if ((m.commission && !m.commission.granted) || (m.endOn !== null && m.endOn < input.requestedOn)) continue;
        throw new ActionError("Une mesure ASLLi est déjà demandée ou en cours pour ce ménage : renouvelez-la plutôt (ASL-1).", { householdId: ["Mesure ASLLi déjà en cours."] });
      }
      const f = fnavdlCaseFacts(k.events.map((e) => e.payload as unknown as FnavdlCaseEvent), false);
      if (f.support && !f.end) inProgress.add("AVDL");
    }
    const measuresInProgress = [...inProgress];
    try {
      assertAslliRequest({
        instructor: input.instructorProfession, formSignedByHousehold: input.formSignedByHousehold, evaluation: input.evaluation, situations: input.situations,
        lawfullyResident: input.lawfullyResident, housingDifficulties: input.housingDifficulties, adheres: input.adheres, measuresInProgress,
      });
    } catch (e) {
      const err = fromDomainError(e);
      if (!(err instanceof ActionError) || !isDomainError(e)) throw err;
      const fields = e.rule === "ASL-3" ? ["measuresInProgress"] : ([e.params.missing, e.params.reasons].flat().filter((f) => typeof f === "string" && f in REQUEST_FIELDS) as string[]);
      throw new ActionError(err.message, Object.fromEntries(fields.map((f) => [f, [err.message]])));
    }
    const event: AslliCaseEvent = { type: "REQUEST", on: input.requestedOn, measuresInProgress };
    const year = Number(input.requestedOn.slice(0, 4));
    const c = await ctx.tx.case.create({
      data: {
        kind: "ASLLI", conventionId: conv.id, householdId, createdByOrgId: ctx.caller.org.id, quotaYear: year, quotaRank: await nextCaseRank(ctx, conv.id, year),
        referents: { create: { organisationId: ctx.caller.org.id, personId: referentPersonId } },
      },
    });
    const ev = await addCaseEvent(ctx, c.id, event, {
      instructorProfession: input.instructorProfession, instructorName: input.instructorName, situations: input.situations, purposeRequested: input.purpose,
      eligibility: { formSignedByHousehold: true, lawfullyResident: true, housingDifficulties: true, adheres: true },
    });
    // ASL-2/ASL-12: the evaluation goes to the other party: the commission (which reads only its housing-related
    // sections) when the association asks, the association that will work the measure when the Département does.
    const other = orgOf(role === "ASSOCIATION" ? "DEPARTEMENT" : "ASSOCIATION");
    await addCaseText(ctx, { caseId: c.id, kind: "ASLLI_REQUEST", eventId: ev.id, sections: input.evaluation, sentTo: other ? [other] : [], on: input.requestedOn });
    await refreshOrRefuse(ctx, c.id);
    await ctx.audit({ action: "case.aslli.request", entityType: "Case", entityId: c.id, fields: ["householdId", "conventionId", "requestedOn", "instructor", "situations", "eligibility", "measuresInProgress", "evaluation", "referent"] });
    return { id: c.id };
  },
});

/** Who records each step: the Service Logement decides; the association works the measure. */
const DEPARTEMENT_EVENTS = new Set(["COMMISSION", "RENEWAL", "END"]);
const EITHER = new Set(["SUSPENSION"]);

export const recordAslliEvent = orgAction({
  name: "aslli.recordEvent",
  roles: ["ADMIN", "AGENT"],
  schema: ZAslliEventInput,
  async handler(input, ctx) {
    const c = await lockCase(ctx, input.caseId, "ASLLI");
    if (!EITHER.has(input.type)) {
      const needed = DEPARTEMENT_EVENTS.has(input.type) ? "DEPARTEMENT" : "ASSOCIATION";
      if (c.role !== needed) {
        throw new ActionError(needed === "DEPARTEMENT"
          ? "Cette décision appartient au Service Logement du Département (ASL-1, ASL-4, ASL-14)."
          : "Cette étape est enregistrée par l'association qui exerce la mesure (ASL-4 à ASL-14).");
      }
    }
    refuseFutureDate(input.on);
    const departement = c.orgOf("DEPARTEMENT");
    const toDepartement = departement && departement !== ctx.caller.org.id ? [departement] : [];
    let event: AslliCaseEvent;
    let extra: Record<string, unknown> = {};
    let text: { kind: string; sections: Record<string, unknown>; sentTo: string[] } | null = null;
    switch (input.type) {
      case "COMMISSION":
        refuseFutureDate(input.notifiedOn, "notifiedOn");
        if (input.notifiedOn < input.on) throw new ActionError("La notification au ménage suit la commission.", { notifiedOn: ["Une date à partir de celle de la commission."] });
        event = { type: "COMMISSION", on: input.on, granted: input.granted, purpose: input.purpose, months: input.months };
        extra = { notifiedOn: input.notifiedOn };
        break;
      case "PLAN_SENT":
        event = { type: "PLAN_SENT", on: input.on };
        extra = { signatures: ["HOUSEHOLD", "INSTRUCTOR", "ASSOCIATION"] };
        text = { kind: "ASLLI_PLAN", sections: input.plan, sentTo: toDepartement };
        break;
      case "MEETING":
        event = { type: "MEETING", on: input.on };
        extra = { place: input.place, participants: input.participants };
        if (input.minutes) text = { kind: "ASLLI_MEETING", sections: { minutes: input.minutes }, sentTo: [] };
        break;
      case "SUSPENSION":
        if (input.endsOn < input.on) throw new ActionError("La suspension se termine après son début.", { endsOn: ["Une date à partir du début."] });
        event = { type: "SUSPENSION", on: input.on, endsOn: input.endsOn };
        extra = { agreedOn: input.agreedOn };
        text = { kind: "NOTE", sections: { text: `Suspension (force majeure) : ${input.reason}` }, sentTo: [] };
        break;
      case "INTERRUPTION":
        event = { type: "INTERRUPTION", on: input.on };
        text = { kind: "ASLLI_INTERRUPTION", sections: { reason: input.reason }, sentTo: toDepartement };
        break;
      case "BILAN_SENT":
        event = { type: "BILAN_SENT", on: input.on, purpose: input.bilanPurpose };
        text = { kind: "ASLLI_BILAN", sections: input.bilan, sentTo: toDepartement };
        break;
      case "RENEWAL":
        event = { type: "RENEWAL", on: input.on, months: input.months };
        break;
      case "END":
        event = { type: "END", on: input.on, reason: input.motive === "PLAN_NON_SIGNE" ? "CANCELLED" : "EARLY_END" };
        extra = { motive: input.motive };
        break;
      case "HANDOVER":
        event = { type: "HANDOVER", on: input.on };
        extra = { socialWorker: input.socialWorker };
        break;
      default:
        event = { type: input.type, on: input.on };
    }
    const ev = await addCaseEvent(ctx, c.id, event, extra);
    if (text) await addCaseText(ctx, { caseId: c.id, eventId: ev.id, on: input.on, ...text });
    await refreshOrRefuse(ctx, c.id);
    await ctx.audit({ action: `case.aslli.${input.type.toLowerCase()}`, entityType: "Case", entityId: c.id, fields: ["on", ...Object.keys(input).filter((k) => !["caseId", "on", "type"].includes(k))] });
    return { eventId: ev.id };
  },
});
