import "server-only";
import { candidatesRequired, isAttribution, normaliseNur, type CaleolDecision, type VacancyEvent } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DECLARATION_FIELD_LABELS, ZAnswerInput, ZCaleolInput, ZDeclareVacancyInput, ZDesignateInput, ZDesignateRelaisInput, ZLeaseInput, ZWithdrawInput } from "@/lib/validation/vacancies";
import { ActionError, fromDomainError, NotFoundError, orgAction, type ActionCtx } from "../action";
import { today } from "../clock";
import { day } from "../conventions";
import { refreshCaseObligations } from "../cases";
import { resolveCandidates } from "./candidates";
import { declarationOf, refreshVacancy, vacancyEvents, vacancyMissingFields, vacancyScope } from "../vacancies";
import { notify, vacancyLabel } from "../notifications";
import { formatDate } from "@/lib/format";

// Vacancies to leases (issue 10): the bailleur declares (RES-17), the réservataire designates (RES-18/19, RES-16),
// the bailleur records the CALEOL, the household's answer and the lease (RES-20, RES-13). Each step is a VacancyStep
// whose payload is the domain VacancyEvent; the read model and the obligations are recomputed in the same
// transaction, and a domain refusal (impossible sequence, lapsed vacancy) rolls everything back, in French.

const refuseFuture = (on: string, field = "on") => {
  if (on > today()) throw new ActionError("Cette date est dans le futur.", { [field]: ["Une date passée ou aujourd'hui."] });
};

/** The vacancy, locked for the transaction; 404 unless the caller may see it (ACC-1). */
async function lockVacancy(ctx: ActionCtx, vacancyId: string) {
  await ctx.tx.$queryRaw`SELECT id FROM "Vacancy" WHERE id = ${vacancyId} FOR UPDATE`;
  const v = await ctx.tx.vacancy.findFirst({
    where: { AND: [{ id: vacancyId }, vacancyScope(ctx.caller)] },
    select: {
      id: true, orientation: true, bailleurOrgId: true, conventionId: true, declaration: true,
      steps: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
      candidates: { select: { id: true, round: true, rank: true, decision: true, accepted: true } },
    },
  });
  if (!v) throw new NotFoundError();
  const side = v.bailleurOrgId === ctx.caller.org.id ? "BAILLEUR" : "RESERVATAIRE";
  const events = vacancyEvents(v.steps);
  const round = events.filter((e) => e.type === "DESIGNATION").length;
  return { ...v, side, events, round, current: v.candidates.filter((c) => c.round === round) };
}

function requireSide(v: { side: string }, side: "BAILLEUR" | "RESERVATAIRE", message: string) {
  if (v.side !== side) throw new ActionError(message);
}

async function addStep(ctx: ActionCtx, vacancyId: string, event: VacancyEvent, extra: Record<string, unknown> = {}) {
  return ctx.tx.vacancyStep.create({
    data: { vacancyId, type: event.type, on: day(event.on), payload: { ...event, ...extra } as Prisma.InputJsonValue, recordedById: ctx.caller.personId, recordedByOrgId: ctx.caller.org.id },
  });
}

async function refreshOrRefuse(ctx: ActionCtx, vacancyId: string) {
  try { await refreshVacancy(ctx.tx, vacancyId, today()); } catch (e) { throw fromDomainError(e); }
  await ctx.tx.vacancy.update({ where: { id: vacancyId }, data: { version: { increment: 1 } } });
}

