// Registry probes for the FNAVDL case actions (issue 7): valid inputs aimed at AUMV's FNAVDL convention and case.
import { actionRegistry } from "@/lib/server/action";
import { fnavdlAslliFixture } from "../fnavdl-aslli-fixture";
import { rc, type seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const fx = await fnavdlAslliFixture(s, 2);
  const agent = s.person("agent@aumv.demo");
  const r = await actionRegistry().get("fnavdl.prescribe")!.execute(rc(agent), "aumv", {
    conventionId: fx.fnavdlId, householdId: fx.households[0], prescribedOn: "2025-01-06", prescriber: "SERVICES_ETAT", referentPersonId: agent.id,
  });
  if (!r.ok) throw new Error(`prescription de la sonde refusée : ${JSON.stringify(r)}`);
  const caseId = (r as { data: { id: string } }).data.id;
  return {
    probes: {
      "fnavdl.prescribe": () => ({ conventionId: fx.fnavdlId, householdId: fx.households[1], prescribedOn: "2025-02-03", prescriber: "SERVICES_ETAT", motivation: "", referentPersonId: agent.id }),
      "fnavdl.recordEvent": () => ({ caseId, type: "CONSENT", on: "2025-01-10" }),
    },
    targetIds: [fx.fnavdlId, caseId, ...fx.households],
  };
}
