// Registry probes for the relais case actions (issue 6): valid inputs aimed at a case shared by Choisy and AUMV.
import { relaisFixture } from "../cases-fixture";
import { rc, type seeded } from "../helpers";
import { actionRegistry } from "@/lib/server/action";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const fx = await relaisFixture(s, 2);
  const agent = s.person("agent@choisy-le-roi.demo");
  const r = await actionRegistry().get("cases.refer")!.execute(rc(agent), "choisy-le-roi", { conventionId: fx.conventionId, householdId: fx.households[0], referredOn: "2025-03-10", referentPersonId: agent.id });
  const caseId = (r as { data: { id: string } }).data.id;
  const text = await s.db.caseText.create({ data: { caseId, kind: "NOTE", sections: { text: "Note" }, authorOrgId: s.org("aumv"), authorId: s.person("agent@aumv.demo").id, sentToOrgIds: [] } });
  const sections = { problem: "Dettes", financialSituation: "RSA", prioritySteps: "FSL", engagementCapacity: "Bonne", supportProject: "Budget", modalities: "Visites", paymentCapacity: "Redevance" };
  return {
    probes: {
      "cases.refer": () => ({ conventionId: fx.conventionId, householdId: fx.households[1], referredOn: "2025-04-01", referentPersonId: agent.id }),
      "cases.recordEvent": () => ({ caseId, type: "DIAGNOSTIC", on: "2025-03-28", sections, monthlyIncome: "1 000,00", rentWithApl: false }),
      "cases.showSocialDetail": () => ({ caseId }),
      "cases.editText": () => ({ textId: text.id, version: 0, sections: { text: "Modifiée par une sonde" } }),
      "cases.setReferent": () => ({ caseId, personId: s.person("agent@aumv.demo").id }),
    },
    targetIds: [fx.conventionId, caseId, text.id],
  };
}