export const declareVacancy = orgAction({
  name: "vacancies.declare",
  roles: ["ADMIN", "AGENT"],
  schema: ZDeclareVacancyInput,
  async handler(input, ctx) {
    const dwelling = await ctx.tx.dwelling.findFirst({
      where: { bailleurOrgId: ctx.caller.org.id, ...(input.dwellingId ? { id: input.dwellingId } : { rplsId: (input.rplsId ?? "").toUpperCase().replace(/\s+/g, "") }) },
    });
    if (!dwelling) {
      if (input.dwellingId) throw new NotFoundError();
      throw new ActionError("Aucun logement de votre patrimoine ne porte cet identifiant RPLS.", { rplsId: ["Identifiant RPLS inconnu dans votre patrimoine."] });
    }
    const declaration = declarationOf(dwelling);
    // RES-17: a declaration missing one of the fields is refused with the list of what is missing.
    const missing = vacancyMissingFields(declaration);
    if (missing.length > 0) {
      throw new ActionError(`Déclaration incomplète (RES-17) : il manque ${missing.map((m) => DECLARATION_FIELD_LABELS[m] ?? m).join(", ")}. Complétez la fiche du logement.`);
    }
    let conventionId: string | null = null;
    let reservataires: string[] = [];
    if (input.orientation === "RESERVATAIRE") {
      const conv = await ctx.tx.convention.findFirst({
        where: { id: input.conventionId, kind: "RESERVATION_FLUX", parties: { some: { organisationId: ctx.caller.org.id, partyRole: "BAILLEUR" } } },
        select: { id: true, events: { where: { type: "SIGNED" }, select: { id: true } }, parties: { where: { partyRole: "RESERVATAIRE" }, select: { organisationId: true } } },
      });
      if (!conv) throw new ActionError("Choisissez une convention de réservation dont vous êtes le bailleur.", { conventionId: ["Convention inconnue."] });
      if (conv.events.length === 0) throw new ActionError("La convention n'est pas encore confirmée par toutes ses parties.");
      conventionId = conv.id;
      reservataires = conv.parties.map((p) => p.organisationId);
    }
    const on = today();
    const open = await ctx.tx.vacancy.findFirst({ where: { dwellingId: dwelling.id, outcome: { in: ["PENDING", "NONE_RETAINED"] } }, select: { id: true } });
    if (open) throw new ActionError("Une vacance de ce logement est déjà en cours.");
    const v = await ctx.tx.vacancy.create({
      data: {
        dwellingId: dwelling.id, bailleurOrgId: ctx.caller.org.id, orientation: input.orientation, conventionId,
        soustraitCategory: input.orientation === "SOUSTRAIT" ? input.soustraitCategory : null,
        availableOn: day(input.availableOn), declaredOn: day(on), declaration: declaration as unknown as Prisma.InputJsonValue, createdById: ctx.caller.personId,
      },
    });
    await addStep(ctx, v.id, { type: "DECLARED", on });
    await refreshOrRefuse(ctx, v.id);
    // Issue 12: the réservataire learns of the vacancy at once; its 30 days run from the declaration (RES-18).
    const due = (await ctx.tx.vacancy.findUniqueOrThrow({ where: { id: v.id }, select: { designationDueOn: true } })).designationDueOn;
    await notify(ctx.tx, ctx.caller.org.id, {
      organisationIds: reservataires, kind: "VACANCY_DECLARED", title: `Nouvelle vacance : ${vacancyLabel(declaration)}`,
      body: `Déclarée par ${ctx.caller.org.name}${due ? ` ; candidats à désigner au plus tard le ${formatDate(due)}` : ""}.`, href: `/vacances/${v.id}`, data: { vacancyId: v.id },
    });
    await ctx.audit({ action: "vacancy.declare", entityType: "Vacancy", entityId: v.id, fields: ["dwellingId", "availableOn", "orientation", ...(conventionId ? ["conventionId"] : []), ...(input.orientation === "SOUSTRAIT" ? ["soustraitCategory"] : [])] });
    return { id: v.id };
  },
});

