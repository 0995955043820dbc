// Registry probes for the new programme actions (issue 10 part 5, RES-21): valid inputs aimed at AUMV's data. AUMV is
// neither bailleur nor réservataire in the demo, so the rows are written directly: a réservation convention where AUMV
// is the bailleur and Choisy the réservataire, with a programme notified and a first list sent. Valophis (the
// outsider) gets not-found by id: it is not a party to the convention.
import type { seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const c = await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux (sonde programmes neufs) – Choisy-le-Roi / AUMV", territory: "Choisy-le-Roi", signedOn: new Date("2024-03-01"), startOn: new Date("2024-01-01"),
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
  const admin = s.person("admin@aumv.demo").id;
  const p = await s.db.newProgramme.create({
    data: {
      conventionId: c.id, bailleurOrgId: s.org("aumv"), name: "Les Jardins de la sonde", addressLine: "12 rue de la Paix", postcode: "94600", commune: "Choisy-le-Roi", dwellings: 12,
      plannedCommissioningOn: new Date("2026-09-01"), commissioningOn: new Date("2026-09-01"), receivedOn: new Date("2026-03-02"), createdById: admin,
      steps: { create: [
        { type: "NOTIFICATION_RECEIVED", on: new Date("2026-03-02"), payload: { type: "NOTIFICATION_RECEIVED", on: "2026-03-02", documents: ["PLANS"] }, recordedById: admin, recordedByOrgId: s.org("aumv") },
        { type: "LIST_SENT", on: new Date("2026-03-04"), payload: { type: "LIST_SENT", on: "2026-03-04", list: 1, candidates: [] }, recordedById: s.person("admin@choisy-le-roi.demo").id, recordedByOrgId: s.org("choisy-le-roi") },
      ] },
    },
  });
  return {
    probes: {
      "programmes.notify": () => ({ conventionId: c.id, name: "Programme sonde", addressLine: "1 rue Neuve", postcode: "94600", commune: "Choisy-le-Roi", dwellings: "8", commissioningOn: "2026-12-01", receivedOn: "2026-03-05", documents: ["PLANS", "NOTICE"] }),
      "programmes.sendList": () => ({ programmeId: p.id, on: "2026-03-06", candidates: [{ nur: "094112377777777", persons: "2", monthlyResources: "1 200,00", dalo: false }] }),
      "programmes.notifyFailure": () => ({ programmeId: p.id, on: "2026-03-06", reason: "Candidats non retenus par la sonde" }),
      "programmes.postpone": () => ({ programmeId: p.id, on: "2026-03-06", commissioningOn: "2026-12-01" }),
    },
    targetIds: [c.id, p.id],
  };
}
