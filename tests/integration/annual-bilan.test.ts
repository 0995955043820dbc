// Issue 11: the annual bilan of 2025 (RES-22, RES-3, RES-10, RES-13, RES-14, RES-23, ACC-1) on a small hand-made year:
// Valophis in Vitry-sur-Seine, 14 dwellings, 14 vacancies, two réservataires (the Ville de Vitry-sur-Seine and the État).
// Every figure below was worked out by hand from the tables in the comments, never recomputed with the same code.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { annualBilanView } from "@/lib/server/annual-bilan";
import { bilanTables } from "@/lib/server/annual-bilan-tables";
import { handleBilanExport } from "@/lib/server/annual-bilan-export";
import { setToday } from "@/lib/server/clock";
import { findDocumentForDownload } from "@/lib/server/documents";
import { toCsv } from "@/lib/export/table";
import { actAs, callerAs, ok, rc, seeded, TODAY, type Who } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let prevMode: string | undefined;
let villeConv: string;
let etatConv: string;

const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const VITRY = ["agent@vitry.test", "ville-vitry"] as const;
const ETAT = ["agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne"] as const;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const AUMV = ["agent@aumv.demo", "aumv"] as const;
const TERRITORY = "Vitry-sur-Seine";
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const view = async (who: Who, conventionId: string, year = 2025) => annualBilanView(await callerAs(s, who), conventionId, year, TODAY);

//  dwelling  typo fin   QPV  period      first let  regime of 2025               soustrait for 2026
//  D1        T2   PLUS  no   1975_1989   1980       flux
//  D2        T3   PLAI  yes  1990_2004   1995       flux                         MUTATION_INTERNE (CUS 2026-2031)
//  D3        T1   PLS   no   1975_1989   1980       flux
//  D4        T4   PLUS  no   2005_2014   2010       flux
//  D5        T3   PLUS  yes  1949_1974   1965       flux
//  D6        T2   PLUS  no   1975_1989   1980       flux
//  D7        T5   PLAI  yes  1990_2004   1995       flux
//  D8        T2   PLUS  no   1949_1974   1965       soustrait 2025 MUTATION_INTERNE
//  D9        T3   PLUS  no   1975_1989   1980       excluded since 2020 (sale plan)
//  D10       T3   PLUS  no   2005_2014   2010       flux
//  D11       T2   PLUS  no   DEPUIS_2015 2025       flux, put into service in 2025
//  D12       T4   PLAI  no   1990_2004   1995       flux
//  D13       T1   PLUS  yes  1975_1989   1980       flux                         RENOUVELLEMENT_URBAIN (Convention ANRU…)
//  D14       T2   PLS   no   1975_1989   1980       flux                         VENTE (Plan de vente 2026)
const DWELLINGS = [
  ["D1", "T2", "PLUS", false, "1975_1989", 1980], ["D2", "T3", "PLAI", true, "1990_2004", 1995], ["D3", "T1", "PLS", false, "1975_1989", 1980],
  ["D4", "T4", "PLUS", false, "2005_2014", 2010], ["D5", "T3", "PLUS", true, "1949_1974", 1965], ["D6", "T2", "PLUS", false, "1975_1989", 1980],
  ["D7", "T5", "PLAI", true, "1990_2004", 1995], ["D8", "T2", "PLUS", false, "1949_1974", 1965], ["D9", "T3", "PLUS", false, "1975_1989", 1980],
  ["D10", "T3", "PLUS", false, "2005_2014", 2010], ["D11", "T2", "PLUS", false, "DEPUIS_2015", 2025], ["D12", "T4", "PLAI", false, "1990_2004", 1995],
  ["D13", "T1", "PLUS", true, "1975_1989", 1980], ["D14", "T2", "PLS", false, "1975_1989", 1980],
] as const;

