// FNAVDL cases (AVD-6..10) and ASLLi measures (ASL-1..12) through the server actions, with the access rules
// of §8 (ACC-1, ACC-2). Every expected value below was worked out by hand from DOMAIN.md, never recomputed.
// The READER / outsider refusals of the four actions are covered by the registry probes (probes/fnavdl.ts, probes/aslli.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry, type ActionResult } from "@/lib/server/action";
import { findCase, resolveCaller } from "@/lib/server/access";
import { setToday } from "@/lib/server/clock";
import { fnavdlAslliFixture } from "./fnavdl-aslli-fixture";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let fx: Awaited<ReturnType<typeof fnavdlAslliFixture>>;
beforeAll(async () => { s = await seeded(); fx = await fnavdlAslliFixture(s, 24); });
afterAll(async () => { await s.db.$disconnect(); });

let used = 0;
/** A household of AUMV not yet used by another test (one measure in progress per household, ASL-1). */
const household = () => fx.households[used++];

type Result = ActionResult<unknown> & { data?: unknown; message?: string; fieldErrors?: Record<string, string[]> };
const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input) as Promise<Result>;
const idOf = (r: Result) => {
  if (!r.ok) throw new Error(`action refusée : ${JSON.stringify(r)}`);
  return (r.data as { id: string }).id;
};
const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: s.person(email).sessionVersion }, org))!;
const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;
const caseObligations = async (caseId: string) => s.db.obligation.findMany({ where: { ownerType: "CASE", ownerId: caseId } });

// ─── ASLLi ─────────────────────────────────────────────────────────────────────────────────────────
const aumvAgent = "agent@aumv.demo";
const deptAgent = "agent@alsace.demo";
const evaluation = { symptoms: "Impayés de loyer depuis trois mois", causes: "Séparation conjugale et perte d'emploi", priorityAxes: "Plan d'apurement et budget du foyer" };
const requestInput = (householdId: string, requestedOn: string, more: Record<string, unknown> = {}) => ({
  conventionId: fx.aslliId, householdId, requestedOn, instructorProfession: "ASSISTANTE_SOCIALE", instructorName: "Mme Durand, CCAS de Strasbourg",
  formSignedByHousehold: true, lawfullyResident: true, housingDifficulties: true, adheres: true, measuresInProgress: [], situations: ["MAINTIEN"], purpose: "MAINTIEN",
  evaluation, referentPersonId: s.person(aumvAgent).id, ...more,
});
const aslliAssoc = (input: Record<string, unknown>) => run("aslli.recordEvent", aumvAgent, "aumv", input);
const aslliDept = (input: Record<string, unknown>) => run("aslli.recordEvent", deptAgent, "alsace", input);

/** A measure requested by the association and granted by the Département's commission. */
async function grantedMeasure(x: { requestedOn: string; commissionOn: string; purpose: "ACCESS" | "MAINTIEN"; months: number }) {
  const caseId = idOf(await run("aslli.request", aumvAgent, "aumv", requestInput(household(), x.requestedOn, { purpose: x.purpose })));
  const r = await aslliDept({ caseId, type: "COMMISSION", on: x.commissionOn, granted: true, purpose: x.purpose, months: x.months, notifiedOn: x.commissionOn });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return caseId;
}

