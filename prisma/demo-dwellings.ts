// Valophis Habitat's stock in Choisy-le-Roi for the demo (issue 9): a few thousand dwellings generated with
// realistic proportions (financing, typology, QPV, classification, PMR, DPE), their regimes over time (PLI
// excluded, a residence put on sale, soustraits of each year, new programmes put into service), five RPLS
// vintages and the departmental rate of 5.24 % agreed by the convention. Deterministic (seeded generator).
import type { Prisma } from "../lib/generated/prisma/client";
import { mulberry32 as rng, pickWeighted as pick } from "../lib/random";

type Tx = Prisma.TransactionClient;


type Residence = { name: string; street: string; size: number; qpv: boolean; classification: 1 | 2 | 3 | 4; period: string; firstLettingYear: number; financing?: string };

/** Residences of Choisy-le-Roi (names and streets of the town; sizes and years are the demo's). */
export const DEMO_RESIDENCES: Residence[] = [
  { name: "Les Navigateurs", street: "rue des Navigateurs", size: 310, qpv: true, classification: 4, period: "1949_1974", firstLettingYear: 1968 },
  { name: "Les Hautes-Bornes", street: "avenue de Villeneuve-Saint-Georges", size: 260, qpv: true, classification: 4, period: "1949_1974", firstLettingYear: 1971 },
  { name: "Cité Gabriel-Péri", street: "avenue Gabriel-Péri", size: 180, qpv: true, classification: 3, period: "1949_1974", firstLettingYear: 1962 },
  { name: "Les Gondoles", street: "rue des Gondoles", size: 220, qpv: true, classification: 3, period: "1975_1989", firstLettingYear: 1977 },
  { name: "Sébastopol", street: "rue Sébastopol", size: 140, qpv: false, classification: 2, period: "1975_1989", firstLettingYear: 1983 },
  { name: "Les Aviateurs", street: "boulevard des Alliés", size: 160, qpv: true, classification: 3, period: "1949_1974", firstLettingYear: 1966 },
  { name: "Résidence Rouget-de-Lisle", street: "rue Rouget-de-Lisle", size: 120, qpv: false, classification: 2, period: "1990_2004", firstLettingYear: 1994 },
  { name: "Résidence Jean-Jaurès", street: "avenue Jean-Jaurès", size: 150, qpv: false, classification: 2, period: "1975_1989", firstLettingYear: 1986 },
  { name: "Les Tilleuls", street: "rue Waldeck-Rousseau", size: 90, qpv: false, classification: 1, period: "2005_2014", firstLettingYear: 2009 },
  { name: "Résidence Anatole-France", street: "avenue Anatole-France", size: 130, qpv: false, classification: 2, period: "AVANT_1949", firstLettingYear: 1934 },
  { name: "Résidence Louise-Michel", street: "rue Louise-Michel", size: 110, qpv: true, classification: 3, period: "1990_2004", firstLettingYear: 1998 },
  { name: "Quai Pompadour", street: "quai de Pompadour", size: 80, qpv: false, classification: 1, period: "2005_2014", firstLettingYear: 2012 },
  { name: "Résidence Louis-Luc", street: "avenue Louis-Luc", size: 100, qpv: false, classification: 2, period: "1975_1989", firstLettingYear: 1979 },
  { name: "Les Épinettes", street: "rue du Docteur-Roux", size: 140, qpv: true, classification: 4, period: "1949_1974", firstLettingYear: 1959 },
  { name: "Résidence Ledru-Rollin", street: "rue Ledru-Rollin", size: 70, qpv: false, classification: 1, period: "DEPUIS_2015", firstLettingYear: 2018 },
  { name: "Résidence Pasteur", street: "rue Pasteur", size: 60, qpv: false, classification: 2, period: "1990_2004", firstLettingYear: 2001 },
  { name: "Résidence Victor-Hugo (PLI)", street: "avenue Victor-Hugo", size: 45, qpv: false, classification: 1, period: "2005_2014", firstLettingYear: 2010, financing: "PLI" },
  { name: "Résidence Paul-Vaillant-Couturier", street: "avenue Paul-Vaillant-Couturier", size: 40, qpv: false, classification: 2, period: "1949_1974", firstLettingYear: 1969 },
];
/** Put into service recently (RES-4): first let in their year, then in the flux. */
export const DEMO_NEW_PROGRAMMES: Residence[] = [
  { name: "Les Jardins du Port", street: "quai des Gondoles", size: 64, qpv: false, classification: 1, period: "DEPUIS_2015", firstLettingYear: 2025 },
  { name: "Villa Alfortville", street: "avenue d'Alfortville", size: 36, qpv: false, classification: 1, period: "DEPUIS_2015", firstLettingYear: 2026 },
];
/** The residence whose dwellings entered the sale plan (RES-2) on this date. */
export const SALE_PLAN = { residence: "Résidence Paul-Vaillant-Couturier", on: "2025-06-01" };

