// Demo relais cases, dated relative to today (issue 6 §7): one relogé, one closed without entry, one in
// support (a visit due this week, an intermediate bilan late), one whose diagnostic is due soon, one whose
// diagnostic is overdue. The current year's three referrals use up the REL-1 quota, as in real life.
import { addDays, type IsoDate, type RelaisCaseEvent } from "../lib/domain";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { refreshCaseObligations } from "../lib/server/cases";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const d = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);

function weekly(from: IsoDate, to: IsoDate): RelaisCaseEvent[] {
  const out: RelaisCaseEvent[] = [];
  for (let on = from; on <= to; on = addDays(on, 7, "REL-7")) out.push({ type: "VISIT", on });
  return out;
}

export function demoCaseStories(today: IsoDate): { household: number; events: RelaisCaseEvent[]; texts?: Record<string, string> }[] {
  const t = (n: number) => addDays(today, n, "REL-1");
  const sections = (who: string) => ({
    problem: `${who} : dette locative de 2 400 € après une séparation ; difficultés de gestion du budget.`,
    financialSituation: "RSA et allocations familiales ; trois crédits à la consommation en cours.",
    prioritySteps: "Dossier FSL, plan d'apurement avec le bailleur, ouverture des droits APL.",
    engagementCapacity: "Ménage volontaire, présent aux rendez-vous.",
    supportProject: "Accompagnement budgétaire hebdomadaire ; la travailleuse sociale de l'AUMV coordonne avec le CCAS.",
    modalities: "Une visite à domicile et un rendez-vous à l'association chaque semaine.",
    paymentCapacity: "Redevance de 20 % des ressources.",
  });
  return [
    { household: 0, texts: sections("La mère, seule avec deux enfants"), events: [
      { type: "REFERRAL", on: "2025-02-03" }, { type: "DIAGNOSTIC", on: "2025-02-25" }, { type: "DECISION", on: "2025-03-10", entry: true },
      { type: "ENTRY", on: "2025-03-20" }, { type: "CONTRACT_SENT", on: "2025-03-25" }, ...weekly("2025-03-21", "2026-03-13"),
      { type: "INTERMEDIATE_BILAN_SENT", on: "2025-06-16" }, { type: "INTERMEDIATE_BILAN_SENT", on: "2025-09-15" }, { type: "INTERMEDIATE_BILAN_SENT", on: "2025-12-15" },
      { type: "FINAL_BILAN_SENT", on: "2026-03-10" }, { type: "END", on: "2026-03-19", outcome: "RELOGE" },
    ] },
    { household: 1, events: [{ type: "REFERRAL", on: "2025-09-15" }, { type: "DIAGNOSTIC", on: "2025-10-08" }, { type: "DECISION", on: "2025-10-20", entry: false }] },
    { household: 2, texts: sections("Le couple"), events: [
      { type: "REFERRAL", on: t(-200) }, { type: "DIAGNOSTIC", on: t(-180) }, { type: "DECISION", on: t(-170), entry: true },
      // Its first intermediate bilan was never sent: overdue.
      { type: "ENTRY", on: t(-160) }, { type: "CONTRACT_SENT", on: t(-155) }, ...weekly(t(-158), t(-9)),
    ] },
    { household: 3, events: [{ type: "REFERRAL", on: t(-20) }] },
    { household: 4, events: [{ type: "REFERRAL", on: t(-45) }] },
  ];
}

export async function seedDemoCases(tx: Tx, o: { conventionId: string; communeId: string; associationId: string; cityAgentId: string; associationAgentId: string; households: string[]; today: IsoDate }) {
  const assocTypes = new Set(["DIAGNOSTIC", "ENTRY", "CONTRACT_SENT", "VISIT", "INTERMEDIATE_BILAN_SENT", "FINAL_BILAN_SENT", "END"]);
  let n = 0;
  for (const story of demoCaseStories(o.today)) {
    const year = Number(story.events[0].on.slice(0, 4));
    const rank = (await tx.case.count({ where: { conventionId: o.conventionId, quotaYear: year } })) + 1;
    const c = await tx.case.create({
      data: {
        kind: "RELAIS", conventionId: o.conventionId, householdId: o.households[story.household], createdByOrgId: o.communeId, quotaYear: year, quotaRank: rank,
        referents: { create: [{ organisationId: o.communeId, personId: o.cityAgentId }, { organisationId: o.associationId, personId: o.associationAgentId }] },
        events: {
          create: story.events.map((e) => {
            const assoc = assocTypes.has(e.type);
            return { type: e.type, on: d(e.on), payload: e, recordedById: assoc ? o.associationAgentId : o.cityAgentId, recordedByOrgId: assoc ? o.associationId : o.communeId };
          }),
        },
      },
      include: { events: { select: { id: true, type: true, on: true } } },
    });
    const diag = c.events.find((e) => e.type === "DIAGNOSTIC");
    if (story.texts && diag) {
      await tx.caseText.create({ data: { caseId: c.id, kind: "DIAGNOSTIC", eventId: diag.id, sections: { ...story.texts, monthlyIncomeCents: 123_458, rentWithApl: false, redevanceCents: 24_692 }, authorOrgId: o.associationId, authorId: o.associationAgentId, sentToOrgIds: [] } });
    }
    for (const e of c.events.filter((x) => ["CONTRACT_SENT", "INTERMEDIATE_BILAN_SENT", "FINAL_BILAN_SENT"].includes(x.type))) {
      const kind = e.type === "CONTRACT_SENT" ? "CONTRACT" : e.type === "FINAL_BILAN_SENT" ? "FINAL_BILAN" : "INTERMEDIATE_BILAN";
      await tx.caseText.create({ data: { caseId: c.id, kind, eventId: e.id, sections: kind === "CONTRACT" ? { signed: true } : { text: "Le ménage respecte son plan d'apurement ; les visites se passent bien." }, authorOrgId: o.associationId, authorId: o.associationAgentId, sentToOrgIds: [o.communeId], sentOn: e.on } });
    }
    await refreshCaseObligations(tx, c.id, o.today);
    n++;
  }
  return n;
}