describe("ASLLi measures", () => {
  it("ASL-3: a request for a household under a MASP is refused with the reason, and nothing is written", async () => {
    const h = household();
    const casesBefore = await s.db.case.count({ where: { conventionId: fx.aslliId } });
    const textsBefore = await s.db.caseText.count();
    const r = await run("aslli.request", aumvAgent, "aumv", requestInput(h, "2025-03-03", { measuresInProgress: ["MASP"] }));
    expect(r).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("MASP") });
    expect(r.fieldErrors?.measuresInProgress?.[0]).toContain("MASP");
    expect(await s.db.case.count({ where: { householdId: h } })).toBe(0);
    expect(await s.db.case.count({ where: { conventionId: fx.aslliId } })).toBe(casesBefore);
    expect(await s.db.caseText.count()).toBe(textsBefore);
    // The same household without the MASP may be requested.
    expect((await run("aslli.request", aumvAgent, "aumv", requestInput(h, "2025-03-03"))).ok).toBe(true);
  });

  it("ASL-4/ASL-5: granted by the commission of 12 March 2025, the measure starts on 1 April and its signed plan is due by 1 May 2025", async () => {
    const caseId = await grantedMeasure({ requestedOn: "2025-03-03", commissionOn: "2025-03-12", purpose: "ACCESS", months: 3 });
    const plan = (await caseObligations(caseId)).find((o) => o.key === "ASL-5:plan");
    expect(plan).toMatchObject({ rule: "ASL-5", responsibleRole: "ASSOCIATION", doneOn: null });
    expect(iso(plan!.opensOn)).toBe("2025-04-01");
    expect(iso(plan!.dueOn)).toBe("2025-05-01");
    const view = (await findCase(await caller(aumvAgent, "aumv"), caseId, "2025-03-20"))!;
    expect(view.aslli!.facts.startOn).toBe("2025-04-01");
    // ASL-1: an access measure lasts 3 months: 1 April to 30 June 2025.
    expect(view.aslli!.facts.plannedEndOn).toBe("2025-06-30");
    expect(view.stage).toBe("GRANTED");

    // ASL-1: a keeping measure (maintien) granted the same day lasts 6 months: to 30 September 2025.
    const maintien = await grantedMeasure({ requestedOn: "2025-03-03", commissionOn: "2025-03-12", purpose: "MAINTIEN", months: 6 });
    const m = (await findCase(await caller(aumvAgent, "aumv"), maintien, "2025-03-20"))!;
    expect(m.aslli!.facts).toMatchObject({ startOn: "2025-04-01", plannedEndOn: "2025-09-30", totalMonths: 6 });
    expect(iso((await caseObligations(maintien)).find((o) => o.key === "ASL-5:plan")!.dueOn)).toBe("2025-05-01");
  });

  it("ASL-7/ASL-11b: interrupted on 16 May the month of May is due (2 × 285,00 €); on 15 May only April is", async () => {
    const on16 = await grantedMeasure({ requestedOn: "2025-03-03", commissionOn: "2025-03-12", purpose: "ACCESS", months: 3 });
    const on15 = await grantedMeasure({ requestedOn: "2025-03-03", commissionOn: "2025-03-12", purpose: "ACCESS", months: 3 });
    // The Département does not record the association's information of an interruption.
    expect(await aslliDept({ caseId: on16, type: "INTERRUPTION", on: "2025-05-16", reason: "Le ménage ne respecte plus le plan" })).toMatchObject({ ok: false, message: expect.stringContaining("association") });
    expect((await aslliAssoc({ caseId: on16, type: "INTERRUPTION", on: "2025-05-16", reason: "Le ménage ne respecte plus le plan" })).ok).toBe(true);
    expect((await aslliAssoc({ caseId: on15, type: "INTERRUPTION", on: "2025-05-15", reason: "Le ménage ne respecte plus le plan" })).ok).toBe(true);
    const aumv = await caller(aumvAgent, "aumv");
    const a = (await findCase(aumv, on16, "2025-06-10"))!;
    expect(a.aslli!.monthsDue).toEqual(["2025-04", "2025-05"]);
    expect(a.aslli!.amountDueCents).toBe(57_000);
    expect(a.aslli!.facts.endOn).toBe("2025-05-16");
    const b = (await findCase(aumv, on15, "2025-06-10"))!;
    expect(b.aslli!.monthsDue).toEqual(["2025-04"]);
    expect(b.aslli!.amountDueCents).toBe(28_500);
    // Nothing may be recorded on an interrupted measure but its bilan and hand-over (ASL-14).
    expect(await aslliAssoc({ caseId: on15, type: "MEETING", on: "2025-05-20", place: "DOMICILE", participants: "", minutes: "" })).toMatchObject({ ok: false, message: expect.stringContaining("terminé") });
  });

  it("ASL-1: a 6-month measure renewed twice by 6 months reaches 18 months; a third renewal is refused", async () => {
    // Commission 20 January 2025 → start 1 February 2025 (ASL-4).
    const caseId = await grantedMeasure({ requestedOn: "2025-01-10", commissionOn: "2025-01-20", purpose: "MAINTIEN", months: 6 });
    // The association does not renew a measure: the Service Logement decides.
    expect(await aslliAssoc({ caseId, type: "RENEWAL", on: "2025-07-15", months: 6 })).toMatchObject({ ok: false, message: expect.stringContaining("Service Logement") });
    expect((await aslliDept({ caseId, type: "RENEWAL", on: "2025-07-15", months: 6 })).ok).toBe(true);
    expect((await aslliDept({ caseId, type: "RENEWAL", on: "2025-12-15", months: 6 })).ok).toBe(true);
    const third = await aslliDept({ caseId, type: "RENEWAL", on: "2026-01-10", months: 1 });
    expect(third).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("maximum de 18 mois") });
    expect(third.message).toContain("19 mois");
    expect(await s.db.caseEvent.count({ where: { caseId, type: "RENEWAL" } })).toBe(2);
    const view = (await findCase(await caller(aumvAgent, "aumv"), caseId, "2026-01-20"))!;
    // 1 February 2025 + 18 months − 1 day.
    expect(view.aslli!.facts).toMatchObject({ startOn: "2025-02-01", totalMonths: 18, plannedEndOn: "2026-07-31" });
  });

  it("ASL-1: two renewals of 6 months recorded at once after 12 months: exactly one passes", async () => {
    const caseId = await grantedMeasure({ requestedOn: "2025-01-10", commissionOn: "2025-01-20", purpose: "MAINTIEN", months: 6 });
    expect((await aslliDept({ caseId, type: "RENEWAL", on: "2025-07-15", months: 6 })).ok).toBe(true);
    const both = await Promise.all([
      aslliDept({ caseId, type: "RENEWAL", on: "2025-12-15", months: 6 }),
      run("aslli.recordEvent", "admin@alsace.demo", "alsace", { caseId, type: "RENEWAL", on: "2025-12-16", months: 6 }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: "invalid", message: expect.stringContaining("24 mois dépasserait le maximum de 18 mois") });
    expect(await s.db.caseEvent.count({ where: { caseId, type: "RENEWAL" } })).toBe(2);
    expect((await findCase(await caller(aumvAgent, "aumv"), caseId, "2026-01-20"))!.aslli!.facts.totalMonths).toBe(18);
  });

  it("ASL-1: a household whose measure is still running is not requested again; once it ended, it may be, even before anyone reopens the old measure", async () => {
    const h = household();
    const prev = process.env.APP_MODE;
    process.env.APP_MODE = "test";
    try {
      setToday("2025-03-20");
      const first = idOf(await run("aslli.request", aumvAgent, "aumv", requestInput(h, "2025-03-03", { purpose: "ACCESS" })));
      expect((await aslliDept({ caseId: first, type: "COMMISSION", on: "2025-03-12", granted: true, purpose: "ACCESS", months: 3, notifiedOn: "2025-03-14" })).ok).toBe(true);
      // Granted 12 March: 1 April to 30 June 2025. On 15 May it is in progress.
      setToday("2025-05-15");
      expect(await run("aslli.request", aumvAgent, "aumv", requestInput(h, "2025-05-15"))).toMatchObject({ ok: false, fieldErrors: { householdId: ["Mesure ASLLi déjà en cours."] } });
      // On 1 September it has ended, though nothing was recorded or read since (its stored closing date is still empty).
      setToday("2025-09-01");
      expect((await s.db.case.findUniqueOrThrow({ where: { id: first } })).closedOn).toBeNull();
      expect((await run("aslli.request", aumvAgent, "aumv", requestInput(h, "2025-08-20"))).ok).toBe(true);
      expect(await s.db.case.count({ where: { householdId: h } })).toBe(2);
    } finally {
      setToday(null);
      if (prev === undefined) delete process.env.APP_MODE;
      else process.env.APP_MODE = prev;
    }
  });

  it("ASL-12/ACC-2: the Département reads only the housing sections of the request, never the causes nor the meeting minutes, even as referent", async () => {
    const caseId = await grantedMeasure({ requestedOn: "2025-03-03", commissionOn: "2025-03-12", purpose: "MAINTIEN", months: 6 });
    expect((await aslliAssoc({ caseId, type: "MEETING", on: "2025-04-03", place: "DOMICILE", participants: "Le ménage, l'AS", minutes: "Madame évoque des violences conjugales passées." })).ok).toBe(true);
    const plan = { objectives: "Reprendre le paiement du loyer courant", commitments: "Rendez-vous mensuel avec le bailleur" };
    expect((await aslliAssoc({ caseId, type: "PLAN_SENT", on: "2025-04-20", signedByHousehold: true, signedByInstructor: true, signedByAssociation: true, plan })).ok).toBe(true);

    const deptSees = async () => {
      const r = await run("cases.showSocialDetail", deptAgent, "alsace", { caseId });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const texts = r.data as { kind: string; sections: Record<string, unknown>; partial: boolean }[];
      const json = JSON.stringify(r.data);
      expect(json).not.toContain("causes");
      expect(json).not.toContain(evaluation.causes);
      expect(json).not.toContain("violences");
      expect(texts.map((t) => t.kind).sort()).toEqual(["ASLLI_PLAN", "ASLLI_REQUEST"]);
      const request = texts.find((t) => t.kind === "ASLLI_REQUEST")!;
      expect(request.sections).toEqual({ symptoms: evaluation.symptoms, priorityAxes: evaluation.priorityAxes });
      expect(request.partial).toBe(true);
      expect(texts.find((t) => t.kind === "ASLLI_PLAN")!.sections).toEqual(plan);
    };
    await deptSees();
    // Referent or not, the Département stays the commission (ASL-12).
    const dept = s.person(deptAgent);
    expect((await run("cases.setReferent", deptAgent, "alsace", { caseId, personId: dept.id })).ok).toBe(true);
    expect(await s.db.caseReferent.count({ where: { caseId, personId: dept.id } })).toBe(1);
    await deptSees();

    // The association that wrote them reads everything.
    const r = await run("cases.showSocialDetail", aumvAgent, "aumv", { caseId });
    const texts = r.data as { kind: string; sections: Record<string, unknown>; partial: boolean }[];
    expect(texts.map((t) => t.kind).sort()).toEqual(["ASLLI_MEETING", "ASLLI_PLAN", "ASLLI_REQUEST"]);
    expect(texts.find((t) => t.kind === "ASLLI_REQUEST")).toMatchObject({ sections: evaluation, partial: false });
    expect(texts.find((t) => t.kind === "ASLLI_MEETING")!.sections).toEqual({ minutes: "Madame évoque des violences conjugales passées." });
  });
});