//  vacancy dwelling  to       declared    first attribution  outcome                 outcome on
//  V1      D1        Ville    2025-02-03  2025-03-10         LEASE_SIGNED            2025-04-01
//  V2      D2        Ville    2025-03-05  —                  NO_CANDIDATE_30D        2025-04-05
//  V3      D3        Ville    2025-05-12  2025-06-16         REFUSED_AFTER_CALEOL    2025-06-25
//  V4      D4        Ville    2024-12-02  2025-01-13         LEASE_SIGNED            2025-02-03
//  V5      D5        Ville    2025-09-15  — (none retained)  NONE_RETAINED           2025-10-20
//  V6      D6        Ville    2025-11-20  —                  PENDING                 —
//  V7      D7        État     2025-04-07  2025-05-12 (rank)  LEASE_SIGNED            2025-06-02
//  V8      D10       État     2025-07-01  —                  NO_CANDIDATE_30D        2025-08-01
//  V9      D12       État     2025-12-08  2026-01-12         PENDING                 —
//  V10     D11       bailleur 2025-06-02  —                  LEASE_SIGNED            2025-07-01
//  V11     D8        soustrait MUTATION_INTERNE 2025-03-03   LEASE_SIGNED            2025-03-31
//  V12     D9        bailleur 2025-08-04  —                  LEASE_SIGNED            2025-09-01
//  V13     D13       Ville    2025-10-06  —                  WITHDRAWN               2025-10-08
//  V14     D14       soustrait RENOUVELLEMENT_URBAIN 2025-05-05 LEASE_SIGNED         2025-06-10
type V = [dwelling: string, to: "VILLE" | "ETAT" | "BAILLEUR" | "SOUSTRAIT", declared: string, caleol: { on: string; decision: string } | null, outcome: string, outcomeOn: string | null, category?: string];
const VACANCIES: V[] = [
  ["D1", "VILLE", "2025-02-03", { on: "2025-03-10", decision: "ATTRIBUTION" }, "LEASE_SIGNED", "2025-04-01"],
  ["D2", "VILLE", "2025-03-05", null, "NO_CANDIDATE_30D", "2025-04-05"],
  ["D3", "VILLE", "2025-05-12", { on: "2025-06-16", decision: "ATTRIBUTION" }, "REFUSED_AFTER_CALEOL", "2025-06-25"],
  ["D4", "VILLE", "2024-12-02", { on: "2025-01-13", decision: "ATTRIBUTION_CONDITIONAL" }, "LEASE_SIGNED", "2025-02-03"],
  ["D5", "VILLE", "2025-09-15", { on: "2025-10-20", decision: "NON_ATTRIBUTION" }, "NONE_RETAINED", "2025-10-20"],
  ["D6", "VILLE", "2025-11-20", null, "PENDING", null],
  ["D7", "ETAT", "2025-04-07", { on: "2025-05-12", decision: "ATTRIBUTION_RANKED" }, "LEASE_SIGNED", "2025-06-02"],
  ["D10", "ETAT", "2025-07-01", null, "NO_CANDIDATE_30D", "2025-08-01"],
  ["D12", "ETAT", "2025-12-08", { on: "2026-01-12", decision: "ATTRIBUTION" }, "PENDING", null],
  ["D11", "BAILLEUR", "2025-06-02", null, "LEASE_SIGNED", "2025-07-01"],
  ["D8", "SOUSTRAIT", "2025-03-03", null, "LEASE_SIGNED", "2025-03-31", "MUTATION_INTERNE"],
  ["D9", "BAILLEUR", "2025-08-04", null, "LEASE_SIGNED", "2025-09-01"],
  ["D13", "VILLE", "2025-10-06", null, "WITHDRAWN", "2025-10-08"],
  ["D14", "SOUSTRAIT", "2025-05-05", null, "LEASE_SIGNED", "2025-06-10", "RENOUVELLEMENT_URBAIN"],
];

