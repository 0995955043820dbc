// Issue 9: the bailleur's stock — the assiette at 1 January from dated regime changes (RES-1..4), who sees
// and edits the dwellings (ACC-1), and the rotation (RES-5/6).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { resolveCaller } from "@/lib/server/access";
import { assietteForYear, getDwelling, regimeForYear, rotationSummary } from "@/lib/server/dwellings";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input);
const base = {
  residence: "Résidence d'essai", addressNumber: "2", street: "rue de l'Essai", commune: "Testville", postcode: "94000", financing: "PLUS", typology: "T3", surface: "60,50",
  qpv: "non", constructionPeriod: "1975_1989", rent: "400,00", charges: "80,00", dpeClass: "D", pmr: "non", classification: "2",
};

beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

async function dwelling(rplsId: string, firstLettingYear: number, regime: Record<string, unknown> = { regime: "FLUX" }) {
  const r = await run("dwellings.create", "agent@valophis-habitat.demo", "valophis-habitat", { ...base, rplsId, firstLettingYear: String(firstLettingYear), ...regime });
  expect(r, rplsId).toMatchObject({ ok: true });
  return (r as { data: { id: string } }).data.id;
}
const change = (dwellingId: string, effectiveOn: string, regime: Record<string, unknown>) =>
  run("dwellings.changeRegime", "agent@valophis-habitat.demo", "valophis-habitat", { dwellingId, effectiveOn, ...regime });

describe("RES-1..RES-4: the assiette at 1 January of a hand-made stock", () => {
  it("RES-1, RES-2, RES-3, RES-4: counts stock, excluded, soustraits and new dwellings from dated regime changes", async () => {
    await dwelling("TESTA", 1990);
    await dwelling("TESTB", 1990, { regime: "EXCLUDED", reason: "NOT_SOCIAL_REGIME" });
    const c = await dwelling("TESTC", 1990);
    expect(await change(c, "2024-07-01", { regime: "EXCLUDED", reason: "SALE_PLAN" })).toMatchObject({ ok: true });
    const d = await dwelling("TESTD", 2000);
    expect(await change(d, "2024-10-01", { regime: "SOUSTRAIT", category: "MUTATION_INTERNE", year: "2025", reference: "CUS 2021-2026" })).toMatchObject({ ok: true });
    await dwelling("TESTE", 2025);
    await dwelling("TESTF", 2026);
    const g = await dwelling("TESTG", 1980);
    await change(g, "2025-01-01", { regime: "EXCLUDED", reason: "DEMOLITION" });
    const h = await dwelling("TESTH", 1980);
    await change(h, "2020-03-01", { regime: "EXCLUDED", reason: "SALE_PLAN" });
    await change(h, "2024-05-01", { regime: "FLUX" });

    const valophis = s.org("valophis-habitat");
    // 2025: stock A B C D G H = 6; excluded B, C (sale plan since 1 July 2024), G (demolition from 1 January) = 3;
    // soustrait D = 1; put into service E = 1 → 6 − 3 − 1 + 1 = 3 (A, H, E).
    expect(await assietteForYear(s.db, valophis, "Testville", 2025)).toMatchObject({ stock: 6, excluded: 3, soustraits: 1, misesEnService: 1, assiette: 3, soustraitsByCategory: { MUTATION_INTERNE: 1 } });
    // 2024: stock 6; excluded B, H (back in the flux only from 1 May 2024) = 2; nothing soustrait or new → 4.
    expect(await assietteForYear(s.db, valophis, "Testville", 2024)).toMatchObject({ stock: 6, excluded: 2, soustraits: 0, misesEnService: 0, assiette: 4 });
    // 2026: stock 7 (E now); excluded B, C, G = 3; F new → 7 − 3 + 1 = 5.
    expect(await assietteForYear(s.db, valophis, "Testville", 2026)).toMatchObject({ stock: 7, excluded: 3, soustraits: 0, misesEnService: 1, assiette: 5 });
  });

  it("RES-3: a soustraction holds for its year only; an exclusion prevails over it", () => {
    const rows = [
      { kind: "FLUX", effectiveOn: "1900-01-01", reason: null, category: null, year: null },
      { kind: "SOUSTRAIT", effectiveOn: "2025-01-01", reason: null, category: "VENTE", year: 2025 },
      { kind: "EXCLUDED", effectiveOn: "2025-12-01", reason: "SALE_PLAN", category: null, year: null },
    ];
    expect(regimeForYear(rows, 2025)).toEqual({ kind: "SOUSTRAIT", category: "VENTE" });
    expect(regimeForYear(rows, 2024)).toEqual({ kind: "FLUX" });
    expect(regimeForYear([...rows, { kind: "SOUSTRAIT", effectiveOn: "2026-01-01", reason: null, category: "VENTE", year: 2026 }], 2026)).toEqual({ kind: "EXCLUDED", reason: "SALE_PLAN" });
  });

  it("RES-3: a soustraction without its reference document is refused next to the field", async () => {
    const id = await dwelling("TESTREF", 1995);
    const r = await change(id, "2025-01-01", { regime: "SOUSTRAIT", category: "VENTE", year: "2026", reference: "" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { reference: [expect.stringContaining("Document de référence")] } });
  });
});

