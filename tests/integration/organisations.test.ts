import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { listPartners, resolveCaller, searchOrganisations } from "@/lib/server/access";
import { isValidSiret } from "@/lib/validation/organisations";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

async function caller(email: string, org: string) {
  const p = s.person(email);
  return (await resolveCaller({ personId: p.id, sessionVersion: 0 }, org))!;
}

describe("directory of organisations", () => {
  it("finds organisations by name or commune, without accents or case, and by kind", async () => {
    const c = await caller("lecteur@aumv.demo", "aumv");
    expect((await searchOrganisations(c, { q: "prefecture" })).rows.map((r) => r.slug)).toEqual(["prefecture-val-de-marne"]);
    expect((await searchOrganisations(c, { q: "CRETEIL" })).rows.map((r) => r.slug).sort()).toEqual(["prefecture-val-de-marne", "valophis-habitat"]);
    expect((await searchOrganisations(c, { kind: "FEDERATION" })).total).toBe(2);
    expect((await searchOrganisations(c, { q: "50%" })).total).toBe(0); // LIKE wildcards are escaped
    expect((await searchOrganisations(c)).total).toBe(8);
  });

  it("checks the SIRET key (Luhn) and refuses a second organisation with the same SIRET", async () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    const admin = s.person("admin@choisy-le-roi.demo");
    const register = actionRegistry().get("organisations.register")!;
    const input = { name: "Association Île-de-France Habitat Solidaire", kind: "ASSOCIATION", siret: "732 829 320 00074", addressLine: "3 rue de Paris", postcode: "94600", commune: "Choisy-le-Roi", adminFirstName: "Yann", adminLastName: "Le Gall", adminEmail: "yann@exemple.fr" };
    const first = await register.execute(rc(admin), "choisy-le-roi", input);
    expect(first).toMatchObject({ ok: true, data: { name: input.name, path: expect.stringMatching(/^\/invitation\//) } });
    const org = await s.db.organisation.findUniqueOrThrow({ where: { siret: "73282932000074" } });
    expect(org.slug).toBe("association-ile-de-france-habitat-solidaire");
    const second = await register.execute(rc(admin), "choisy-le-roi", { ...input, name: "Doublon" });
    expect(second).toMatchObject({ ok: false, fieldErrors: { siret: [expect.stringContaining("déjà inscrit")] } });
    const c = await caller("lecteur@aumv.demo", "aumv");
    expect((await searchOrganisations(c, { q: "7328293" })).rows.map((r) => r.name)).toEqual([input.name]);
    const bad = await register.execute(rc(admin), "choisy-le-roi", { ...input, siret: "12345678901234" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { siret: ["Ce numéro SIRET n'est pas valide (clé de contrôle)."] } });
  });

  it("ACC-1: the partners page lists only organisations sharing a convention, with their contacts", async () => {
    const c = await caller("agent@aumv.demo", "aumv");
    const partners = await listPartners(c);
    expect(partners.map((p) => p.name).sort()).toEqual(["Ville de Choisy-le-Roi", "État – préfecture du Val-de-Marne"].sort());
    const choisy = partners.find((p) => p.name === "Ville de Choisy-le-Roi")!;
    expect(choisy.parties.map((x) => x.convention.kind)).toEqual(["RELAIS", "RELAIS"]); // not the réservation convention
    expect(choisy.memberships.map((m) => m.person.email).sort()).toEqual(["admin@choisy-le-roi.demo", "agent@choisy-le-roi.demo"]);
  });
});
