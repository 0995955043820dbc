// Registry probes for the bailleur's stock (issue 9): valid inputs; the dwelling named belongs to the victim
// organisation (a row written directly: AUMV is not a bailleur, so its AGENT is refused by the handler).
import type { seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

const fields = {
  rplsId: "PROBE0001", residence: "Résidence sonde", addressNumber: "1", street: "rue de la Sonde", commune: "Choisy-le-Roi", postcode: "94600",
  financing: "PLUS", typology: "T3", surface: "64,20", qpv: "non", constructionPeriod: "1975_1989", rent: "412,50", charges: "95,00", dpeClass: "D", pmr: "non",
  classification: "2", firstLettingYear: "1982",
};

export async function arrange(s: S) {
  const d = await s.db.dwelling.create({
    data: {
      bailleurOrgId: s.org("aumv"), rplsId: "AUMV0001", residence: "Résidence de l'association", addressNumber: "3", street: "rue Victor-Hugo", commune: "Choisy-le-Roi", postcode: "94600",
      financing: "PLAI", typology: "T2", surfaceCentiM2: 4510, qpv: false, constructionPeriod: "1990_2004", rentCents: 35_000, chargesCents: 6_000, dpeClass: "C", pmr: true, classification: 1, firstLettingYear: 1995,
    },
  });
  return {
    probes: {
      "dwellings.create": () => ({ ...fields, regime: "FLUX" }),
      "dwellings.update": () => ({ ...fields, rplsId: "AUMV0001", dwellingId: d.id, version: 0 }),
      "dwellings.changeRegime": () => ({ dwellingId: d.id, effectiveOn: "2026-01-02", regime: "EXCLUDED", reason: "SALE_PLAN" }),
      "rotation.addVintage": () => ({ territory: "Choisy-le-Roi", year: 2024, moveIns: 40, letDwellings: 800 }),
      "rotation.importVintages": () => ({ territory: "Choisy-le-Roi", text: "annee;emmenagements;logements_loues\n2022;41;790\n2023;44;801" }),
      "rotation.setAgreed": () => ({ territory: "Choisy-le-Roi", rate: "5,24", provenance: "Taux départemental" }),
    },
    targetIds: [d.id],
  };
}