const FINANCING = [["PLUS", 70], ["PLAI", 13], ["PLS", 10], ["AUTRE", 7]] as const;
const TYPOLOGY = [["T1", 8], ["T2", 22], ["T3", 38], ["T4", 24], ["T5", 7], ["T6+", 1]] as const;
const DPE = [["B", 5], ["C", 17], ["D", 40], ["E", 28], ["F", 10]] as const;
const SURFACE: Record<string, [number, number]> = { T1: [24, 34], T2: [40, 52], T3: [56, 70], T4: [71, 86], T5: [87, 102], "T6+": [103, 125] };
const RENT_PER_M2: Record<string, number> = { PLAI: 5.9, PLUS: 6.7, PLS: 9.6, PLI: 12.8, AUTRE: 5.4 };
const SOUSTRAITS: Record<number, [string, number, string][]> = {
  2024: [["MUTATION_INTERNE", 9, "CUS 2021-2026, accord de mutations internes"], ["RENOUVELLEMENT_URBAIN", 5, "Convention NPNRU Choisy-le-Roi du 12 mars 2021"]],
  2025: [["MUTATION_INTERNE", 11, "CUS 2021-2026, accord de mutations internes"], ["RENOUVELLEMENT_URBAIN", 7, "Convention NPNRU Choisy-le-Roi du 12 mars 2021"], ["PERIL_INSALUBRITE", 2, "Arrêté de mise en sécurité n° 2025-114"]],
  2026: [["MUTATION_INTERNE", 12, "CUS 2021-2026, accord de mutations internes"], ["RENOUVELLEMENT_URBAIN", 8, "Convention NPNRU Choisy-le-Roi du 12 mars 2021"], ["VENTE", 2, "Plan de vente 2025 (délibération du CA du 3 avril 2025)"]],
};
/** RES-5: Valophis on Choisy-le-Roi, five RPLS vintages (move-ins in dwellings let ≥ 1 year / dwellings let). */
export const DEMO_VINTAGES = [
  { year: 2019, moveIns: 118, letDwellings: 2296 },
  { year: 2020, moveIns: 104, letDwellings: 2301 },
  { year: 2021, moveIns: 123, letDwellings: 2305 },
  { year: 2022, moveIns: 127, letDwellings: 2312 },
  { year: 2023, moveIns: 131, letDwellings: 2318 },
];
export const DEMO_AGREED_ROTATION = { ratePpm: 52_400, provenance: "Taux départemental du Val-de-Marne retenu par la convention (article II)" };

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Writes the stock, regimes, vintages and agreed rate; returns the number of dwellings. */
export async function seedDemoDwellings(tx: Tx, o: { bailleurOrgId: string; personId: string; territory: string }): Promise<number> {
  const r = rng(94600);
  const dwellings: Prisma.DwellingCreateManyInput[] = [];
  const regimes: { rplsId: string; kind: string; effectiveOn: string; reason?: string; category?: string; year?: number; reference?: string }[] = [];
  let n = 0;
  for (const res of [...DEMO_RESIDENCES, ...DEMO_NEW_PROGRAMMES]) {
    for (let i = 0; i < res.size; i++) {
      n++;
      const rplsId = `0940220${String(n).padStart(6, "0")}`;
      const financing = res.financing ?? (res.firstLettingYear < 1977 && r() < 0.3 ? "AUTRE" : pick(r, FINANCING));
      const typology = pick(r, TYPOLOGY);
      const [lo, hi] = SURFACE[typology];
      const surface = Math.round((lo + r() * (hi - lo)) * 100);
      const rent = Math.round((surface / 100) * RENT_PER_M2[financing] * 100);
      dwellings.push({
        bailleurOrgId: o.bailleurOrgId, rplsId, residence: res.name, addressNumber: String(1 + Math.floor(i / 12) * 2), street: res.street, commune: o.territory, postcode: "94600",
        financing, typology, surfaceCentiM2: surface, qpv: res.qpv, constructionPeriod: res.period, rentCents: rent, chargesCents: Math.round((surface / 100) * (1.5 + r() * 0.8) * 100),
        dpeClass: res.period === "DEPUIS_2015" ? "B" : pick(r, DPE), pmr: res.period === "DEPUIS_2015" ? r() < 0.25 : r() < 0.04, classification: res.classification, firstLettingYear: res.firstLettingYear,
      });
      regimes.push(financing === "PLI"
        ? { rplsId, kind: "EXCLUDED", effectiveOn: "1900-01-01", reason: "NOT_SOCIAL_REGIME" }
        : { rplsId, kind: "FLUX", effectiveOn: "1900-01-01" });
      if (res.name === SALE_PLAN.residence) regimes.push({ rplsId, kind: "EXCLUDED", effectiveOn: SALE_PLAN.on, reason: "SALE_PLAN" });
    }
  }
  await tx.dwelling.createMany({ data: dwellings });
  const ids = new Map((await tx.dwelling.findMany({ where: { bailleurOrgId: o.bailleurOrgId }, select: { id: true, rplsId: true } })).map((x) => [x.rplsId, x.id]));
  // RES-3: the soustraits of each year, taken among the old flux dwellings (QPV estates first for urban renewal).
  const candidates = dwellings.filter((x) => x.financing !== "PLI" && x.firstLettingYear < 2020 && x.residence !== SALE_PLAN.residence);
  let k = 0;
  for (const [year, list] of Object.entries(SOUSTRAITS)) {
    for (const [category, count, reference] of list) {
      const pool = category === "RENOUVELLEMENT_URBAIN" ? candidates.filter((x) => x.qpv) : candidates;
      for (let i = 0; i < count; i++) {
        const dw = pool[(k++ * 37) % pool.length];
        regimes.push({ rplsId: dw.rplsId, kind: "SOUSTRAIT", effectiveOn: `${year}-01-01`, category, year: Number(year), reference });
      }
    }
  }
  await tx.dwellingRegime.createMany({
    data: regimes.map((g) => ({
      dwellingId: ids.get(g.rplsId)!, kind: g.kind, effectiveOn: d(g.effectiveOn), reason: g.reason ?? null, category: g.category ?? null, year: g.year ?? null, reference: g.reference ?? null,
      source: "IMPORT", recordedById: o.personId,
    })),
  });
  await tx.rotationVintage.createMany({ data: DEMO_VINTAGES.map((v) => ({ ...v, bailleurOrgId: o.bailleurOrgId, territory: o.territory, recordedById: o.personId })) });
  await tx.agreedRotation.create({ data: { bailleurOrgId: o.bailleurOrgId, territory: o.territory, ...DEMO_AGREED_ROTATION, recordedById: o.personId } });
  return dwellings.length;
}
