// A fresh relais convention between Choisy and AUMV, signed, and households of Choisy, for case tests.
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { CONVENTION_PARAMS, defaultParams } from "@/lib/validation/convention-params";
import { paramToInput } from "@/lib/validation/conventions";
import { rc, type seeded } from "./helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function relaisFixture(s: S, households = 6) {
  const d = defaultParams("RELAIS", 2025);
  const created = await actionRegistry().get("conventions.create")!.execute(rc(s.person("admin@choisy-le-roi.demo")), "choisy-le-roi", {
    kind: "RELAIS", title: "Relais de test", reference: "", territory: "Choisy-le-Roi", signedOn: "2024-12-01", startOn: "2025-01-01",
    parties: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville" }, { organisationId: s.org("aumv"), roleLabel: "l'Association" }],
    params: Object.fromEntries(CONVENTION_PARAMS.RELAIS.map((p) => [p.key, paramToInput(p, d[p.key])])),
  });
  const conventionId = (created as { data: { id: string } }).data.id;
  await actionRegistry().get("conventions.confirm")!.execute(rc(s.person("admin@aumv.demo")), "aumv", { conventionId });
  const ids: string[] = [];
  for (let i = 0; i < households; i++) {
    const h = await s.db.household.create({
      data: { organisationId: s.org("choisy-le-roi"), referenceFirstName: `Prénom${i}`, referenceLastName: `Nom${i}`, searchKey: `nom${i} prenom${i}`, createdById: s.person("agent@choisy-le-roi.demo").id },
    });
    ids.push(h.id);
  }
  return { conventionId, households: ids };
}
