// Registry probes for the annual bilan (issue 11, RES-22, RES-23): valid inputs aimed at AUMV's data. AUMV is neither
// bailleur nor réservataire in the demo, so a réservation convention is written where AUMV is the bailleur and Choisy
// the réservataire (on its own territory, apart from the other probes). Valophis (the outsider) is no party to it.
import type { seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const c = await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux (sonde bilan annuel) – Ivry-sur-Seine / AUMV", territory: "Ivry-sur-Seine", signedOn: new Date("2024-03-01"), startOn: new Date("2024-01-01"),
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
  return {
    probes: {
      "bilans.send": () => ({ conventionId: c.id, year: 2025, on: "2026-02-20" }),
      "bilans.validate": () => ({ conventionId: c.id, year: 2025, on: "2026-03-01", participants: "Sonde de sécurité", minutes: "" }),
    },
    targetIds: [c.id],
  };
}