beforeAll(async () => {
  prevMode = process.env.APP_MODE;
  process.env.APP_MODE = "test";
  setToday(TODAY); // 10 March 2026
  const base = await seeded();
  const db = base.db;
  const valophis = base.org("valophis-habitat");
  const agent = base.person("agent@valophis-habitat.demo").id;
  const vitry = await db.organisation.create({ data: { slug: "ville-vitry", name: "Ville de Vitry-sur-Seine", kind: "COMMUNE", commune: TERRITORY, postcode: "94400" } });
  const inès = await db.person.create({ data: { email: "agent@vitry.test", firstName: "Inès", lastName: "Morel", passwordHash: "x", memberships: { create: { organisationId: vitry.id, role: "AGENT" } } } });
  s = { ...base, person: (email: string) => (email === inès.email ? inès : base.person(email)), org: (slug: string) => (slug === "ville-vitry" ? vitry.id : base.org(slug)) };

  // The two réservation conventions of Valophis in Vitry-sur-Seine: the Ville's since 2024 (share agreed for 2025: 25 %),
  // the État's since 1 January 2025 (no share recorded: its first year's figure is the convention's own, 30 %).
  const parameters = (await db.convention.findUniqueOrThrow({ where: { id: base.convention("RESERVATION_FLUX") }, select: { parameters: true } })).parameters as Record<string, unknown>;
  const reservation = async (title: string, org: string, label: string, start: string, params: Record<string, unknown>) => (await db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title, territory: TERRITORY, signedOn: d(start), startOn: d(start), parameters: { ...params } as never,
      parties: { create: [
        { organisationId: org, roleLabel: label, partyRole: "RESERVATAIRE", confirmedAt: d(start) },
        { organisationId: valophis, roleLabel: "le bailleur", partyRole: "BAILLEUR", confirmedAt: d(start) },
      ] },
      events: { create: { type: "SIGNED", on: d(start), payload: { type: "SIGNED", on: start } } },
    },
  })).id;
  villeConv = await reservation("Réservation en flux – Vitry-sur-Seine / Valophis Habitat", vitry.id, "la Ville (réservataire)", "2024-01-01", parameters);
  etatConv = await reservation("Réservation en flux – contingent préfectoral Vitry-sur-Seine / Valophis Habitat", base.org("prefecture-val-de-marne"), "l'État (réservataire)", "2025-01-01", { ...parameters, objectiveCap: 0.3 });
  await db.conventionEvent.create({ data: { conventionId: villeConv, type: "SHARE_AGREED", on: d("2025-02-20"), payload: { type: "SHARE_AGREED", on: "2025-02-20", year: 2025, share: 0.25 } } });

  // RES-10: the Ville's 100 droits uniques at 1 January 2024 (conversion at 31/12/2023), 5 more in 2024, 3 in 2025;
  // the État's 40 acquired in 2025.
  await db.droitsConversion.create({ data: { conventionId: villeConv, inventoryOn: d("2023-12-31"), ratePpm: 52_400, rateProvenance: "test", total: 100, rounded: 100, lines: [{ agreementId: "a", reference: "GAR-1", origin: "LOAN_GUARANTEE", programme: "P", droitsDeSuite: 200, endOn: "2040-12-31", remainingYears: 10, droitsUniques: 100 }] } });
  await db.droitUniqueGrant.createMany({ data: [
    { conventionId: villeConv, on: d("2024-06-01"), origin: "LAND", programme: "Terrain", droitsUniques: 5 },
    { conventionId: villeConv, on: d("2025-09-01"), origin: "FUNDING", programme: "Subvention", droitsUniques: 3 },
    { conventionId: etatConv, on: d("2025-02-01"), origin: "LOAN_GUARANTEE", programme: "Garantie", droitsUniques: 40 },
  ] });

  const ids = new Map<string, { id: string; decl: Record<string, unknown> }>();
  for (const [key, typology, financing, qpv, period, firstLet] of DWELLINGS) {
    const w = await db.dwelling.create({
      data: {
        bailleurOrgId: valophis, rplsId: `VITRY-${key}`, residence: "Cité Balzac", addressNumber: key.slice(1), street: "avenue Rouget-de-Lisle", commune: TERRITORY, postcode: "94400",
        financing, typology, surfaceCentiM2: 5_500, qpv, constructionPeriod: period, rentCents: 40_000, chargesCents: 8_000, dpeClass: "D", pmr: false, classification: 2, firstLettingYear: firstLet,
      },
    });
    ids.set(key, { id: w.id, decl: { financing, typology, surfaceM2: 55, address: { number: key.slice(1), street: "avenue Rouget-de-Lisle", commune: TERRITORY, postcode: "94400" }, qpv, constructionPeriod: period, rentAndChargesCents: 48_000, dpe: "D", pmr: false, rplsId: `VITRY-${key}`, residence: "Cité Balzac", classification: 2 } });
  }
  const regime = (key: string, kind: string, effectiveOn: string, extra: Record<string, unknown>) => ({ dwellingId: ids.get(key)!.id, kind, effectiveOn: d(effectiveOn), source: "FORM", ...extra });
  await db.dwellingRegime.createMany({ data: [
    regime("D9", "EXCLUDED", "2020-01-01", { reason: "SALE_PLAN" }),
    regime("D8", "SOUSTRAIT", "2025-01-01", { category: "MUTATION_INTERNE", year: 2025, reference: "CUS 2019-2025" }),
    regime("D2", "SOUSTRAIT", "2026-01-01", { category: "MUTATION_INTERNE", year: 2026, reference: "CUS 2026-2031" }),
    regime("D13", "SOUSTRAIT", "2026-01-01", { category: "RENOUVELLEMENT_URBAIN", year: 2026, reference: "Convention ANRU Vitry-sur-Seine 2021" }),
    regime("D14", "SOUSTRAIT", "2026-01-01", { category: "VENTE", year: 2026, reference: "Plan de vente 2026" }),
  ] });
  // The vacancies, their read model as of today (computed, so never refreshed: no designation due date) and the CALEOL steps.
  for (const [key, to, declared, caleol, outcome, outcomeOn, category] of VACANCIES) {
    await db.vacancy.create({
      data: {
        dwellingId: ids.get(key)!.id, bailleurOrgId: valophis, orientation: to === "VILLE" || to === "ETAT" ? "RESERVATAIRE" : to,
        conventionId: to === "VILLE" ? villeConv : to === "ETAT" ? etatConv : null, soustraitCategory: category ?? null,
        availableOn: d(declared), declaredOn: d(declared), declaration: ids.get(key)!.decl as never, outcome, outcomeOn: outcomeOn ? d(outcomeOn) : null, stateComputedOn: d(TODAY), createdById: agent,
        steps: { create: [
          { type: "DECLARED", on: d(declared), payload: { type: "DECLARED", on: declared }, recordedById: agent, recordedByOrgId: valophis },
          ...(caleol ? [{ type: "CALEOL", on: d(caleol.on), payload: { type: "CALEOL", on: caleol.on, decisions: [{ candidate: "c1", decision: caleol.decision, rank: caleol.decision === "ATTRIBUTION_RANKED" ? 1 : null }, { candidate: "c2", decision: "NON_ATTRIBUTION", rank: null }] }, recordedById: agent, recordedByOrgId: valophis }] : []),
        ] },
      },
    });
  }
}, 120_000);
afterAll(async () => {
  setToday(null);
  if (prevMode === undefined) delete process.env.APP_MODE;
  else process.env.APP_MODE = prevMode;
  await s.db.$disconnect();
});

