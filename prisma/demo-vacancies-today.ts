// Demo vacancies and notifications (issue 12), dated relative to today so that the « Tableau de bord » is filled
// whatever the day: Valophis declared five dwellings of Choisy-le-Roi to the Ville — one whose designation is due
// within 7 days, one due later this month, one that lapsed without a candidate 2 days ago (RES-13), one designated
// whose CALEOL decision is to record (RES-20), one let a month ago (counted, RES-13) — and the persons of each
// organisation have the notifications those steps produced (vacancy → Ville, designation → Valophis, CALEOL → Ville),
// plus the relais bilans received by the Ville and the ASLLi plans received by the Collectivité.
// Called by prisma/seed.ts after seedDemo (the application's demo); integration tests that want it call it too.
import { addDays, type IsoDate, type VacancyEvent } from "../lib/domain";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { declarationOf, refreshVacancy } from "../lib/server/vacancies";
import { vacancyLabel } from "../lib/server/notifications";

type Tx = Prisma.TransactionClient;
const d = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const at = (iso: IsoDate, hour = 9) => new Date(`${iso}T${String(hour).padStart(2, "0")}:30:00Z`);

/** The demo's vacancies: days before today of the declaration, and what happened after. */
const STORIES: { declared: number; steps: readonly string[] }[] = [
  { declared: 25, steps: [] }, // designation due in 5 days (RES-18)
  { declared: 6, steps: [] },
  { declared: 33, steps: [] }, // lapsed on day 31 (RES-13)
  { declared: 20, steps: ["DESIGNATION"] }, // CALEOL to record (RES-20)
  { declared: 70, steps: ["DESIGNATION", "CALEOL", "ANSWER", "LEASE"] },
];

