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

export async function seedDemoCases(
  tx: Tx,
  o: { conventionId: string; communeId: string; associationId: string; cityAgentId: string; associationAgentId: string; households: string[]; today: IsoDate },
  stories: { household?: number; events: RelaisCaseEvent[]; texts?: Record<string, string> }[] = demoCaseStories(o.today),
) {
  const assocTypes = new Set(["DIAGNOSTIC", "ENTRY", "CONTRACT_SENT", "VISIT", "INTERMEDIATE_BILAN_SENT", "FINAL_BILAN_SENT", "END"]);
  let n = 0;
  for (const [i, story] of stories.entries()) {
    const year = Number(story.events[0].on.slice(0, 4));
    const rank = (await tx.case.count({ where: { conventionId: o.conventionId, quotaYear: year } })) + 1;
    const c = await tx.case.create({
      data: {
        kind: "RELAIS", conventionId: o.conventionId, householdId: o.households[story.household ?? i], createdByOrgId: o.communeId, quotaYear: year, quotaRank: rank,
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
      await tx.caseText.create({ data: { caseId: c.id, kind: "DIAGNOSTIC", eventId: diag.id, sections: { ...story.texts, monthlyIncomeCents: 123_458, rentWithApl: false, redevanceCents: 24_692 }, authorOrgId: o.associationId, authorId: o.associationAgentId, sentToOrgIds: [], createdAt: diag.on } });
    }
    for (const e of c.events.filter((x) => ["CONTRACT_SENT", "INTERMEDIATE_BILAN_SENT", "FINAL_BILAN_SENT"].includes(x.type))) {
      const kind = e.type === "CONTRACT_SENT" ? "CONTRACT" : e.type === "FINAL_BILAN_SENT" ? "FINAL_BILAN" : "INTERMEDIATE_BILAN";
      await tx.caseText.create({ data: { caseId: c.id, kind, eventId: e.id, sections: kind === "CONTRACT" ? { signed: true } : { text: "Le ménage respecte son plan d'apurement ; les visites se passent bien." }, authorOrgId: o.associationId, authorId: o.associationAgentId, sentToOrgIds: [o.communeId], sentOn: e.on, createdAt: e.on } });
    }
    await refreshCaseObligations(tx, c.id, o.today);
    n++;
  }
  return n;
}

/**
 * The previous relais convention 2023-2024 (seed 000 preamble): over the two years, 10 households
 * supported, 2 relogés, 3 other solutions, 4 diagnostics requested, 2 entries. Eight households were
 * carried over from earlier conventions; the five still supported at the end of 2024 stop with the
 * convention (their support goes on under the 2025 convention, outside this demo).
 */
export function previousConventionStories(): { events: RelaisCaseEvent[] }[] {
  const supported = (referredOn: IsoDate, entryOn: IsoDate, end: { on: IsoDate; outcome: "RELOGE" | "OTHER_SOLUTION" | "STOP" }): { events: RelaisCaseEvent[] } => {
    const diag = addDays(referredOn, 20, "REL-2");
    const events: RelaisCaseEvent[] = [
      { type: "REFERRAL", on: referredOn }, { type: "DIAGNOSTIC", on: diag }, { type: "DECISION", on: addDays(diag, 10, "REL-4"), entry: true },
      { type: "ENTRY", on: entryOn }, { type: "CONTRACT_SENT", on: addDays(entryOn, 3, "REL-6") },
      ...weekly(addDays(entryOn, 1, "REL-7"), addDays(end.on, -3, "REL-7")),
    ];
    // REL-6: renewed each year it lasts; REL-7: an intermediate bilan every quarter.
    for (let r = addDays(entryOn, 355, "REL-6"); r < end.on; r = addDays(r, 365, "REL-6")) events.push({ type: "RENEWAL", on: r });
    for (let b = addDays(entryOn, 85, "REL-7"); b < end.on; b = addDays(b, 91, "REL-7")) events.push({ type: "INTERMEDIATE_BILAN_SENT", on: b });
    events.push({ type: "FINAL_BILAN_SENT", on: addDays(end.on, -2, "REL-8") }, { type: "END", on: end.on, outcome: end.outcome });
    return { events };
  };
  return [
    supported("2021-09-06", "2021-11-02", { on: "2023-06-30", outcome: "RELOGE" }),
    supported("2022-01-10", "2022-03-01", { on: "2024-04-15", outcome: "RELOGE" }),
    supported("2021-05-03", "2021-07-01", { on: "2023-03-31", outcome: "OTHER_SOLUTION" }),
    supported("2022-02-14", "2022-04-04", { on: "2023-10-20", outcome: "OTHER_SOLUTION" }),
    supported("2022-06-01", "2022-07-18", { on: "2024-09-13", outcome: "OTHER_SOLUTION" }),
    supported("2022-04-11", "2022-06-07", { on: "2024-12-31", outcome: "STOP" }),
    supported("2022-09-05", "2022-11-03", { on: "2024-12-31", outcome: "STOP" }),
    supported("2022-10-03", "2022-12-01", { on: "2024-12-31", outcome: "STOP" }),
    supported("2023-03-06", "2023-05-02", { on: "2024-12-31", outcome: "STOP" }),
    supported("2024-01-15", "2024-03-04", { on: "2024-12-31", outcome: "STOP" }),
    { events: [{ type: "REFERRAL", on: "2023-09-11" }, { type: "DIAGNOSTIC", on: "2023-10-02" }, { type: "DECISION", on: "2023-10-16", entry: false }] },
    { events: [{ type: "REFERRAL", on: "2024-06-03" }, { type: "DIAGNOSTIC", on: "2024-06-24" }, { type: "DECISION", on: "2024-07-08", entry: false }] },
  ];
}