// ─── FNAVDL ────────────────────────────────────────────────────────────────────────────────────────
const prescribe = (input: Record<string, unknown>) =>
  run("fnavdl.prescribe", aumvAgent, "aumv", { conventionId: fx.fnavdlId, householdId: household(), referentPersonId: s.person(aumvAgent).id, ...input });
const fnavdlEvent = (input: Record<string, unknown>, email = aumvAgent, org = "aumv") => run("fnavdl.recordEvent", email, org, input);
const diagnostic = { situation: "Ménage hébergé chez un tiers, deux enfants, dette ancienne", conclusion: "Accompagnement vers le logement nécessaire, niveau moyen" };

describe("FNAVDL cases", () => {
  it("AVD-9: a DALO support from 10 January 2025 may be prolonged to 9 October 2025 at most until the evaluation is sent", async () => {
    const caseId = idOf(await prescribe({ prescribedOn: "2024-12-02", prescriber: "SERVICES_ETAT" }));
    expect((await fnavdlEvent({ caseId, type: "CONSENT", on: "2024-12-05" })).ok).toBe(true);
    expect((await fnavdlEvent({ caseId, type: "DIAGNOSTIC", on: "2024-12-20", ...diagnostic, supportNeeded: true, intensity: "MOYEN", plannedMonths: 8 })).ok).toBe(true);
    expect((await fnavdlEvent({ caseId, type: "SUPPORT_START", on: "2025-01-10", action: "ADL", intensity: "MOYEN", plannedEndOn: "2025-08-31" })).ok).toBe(true);
    // 2025-12-31 is beyond 10 January 2025 + 9 months − 1 day = 9 October 2025.
    const refused = await fnavdlEvent({ caseId, type: "PROLONGATION", on: "2025-08-01", plannedEndOn: "2025-12-31" });
    expect(refused).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("évaluation") });
    expect(refused.message).toContain("9 octobre 2025");
    expect(await s.db.caseEvent.count({ where: { caseId, type: "PROLONGATION" } })).toBe(0);
    // Up to the 9-month limit no evaluation is needed; one day beyond, it is.
    expect((await fnavdlEvent({ caseId, type: "PROLONGATION", on: "2025-08-01", plannedEndOn: "2025-10-09" })).ok).toBe(true);
    expect(await fnavdlEvent({ caseId, type: "PROLONGATION", on: "2025-08-02", plannedEndOn: "2025-10-10" })).toMatchObject({ ok: false, message: expect.stringContaining("évaluation") });
    expect((await fnavdlEvent({ caseId, type: "EVALUATION_SENT", on: "2025-08-05", text: "Le ménage progresse, relogement en vue : prolonger jusqu'à fin décembre." })).ok).toBe(true);
    expect((await fnavdlEvent({ caseId, type: "PROLONGATION", on: "2025-08-10", plannedEndOn: "2025-12-31" })).ok).toBe(true);
    expect(await s.db.caseEvent.count({ where: { caseId, type: "PROLONGATION" } })).toBe(2);
    const view = (await findCase(await caller(aumvAgent, "aumv"), caseId, "2025-08-20"))!;
    expect(view.fnavdl!.facts.support).toMatchObject({ startOn: "2025-01-10", plannedEndOn: "2025-12-31" });
    expect(iso(view.obligations.find((o) => o.key === "AVD-7:support-end")!.dueOn)).toBe("2025-12-31");
  });

  it("AVD-6: one bailleur prescription a convention year (3 June to 2 June), motivated; the DALO commission's decision prescribes the measure itself", async () => {
    const motivation = "Impayés répétés, troubles de voisinage : le bailleur demande un diagnostic.";
    expect((await prescribe({ prescribedOn: "2024-09-02", prescriber: "BAILLEUR_SOCIAL", motivation })).ok).toBe(true);
    // Last day of the first convention year: the cap of 1 is reached.
    const second = await prescribe({ prescribedOn: "2025-06-02", prescriber: "BAILLEUR_SOCIAL", motivation });
    expect(second).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("plafond de 1 prescriptions") });
    expect(second.message).toContain("du 3 juin 2024 au 2 juin 2025");
    expect(second.fieldErrors?.prescriber).toHaveLength(1);
    // First day of the second convention year: allowed again.
    expect((await prescribe({ prescribedOn: "2025-06-03", prescriber: "BAILLEUR_SOCIAL", motivation })).ok).toBe(true);
    // A bailleur's request without motivation is refused, whatever the cap.
    const unmotivated = await prescribe({ prescribedOn: "2025-07-01", prescriber: "BAILLEUR_SOCIAL", motivation: "" });
    expect(unmotivated).toMatchObject({ ok: false, code: "invalid" });
    expect(unmotivated.fieldErrors?.motivation?.[0]).toContain("motivée");
    expect(await s.db.caseEvent.count({ where: { type: "PRESCRIPTION", case: { conventionId: fx.fnavdlId }, payload: { path: ["prescriber"], equals: "BAILLEUR_SOCIAL" } } })).toBe(2);

    // AVD-6/AVD-10: the commission de médiation (never capped) prescribes the measure: no diagnostic,
    // the start is due within 30 days of 3 February 2025, i.e. by 5 March 2025.
    const caseId = idOf(await prescribe({ prescribedOn: "2025-02-03", prescriber: "COMMISSION_MEDIATION", comedMeasure: true, intensity: "APPROFONDI", plannedMonths: 12 }));
    const obligations = await caseObligations(caseId);
    expect(obligations.map((o) => o.key).sort()).toEqual(["AVD-10:start"]);
    expect(obligations.some((o) => o.key.startsWith("AVD-7:diagnostic"))).toBe(false);
    expect(iso(obligations[0].opensOn)).toBe("2025-02-03");
    expect(iso(obligations[0].dueOn)).toBe("2025-03-05");
  });

  it("AVD-7/ACC-2: a diagnostic sent to another association shares the case with it, read-only, and the sending is audited", async () => {
    const caseId = idOf(await prescribe({ prescribedOn: "2025-03-03", prescriber: "SERVICES_ETAT", motivation: "Sortie d'hébergement d'urgence prévue." }));
    expect((await fnavdlEvent({ caseId, type: "CONSENT", on: "2025-03-05" })).ok).toBe(true);
    const habiter = s.org("habiter-alsace");
    expect((await fnavdlEvent({ caseId, type: "DIAGNOSTIC", on: "2025-03-20", ...diagnostic, supportNeeded: true, intensity: "MOYEN", plannedMonths: 6, operatorOrgId: habiter })).ok).toBe(true);
    expect((await s.db.case.findUniqueOrThrow({ where: { id: caseId } })).sharedWithOrgIds).toEqual([habiter]);

    const other = await caller("agent@habiter-alsace.demo", "habiter-alsace");
    const view = await findCase(other, caseId, "2025-03-25");
    expect(view).not.toBeNull();
    expect(view!.partyRole).toBeNull();
    const r = await run("cases.showSocialDetail", "agent@habiter-alsace.demo", "habiter-alsace", { caseId });
    expect(r.ok).toBe(true);
    const texts = r.data as { id: string; kind: string; sections: Record<string, unknown>; editable: boolean }[];
    // The diagnostic only: the prescription's motivation was not sent.
    expect(texts.map((t) => t.kind)).toEqual(["FNAVDL_DIAGNOSTIC"]);
    expect(texts[0]).toMatchObject({ sections: diagnostic, editable: false });
    // Read-only: the steps stay with the parties to the convention.
    expect(await fnavdlEvent({ caseId, type: "SUPPORT_START", on: "2025-03-25", action: "AVL", intensity: "MOYEN", plannedEndOn: "2025-09-24" }, "agent@habiter-alsace.demo", "habiter-alsace")).toMatchObject({ ok: false, code: "not-found" });
    expect(await s.db.caseEvent.count({ where: { caseId, type: "SUPPORT_START" } })).toBe(0);
    const sent = await s.db.auditEvent.findFirst({ where: { action: "case.text.sent", entityType: "CaseText", entityId: texts[0].id } });
    expect(sent).toMatchObject({ organisationId: s.org("aumv"), actorId: s.person(aumvAgent).id, fields: ["sentToOrgIds"] });
  });
});

describe("who sees FNAVDL cases and ASLLi measures", () => {
  it("ACC-1/ACC-2: a bailleur, party to neither convention, finds neither case nor its social detail", async () => {
    const fnavdlCase = idOf(await prescribe({ prescribedOn: "2025-04-01", prescriber: "SERVICES_ETAT", motivation: "Ménage menacé d'expulsion." }));
    const aslliCase = await grantedMeasure({ requestedOn: "2025-04-02", commissionOn: "2025-04-09", purpose: "ACCESS", months: 3 });
    const bailleur = await caller("admin@valophis-habitat.demo", "valophis-habitat");
    for (const caseId of [fnavdlCase, aslliCase]) {
      expect(await run("cases.showSocialDetail", "admin@valophis-habitat.demo", "valophis-habitat", { caseId })).toMatchObject({ ok: false, code: "not-found" });
      expect(await findCase(bailleur, caseId, "2025-04-15")).toBeNull();
    }
    // The parties do find them.
    expect(await findCase(await caller("agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne"), fnavdlCase, "2025-04-15")).not.toBeNull();
    expect(await findCase(await caller(deptAgent, "alsace"), aslliCase, "2025-04-15")).not.toBeNull();
  });
});