export const designateCandidates = orgAction({
  name: "vacancies.designate",
  roles: ["ADMIN", "AGENT"],
  schema: ZDesignateInput,
  async handler(input, ctx) {
    const v = await lockVacancy(ctx, input.vacancyId);
    requireSide(v, "RESERVATAIRE", "Seul le réservataire désigne des candidats (RES-18).");
    refuseFuture(input.on);
    const candidates = await resolveCandidates(ctx, input.candidates, "la désignation");
    const required = candidatesRequired({ dalo: input.daloPrefet, subsidisedD331_25_1: input.subsidisedD331_25_1 });
    if (candidates.length < required && !input.reasonedLetter) {
      throw new ActionError(`Moins de ${required} candidats : joignez le courrier circonstancié à la CALEOL (RES-19).`, { reasonedLetter: ["Courrier circonstancié obligatoire."] });
    }
    const round = v.round + 1;
    const event: VacancyEvent = { type: "DESIGNATION", on: input.on, candidates: candidates.length, dalo: input.daloPrefet, subsidisedD331_25_1: input.subsidisedD331_25_1 };
    const classification = (v.declaration as { classification?: number }).classification ?? null;
    await addStep(ctx, v.id, event, { round, classification, classificationAcknowledgedBy: ctx.caller.personId });
    if (candidates.length < required) await addStep(ctx, v.id, { type: "REASONED_LETTER", on: input.on }, { round, text: input.reasonedLetter });
    await ctx.tx.vacancyCandidate.createMany({ data: candidates.map((c) => ({ vacancyId: v.id, round, ...c })) });
    await refreshOrRefuse(ctx, v.id);
    await notify(ctx.tx, ctx.caller.org.id, {
      organisationIds: [v.bailleurOrgId], kind: "DESIGNATION_RECEIVED", title: `Candidats désignés : ${vacancyLabel(v.declaration)}`,
      body: `${candidates.length} candidat${candidates.length > 1 ? "s" : ""} désigné${candidates.length > 1 ? "s" : ""} par ${ctx.caller.org.name} (tour ${round}).`, href: `/vacances/${v.id}`, data: { vacancyId: v.id, round },
    });
    await ctx.audit({ action: "vacancy.designate", entityType: "Vacancy", entityId: v.id, fields: ["on", "candidates", "classificationAcknowledged", ...(input.daloPrefet ? ["daloPrefet"] : []), ...(input.subsidisedD331_25_1 ? ["subsidisedD331_25_1"] : []), ...(candidates.length < required ? ["reasonedLetter"] : [])] });
    return { round };
  },
});

/**
 * REL-5: the Ville proposes a vacancy of its réservations to the association of one of its relais cases: the
 * association is the tenant (the household its sub-tenant), one candidate, outside the 3-candidate rule; the
 * proposal is recorded on the relais case too. The CALEOL decides; a lease signed with the association counts
 * for the Ville like any other (RES-13).
 */
export const designateRelais = orgAction({
  name: "vacancies.designateRelais",
  roles: ["ADMIN", "AGENT"],
  schema: ZDesignateRelaisInput,
  async handler(input, ctx) {
    const v = await lockVacancy(ctx, input.vacancyId);
    requireSide(v, "RESERVATAIRE", "Seul le réservataire propose le logement (REL-5).");
    refuseFuture(input.on);
    const c = await ctx.tx.case.findFirst({
      where: { id: input.relaisCaseId, kind: "RELAIS", closedOn: null, convention: { parties: { some: { organisationId: ctx.caller.org.id, partyRole: "COMMUNE" } } } },
      select: {
        id: true, convention: { select: { parties: { where: { partyRole: "ASSOCIATION" }, select: { organisationId: true } } } },
        household: { select: { id: true, nur: true, daloRecognisedOn: true, _count: { select: { members: true } }, resources: { select: { monthlyCents: true } } } },
      },
    });
    if (!c) throw new NotFoundError();
    if (!c.household.nur) throw new ActionError("Le ménage du dossier n'a pas de numéro unique (NUR) : complétez sa fiche (RES-19).", { relaisCaseId: ["NUR du ménage manquant."] });
    const round = v.round + 1;
    const event: VacancyEvent = { type: "DESIGNATION", on: input.on, candidates: 1, dalo: false, subsidisedD331_25_1: false, relaisUse: true };
    const classification = (v.declaration as { classification?: number }).classification ?? null;
    await addStep(ctx, v.id, event, { round, classification, classificationAcknowledgedBy: ctx.caller.personId });
    await ctx.tx.vacancyCandidate.create({
      data: {
        vacancyId: v.id, round, rank: 1, householdId: c.household.id, nur: normaliseNur(c.household.nur), persons: 1 + c.household._count.members,
        monthlyResourcesCents: c.household.resources.reduce((n, r) => n + r.monthlyCents, 0), dalo: c.household.daloRecognisedOn !== null,
        associationOrgId: c.convention.parties[0]?.organisationId ?? null, relaisCaseId: c.id,
      },
    });
    await refreshOrRefuse(ctx, v.id);
    // REL-5 on the relais case: the Ville proposed a dwelling of its réservations.
    await ctx.tx.caseEvent.create({ data: { caseId: c.id, type: "DWELLING_PROPOSED", on: day(input.on), payload: { type: "DWELLING_PROPOSED", on: input.on, vacancyId: v.id }, recordedById: ctx.caller.personId, recordedByOrgId: ctx.caller.org.id } });
    try { await refreshCaseObligations(ctx.tx, c.id, today()); } catch (e) { throw fromDomainError(e); }
    await notify(ctx.tx, ctx.caller.org.id, {
      organisationIds: [v.bailleurOrgId], kind: "DESIGNATION_RECEIVED", title: `Logement proposé pour un logement relais : ${vacancyLabel(v.declaration)}`,
      body: `${ctx.caller.org.name} propose le logement à l'association, locataire (REL-5).`, href: `/vacances/${v.id}`, data: { vacancyId: v.id, round },
    });
    await ctx.audit({ action: "vacancy.designate.relais", entityType: "Vacancy", entityId: v.id, fields: ["on", "relaisCaseId", "classificationAcknowledged"] });
    return { round };
  },
});