const act = <T = unknown,>(name: string, who: Who, input: unknown) => actAs<T>(s, name, who, input);
const cells = async (who: Who, conventionId: string) => {
  const v = (await view(who, conventionId))!;
  return Object.fromEntries(bilanTables(v).map((t) => [t.title, t.rows.map((r) => t.columns.map((c) => r[c.key] ?? null))]));
};

describe("the bilan of 2025 of Valophis in Vitry-sur-Seine, cell by cell (RES-22)", () => {
  it("RES-22 RES-1 RES-4 RES-4b: the synthesis — stock 13 − 1 excluded − 1 soustrait + 1 put into service = 12; 9 dwellings freed; 8 proposed, 4 attributed", async () => {
    const v = (await view(VALOPHIS, villeConv))!;
    expect(v.dueOn).toBe("2026-02-28");
    expect(v.provisional).toBe(false);
    expect((await cells(VALOPHIS, villeConv)).Synthèse).toEqual([
      ["Logements au patrimoine au 1er janvier 2025", 13],
      ["Exclus du flux (RES-2)", 1],
      ["Soustraits pour 2025 (RES-3)", 1],
      ["Mis en service en 2025 (RES-4)", 1],
      ["Assiette du flux 2025", 12],
      // V1 V2 V3 V5 V6 V7 V8 V9 V10 — not V4 (2024), V11/V14 (soustraits at their vacancy), V12 (excluded), V13 (withdrawn).
      ["Logements libérés en 2025 : flux réel (RES-4b)", 9],
      ["Logements proposés aux réservataires", 8],
      ["Logements attribués aux réservataires", 4],
    ]);
  });

  it("RES-22 RES-13 RES-14 RES-11: by réservataire — leases, equivalents, objective on the share (the État's first year: the convention's 30 %)", async () => {
    expect((await cells(VALOPHIS, villeConv)).Réservataires).toEqual([
      // proposed V1 V2 V3 V5 V6; attributed V1 V3 V4; leases V1 V4; equivalents V2 (30 days) V3 (refused); 9 × 25 % = 2,25 → 2.
      ["Ville de Vitry-sur-Seine", 5, 3, 2, 2, 4, 0.25, 2, "oui"],
      // proposed V7 V8 V9; attributed V7 (V9 in 2026); lease V7; equivalent V8; 9 × 30 % = 2,7 → 3.
      ["État – préfecture du Val-de-Marne", 3, 1, 1, 1, 2, 0.3, 3, "non"],
    ]);
    const v = (await view(VALOPHIS, villeConv))!;
    expect(v.reservataires.map((r) => r.share.source)).toEqual(["AGREED", "CONVENTION"]);
  });

  it("RES-22 RES-10: droits uniques at 1 January 2025, acquired and consumed in 2025, held at 1 January 2026", async () => {
    expect((await cells(VALOPHIS, villeConv))["Droits uniques"]).toEqual([
      ["Ville de Vitry-sur-Seine", 105, 3, 4, 104], // 100 + 5 (2024); 105 + 3 − 4
      ["État – préfecture du Val-de-Marne", 0, 40, 2, 38],
    ]);
  });

  it("RES-22: by typology, financing, QPV, commune and construction period (proposed / attributed per réservataire, then total)", async () => {
    const c = await cells(VALOPHIS, villeConv);
    expect(c.Typologie).toEqual([
      ["T1", 1, 1, 0, 0, 1, 1],
      ["T2", 2, 1, 0, 0, 2, 1],
      ["T3", 2, 0, 1, 0, 3, 0],
      ["T4", 0, 1, 1, 0, 1, 1],
      ["T5", 0, 0, 1, 1, 1, 1],
      ["Total", 5, 3, 3, 1, 8, 4],
    ]);
    expect(c.Financement).toEqual([
      ["PLAI", 1, 0, 2, 1, 3, 1],
      ["PLUS", 3, 2, 1, 0, 4, 2],
      ["PLS", 1, 1, 0, 0, 1, 1],
      ["Total", 5, 3, 3, 1, 8, 4],
    ]);
    expect(c.QPV).toEqual([
      ["En QPV", 2, 0, 1, 1, 3, 1],
      ["Hors QPV", 3, 3, 2, 0, 5, 3],
      ["Total", 5, 3, 3, 1, 8, 4],
    ]);
    expect(c.Communes).toEqual([
      ["Vitry-sur-Seine", 5, 3, 3, 1, 8, 4],
      ["Total", 5, 3, 3, 1, 8, 4],
    ]);
    expect(c["Période de construction"]).toEqual([
      ["1949 à 1974", 1, 0, 0, 0, 1, 0],
      ["1975 à 1989", 3, 2, 0, 0, 3, 2],
      ["1990 à 2004", 1, 0, 2, 1, 3, 1],
      ["2005 à 2014", 0, 1, 1, 0, 1, 1],
      ["Total", 5, 3, 3, 1, 8, 4],
    ]);
  });

  it("RES-22 RES-3: soustraits — forecast of 2025, rehousings of 2025, forecast of 2026 with its reference documents", async () => {
    expect((await cells(VALOPHIS, villeConv)).Soustraits).toEqual([
      ["Mutation interne", 1, 1, 1, "CUS 2026-2031"],
      ["Relogement pour le renouvellement urbain (NPNRU, ORCOD-IN)", 0, 1, 1, "Convention ANRU Vitry-sur-Seine 2021"],
      ["Relogement pour péril ou insalubrité", 0, 0, 0, null],
      ["Relogement des locataires de logements mis en vente", 0, 0, 1, "Plan de vente 2026"],
    ]);
  });

  it("RES-22: the CSV is French (BOM, « ; », decimal comma) and carries the same cells", async () => {
    const v = (await view(VALOPHIS, villeConv))!;
    const csv = toCsv(bilanTables(v));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("Réservataire;Proposés;Attribués;Baux signés;Équivalents;Comptés;Part convenue;Objectif;Objectif atteint");
    expect(csv).toContain("État – préfecture du Val-de-Marne;3;1;1;1;2;30;3;non");
  });
});

