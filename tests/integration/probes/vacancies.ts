// Registry probes for the vacancy actions (issue 10): valid inputs aimed at AUMV's data. AUMV is neither bailleur nor
// réservataire in the demo, so the rows are written directly: a dwelling of AUMV's and a réservation convention where
// AUMV is the bailleur and Choisy the réservataire, with one declared and designated vacancy. Valophis (the outsider)
// gets not-found by id: the dwelling is not its own and the vacancy is not in its scope.
import type { seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const d = await s.db.dwelling.create({
    data: {
      bailleurOrgId: s.org("aumv"), rplsId: "AUMVVAC01", residence: "Résidence de l'association", addressNumber: "5", street: "rue Victor-Hugo", commune: "Choisy-le-Roi", postcode: "94600",
      financing: "PLAI", typology: "T2", surfaceCentiM2: 4510, qpv: false, constructionPeriod: "1990_2004", rentCents: 35_000, chargesCents: 6_000, dpeClass: "C", pmr: true, classification: 1, firstLettingYear: 1995,
    },
  });
  const c = await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux (sonde vacances) – Choisy-le-Roi / AUMV", territory: "Choisy-le-Roi", signedOn: new Date("2024-03-01"), startOn: new Date("2024-01-01"),
      parameters: { objectiveCap: 0.24, guaranteeCap: 0.2, initialMonths: 36, renewalKind: "NONE" },
      parties: {
        create: [
          { organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville (réservataire)", partyRole: "RESERVATAIRE", confirmedAt: new Date("2024-03-01") },
          { organisationId: s.org("aumv"), roleLabel: "le bailleur", partyRole: "BAILLEUR", confirmedAt: new Date("2024-03-01") },
        ],
      },
      events: { create: { type: "SIGNED", on: new Date("2024-03-01"), payload: { type: "SIGNED", on: "2024-03-01" } } },
    },
  });
  const other = await s.db.dwelling.create({ data: { ...{ bailleurOrgId: s.org("aumv"), residence: "Résidence de l'association", addressNumber: "7", street: "rue Victor-Hugo", commune: "Choisy-le-Roi", postcode: "94600", financing: "PLUS", typology: "T3", surfaceCentiM2: 6200, qpv: false, constructionPeriod: "1990_2004", rentCents: 45_000, chargesCents: 7_000, dpeClass: "C", pmr: false, classification: 1, firstLettingYear: 1995 }, rplsId: "AUMVVAC02" } });
  const admin = s.person("admin@aumv.demo").id;
  const on = "2026-03-02";
  const v = await s.db.vacancy.create({
    data: {
      dwellingId: other.id, bailleurOrgId: s.org("aumv"), orientation: "RESERVATAIRE", conventionId: c.id, availableOn: new Date(on), declaredOn: new Date(on), declaration: {}, createdById: admin,
      designationDueOn: new Date("2026-04-01"),
      steps: { create: [
        { type: "DECLARED", on: new Date(on), payload: { type: "DECLARED", on }, recordedById: admin, recordedByOrgId: s.org("aumv") },
        { type: "DESIGNATION", on: new Date("2026-03-05"), payload: { type: "DESIGNATION", on: "2026-03-05", candidates: 1, dalo: true, subsidisedD331_25_1: false }, recordedById: admin, recordedByOrgId: s.org("choisy-le-roi") },
      ] },
      candidates: { create: { round: 1, rank: 1, nur: "094112399999999", persons: 2, monthlyResourcesCents: 120_000, dalo: true } },
    },
    include: { candidates: true },
  });
  const candidateId = v.candidates[0].id;
  return {
    probes: {
      "vacancies.declare": () => ({ dwellingId: d.id, availableOn: "2026-04-01", orientation: "RESERVATAIRE", conventionId: c.id }),
      "vacancies.designate": () => ({ vacancyId: v.id, on: "2026-03-06", candidates: [{ nur: "094112388888888", persons: "3", monthlyResources: "1 500,00", dalo: true }], daloPrefet: true, classificationAcknowledged: true }),
      "vacancies.caleol": () => ({ vacancyId: v.id, on: "2026-03-08", decisions: [{ candidateId, decision: "ATTRIBUTION" }] }),
      "vacancies.answer": () => ({ vacancyId: v.id, on: "2026-03-09", candidateId, accepted: true }),
      "vacancies.lease": () => ({ vacancyId: v.id, on: "2026-03-09", candidateId }),
      "vacancies.withdraw": () => ({ vacancyId: v.id, on: "2026-03-09" }),
      "vacancies.designateRelais": () => ({ vacancyId: v.id, on: "2026-03-06", relaisCaseId: "relais-case-probe", classificationAcknowledged: true }),
    },
    targetIds: [d.id, c.id, v.id, candidateId],
  };
}