export async function seedTodayVacancies(db: PrismaClient | Tx, today: IsoDate): Promise<{ vacancies: number; notifications: number }> {
  const org = async (slug: string) => (await db.organisation.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true } }));
  const [valophis, choisy, alsace] = await Promise.all([org("valophis-habitat"), org("choisy-le-roi"), org("alsace")]);
  const person = async (email: string) => (await db.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const [bailleurAgent, cityAgent] = await Promise.all([person("agent@valophis-habitat.demo"), person("agent@choisy-le-roi.demo")]);
  const conv = await db.convention.findFirstOrThrow({
    where: { kind: "RESERVATION_FLUX", parties: { every: { organisationId: { in: [valophis.id, choisy.id] } } } },
    select: { id: true },
  });
  // Dwellings from the end of the stock, in residences of the flux (never those the browser tests declare).
  const dwellings = await db.dwelling.findMany({
    where: { bailleurOrgId: valophis.id, financing: { not: "PLI" }, firstLettingYear: { lt: 2025 }, residence: { notIn: ["Résidence Paul-Vaillant-Couturier"] }, rplsId: { notIn: ["0940220000003", "0940220000005"] } },
    // One dwelling in each of five residences, so that the demo's vacancies are spread over the town.
    distinct: ["residence"], orderBy: [{ residence: "asc" }, { rplsId: "desc" }], take: STORIES.length,
  });
  const households = await db.household.findMany({ where: { organisationId: choisy.id, nur: { not: null } }, select: { nur: true, daloRecognisedOn: true, _count: { select: { members: true } }, resources: { select: { monthlyCents: true } } }, orderBy: { referenceLastName: "asc" }, take: 3 });
  const notes: Prisma.NotificationCreateManyInput[] = [];
  for (const [i, story] of STORIES.entries()) {
    const w = dwellings[i];
    const declaredOn = addDays(today, -story.declared, "RES-18");
    const declaration = declarationOf(w);
    const label = vacancyLabel(declaration);
    const v = await db.vacancy.create({
      data: {
        dwellingId: w.id, bailleurOrgId: valophis.id, orientation: "RESERVATAIRE", conventionId: conv.id, availableOn: d(addDays(declaredOn, 14, "RES-17")), declaredOn: d(declaredOn),
        declaration: declaration as unknown as Prisma.InputJsonValue, createdById: bailleurAgent,
      },
    });
    const step = (e: VacancyEvent, by: string, byOrg: string, extra: Record<string, unknown> = {}) =>
      db.vacancyStep.create({ data: { vacancyId: v.id, type: e.type, on: d(e.on), payload: { ...e, ...extra } as Prisma.InputJsonValue, recordedById: by, recordedByOrgId: byOrg } });
    await step({ type: "DECLARED", on: declaredOn }, bailleurAgent, valophis.id);
    notes.push({ organisationId: choisy.id, kind: "VACANCY_DECLARED", title: `Nouvelle vacance : ${label}`, body: `Déclarée par ${valophis.name}.`, href: `/vacances/${v.id}`, data: { vacancyId: v.id }, createdAt: at(declaredOn) });
    if (story.steps.includes("DESIGNATION")) {
      const on = addDays(declaredOn, 12, "RES-18");
      await step({ type: "DESIGNATION", on, candidates: households.length, dalo: false, subsidisedD331_25_1: false }, cityAgent, choisy.id, { round: 1, classification: w.classification, classificationAcknowledgedBy: cityAgent });
      await db.vacancyCandidate.createMany({
        data: households.map((h, rank) => ({
          vacancyId: v.id, round: 1, rank: rank + 1, nur: h.nur!, persons: 1 + h._count.members, monthlyResourcesCents: h.resources.reduce((s, r) => s + r.monthlyCents, 0), dalo: h.daloRecognisedOn !== null,
        })),
      });
      notes.push({ organisationId: valophis.id, kind: "DESIGNATION_RECEIVED", title: `Candidats désignés : ${label}`, body: `${households.length} candidats désignés par ${choisy.name} (tour 1).`, href: `/vacances/${v.id}`, data: { vacancyId: v.id, round: 1 }, createdAt: at(on, 14) });
    }
    if (story.steps.includes("CALEOL")) {
      const on = addDays(declaredOn, 30, "RES-20");
      const candidates = await db.vacancyCandidate.findMany({ where: { vacancyId: v.id }, orderBy: { rank: "asc" } });
      const decisions = candidates.map((c, k) => ({ candidate: c.id, decision: "ATTRIBUTION_RANKED" as const, rank: k + 1 }));
      await step({ type: "CALEOL", on, decisions }, bailleurAgent, valophis.id, { round: 1 });
      for (const x of decisions) await db.vacancyCandidate.update({ where: { id: x.candidate }, data: { decision: x.decision, decisionRank: x.rank } });
      notes.push({ organisationId: choisy.id, kind: "CALEOL_OUTCOME", title: `Décision de la CALEOL : ${label}`, body: `Logement attribué par rang (${decisions.length} candidats classés).`, href: `/vacances/${v.id}`, data: { vacancyId: v.id, round: 1 }, createdAt: at(on, 16) });
      const first = candidates[0];
      const answerOn = addDays(on, 5, "RES-20");
      await step({ type: "CANDIDATE_ANSWER", on: answerOn, candidate: first.id, accepted: true }, bailleurAgent, valophis.id, { round: 1 });
      await db.vacancyCandidate.update({ where: { id: first.id }, data: { accepted: true } });
      await step({ type: "LEASE_SIGNED", on: addDays(answerOn, 5, "RES-13"), candidate: first.id }, bailleurAgent, valophis.id, { round: 1 });
    }
    await refreshVacancy(db as Tx, v.id, today);
  }
  // Documents received (ACC-2: the relais bilans sent to the Ville, the ASLLi plans sent to the Service Logement).
  const texts = await db.caseText.findMany({
    where: { sentOn: { gte: d(addDays(today, -200, "REL-7")) }, sentToOrgIds: { isEmpty: false } },
    select: { caseId: true, kind: true, sentOn: true, sentToOrgIds: true, authorOrgId: true, case: { select: { household: { select: { referenceFirstName: true, referenceLastName: true } } } } },
    orderBy: { sentOn: "desc" }, take: 6,
  });
  const labels: Record<string, string> = { CONTRACT: "Contrat d'accompagnement", INTERMEDIATE_BILAN: "Bilan intermédiaire", FINAL_BILAN: "Bilan final", ASLLI_PLAN: "Plan d'intervention", ASLLI_BILAN: "Bilan de mesure", ASLLI_REQUEST: "Évaluation sociale de la demande" };
  const authors = new Map((await db.organisation.findMany({ where: { id: { in: texts.map((t) => t.authorOrgId) } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  for (const t of texts) {
    for (const to of t.sentToOrgIds.filter((o) => o === choisy.id || o === alsace.id)) {
      notes.push({
        organisationId: to, kind: "DOCUMENT_RECEIVED", title: `Reçu : ${labels[t.kind] ?? "Document"} — ${t.case.household.referenceLastName} ${t.case.household.referenceFirstName}`,
        body: authors.get(t.authorOrgId) ? `Transmis par ${authors.get(t.authorOrgId)}.` : null, href: `/dossiers/${t.caseId}`, data: { caseId: t.caseId, textKind: t.kind }, createdAt: at(t.sentOn!.toISOString().slice(0, 10), 11),
      });
    }
  }
  await db.notification.createMany({ data: notes });
  return { vacancies: STORIES.length, notifications: notes.length };
}