export const recordCaleol = orgAction({
  name: "vacancies.caleol",
  roles: ["ADMIN", "AGENT"],
  schema: ZCaleolInput,
  async handler(input, ctx) {
    const v = await lockVacancy(ctx, input.vacancyId);
    requireSide(v, "BAILLEUR", "La décision de la CALEOL est enregistrée par le bailleur (RES-20).");
    refuseFuture(input.on);
    if (v.round === 0) throw new ActionError("Aucun candidat n'a été désigné.");
    const ids = new Set(v.current.map((c) => c.id));
    if (input.decisions.some((d) => !ids.has(d.candidateId)) || new Set(input.decisions.map((d) => d.candidateId)).size !== input.decisions.length) throw new NotFoundError();
    if (input.decisions.length !== v.current.length) throw new ActionError("Indiquez la décision pour chaque candidat désigné (RES-20).");
    for (const d of input.decisions) {
      if (d.decision === "ATTRIBUTION_RANKED" && d.rank === null) throw new ActionError("Une attribution par rang précise le rang (1, 2 ou 3).");
    }
    const ranks = input.decisions.filter((d) => d.decision === "ATTRIBUTION_RANKED").map((d) => d.rank);
    if (new Set(ranks).size !== ranks.length) throw new ActionError("Deux candidats ne peuvent avoir le même rang.");
    const event: VacancyEvent = {
      type: "CALEOL", on: input.on,
      decisions: input.decisions.map((d) => ({ candidate: d.candidateId, decision: d.decision as CaleolDecision, rank: d.decision === "ATTRIBUTION_RANKED" ? d.rank : null })),
    };
    await addStep(ctx, v.id, event, { round: v.round });
    for (const d of input.decisions) {
      await ctx.tx.vacancyCandidate.update({ where: { id: d.candidateId }, data: { decision: d.decision, decisionRank: d.decision === "ATTRIBUTION_RANKED" ? d.rank : null } });
    }
    await refreshOrRefuse(ctx, v.id);
    // Issue 12: the réservataire, and the association that would be the tenant of a relais dwelling (REL-5).
    const attributed = input.decisions.filter((d) => isAttribution(d.decision as CaleolDecision)).length;
    const relaisAssociations = await ctx.tx.vacancyCandidate.findMany({ where: { vacancyId: v.id, round: v.round, associationOrgId: { not: null } }, select: { associationOrgId: true } });
    const reservataire = v.conventionId ? await ctx.tx.conventionParty.findMany({ where: { conventionId: v.conventionId, partyRole: "RESERVATAIRE" }, select: { organisationId: true } }) : [];
    await notify(ctx.tx, ctx.caller.org.id, {
      organisationIds: [...reservataire.map((p) => p.organisationId), ...relaisAssociations.map((c) => c.associationOrgId)],
      kind: "CALEOL_OUTCOME", title: `Décision de la CALEOL : ${vacancyLabel(v.declaration)}`,
      body: attributed > 0 ? `Logement attribué (${attributed} candidat${attributed > 1 ? "s" : ""} sur ${input.decisions.length}), le ${formatDate(input.on)}.` : `Aucun candidat retenu le ${formatDate(input.on)} : une nouvelle désignation est possible.`,
      href: `/vacances/${v.id}`, data: { vacancyId: v.id, round: v.round },
    });
    await ctx.audit({ action: "vacancy.caleol", entityType: "Vacancy", entityId: v.id, fields: ["on", "decisions"] });
    return { attributed };
  },
});

