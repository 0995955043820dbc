import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, fnavdlCaseFacts, relaisCaseFacts, relaisFigures, type FnavdlCaseEvent, type RelaisCaseEvent } from "@/lib/domain";
import { nextObligations, resolveCaller } from "@/lib/server/access";
import { caseStage } from "@/lib/server/cases";
import { digestGroups, runDailyDigest } from "@/lib/server/digest";
import { DEMO_DIGESTS } from "@/prisma/seed-demo";
import { seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

describe("the demo tenant", () => {
  it("REL-9: the cases of the previous relais convention give seed 000's figures for 2023-2024 (10 supported, 2 relogés, 3 other solutions, 4 diagnostics, 2 entries)", async () => {
    const previous = await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Logement relais 2023-2024" } }, include: { cases: { include: { events: true } } } });
    const cases = previous.cases.map((c) => {
      const f = relaisCaseFacts(c.events.map((e) => e.payload as unknown as RelaisCaseEvent));
      return { householdId: c.householdId, referredOn: f.referredOn, entryOn: f.entryOn, end: f.end };
    });
    expect(relaisFigures(cases, "2023-01-01", "2024-12-31")).toEqual({ from: "2023-01-01", to: "2024-12-31", supported: 10, reloges: 2, otherSolutions: 3, diagnosticsRequested: 4, entries: 2 });
  });

  it("GEN-1: all five kinds are there, every party confirmed, each signed", async () => {
    const conventions = await s.db.convention.findMany({ include: { parties: true, events: { where: { type: "SIGNED" } } } });
    expect([...new Set(conventions.map((c) => c.kind))].sort()).toEqual(["ASLLI", "CADRE", "FNAVDL", "RELAIS", "RESERVATION_FLUX"]);
    for (const c of conventions) {
      expect(c.parties.every((p) => p.confirmedAt !== null)).toBe(true);
      expect(c.events).toHaveLength(1);
    }
  });

  it("REL-1..REL-8: the current relais convention has cases in every state, some overdue, and this year's referrals", async () => {
    const current = await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Logement relais avec accompagnement social" } }, include: { cases: true } });
    expect(current.cases).toHaveLength(5);
    expect(current.cases.filter((c) => c.closedOn !== null)).toHaveLength(2);
    expect(current.cases.filter((c) => c.nextDueOn !== null && c.nextDueOn.toISOString().slice(0, 10) < TODAY).length).toBeGreaterThanOrEqual(1);
    expect(current.cases.filter((c) => c.quotaYear === Number(TODAY.slice(0, 4))).length).toBeGreaterThanOrEqual(2);
  });

  it("the dashboard lists what falls on the organisation, most urgent first, never a closed case's past misses nor another's duties", async () => {
    const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;
    const aumv = await nextObligations(await caller("agent@aumv.demo", "aumv"), TODAY, 50);
    const dues = aumv.map((o) => o.dueOn!.toISOString());
    expect(dues).toEqual([...dues].sort());
    expect(aumv.every((o) => o.responsibleOrganisationId === s.org("aumv") || o.responsibleOrganisationId === null)).toBe(true);
    const closed = await s.db.case.findMany({ where: { closedOn: { not: null } }, select: { id: true } });
    expect(aumv.filter((o) => closed.some((c) => c.id === o.ownerId) && o.key !== "REL-8:final-bilan")).toEqual([]);
    expect(aumv.some((o) => o.key === "REL-2:diagnostic")).toBe(true);
    const valophis = await nextObligations(await caller("agent@valophis-habitat.demo", "valophis-habitat"), TODAY, 50);
    expect(valophis.some((o) => o.ownerType === "CASE")).toBe(false);
  });

  it("ACC-1: the demo's daily digests (issue 13) go to its four subscribers, each with only their chosen organisations, agreeing with the dashboard", async () => {
    const mails: { to: string; text: string }[] = [];
    const run = await runDailyDigest(TODAY, { db: s.db, send: async (m) => { mails.push({ to: m.to, text: m.text }); } });
    expect(run.sent + run.empty).toBe(DEMO_DIGESTS.length);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    const names = new Map((await s.db.organisation.findMany({ select: { slug: true, name: true } })).map((o) => [o.slug, o.name]));
    for (const m of mails) {
      const chosen = DEMO_DIGESTS.find(([email]) => email === m.to)![1];
      const groups = [...m.text.matchAll(/^== (.+) ==$/gm)].map((x) => x[1]);
      expect(groups.length).toBeGreaterThan(0);
      expect(groups.every((g) => chosen.some((slug) => names.get(slug) === g))).toBe(true);
    }
    // The week's items of AUMV are the dashboard's, in the same order.
    const caller = (await resolveCaller({ personId: s.person("agent@aumv.demo").id }, "aumv"))!;
    const until = addDays(TODAY, 7, "GEN-6");
    const board = (await nextObligations(caller, TODAY, 500)).filter((o) => o.dueOn!.toISOString().slice(0, 10) >= TODAY && o.dueOn!.toISOString().slice(0, 10) < until);
    const [aumv] = await digestGroups(s.db, [{ id: s.org("aumv"), slug: "aumv", name: "AUMV" }], TODAY, TODAY);
    expect(board.length).toBeGreaterThan(0);
    expect(aumv.soon.map((i) => i.id)).toEqual(board.map((o) => o.id));
  });

  it("GEN-1: the previous FNAVDL convention and an ASLLi partnership for each past year from 2025 are there; by kind, a test reaches the current ones", async () => {
    const year = Number(TODAY.slice(0, 4));
    const fnavdl = await s.db.convention.findMany({ where: { kind: "FNAVDL" }, orderBy: { signedOn: "asc" } });
    expect(fnavdl.map((c) => [c.title, c.signedOn.toISOString().slice(0, 10)])).toEqual([
      ["Convention d'objectifs FNAVDL 2024-2025 – Val-de-Marne / AUMV", "2024-01-15"],
      ["Convention d'objectifs FNAVDL – Val-de-Marne / AUMV", "2025-03-14"],
    ]);
    const aslli = await s.db.convention.findMany({ where: { kind: "ASLLI" }, orderBy: { startOn: "asc" } });
    expect(aslli.map((c) => c.title)).toEqual(Array.from({ length: year - 2024 }, (_, i) => `Partenariat ASLLi ${2025 + i} – Collectivité européenne d'Alsace / Habiter Solidaire en Alsace`));
    expect(s.convention("FNAVDL")).toBe(fnavdl[1].id);
    expect(s.convention("ASLLI")).toBe(aslli.at(-1)!.id);
  });

  async function supportCases(kind: "FNAVDL" | "ASLLI") {
    return s.db.case.findMany({
      where: { kind },
      include: {
        convention: { select: { title: true, parameters: true } }, household: { select: { organisationId: true } }, referents: true,
        events: { orderBy: [{ on: "asc" }, { createdAt: "asc" }] }, texts: true,
      },
    });
  }
  const stagesOf = (cases: Awaited<ReturnType<typeof supportCases>>) =>
    new Set(cases.map((c) => caseStage(c.kind, c.events, (c.convention.parameters as Record<string, unknown>).publicKind === "DALO", TODAY)));

  it("AVD-6..AVD-14: AUMV's FNAVDL cases are in every stage — prescribed, consented, oriented, in support, in sublease, closed", async () => {
    const cases = await supportCases("FNAVDL");
    expect(cases.length).toBeGreaterThanOrEqual(7);
    const stages = stagesOf(cases);
    expect(stages.has("PRESCRIBED") || stages.has("CONSENTED")).toBe(true);
    for (const st of ["ORIENTED", "IN_SUPPORT", "SUBLEASE", "CLOSED"]) expect(stages).toContain(st);
    expect(cases.every((c) => c.household.organisationId === s.org("aumv") && c.createdByOrgId === s.org("aumv"))).toBe(true);
    expect(cases.every((c) => c.referents.length === 1 && c.referents[0].personId === s.person("agent@aumv.demo").id)).toBe(true);
    const types = new Set(cases.flatMap((c) => c.events.map((e) => e.type)));
    for (const t of ["CONSENT", "DIAGNOSTIC", "SUPPORT_START", "SUPPORT_CHANGE", "SUBLEASE_START", "LEASE_SIGNED", "SURVEY", "END"]) expect(types).toContain(t);
    // AVD-6: a COMED decision prescribes the measure itself; AVD-7: diagnostics kept by the association.
    expect(cases.some((c) => (c.events[0].payload as { prescriber: string; measure: unknown }).prescriber === "COMMISSION_MEDIATION" && (c.events[0].payload as { measure: unknown }).measure !== null)).toBe(true);
    const diagnostics = cases.flatMap((c) => c.texts.filter((t) => t.kind === "FNAVDL_DIAGNOSTIC"));
    expect(diagnostics.length).toBeGreaterThanOrEqual(3);
    expect(diagnostics.every((t) => t.sentToOrgIds.length === 0 && Object.keys(t.sections as object).sort().join() === "conclusion,situation")).toBe(true);
  });

  it("AVD-9, AVD-11: under the previous convention a DALO support was prolonged beyond 9 months after an evaluation, and its lease slid", async () => {
    // Issue 14 added four fixed cases to that convention (the annex III report's hand-checked figures); this one was evaluated.
    const cases = (await supportCases("FNAVDL")).filter((c) => c.convention.title.startsWith("Convention d'objectifs FNAVDL 2024-2025") && c.events.some((e) => e.type === "EVALUATION_SENT"));
    expect(cases).toHaveLength(1);
    const events = cases[0].events.map((e) => e.payload as unknown as FnavdlCaseEvent);
    const f = fnavdlCaseFacts(events, true);
    const evaluation = events.find((e) => e.type === "EVALUATION_SENT")!;
    const prolongation = events.find((e) => e.type === "PROLONGATION")!;
    expect(evaluation.on <= prolongation.on).toBe(true);
    expect(f.support!.plannedEndOn > addDays(f.support!.startOn, 275, "AVD-9")).toBe(true);
    expect(f.sublease?.slidOn).not.toBeNull();
    expect(f.housingAccessOn).not.toBeNull();
    expect(f.end?.reason).toBe("COMPLETED");
    expect(cases[0].texts.map((t) => t.kind)).toContain("FNAVDL_EVALUATION");
  });

  it("ASL-1..ASL-14: Habiter Solidaire en Alsace's measures are in every stage — requested, refused, granted, in support, suspended, closed", async () => {
    const cases = await supportCases("ASLLI");
    expect(cases.length).toBeGreaterThanOrEqual(7);
    const stages = stagesOf(cases);
    for (const st of ["REQUESTED", "REFUSED", "GRANTED", "IN_SUPPORT", "SUSPENDED", "CLOSED"]) expect(stages).toContain(st);
    const types = new Set(cases.flatMap((c) => c.events.map((e) => e.type)));
    for (const t of ["COMMISSION", "PLAN_SENT", "MEETING", "SUSPENSION", "INTERRUPTION", "BILAN_SENT", "RENEWAL", "END", "HANDOVER"]) expect(types).toContain(t);
    const alsace = s.org("alsace");
    const habiter = s.org("habiter-alsace");
    expect(cases.every((c) => c.household.organisationId === habiter)).toBe(true);
    // ASL-2/ASL-4: the association asks, the Département decides, renews and ends.
    for (const e of cases.flatMap((c) => c.events)) expect(e.recordedByOrgId).toBe(["COMMISSION", "RENEWAL", "END"].includes(e.type) ? alsace : habiter);
    // ACC-2/ASL-12: the request, the plan, the bilans and the interruption go to the Service Logement.
    const sent = cases.flatMap((c) => c.texts.filter((t) => ["ASLLI_REQUEST", "ASLLI_PLAN", "ASLLI_BILAN", "ASLLI_INTERRUPTION"].includes(t.kind)));
    expect(new Set(sent.map((t) => t.kind))).toEqual(new Set(["ASLLI_REQUEST", "ASLLI_PLAN", "ASLLI_BILAN", "ASLLI_INTERRUPTION"]));
    expect(sent.every((t) => t.sentToOrgIds.length === 1 && t.sentToOrgIds[0] === alsace && t.authorOrgId === habiter)).toBe(true);
    expect(cases.every((c) => c.texts.some((t) => t.kind === "ASLLI_REQUEST" && Object.keys(t.sections as object).sort().join() === "causes,priorityAxes,symptoms"))).toBe(true);
    // ASL-7: the interruption is after the 15th of a past month.
    const interruption = cases.flatMap((c) => c.events).find((e) => e.type === "INTERRUPTION")!.on.toISOString().slice(0, 10);
    expect(Number(interruption.slice(8))).toBeGreaterThan(15);
    expect(interruption.slice(0, 7) < TODAY.slice(0, 7)).toBe(true);
  });

  it("ASL-6, AVD-10: no demo measure misses its two meetings a month; the only open overdue item of these cases is the AVD-10 start meant to be late", async () => {
    const cases = [...(await supportCases("FNAVDL")), ...(await supportCases("ASLLI"))];
    const obligations = await s.db.obligation.findMany({ where: { ownerType: "CASE", ownerId: { in: cases.map((c) => c.id) } } });
    const overdue = obligations.filter((o) => o.doneOn === null && !o.optional && o.dueOn !== null && o.dueOn.toISOString().slice(0, 10) < TODAY);
    expect(overdue.filter((o) => o.rule === "ASL-6")).toEqual([]);
    expect(obligations.filter((o) => o.rule === "ASL-6" && o.doneOn !== null).length).toBeGreaterThan(10);
    const open = new Set(cases.filter((c) => c.closedOn === null).map((c) => c.id));
    expect(overdue.filter((o) => open.has(o.ownerId)).map((o) => o.key)).toEqual(["AVD-10:start"]);
    // What falls due soon: the bailleur's notice of a bail glissant (AVD-11) and a signed plan (ASL-5).
    const dueWithin = (key: string, from: number, to: number) =>
      obligations.some((o) => o.key === key && o.doneOn === null && o.dueOn !== null && o.dueOn.toISOString().slice(0, 10) >= addDays(TODAY, from, "GEN-6") && o.dueOn.toISOString().slice(0, 10) <= addDays(TODAY, to, "GEN-6"));
    expect(dueWithin("AVD-11:notice", 0, 35)).toBe(true);
    expect(dueWithin("ASL-5:plan", 1, 7)).toBe(true);
  });

  it("ASL-11: case numbers run 1, 2, 3… per convention and year of the first step, which is never after today", async () => {
    const cases = [...(await supportCases("FNAVDL")), ...(await supportCases("ASLLI"))];
    const ranks = new Map<string, number[]>();
    for (const c of cases) {
      expect(c.quotaYear).toBe(c.events[0].on.getUTCFullYear());
      expect(c.events.every((e) => e.on.toISOString().slice(0, 10) <= TODAY)).toBe(true);
      const k = `${c.conventionId}:${c.quotaYear}`;
      ranks.set(k, [...(ranks.get(k) ?? []), c.quotaRank!]);
    }
    for (const r of ranks.values()) expect(r.sort((a, b) => a - b)).toEqual(r.map((_, i) => i + 1));
  });

  it("RES-22 RES-23 RES-13 RES-14: the demo shows the 2024 and 2025 bilans of Valophis on Choisy-le-Roi, sent with their .xlsx; the 2024 one validated in 2025", async () => {
    const { annualBilanView } = await import("@/lib/server/annual-bilan");
    const valophis = (await resolveCaller({ personId: s.person("agent@valophis-habitat.demo").id, sessionVersion: 0 }, "valophis-habitat"))!;
    const conv = s.convention("RESERVATION_FLUX");
    const [b24, b25] = [(await annualBilanView(valophis, conv, 2024, TODAY))!, (await annualBilanView(valophis, conv, 2025, TODAY))!];
    // prisma/demo-vacancies.ts DEMO_VACANCY_PLAN: 2024 — 22 leases, 4 lapses, 2 refusals, 1 withdrawn, 1 let in January 2025,
    // 92 let by the bailleur; 2025 — 27 leases (+ the one of 2024), 3 lapses, 2 refusals, 1 withdrawn, 95 let by the bailleur.
    expect([b24.freed, b25.freed]).toEqual([29 + 92, 32 + 95]);
    const [c24, c25] = [b24.reservataires[0], b25.reservataires[0]];
    expect(c24.name).toBe("Ville de Choisy-le-Roi");
    expect([c24.row.proposed, c24.row.attributed, c24.row.leases, c24.row.equivalents, c24.row.objective, c24.row.objectiveReached]).toEqual([29, 25, 22, 6, 29, false]); // 121 × 24 % = 29,04
    expect([c25.row.proposed, c25.row.attributed, c25.row.leases, c25.row.equivalents, c25.row.objective, c25.row.objectiveReached]).toEqual([32, 29, 28, 5, 30, true]); // 127 × 24 % = 30,48
    expect(c24.share.source).toBe("CONVENTION");
    expect(c25.share).toEqual({ share: 0.24, source: "AGREED" });
    expect(Object.values(b24.bilan.rehousings).reduce((a, b) => a + b, 0)).toBe(12);
    expect(Object.values(b25.bilan.rehousings).reduce((a, b) => a + b, 0)).toBe(17);
    expect(c24.droits.nextJan1).toBeCloseTo(c25.droits.jan1, 9); // RES-10: the stock carries over
    // Both were marked sent with their file; the 2024 one was validated at the 2025 meeting, the 2025 one awaits its meeting.
    expect(b24.mine.sending?.fileName).toBe("Bilan 2024 – Valophis Habitat – Choisy-le-Roi.xlsx");
    expect(b25.mine.sending?.documentId).toBeTruthy();
    expect(b24.mine.meeting?.participants).toContain("Mme Hamon");
    expect(b25.mine.meeting).toBeNull();
    expect(await s.db.document.count({ where: { conventionId: conv, category: "ANNUAL_BILAN" } })).toBe(2);
  });

  it("ACC-3: every recorded step of the demo left its audit line (who, for which organisation, on the day), which AUMV's audit view shows for its agent", async () => {
    const steps = await s.db.caseEvent.count();
    expect(await s.db.auditEvent.count({ where: { entityType: "Case", action: { startsWith: "case." } } })).toBe(steps);
    const first = await s.db.caseEvent.findFirstOrThrow({ where: { type: "PRESCRIPTION", case: { household: { referenceLastName: "Lefèvre" } } } });
    const line = await s.db.auditEvent.findFirstOrThrow({ where: { entityId: first.caseId, action: "case.fnavdl.prescribe" } });
    expect([line.actorId, line.organisationId, line.at.toISOString().slice(0, 10)]).toEqual([s.person("agent@aumv.demo").id, s.org("aumv"), "2024-02-05"]);
    const { auditView } = await import("@/lib/server/access");
    const { callerAs } = await import("./helpers");
    const view = (await auditView(await callerAs(s, ["admin@aumv.demo", "aumv"]), { personne: s.person("agent@aumv.demo").id, action: "case.fnavdl." }, undefined))!;
    expect(view.rows).toHaveLength(50);
    expect(view.next).not.toBeNull();
  });
});
