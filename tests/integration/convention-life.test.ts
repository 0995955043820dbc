import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { findConvention, resolveCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { STALE_MESSAGE } from "@/lib/validation/convention-life";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input);
const version = async (id: string) => (await s.db.convention.findUniqueOrThrow({ where: { id } })).version;
const view = async (email: string, org: string, id: string, at = today()) =>
  (await findConvention((await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!, id, at))!;
const audits = async (entityId: string) => (await s.db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((a) => a.action);

describe("the life of a convention", () => {
  it("GEN-5: the city records the yearly subsidy, AUMV confirms it; each change leaves one audit event", async () => {
    const id = s.convention("RELAIS");
    const year = today().slice(0, 4);
    const before = await audits(id);
    const paid = await run("conventions.fulfil", "admin@choisy-le-roi.demo", "choisy-le-roi", { conventionId: id, version: await version(id), key: `GEN-5:payment:subsidy-${year}`, on: today(), amount: "11 400,00" });
    expect(paid).toEqual({ ok: true, data: undefined });
    // AUMV is not the payer.
    const wrongParty = await run("conventions.fulfil", "admin@aumv.demo", "aumv", { conventionId: id, version: await version(id), key: `GEN-5:confirm:subsidy-${year}`, on: today() });
    expect(wrongParty.ok).toBe(true);
    const c = await view("agent@aumv.demo", "aumv", id);
    const payment = c.obligations.find((o) => o.key === `GEN-5:payment:subsidy-${year}`)!;
    expect(payment.doneOn?.toISOString().slice(0, 10)).toBe(today());
    expect(payment.amountCents).toBe(1_140_000);
    expect(c.obligations.find((o) => o.key === `GEN-5:confirm:subsidy-${year}`)?.doneOn).not.toBeNull();
    expect((await audits(id)).slice(before.length)).toEqual(["convention.event.payment", "convention.event.payment_confirmed"]);
  });

  it("GEN-2: a denunciation recorded on 2026-10-01 makes the relais convention end on 31 December 2026", async () => {
    const id = s.convention("RELAIS");
    const r = await run("conventions.letter", "admin@choisy-le-roi.demo", "choisy-le-roi", { conventionId: id, version: await version(id), kind: "DENOUNCED", on: "2026-10-01" });
    expect(r.ok).toBe(true);
    const c = await view("admin@choisy-le-roi.demo", "choisy-le-roi", id, "2026-11-22");
    expect(c.endOn).toBe("2026-12-31");
    expect(c.status).toBe("DENONCEE");
    expect((await view("admin@choisy-le-roi.demo", "choisy-le-roi", id, "2027-01-05")).status).toBe("ECHUE");
  });

  it("GEN-4: the bailleur cannot terminate the réservation convention; an AGENT can neither amend nor terminate", async () => {
    const resa = s.convention("RESERVATION_FLUX");
    const bailleur = await run("conventions.letter", "admin@valophis-habitat.demo", "valophis-habitat", { conventionId: resa, version: await version(resa), kind: "MISE_EN_DEMEURE", on: "2026-05-01" });
    expect(bailleur).toMatchObject({ ok: false, message: "Seule la commune réservataire peut résilier cette convention (GEN-4)." });
    const fnavdl = s.convention("FNAVDL");
    expect(await run("conventions.letter", "agent@aumv.demo", "aumv", { conventionId: fnavdl, version: await version(fnavdl), kind: "MISE_EN_DEMEURE", on: "2026-05-01" })).toMatchObject({ code: "forbidden" });
    expect(await run("avenants.propose", "agent@aumv.demo", "aumv", { conventionId: fnavdl, version: await version(fnavdl), effectiveOn: "2026-06-01", reason: "Prolongation", parameter: "extended", value: "true" })).toMatchObject({ code: "forbidden" });
  });

  it("AVD-2/GEN-3: an avenant extending the FNAVDL convention by 12 months applies once both parties confirm", async () => {
    const id = s.convention("FNAVDL");
    const before = await view("admin@aumv.demo", "aumv", id);
    expect(before.endOn).toBe("2027-03-13");
    const reportsBefore = before.obligations.find((o) => o.key === "AVD-5:report:final_bilan")?.dueOn?.toISOString().slice(0, 10);
    expect(reportsBefore).toBe("2027-09-13");
    const p = await run("avenants.propose", "admin@aumv.demo", "aumv", { conventionId: id, version: await version(id), effectiveOn: "2026-06-01", reason: "Prolongation d'un an pour achever les accompagnements en cours", parameter: "extended", value: "true" });
    expect(p).toMatchObject({ ok: true, data: { number: 1 } });
    expect((await view("admin@aumv.demo", "aumv", id)).endOn).toBe("2027-03-13"); // not before the State confirms
    const avenantId = (p as { data: { id: string } }).data.id;
    expect(await run("avenants.confirm", "agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne", { avenantId })).toMatchObject({ code: "forbidden" });
    expect(await run("avenants.confirm", "admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne", { avenantId })).toEqual({ ok: true, data: { inForce: true } });
    const after = await view("admin@aumv.demo", "aumv", id);
    expect(after.endOn).toBe("2028-03-13");
    expect(after.params.extended).toBe(true);
    expect(after.obligations.find((o) => o.key === "AVD-5:report:final_bilan")?.dueOn?.toISOString().slice(0, 10)).toBe("2028-09-13");
    // GEN-3: a figure computed for a past date uses the parameters then in force.
    expect((await view("admin@aumv.demo", "aumv", id, "2026-05-31")).params.extended).toBe(false);
  });

  it("GEN-4: termination only after the mise en demeure's notice has run", async () => {
    const id = s.convention("FNAVDL");
    const letter = await run("conventions.letter", "admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne", { conventionId: id, version: await version(id), kind: "MISE_EN_DEMEURE", on: "2026-05-01" });
    expect(letter.ok).toBe(true);
    const early = await run("conventions.letter", "admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne", { conventionId: id, version: await version(id), kind: "TERMINATED", on: "2026-06-15" });
    expect(early).toMatchObject({ ok: false, code: "invalid" });
    expect((early as { message: string }).message).toMatch(/mise en demeure/i);
    expect(await s.db.conventionEvent.count({ where: { conventionId: id, type: "TERMINATED" } })).toBe(0); // nothing half-written
    const ok = await run("conventions.letter", "admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne", { conventionId: id, version: await version(id), kind: "TERMINATED", on: "2026-07-02" });
    expect(ok.ok).toBe(true);
    const c = await view("admin@aumv.demo", "aumv", id);
    expect(c.status).toBe("RESILIEE");
    expect(c.endOn).toBe("2026-07-02");
  });

  it("GEN-5/AVD-16: the payer claims a refund; only it may; the payee records it and the item is done", async () => {
    const id = s.convention("RELAIS");
    const input = { conventionId: id, on: "2026-10-15", amount: "2 850,00", reason: "Sommes non utilisées après le départ d'un ménage", dueOn: "2026-12-31" };
    expect(await run("conventions.claimRefund", "admin@aumv.demo", "aumv", { ...input, version: await version(id) })).toMatchObject({ ok: false, message: "Seule la partie qui verse les fonds peut demander un remboursement." });
    expect(await run("conventions.claimRefund", "admin@choisy-le-roi.demo", "choisy-le-roi", { ...input, version: await version(id), dueOn: "2026-10-01" })).toMatchObject({ ok: false, fieldErrors: { dueOn: ["La date limite ne peut précéder la demande."] } });
    expect((await run("conventions.claimRefund", "admin@choisy-le-roi.demo", "choisy-le-roi", { ...input, version: await version(id) })).ok).toBe(true);
    const owed = (await view("agent@aumv.demo", "aumv", id)).obligations.find((o) => o.key.startsWith("GEN-5:refund:"))!;
    expect(owed).toMatchObject({ amountCents: 285_000, responsibleOrganisationId: s.org("aumv"), doneOn: null });
    expect((await run("conventions.fulfil", "agent@aumv.demo", "aumv", { conventionId: id, version: await version(id), key: owed.key, on: today() })).ok).toBe(true);
    expect((await view("agent@aumv.demo", "aumv", id)).obligations.find((o) => o.key === owed.key)?.doneOn).not.toBeNull();
  });

  it("concurrency: a save made on a stale version is refused in French", async () => {
    const id = s.convention("CADRE");
    const v = await version(id);
    const first = await run("conventions.update", "admin@ush-midi-pyrenees.demo", "ush-midi-pyrenees", { conventionId: id, version: v, title: "Partenariat USH / FNARS Midi-Pyrénées", reference: "", territory: "Midi-Pyrénées" });
    expect(first.ok).toBe(true);
    const second = await run("conventions.update", "admin@fnars-midi-pyrenees.demo", "fnars-midi-pyrenees", { conventionId: id, version: v, title: "Autre titre", reference: "", territory: "" });
    expect(second).toMatchObject({ ok: false, message: STALE_MESSAGE });
    expect((await s.db.convention.findUniqueOrThrow({ where: { id } })).title).toBe("Partenariat USH / FNARS Midi-Pyrénées");
  });
});