export const recordAnswer = orgAction({
  name: "vacancies.answer",
  roles: ["ADMIN", "AGENT"],
  schema: ZAnswerInput,
  async handler(input, ctx) {
    const v = await lockVacancy(ctx, input.vacancyId);
    requireSide(v, "BAILLEUR", "La réponse du ménage est enregistrée par le bailleur (RES-20).");
    refuseFuture(input.on);
    const c = v.current.find((x) => x.id === input.candidateId);
    if (!c) throw new NotFoundError();
    if (!c.decision || !isAttribution(c.decision as CaleolDecision)) throw new ActionError("Ce candidat ne s'est pas vu attribuer le logement par la CALEOL.");
    if (c.accepted !== null) throw new ActionError("La réponse de ce ménage est déjà enregistrée.");
    await addStep(ctx, v.id, { type: "CANDIDATE_ANSWER", on: input.on, candidate: c.id, accepted: input.accepted }, { round: v.round });
    await ctx.tx.vacancyCandidate.update({ where: { id: c.id }, data: { accepted: input.accepted } });
    await refreshOrRefuse(ctx, v.id);
    await ctx.audit({ action: "vacancy.answer", entityType: "Vacancy", entityId: v.id, fields: ["on", "candidateId", "accepted"] });
  },
});

export const recordLease = orgAction({
  name: "vacancies.lease",
  roles: ["ADMIN", "AGENT"],
  schema: ZLeaseInput,
  async handler(input, ctx) {
    const v = await lockVacancy(ctx, input.vacancyId);
    requireSide(v, "BAILLEUR", "La signature du bail est enregistrée par le bailleur (RES-13).");
    refuseFuture(input.on);
    if (v.orientation === "RESERVATAIRE") {
      const c = v.current.find((x) => x.id === input.candidateId);
      if (!c) throw new NotFoundError();
      if (!c.decision || !isAttribution(c.decision as CaleolDecision)) throw new ActionError("Le bail est signé avec un candidat à qui la CALEOL a attribué le logement.");
      if (c.accepted === false) throw new ActionError("Ce ménage a refusé le logement.");
    }
    await addStep(ctx, v.id, { type: "LEASE_SIGNED", on: input.on, candidate: input.candidateId }, { round: v.round });
    await refreshOrRefuse(ctx, v.id);
    await ctx.audit({ action: "vacancy.lease", entityType: "Vacancy", entityId: v.id, fields: ["on", "candidateId"] });
  },
});

export const withdrawVacancy = orgAction({
  name: "vacancies.withdraw",
  roles: ["ADMIN", "AGENT"],
  schema: ZWithdrawInput,
  async handler(input, ctx) {
    const v = await lockVacancy(ctx, input.vacancyId);
    requireSide(v, "BAILLEUR", "Seul le bailleur retire une vacance.");
    refuseFuture(input.on);
    const state = await ctx.tx.vacancy.findUniqueOrThrow({ where: { id: v.id }, select: { outcome: true } });
    if (!["PENDING", "NONE_RETAINED"].includes(state.outcome)) throw new ActionError("Cette vacance est close : elle ne peut plus être retirée.");
    await addStep(ctx, v.id, { type: "WITHDRAWN", on: input.on });
    await refreshOrRefuse(ctx, v.id);
    await ctx.audit({ action: "vacancy.withdraw", entityType: "Vacancy", entityId: v.id, fields: ["on"] });
  },
});