describe("ACC-1: who sees and edits the dwellings", () => {
  it("ACC-1: Valophis edits its dwellings; Choisy (réservataire on Choisy-le-Roi) reads those of Choisy-le-Roi only; others see nothing", async () => {
    const choisyDwelling = await s.db.dwelling.findFirstOrThrow({ where: { bailleurOrgId: s.org("valophis-habitat"), commune: "Choisy-le-Roi" }, select: { id: true } });
    const testville = await s.db.dwelling.findFirstOrThrow({ where: { rplsId: "TESTA" }, select: { id: true } });
    const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id }, org))!;
    const choisy = await caller("agent@choisy-le-roi.demo", "choisy-le-roi");
    expect(await getDwelling(choisy, choisyDwelling.id)).toMatchObject({ id: choisyDwelling.id, editable: false });
    expect(await getDwelling(choisy, testville.id)).toBeNull();
    expect(await getDwelling(await caller("admin@aumv.demo", "aumv"), choisyDwelling.id)).toBeNull();
    expect(await getDwelling(await caller("agent@valophis-habitat.demo", "valophis-habitat"), testville.id)).toMatchObject({ editable: true });
    expect(await getDwelling(await caller("lecteur@valophis-habitat.demo", "valophis-habitat"), testville.id)).toMatchObject({ editable: false });
    const r = await run("dwellings.changeRegime", "agent@choisy-le-roi.demo", "choisy-le-roi", { dwellingId: choisyDwelling.id, effectiveOn: "2026-01-02", regime: "EXCLUDED", reason: "SALE_PLAN" });
    expect(r).toMatchObject({ ok: false });
    expect(await s.db.dwellingRegime.count({ where: { dwellingId: choisyDwelling.id, effectiveOn: new Date("2026-01-02") } })).toBe(0);
  });

  it("RES-17: a second dwelling with the same RPLS id is refused next to the field", async () => {
    const r = await run("dwellings.create", "agent@valophis-habitat.demo", "valophis-habitat", { ...base, rplsId: "TESTA", firstLettingYear: "1990", regime: "FLUX" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { rplsId: [expect.any(String)] } });
  });
});

describe("RES-5/RES-6: rotation", () => {
  it("RES-5, RES-6: the demo's five vintages give their mean; the agreed 5.24 % is the rate in force, with its provenance", async () => {
    const r = await rotationSummary(s.db, s.org("valophis-habitat"), "Choisy-le-Roi");
    expect(r.vintages.map((v) => v.year)).toEqual([2023, 2022, 2021, 2020, 2019]);
    // (118/2296 + 104/2301 + 123/2305 + 127/2312 + 131/2318) / 5
    expect(r.mean).toBeCloseTo((118 / 2296 + 104 / 2301 + 123 / 2305 + 127 / 2312 + 131 / 2318) / 5, 12);
    expect(r.mean! * 100).toBeCloseTo(5.228, 2);
    expect(r.inForce).toEqual({ rate: 0.0524, provenance: expect.stringContaining("Val-de-Marne") });
  });

  it("RES-5: vintages pasted from a spreadsheet are recorded; a wrong line is reported and nothing is written", async () => {
    const bad = await run("rotation.importVintages", "agent@valophis-habitat.demo", "valophis-habitat", { territory: "Pasteville", text: "année;emménagements;logements loués\n2021;40;800\n2022;900;800" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { text: [expect.stringContaining("Ligne 3")] } });
    expect(await s.db.rotationVintage.count({ where: { territory: "Pasteville" } })).toBe(0);
    const ok = await run("rotation.importVintages", "agent@valophis-habitat.demo", "valophis-habitat", { territory: "Pasteville", text: "2019;40;800\n2020;42;805\n2021;38;810\n2022;45;812\n2023;41;815" });
    expect(ok).toMatchObject({ ok: true, data: { count: 5 } });
    const r = await rotationSummary(s.db, s.org("valophis-habitat"), "Pasteville");
    expect(r.mean).toBeCloseTo((40 / 800 + 42 / 805 + 38 / 810 + 45 / 812 + 41 / 815) / 5, 12);
    expect(r.inForce?.provenance).toBe("Moyenne RPLS 2019, 2020, 2021, 2022, 2023");
  });

  it("RES-5: a vintage whose move-ins exceed the dwellings let is refused", async () => {
    const r = await run("rotation.addVintage", "agent@valophis-habitat.demo", "valophis-habitat", { territory: "Testville", year: "2024", moveIns: "900", letDwellings: "800" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { moveIns: [expect.stringContaining("RES-5")] } });
  });
});
