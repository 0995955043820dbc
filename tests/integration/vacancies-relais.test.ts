// Issue 10 §4 — relais use (REL-5): the Ville proposes a vacancy of its réservations to the association of a relais
// case; the association is the tenant, one candidate, outside the 3-candidate rule (RES-19); the lease signed with
// the association counts for the Ville (RES-13).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { setToday } from "@/lib/server/clock";
import { findVacancy, fluxCountsByYear, relaisProposalOptions } from "@/lib/server/vacancies";
import { relaisFixture } from "./cases-fixture";
import { actAs, callerAs, ok, seeded, TODAY, type Who } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let prevMode: string | undefined;
const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const AUMV = ["agent@aumv.demo", "aumv"] as const;

const act = <T = unknown,>(name: string, who: Who, input: unknown) => actAs<T>(s, name, who, input);
const caller = (who: Who) => callerAs(s, who);

beforeAll(async () => {
  prevMode = process.env.APP_MODE;
  process.env.APP_MODE = "test";
  setToday(TODAY);
  s = await seeded();
});
afterAll(async () => {
  setToday(null);
  if (prevMode === undefined) delete process.env.APP_MODE;
  else process.env.APP_MODE = prevMode;
  await s.db.$disconnect();
});

describe("REL-5: relais use of a vacancy of the Ville's réservations", () => {
  it("REL-5, RES-19, RES-13: one candidate with the association as tenant, no reasoned letter; the lease with the association counts for the Ville", async () => {
    // A relais case whose entry is decided (REL-4), its household with a NUR.
    const fx = await relaisFixture(s, 1);
    await s.db.household.update({ where: { id: fx.households[0] }, data: { nur: "094112377766655" } });
    const caseId = ok(await act<{ id: string }>("cases.refer", CHOISY, { conventionId: fx.conventionId, householdId: fx.households[0], referredOn: "2026-01-05", referentPersonId: s.person(CHOISY[0]).id })).id;
    const sections = { problem: "Dettes", financialSituation: "RSA", prioritySteps: "FSL", engagementCapacity: "Bonne", supportProject: "Budget", modalities: "Visites", paymentCapacity: "Redevance" };
    ok(await act("cases.recordEvent", AUMV, { caseId, type: "DIAGNOSTIC", on: "2026-01-26", sections, monthlyIncome: "1 100,00", rentWithApl: false }));
    ok(await act("cases.recordEvent", CHOISY, { caseId, type: "DECISION", on: "2026-02-02", entry: "true" }));
    const options = await relaisProposalOptions(await caller(CHOISY));
    expect(options.map((o) => o.id)).toContain(caseId);

    const conventionId = s.convention("RESERVATION_FLUX");
    const dwelling = await s.db.dwelling.findFirstOrThrow({ where: { bailleurOrgId: s.org("valophis-habitat"), commune: "Choisy-le-Roi", financing: "PLUS", vacancies: { none: {} } }, select: { id: true } });
    const before = (await fluxCountsByYear(await caller(CHOISY), conventionId, TODAY))?.[2026]?.total ?? 0;
    const vacancyId = ok(await act<{ id: string }>("vacancies.declare", VALOPHIS, { dwellingId: dwelling.id, availableOn: "2026-03-20", orientation: "RESERVATAIRE", conventionId })).id;

    // The association cannot propose; the Ville must acknowledge the classification.
    expect(await act("vacancies.designateRelais", AUMV, { vacancyId, on: TODAY, relaisCaseId: caseId, classificationAcknowledged: true })).toMatchObject({ ok: false, code: "not-found" });
    expect(await act("vacancies.designateRelais", CHOISY, { vacancyId, on: TODAY, relaisCaseId: caseId, classificationAcknowledged: false })).toMatchObject({ ok: false, fieldErrors: { classificationAcknowledged: [expect.any(String)] } });
    ok(await act("vacancies.designateRelais", CHOISY, { vacancyId, on: TODAY, relaisCaseId: caseId, classificationAcknowledged: true }));

    const v = (await findVacancy(await caller(VALOPHIS), vacancyId, TODAY))!;
    expect(v.candidates).toHaveLength(1);
    expect(v.candidates[0]).toMatchObject({ nur: "094112377766655", associationOrgId: s.org("aumv"), associationName: expect.stringContaining("AUMV"), householdId: null, relaisCaseId: null });
    // RES-19 does not apply: no reasoned letter is asked.
    expect(v.obligations.map((o) => o.rule)).not.toContain("RES-19");
    expect(v.steps.map((x) => x.type)).toEqual(["DECLARED", "DESIGNATION"]);
    // REL-5 recorded on the relais case.
    expect(await s.db.caseEvent.count({ where: { caseId, type: "DWELLING_PROPOSED" } })).toBe(1);
    expect(await relaisProposalOptions(await caller(CHOISY))).not.toContainEqual(expect.objectContaining({ id: caseId }));

    const candidateId = v.candidates[0].id;
    ok(await act("vacancies.caleol", VALOPHIS, { vacancyId, on: TODAY, decisions: [{ candidateId, decision: "ATTRIBUTION" }] }));
    ok(await act("vacancies.answer", VALOPHIS, { vacancyId, on: TODAY, candidateId, accepted: true }));
    ok(await act("vacancies.lease", VALOPHIS, { vacancyId, on: TODAY, candidateId }));
    const after = (await fluxCountsByYear(await caller(CHOISY), conventionId, TODAY))![2026];
    expect(after.total).toBe(before + 1);
  });
});
