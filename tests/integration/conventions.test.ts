import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { findConvention, listConventions, listPendingConfirmations, resolveCaller } from "@/lib/server/access";
import { CONVENTION_PARAMS, defaultParams } from "@/lib/validation/convention-params";
import { paramToInput } from "@/lib/validation/conventions";
import type { ConventionKind } from "@/lib/domain";
import { rc, seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

const formParams = (kind: ConventionKind, over: Record<string, string | string[]> = {}) => {
  const d = defaultParams(kind, 2026);
  return { ...Object.fromEntries(CONVENTION_PARAMS[kind].map((p) => [p.key, paramToInput(p, d[p.key])])), ...over };
};
const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;
const create = () => actionRegistry().get("conventions.create")!;

describe("conventions: creation with every party's consent", () => {
  it("GEN-1: the city ADMIN creates a relais convention; it is a draft until AUMV's ADMIN confirms; then it is signed and has obligations", async () => {
    const r = await create().execute(rc(s.person("admin@choisy-le-roi.demo")), "choisy-le-roi", {
      kind: "RELAIS", title: "Logement relais 2026 – test", reference: "", territory: "Choisy-le-Roi", signedOn: "2026-01-10", startOn: "2026-02-01",
      parties: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville" }, { organisationId: s.org("aumv"), roleLabel: "l'Association" }],
      params: formParams("RELAIS", { annualSubsidyCents: "11 400,00", referralQuota: "4" }),
    });
    expect(r.ok).toBe(true);
    const id = (r as { data: { id: string } }).data.id;
    const stored = await s.db.convention.findUniqueOrThrow({ where: { id }, include: { parties: true } });
    expect(stored.parameters).toMatchObject({ annualSubsidyCents: 1_140_000, referralQuota: 4, diagnosticMinDays: 15, renewalKind: "TACIT", maxTotalMonths: 36 });
    expect(stored.parties.find((p) => p.organisationId === s.org("choisy-le-roi"))?.confirmedAt).not.toBeNull();

    const aumv = await caller("admin@aumv.demo", "aumv");
    expect((await listPendingConfirmations(aumv)).map((c) => c.id)).toEqual([id]);
    const draft = await findConvention(aumv, id, TODAY);
    expect(draft?.status).toBe("PROJET");
    expect(draft?.obligations).toEqual([]);

    // An AGENT and a READER of AUMV cannot confirm.
    for (const email of ["agent@aumv.demo", "lecteur@aumv.demo"]) {
      expect(await actionRegistry().get("conventions.confirm")!.execute(rc(s.person(email)), "aumv", { conventionId: id })).toMatchObject({ code: "forbidden" });
    }
    const ok = await actionRegistry().get("conventions.confirm")!.execute(rc(s.person("admin@aumv.demo")), "aumv", { conventionId: id });
    expect(ok).toEqual({ ok: true, data: { signed: true } });
    const signed = await findConvention(aumv, id, "2026-03-01");
    expect(signed?.status).toBe("EN_VIGUEUR");
    expect(signed?.endOn).toBe("2027-01-31");
    expect(signed?.obligations.map((o) => o.rule)).toContain("REL-7");
    const again = await actionRegistry().get("conventions.confirm")!.execute(rc(s.person("admin@aumv.demo")), "aumv", { conventionId: id });
    expect(again).toMatchObject({ ok: false, message: "Votre organisation a déjà confirmé cette convention." });
    const audit = await s.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["convention.create", "convention.confirm"]);
  });

  it("RES: a second réservation convention for the same bailleur, réservataire and territory is refused", async () => {
    const r = await create().execute(rc(s.person("admin@choisy-le-roi.demo")), "choisy-le-roi", {
      kind: "RESERVATION_FLUX", title: "Doublon", reference: "", territory: "choisy-le-roi", signedOn: "2026-01-10", startOn: "2026-01-01",
      parties: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville (réservataire)" }, { organisationId: s.org("valophis-habitat"), roleLabel: "le bailleur" }],
      params: formParams("RESERVATION_FLUX"),
    });
    expect(r).toMatchObject({ ok: false, fieldErrors: { territory: [expect.stringContaining("déjà existante")] } });
    const badTargets = await create().execute(rc(s.person("admin@choisy-le-roi.demo")), "choisy-le-roi", {
      kind: "RESERVATION_FLUX", title: "Cibles fausses", reference: "", territory: "Vitry-sur-Seine", signedOn: "2026-01-10", startOn: "2026-01-01",
      parties: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville (réservataire)" }, { organisationId: s.org("valophis-habitat"), roleLabel: "le bailleur" }],
      params: formParams("RESERVATION_FLUX", { targetPLAI: "15" }),
    });
    expect(badTargets).toMatchObject({ ok: false, fieldErrors: { "params.targetPLAI": ["PLS, PLUS et PLAI doivent totaliser 100 % (total saisi : 105 %)."] } });
    expect(await s.db.convention.count({ where: { kind: "RESERVATION_FLUX" } })).toBe(1);
  });

  it("refuses a convention the creator's organisation is not party to, a party of the wrong kind, and invalid parameters, in French", async () => {
    const admin = rc(s.person("admin@choisy-le-roi.demo"));
    const base = { kind: "FNAVDL", title: "FNAVDL test", reference: "", territory: "", signedOn: "2025-03-15", startOn: "2025-03-15", params: formParams("FNAVDL") };
    const notMine = await create().execute(admin, "choisy-le-roi", { ...base, parties: [{ organisationId: s.org("prefecture-val-de-marne"), roleLabel: "l'administration" }, { organisationId: s.org("aumv"), roleLabel: "l'association" }] });
    expect(notMine).toMatchObject({ ok: false, message: "Votre organisation doit être l'une des parties de la convention." });
    const wrongKind = await create().execute(admin, "choisy-le-roi", { ...base, parties: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "l'administration" }, { organisationId: s.org("aumv"), roleLabel: "l'association" }] });
    expect(wrongKind).toMatchObject({ ok: false, fieldErrors: { "parties.0.organisationId": ["Type d'organisation incompatible avec ce rôle."] } });
    const invalid = await create().execute(admin, "choisy-le-roi", { ...base, params: formParams("FNAVDL", { advanceRate: "140", totalEligibleCostCents: "douze" }), parties: [] });
    expect(invalid).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "params.advanceRate": ["Pourcentage entre 0 et 100 attendu."], "params.totalEligibleCostCents": ["Montant en euros attendu, par exemple 11 400,00."] } });
    const noParties = await create().execute(admin, "choisy-le-roi", { ...base, parties: [] });
    expect(noParties).toMatchObject({ ok: false, code: "invalid", fieldErrors: { parties: ["Cette convention a 2 parties."] } });
  });

  it("AVD-2/AVD-3/AVD-4: an FNAVDL convention of 24 months signed 2025-03-15 has its budget deadlines and second-year advances", async () => {
    const r = await create().execute(rc(s.person("admin@prefecture-val-de-marne.demo")), "prefecture-val-de-marne", {
      kind: "FNAVDL", title: "FNAVDL 2025-2027", reference: "", territory: "Val-de-Marne", signedOn: "2025-03-15", startOn: "2025-03-15",
      parties: [{ organisationId: s.org("prefecture-val-de-marne"), roleLabel: "l'administration" }, { organisationId: s.org("aumv"), roleLabel: "l'association" }],
      params: formParams("FNAVDL", { months: "24" }),
    });
    const id = (r as { data: { id: string } }).data.id;
    await actionRegistry().get("conventions.confirm")!.execute(rc(s.person("admin@aumv.demo")), "aumv", { conventionId: id });
    const c = await findConvention(await caller("agent@aumv.demo", "aumv"), id, "2025-06-01");
    expect(c?.endOn).toBe("2027-03-14");
    const due = (key: string) => c?.obligations.find((o) => o.key.startsWith(key))?.dueOn?.toISOString().slice(0, 10);
    expect(due("AVD-4:payment:advance-2a")).toBe("2026-06-15");
    expect(due("AVD-4:payment:advance-2b")).toBe("2026-09-15");
  });

  it("ACC-1: lists filter by kind, partner and derived status", async () => {
    const city = await caller("admin@choisy-le-roi.demo", "choisy-le-roi");
    expect((await listConventions(city, { partner: s.org("valophis-habitat") }, TODAY)).rows.map((r) => r.kind)).toEqual(["RESERVATION_FLUX"]);
    expect((await listConventions(city, { status: "ECHUE" }, "2030-01-01")).rows.map((r) => r.kind).sort()).toEqual(["RELAIS", "RELAIS", "RELAIS", "RESERVATION_FLUX"]);
    expect((await listConventions(city, { status: "ECHUE" }, "2026-03-01")).rows.map((r) => r.title)).toEqual(["Logement relais 2023-2024 – Choisy-le-Roi / AUMV"]);
    expect((await listConventions(city, { status: "EN_VIGUEUR" }, "2026-03-01")).total).toBe(3);
  });
});
