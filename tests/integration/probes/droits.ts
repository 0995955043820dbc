// Registry probes for the droits de suite / droits uniques actions (issue 9, RES-7..12): valid inputs aimed at a
// réservation convention the victim organisation (AUMV) is party to as the bailleur — rows written directly, since the
// creation form only lets a bailleur sign one. Valophis is not a party: its admin gets not-found by id.
import type { seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const territory = "Villeneuve-le-Roi";
  const c = await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux (sonde) – Choisy-le-Roi / AUMV", territory, signedOn: new Date("2024-03-01"), startOn: new Date("2024-01-01"),
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
  await s.db.agreedRotation.create({ data: { bailleurOrgId: s.org("aumv"), territory, ratePpm: 52_400, provenance: "Taux de la sonde" } });
  await s.db.reservationAgreement.create({
    data: { conventionId: c.id, reference: "SONDE-0", origin: "FUNDING", programme: "Programme de la sonde", droitsDeSuite: 20, endOn: new Date("2035-12-31") },
  });
  return {
    probes: {
      "droits.addAgreement": () => ({ conventionId: c.id, reference: "SONDE-1", origin: "LAND", programme: "Terrain de la sonde", droitsDeSuite: "10", endOn: "2040-12-31", lastRepaymentOn: "" }),
      "droits.convert": () => ({ conventionId: c.id, inventoryOn: "2023-12-31" }),
      "droits.addGrant": () => ({ conventionId: c.id, on: "2025-06-16", origin: "LAND", programme: "Terrain de la sonde", programmeDwellings: "", droits: "", lastRepaymentOn: "", droitsUniques: "3" }),
      "droits.setShareInput": () => ({ conventionId: c.id, year: "2025", allDroitsUniques: "500", statePart: "30" }),
    },
    targetIds: [c.id],
  };
}