describe("who sees the bilan (ACC-1)", () => {
  it("ACC-1: the bailleur and each réservataire of the territory read the same aggregate counts; a réservataire follows only its own convention", async () => {
    const byVille = await cells(VITRY, villeConv);
    const byEtat = await cells(ETAT, etatConv);
    expect(byEtat).toEqual(byVille);
    expect(byVille).toEqual(await cells(VALOPHIS, etatConv));
    expect((await view(VITRY, villeConv))!.follow.map((f) => f.conventionId)).toEqual([villeConv]);
    expect((await view(VALOPHIS, villeConv))!.follow.map((f) => f.conventionId)).toEqual([villeConv, etatConv]);
  });

  it("ACC-1: an organisation with no convention there, another réservataire of the bailleur elsewhere, or a réservataire by another's convention id, gets nothing (404)", async () => {
    expect(await view(AUMV, villeConv)).toBeNull();
    expect(await view(CHOISY, villeConv)).toBeNull();
    expect(await view(ETAT, villeConv)).toBeNull();
    expect(await view(VITRY, etatConv)).toBeNull();
    expect(await view(VITRY, s.convention("RESERVATION_FLUX"))).toBeNull();
    const outsider = await handleBilanExport(rc(s.person("agent@choisy-le-roi.demo")), { org: "choisy-le-roi", id: villeConv }, new Request(`http://localhost:3000/api/x?annee=2025&format=csv`));
    expect(outsider.status).toBe(404);
    const foreignSlug = await handleBilanExport(rc(s.person("agent@choisy-le-roi.demo")), { org: "ville-vitry", id: villeConv }, new Request(`http://localhost:3000/api/x?annee=2025&format=xlsx`));
    expect(foreignSlug.status).toBe(404);
    const mine = await handleBilanExport(rc(s.person("agent@vitry.test")), { org: "ville-vitry", id: villeConv }, new Request(`http://localhost:3000/api/x?annee=2025&format=csv`));
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toContain("text/csv");
    expect(await mine.text()).toContain("Ville de Vitry-sur-Seine;5;3;2;2;4;25;2;oui");
  });
});

