import { describe, expect, it } from "vitest";
import { annualBilan, type BilanDwelling, type BilanVacancy, type DwellingRegime } from "@/lib/domain";
import { expectDomainError } from "./helpers";

const FLUX: DwellingRegime = { kind: "FLUX" };
const dw = (id: string, commune: string, typology: string, financing: string, qpv: boolean, constructionPeriod: string, regime: DwellingRegime = FLUX, newInYear = false): BilanDwelling => ({ id, commune, typology, financing, qpv, constructionPeriod, regime, newInYear });

/** A small hand-made year 2024: 8 dwellings, 8 vacancies, two réservataires (the Ville, the État). */
const dwellings: BilanDwelling[] = [
  dw("d1", "Choisy-le-Roi", "T2", "PLUS", false, "1970-1989"),
  dw("d2", "Choisy-le-Roi", "T3", "PLAI", true, "1990-2009"),
  dw("d3", "Choisy-le-Roi", "T1", "PLS", false, "1970-1989"),
  dw("d4", "Orly", "T4", "PLUS", false, "2010+"),
  dw("d5", "Choisy-le-Roi", "T3", "PLUS", false, "1970-1989", { kind: "SOUSTRAIT", category: "MUTATION_INTERNE" }),
  dw("d6", "Choisy-le-Roi", "T2", "PLUS", false, "1970-1989", { kind: "EXCLUDED", reason: "NOT_SOCIAL_REGIME" }),
  dw("d7", "Choisy-le-Roi", "T3", "PLUS", true, "2010+", FLUX, true),
  dw("d8", "Orly", "T2", "PLUS", false, "1990-2009"),
];
const v = (dwellingId: string, reservataireId: string | null, declaredOn: string, attributedOn: string | null, outcome: BilanVacancy["outcome"], outcomeOn: string | null, soustraitCategory: BilanVacancy["soustraitCategory"] = null): BilanVacancy => ({ dwellingId, reservataireId, soustraitCategory, declaredOn, attributedOn, outcome, outcomeOn });
const vacancies: BilanVacancy[] = [
  v("d1", "ville", "2024-02-01", "2024-03-01", "LEASE_SIGNED", "2024-03-20"),
  v("d2", "ville", "2024-05-10", null, "NO_CANDIDATE_30D", "2024-06-10"),
  v("d3", "ville", "2024-12-20", null, "PENDING", null),
  v("d4", "etat", "2024-03-01", "2024-04-01", "REFUSED_AFTER_CALEOL", "2024-04-20"),
  v("d5", null, "2024-06-01", "2024-06-15", "LEASE_SIGNED", "2024-07-01", "MUTATION_INTERNE"),
  v("d8", "ville", "2023-12-15", "2024-01-10", "LEASE_SIGNED", "2024-01-31"),
  v("d1", "etat", "2024-09-01", "2024-10-01", "LEASE_SIGNED", "2024-10-20"),
  v("d4", null, "2024-11-01", "2024-11-10", "LEASE_SIGNED", "2024-11-30"),
];
const reservataires = [
  { id: "ville", share: 0.24, droitsUniquesJan1: 792, acquisitions: 10 },
  { id: "etat", share: 0.3, droitsUniquesJan1: 300, acquisitions: 0 },
];

