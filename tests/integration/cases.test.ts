import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { findCase, resolveCaller } from "@/lib/server/access";
import { relaisFixture } from "./cases-fixture";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let fx: Awaited<ReturnType<typeof relaisFixture>>;
beforeAll(async () => { s = await seeded(); fx = await relaisFixture(s); });
afterAll(async () => { await s.db.$disconnect(); });

const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input);
const refer = (householdId: string, referredOn: string) =>
  run("cases.refer", "agent@choisy-le-roi.demo", "choisy-le-roi", { conventionId: fx.conventionId, householdId, referredOn, referentPersonId: s.person("agent@choisy-le-roi.demo").id });
const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;
const sections = { problem: "Dette locative et rupture familiale", financialSituation: "RSA et prime d'activité, 3 crédits", prioritySteps: "Dossier de surendettement", engagementCapacity: "Bonne", supportProject: "Accompagnement budgétaire hebdomadaire", modalities: "Visites à domicile", paymentCapacity: "Redevance de 20 %" };

describe("relais cases", () => {
  it("REL-1: 5 parallel referrals in one convention year give exactly 3 accepted, the others refused in French", async () => {
    const results = await Promise.all(fx.households.slice(0, 5).map((h) => refer(h, "2025-03-10")));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r).toMatchObject({ message: expect.stringContaining("quota de 3 demandes") });
    expect(await s.db.case.count({ where: { conventionId: fx.conventionId, quotaYear: 2025 } })).toBe(3);
    // A new convention year opens the quota again.
    expect((await refer(fx.households[5], "2026-01-15")).ok).toBe(true);
  });

  it("REL-2..REL-8: a case from referral to final bilan, with the domain's dates, and impossible sequences refused", async () => {
    const c = await s.db.case.findFirstOrThrow({ where: { conventionId: fx.conventionId, quotaYear: 2025 }, orderBy: { createdAt: "asc" } });
    const assoc = (input: object) => run("cases.recordEvent", "agent@aumv.demo", "aumv", { caseId: c.id, ...input });
    const aumv = await caller("agent@aumv.demo", "aumv");
    let view = (await findCase(aumv, c.id, "2025-03-20"))!;
    expect(view.obligations.find((o) => o.key === "REL-2:diagnostic")).toMatchObject({ opensOn: new Date("2025-03-25"), dueOn: new Date("2025-04-10") });
    // A bilan before the entry is impossible.
    expect(await assoc({ type: "INTERMEDIATE_BILAN_SENT", on: "2025-03-20", text: "Bilan trop tôt pour être vrai" })).toMatchObject({ ok: false, message: expect.stringMatching(/impossible/) });
    // The Ville does not record the association's steps.
    expect(await run("cases.recordEvent", "agent@choisy-le-roi.demo", "choisy-le-roi", { caseId: c.id, type: "DIAGNOSTIC", on: "2025-03-28", sections, monthlyIncome: "1 234,58", rentWithApl: false })).toMatchObject({ ok: false, message: expect.stringContaining("association") });
    expect((await assoc({ type: "DIAGNOSTIC", on: "2025-03-28", sections, monthlyIncome: "1 234,58", rentWithApl: false })).ok).toBe(true);
    expect((await run("cases.recordEvent", "agent@choisy-le-roi.demo", "choisy-le-roi", { caseId: c.id, type: "DECISION", on: "2025-04-15", entry: "true" })).ok).toBe(true);
    expect((await assoc({ type: "ENTRY", on: "2025-05-02" })).ok).toBe(true);
    view = (await findCase(aumv, c.id, "2025-05-05"))!;
    expect(view.stage).toBe("IN_SUPPORT");
    expect(view.obligations.some((o) => o.key.startsWith("REL-7:visit:"))).toBe(true);
    expect(view.obligations.find((o) => o.key === "REL-8:final-bilan")?.dueOn?.toISOString().slice(0, 10)).toBe("2026-05-01");
    // Two workers recording at the same time both keep their event.
    const both = await Promise.all([assoc({ type: "VISIT", on: "2025-05-06", checklist: ["BUDGET_PRIORITY_GRID"] }), assoc({ type: "VISIT", on: "2025-05-07", checklist: [] })]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(await s.db.caseEvent.count({ where: { caseId: c.id, type: "VISIT" } })).toBe(2);
    expect((await assoc({ type: "FINAL_BILAN_SENT", on: "2025-06-30", text: "Ménage autonome, relogement demandé." })).ok).toBe(true);
    expect((await assoc({ type: "END", on: "2025-07-01", outcome: "RELOGE" })).ok).toBe(true);
    expect(await assoc({ type: "VISIT", on: "2025-07-05", checklist: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/terminé/) });
    expect((await findCase(aumv, c.id, "2025-07-10"))!.stage).toBe("CLOSED");
  });

  it("ACC-2/ACC-3: social detail is shown only on request, to the author and the recipients, each display audited; a list leaves none", async () => {
    const c = await s.db.case.findFirstOrThrow({ where: { conventionId: fx.conventionId, quotaYear: 2025 }, orderBy: { createdAt: "asc" } });
    const before = await s.db.auditEvent.count({ where: { action: "case.socialDetail.read" } });
    const aumv = await run("cases.showSocialDetail", "agent@aumv.demo", "aumv", { caseId: c.id });
    const kinds = (aumv as { data: { kind: string; sections: Record<string, unknown> }[] }).data.map((t) => t.kind);
    expect(kinds).toEqual(["DIAGNOSTIC", "FINAL_BILAN"]);
    const diag = (aumv as { data: { kind: string; sections: Record<string, unknown> }[] }).data[0].sections;
    expect(diag).toMatchObject({ monthlyIncomeCents: 123_458, redevanceCents: 24_692 });
    // The Ville's referent is a referent: they see the diagnostic too; the Ville's reader sees only what was sent to the Ville.
    const villeReader = await run("cases.showSocialDetail", "lecteur@choisy-le-roi.demo", "choisy-le-roi", { caseId: c.id });
    expect((villeReader as { data: { kind: string }[] }).data.map((t) => t.kind)).toEqual(["FINAL_BILAN"]);
    expect(await run("cases.showSocialDetail", "admin@valophis-habitat.demo", "valophis-habitat", { caseId: c.id })).toMatchObject({ code: "not-found" });
    expect(await s.db.auditEvent.count({ where: { action: "case.socialDetail.read" } })).toBe(before + 2);
    await findCase(await caller("agent@aumv.demo", "aumv"), c.id, "2025-07-10");
    expect(await s.db.auditEvent.count({ where: { action: "case.socialDetail.read" } })).toBe(before + 2);
  });

  it("ACC-2: editing the same text concurrently refuses the second save; the Ville cannot edit the association's text", async () => {
    const c = await s.db.case.findFirstOrThrow({ where: { conventionId: fx.conventionId, quotaYear: 2025 }, orderBy: { createdAt: "asc" } });
    const t = await s.db.caseText.findFirstOrThrow({ where: { caseId: c.id, kind: "FINAL_BILAN" } });
    const edit = (email: string, org: string, text: string) => run("cases.editText", email, org, { textId: t.id, version: t.version, sections: { text } });
    expect((await edit("agent@aumv.demo", "aumv", "Première version corrigée")).ok).toBe(true);
    expect(await edit("admin@aumv.demo", "aumv", "Seconde version")).toMatchObject({ ok: false, message: expect.stringContaining("vient d'être modifié") });
    expect(await edit("agent@choisy-le-roi.demo", "choisy-le-roi", "Par la Ville")).toMatchObject({ code: "not-found" });
    expect(((await s.db.caseText.findUniqueOrThrow({ where: { id: t.id } })).sections as { text: string }).text).toBe("Première version corrigée");
  });
});