describe("sending and validating the bilan (RES-22, RES-23)", () => {
  it("RES-22: only the bailleur sends, once the year is over, dated between 1 January and today", async () => {
    const byVille = await act("bilans.send", VITRY, { conventionId: villeConv, year: 2025, on: "2026-02-20" });
    expect(byVille).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("Seul le bailleur") });
    const current = await act("bilans.send", VALOPHIS, { conventionId: villeConv, year: 2026, on: "2026-03-01" });
    expect(current).toMatchObject({ ok: false, fieldErrors: { year: ["Une année close."] } });
    const early = await act("bilans.send", VALOPHIS, { conventionId: villeConv, year: 2025, on: "2025-12-31" });
    expect(early.ok).toBe(false);
    expect(early.ok ? null : early.fieldErrors?.on?.[0]).toBe("Au plus tôt le 1er janvier 2026.");
    const outsider = await act("bilans.send", CHOISY, { conventionId: villeConv, year: 2025, on: "2026-02-20" });
    expect(outsider).toMatchObject({ ok: false, code: "not-found" });
    const validateFirst = await act("bilans.validate", VITRY, { conventionId: villeConv, year: 2025, on: "2026-03-05", participants: "Mme Morel, M. Diallo" });
    expect(validateFirst).toMatchObject({ ok: false, message: expect.stringContaining("pas encore été envoyé") });
  });

  it("RES-22: the convention page's « marquer comme fait » does not mark the bilan sent (it goes with its file, for all)", async () => {
    const demo = s.convention("RESERVATION_FLUX");
    const version = (await s.db.convention.findUniqueOrThrow({ where: { id: demo } })).version;
    const r = await act("conventions.fulfil", VALOPHIS, { conventionId: demo, version, key: "RES-22:bilan:2025", on: "2026-02-20" });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining("depuis sa page") });
  });

  it("RES-22: marked sent once by the bailleur, the bilan is done for both réservataires, each with the .xlsx attached to its own convention", async () => {
    const r = ok(await act<{ conventions: number }>("bilans.send", VALOPHIS, { conventionId: villeConv, year: 2025, on: "2026-02-20" }));
    expect(r.conventions).toBe(2);
    for (const conventionId of [villeConv, etatConv]) {
      const o = await s.db.obligation.findUniqueOrThrow({ where: { ownerType_ownerId_key: { ownerType: "CONVENTION", ownerId: conventionId, key: "RES-22:bilan:2025" } } });
      expect(o.doneOn?.toISOString().slice(0, 10)).toBe("2026-02-20");
      const docs = await s.db.document.findMany({ where: { conventionId, category: "ANNUAL_BILAN" } });
      expect(docs.map((x) => x.fileName)).toEqual(["Bilan 2025 – Valophis Habitat – Vitry-sur-Seine.xlsx"]);
    }
    const again = await act("bilans.send", VALOPHIS, { conventionId: etatConv, year: 2025, on: "2026-02-21" });
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining("déjà marqué comme envoyé") });
    // The Ville opens its file: the counts it received, and never the État's document.
    const vitry = await callerAs(s, VITRY);
    const mine = (await view(VITRY, villeConv))!.mine.sending!;
    expect(mine.on).toBe("2026-02-20");
    const file = (await findDocumentForDownload(vitry, mine.documentId!))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    const sheet = wb.getWorksheet("Réservataires")!;
    expect([sheet.getCell("A2").value, sheet.getCell("B2").value, sheet.getCell("F2").value, sheet.getCell("H3").value]).toEqual(["Ville de Vitry-sur-Seine", 5, 4, 3]);
    const etatDoc = await s.db.document.findFirstOrThrow({ where: { conventionId: etatConv, category: "ANNUAL_BILAN" } });
    expect(await findDocumentForDownload(vitry, etatDoc.id)).toBeNull();
    const audit = await s.db.auditEvent.count({ where: { action: "convention.event.annual_bilan_sent", entityId: { in: [villeConv, etatConv] } } });
    expect(audit).toBe(2);
  });

  it("RES-23: the Ville records the validation meeting of the 2025 bilan: the yearly validation meeting of 2026 is done for its convention only", async () => {
    const before = await act("bilans.validate", VITRY, { conventionId: villeConv, year: 2025, on: "2026-02-10", participants: "Mme Morel, M. Diallo" });
    expect(before.ok ? null : before.fieldErrors?.on?.[0]).toBe("Au plus tôt le 20 février 2026.");
    const missing = await act("bilans.validate", VITRY, { conventionId: villeConv, year: 2025, on: "2026-03-05", participants: "" });
    expect(missing).toMatchObject({ ok: false, code: "invalid", fieldErrors: { participants: ["Participants : à compléter."] } });
    ok(await act("bilans.validate", VITRY, { conventionId: villeConv, year: 2025, on: "2026-03-05", participants: "Mme Morel (Ville), M. Diallo (Valophis)", minutes: "Bilan 2025 validé ; part 2026 maintenue à 25 %." }));
    const done = async (conventionId: string) => (await s.db.obligation.findUnique({ where: { ownerType_ownerId_key: { ownerType: "CONVENTION", ownerId: conventionId, key: "RES-23:validation:2026" } } }))?.doneOn?.toISOString().slice(0, 10) ?? null;
    expect(await done(villeConv)).toBe("2026-03-05");
    expect(await done(etatConv)).toBeNull();
    expect((await view(VALOPHIS, villeConv))!.follow.map((f) => [f.sending?.on ?? null, f.meeting?.on ?? null])).toEqual([["2026-02-20", "2026-03-05"], ["2026-02-20", null]]);
    // The État never reads the Ville's meeting.
    expect(JSON.stringify(await view(ETAT, etatConv))).not.toContain("Mme Morel");
    const twice = await act("bilans.validate", VALOPHIS, { conventionId: villeConv, year: 2025, on: "2026-03-06", participants: "Encore" });
    expect(twice).toMatchObject({ ok: false, message: expect.stringContaining("déjà enregistrée") });
  });
});
