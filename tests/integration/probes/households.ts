// Registry probes of the household actions (tests/integration/actions-registry.test.ts): valid inputs aimed
// at a household owned by AUMV, the victim organisation.
import "@/lib/server/actions/households"; // registers the actions even before lib/server/actions/index.ts lists them
import { computeSearchKey } from "@/lib/server/households";
import type { seeded } from "../helpers";

type Seeded = Awaited<ReturnType<typeof seeded>>;

const household = {
  referenceLastName: "Sonde", referenceFirstName: "Aurélie", referenceBirthDate: "1990-01-01",
  members: [{ lastName: "Sonde", firstName: "Léon", birthDate: "2015-05-05", relationship: "ENFANT" }],
  resources: [{ source: "SALAIRE", amount: "1 234,58" }],
  nur: "094 112 345 678 999", housingSituation: "HEBERGE_TIERS", commune: "Villeneuve-le-Roi",
  daloDecision: "", daloRecognisedOn: "", consentOn: "", consentBy: "",
};

export async function arrange(s: Seeded) {
  const h = await s.db.household.create({
    data: {
      organisationId: s.org("aumv"), createdById: s.person("agent@aumv.demo").id,
      referenceLastName: "Victime", referenceFirstName: "Bérénice",
      searchKey: computeSearchKey({ referenceLastName: "Victime", referenceFirstName: "Bérénice", members: [] }),
    },
  });
  return {
    probes: {
      "households.create": () => household,
      "households.update": () => ({ ...household, householdId: h.id, version: 0 }),
    },
    targetIds: [h.id],
  };
}
