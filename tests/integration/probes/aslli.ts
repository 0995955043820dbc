// Registry probes for the ASLLi measure actions (issue 7): valid inputs aimed at AUMV's ASLLi convention and measure.
import { actionRegistry } from "@/lib/server/action";
import { fnavdlAslliFixture } from "../fnavdl-aslli-fixture";
import { rc, type seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const fx = await fnavdlAslliFixture(s, 2);
  const agent = s.person("agent@aumv.demo");
  const request = (householdId: string, requestedOn: string) => ({
    conventionId: fx.aslliId, householdId, requestedOn, instructorProfession: "ASSISTANTE_SOCIALE", instructorName: "Mme Durand, CCAS",
    formSignedByHousehold: true, lawfullyResident: true, housingDifficulties: true, adheres: true, measuresInProgress: [], situations: ["ACCES"], purpose: "ACCESS",
    evaluation: { symptoms: "Impayés de loyer depuis trois mois", causes: "Séparation et perte d'emploi", priorityAxes: "Plan d'apurement et budget" },
    referentPersonId: agent.id,
  });
  const r = await actionRegistry().get("aslli.request")!.execute(rc(agent), "aumv", request(fx.households[0], "2025-02-03"));
  if (!r.ok) throw new Error(`demande de la sonde refusée : ${JSON.stringify(r)}`);
  const caseId = (r as { data: { id: string } }).data.id;
  const c = await actionRegistry().get("aslli.recordEvent")!.execute(rc(s.person("agent@alsace.demo")), "alsace", {
    caseId, type: "COMMISSION", on: "2025-02-12", granted: true, purpose: "ACCESS", months: 3, notifiedOn: "2025-02-14",
  });
  if (!c.ok) throw new Error(`commission de la sonde refusée : ${JSON.stringify(c)}`);
  return {
    probes: {
      "aslli.request": () => request(fx.households[1], "2025-03-03"),
      "aslli.recordEvent": () => ({ caseId, type: "MEETING", on: "2025-03-05", place: "DOMICILE", participants: "Le ménage", minutes: "" }),
    },
    targetIds: [fx.aslliId, caseId, ...fx.households],
  };
}