describe("annual bilan (RES-22)", () => {
  const bilan = annualBilan({ year: 2024, dwellings, vacancies, reservataires });

  it("RES-22 RES-4b RES-1 RES-4: due 28 Feb 2025; assiette and dwellings freed in the year", () => {
    expect(bilan.year).toBe(2024);
    expect(bilan.dueOn).toBe("2025-02-28");
    // stock d1–d6, d8 = 7; excluded d6; soustrait d5; put into service d7 → 7 − 1 − 1 + 1 = 6.
    expect(bilan.assiette).toEqual({ stock: 7, excluded: 1, soustraits: 1, misesEnService: 1, assiette: 6 });
    // Declared in 2024 on a dwelling in the flux: v1 v2 v3 v4 v7 v8 (v5 soustrait, v6 declared in 2023).
    expect(bilan.freed).toBe(6);
  });

  it("RES-22 RES-13 RES-14 RES-10: the Ville — proposed, attributed, counted, objective, droits uniques", () => {
    const ville = bilan.reservataires.find((r) => r.id === "ville");
    expect(ville).toEqual({
      id: "ville",
      proposed: 3, // v1 v2 v3
      attributed: 2, // v1 (March), v6 (January, declared in 2023)
      leases: 2, // v1, v6
      equivalents: 1, // v2 lapsed
      counted: 3,
      objective: 1, // 6 × 0.24 = 1.44 → 1
      objectiveReached: true,
      droitsUniquesConsumed: 3,
      droitsUniquesNextJan1: 799, // 792 + 10 − 3
      byTypology: { T2: { proposed: 1, attributed: 2 }, T3: { proposed: 1, attributed: 0 }, T1: { proposed: 1, attributed: 0 } },
      byFinancing: { PLUS: { proposed: 1, attributed: 2 }, PLAI: { proposed: 1, attributed: 0 }, PLS: { proposed: 1, attributed: 0 } },
      byQpv: { QPV: { proposed: 1, attributed: 0 }, HORS_QPV: { proposed: 2, attributed: 2 } },
      byCommune: { "Choisy-le-Roi": { proposed: 3, attributed: 1 }, Orly: { proposed: 0, attributed: 1 } },
      byConstructionPeriod: { "1970-1989": { proposed: 2, attributed: 1 }, "1990-2009": { proposed: 1, attributed: 1 } },
    });
  });

  it("RES-22 RES-13 RES-14: the État — a refusal after CALEOL is an equivalent", () => {
    const etat = bilan.reservataires.find((r) => r.id === "etat");
    expect(etat).toMatchObject({ proposed: 2, attributed: 2, leases: 1, equivalents: 1, counted: 2, objective: 2, objectiveReached: true, droitsUniquesConsumed: 2, droitsUniquesNextJan1: 298 });
    expect(etat?.byTypology).toEqual({ T4: { proposed: 1, attributed: 1 }, T2: { proposed: 1, attributed: 1 } });
    expect(etat?.byCommune).toEqual({ Orly: { proposed: 1, attributed: 1 }, "Choisy-le-Roi": { proposed: 1, attributed: 1 } });
  });

  it("RES-22 RES-3: totals over the réservataires and rehousings per soustrait category", () => {
    expect(bilan.totals.proposed).toBe(5);
    expect(bilan.totals.attributed).toBe(4);
    expect(bilan.totals.byTypology).toEqual({ T2: { proposed: 2, attributed: 3 }, T3: { proposed: 1, attributed: 0 }, T1: { proposed: 1, attributed: 0 }, T4: { proposed: 1, attributed: 1 } });
    expect(bilan.totals.byQpv).toEqual({ QPV: { proposed: 1, attributed: 0 }, HORS_QPV: { proposed: 4, attributed: 4 } });
    expect(bilan.rehousings).toEqual({ MUTATION_INTERNE: 1, RENOUVELLEMENT_URBAIN: 0, PERIL_INSALUBRITE: 0, VENTE: 0 });
  });

  it("RES-22 RES-14: an objective not reached", () => {
    const r = annualBilan({ year: 2024, dwellings, vacancies, reservataires: [{ id: "ville", share: 0.9, droitsUniquesJan1: 10, acquisitions: 0 }, reservataires[1]] });
    expect(r.reservataires[0]).toMatchObject({ objective: 5, counted: 3, objectiveReached: false }); // 6 × 0.9 = 5.4 → 5
  });

  it("RES-22 RES-4b RES-3: a withdrawn declaration counts nowhere; a dwelling of the flux soustrait at its vacancy is not freed", () => {
    const more = [
      ...vacancies,
      v("d8", "ville", "2024-05-02", null, "WITHDRAWN", "2024-05-03"),
      v("d2", null, "2024-08-01", null, "LEASE_SIGNED", "2024-08-20", "RENOUVELLEMENT_URBAIN"),
    ];
    const r = annualBilan({ year: 2024, dwellings, vacancies: more, reservataires });
    expect(r.freed).toBe(6); // unchanged: neither the withdrawn one nor the soustrait one
    expect(r.reservataires[0]).toMatchObject({ proposed: 3, attributed: 2, counted: 3 });
    expect(r.totals.proposed).toBe(5);
    expect(r.rehousings).toEqual({ MUTATION_INTERNE: 1, RENOUVELLEMENT_URBAIN: 1, PERIL_INSALUBRITE: 0, VENTE: 0 });
  });

  it("RES-22 RES-11 RES-14: without an agreed share there is no objective (null), the counts remain", () => {
    const r = annualBilan({ year: 2024, dwellings, vacancies, reservataires: [{ ...reservataires[0], share: null }, reservataires[1]] });
    expect(r.reservataires[0]).toMatchObject({ objective: null, objectiveReached: null, counted: 3, droitsUniquesNextJan1: 799 });
    expect(r.reservataires[1]).toMatchObject({ objective: 2, objectiveReached: true });
  });

  it("RES-22 RES-10 RES-11: invalid input is refused", () => {
    expectDomainError(() => annualBilan({ year: 2024, dwellings, vacancies: [v("d9", "ville", "2024-01-01", null, "PENDING", null)], reservataires }), "RES-22", "UNKNOWN_VALUE");
    expectDomainError(() => annualBilan({ year: 2024, dwellings, vacancies: [v("d1", "commune-x", "2024-01-01", null, "PENDING", null)], reservataires }), "RES-22", "UNKNOWN_VALUE");
    expectDomainError(() => annualBilan({ year: 2024, dwellings, vacancies, reservataires: [reservataires[0], reservataires[0]] }), "RES-22", "DUPLICATE");
    expectDomainError(() => annualBilan({ year: 2024, dwellings, vacancies, reservataires: [{ ...reservataires[0], share: 24 }] }), "RES-11", "RATE_OUT_OF_RANGE");
    expectDomainError(() => annualBilan({ year: 2024, dwellings, vacancies, reservataires: [{ ...reservataires[0], acquisitions: -1 }] }), "RES-10", "NEGATIVE");
    expectDomainError(() => annualBilan({ year: 2024, dwellings, vacancies: [v("d1", "ville", "2024-02-30", null, "PENDING", null)], reservataires }), "RES-22", "INVALID_DATE");
    expectDomainError(() => annualBilan({ year: 24, dwellings, vacancies, reservataires }), "RES-22", "INVALID_YEAR");
  });
});
