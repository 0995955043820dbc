// Issue 10, parts 1–3: vacancy declaration (RES-17), designation within 30 days (RES-18/19, RES-16), CALEOL and lease
// (RES-20), counting and droits uniques consumption (RES-13, RES-10), and ACC-1 between two réservataires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { nextObligations } from "@/lib/server/access";
import { setToday } from "@/lib/server/clock";
import { droitsView } from "@/lib/server/droits";
import { consumptionByYear, designationHouseholds, findVacancy, fluxCountsByYear, listVacancies, refreshStaleVacancies } from "@/lib/server/vacancies";
import { seedDemoDroits } from "@/prisma/demo-droits";
import { actAs, callerAs, ok, seeded, TODAY, type Who } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let choisyConv: string;
let etatConv: string;
let prevMode: string | undefined;
const dwellings: string[] = [];

const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const ETAT = ["agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne"] as const;

const act = <T = unknown,>(name: string, who: Who, input: unknown) => actAs<T>(s, name, who, input);
const caller = (who: Who) => callerAs(s, who);
let next = 0;
const dwelling = () => dwellings[next++];

async function declare(conventionId: string): Promise<string> {
  return ok(await act<{ id: string }>("vacancies.declare", VALOPHIS, { dwellingId: dwelling(), availableOn: "2026-04-01", orientation: "RESERVATAIRE", conventionId })).id;
}
const typed = (n: number) => Array.from({ length: n }, (_, i) => ({ nur: `094112${String(900000000 + i + n * 10)}`, persons: String(2 + i), monthlyResources: "1 450,00", dalo: false }));

beforeAll(async () => {
  prevMode = process.env.APP_MODE;
  process.env.APP_MODE = "test";
  setToday(TODAY);
  s = await seeded();
  choisyConv = s.convention("RESERVATION_FLUX");
  if (!(await s.db.droitsConversion.findUnique({ where: { conventionId: choisyConv } }))) {
    await s.db.$transaction((tx) => seedDemoDroits(tx, { conventionId: choisyConv, personId: s.person("admin@choisy-le-roi.demo").id, today: TODAY }));
  }
  // The État as a second réservataire on the same Valophis stock: rows written directly (the creation form gives the
  // RESERVATAIRE slot to a commune only).
  const etat = await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux – contingent préfectoral / Valophis Habitat", territory: "Choisy-le-Roi", signedOn: new Date("2024-06-14"), startOn: new Date("2024-01-01"),
      parameters: { objectiveCap: 0.3, guaranteeCap: 0.2, initialMonths: 36, renewalKind: "NONE" },
      parties: {
        create: [
          { organisationId: s.org("prefecture-val-de-marne"), roleLabel: "l'État (réservataire)", partyRole: "RESERVATAIRE", confirmedAt: new Date("2024-06-14") },
          { organisationId: s.org("valophis-habitat"), roleLabel: "le bailleur", partyRole: "BAILLEUR", confirmedAt: new Date("2024-06-14") },
        ],
      },
      events: { create: { type: "SIGNED", on: new Date("2024-06-14"), payload: { type: "SIGNED", on: "2024-06-14" } } },
    },
  });
  etatConv = etat.id;
  const rows = await s.db.dwelling.findMany({
    where: { bailleurOrgId: s.org("valophis-habitat"), NOT: { addressNumber: "" }, financing: { not: "PLI" } },
    select: { id: true }, orderBy: { rplsId: "asc" }, take: 20,
  });
  dwellings.push(...rows.map((r) => r.id));
});
afterAll(async () => {
  setToday(null);
  if (prevMode === undefined) delete process.env.APP_MODE;
  else process.env.APP_MODE = prevMode;
  await s.db.$disconnect();
});

describe("vacancy declaration (RES-17)", () => {
  it("RES-17: a declaration whose dwelling lacks fields is refused with the list of what is missing, in French", async () => {
    const id = dwelling();
    await s.db.dwelling.update({ where: { id }, data: { addressNumber: "", dpeClass: "" } });
    const r = await act("vacancies.declare", VALOPHIS, { dwellingId: id, availableOn: "2026-04-01", orientation: "RESERVATAIRE", conventionId: choisyConv });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect((r as { message: string }).message).toContain("numéro de voie, classe DPE");
    expect(await s.db.vacancy.count({ where: { dwellingId: id } })).toBe(0);
  });

  it("RES-17/18: a complete declaration snapshots the dwelling and opens the 30-day designation for the réservataire only", async () => {
    const id = await declare(choisyConv);
    const v = await s.db.vacancy.findUniqueOrThrow({ where: { id } });
    expect(v.declaration).toMatchObject({ address: { commune: "Choisy-le-Roi" }, pmr: expect.any(Boolean) });
    expect(v.designationDueOn?.toISOString().slice(0, 10)).toBe("2026-04-09");
    const obligations = await s.db.obligation.findMany({ where: { ownerType: "VACANCY", ownerId: id } });
    expect(obligations.map((o) => o.key)).toEqual(["RES-18:designation"]);
    expect(new Set(obligations[0].visibleToOrgIds)).toEqual(new Set([s.org("valophis-habitat"), s.org("choisy-le-roi")]));
    expect(await s.db.auditEvent.findFirst({ where: { action: "vacancy.declare", entityId: id } })).toMatchObject({ fields: expect.arrayContaining(["dwellingId", "orientation"]) });
    // Only the bailleur declares: the réservataire has no dwelling of its own to pick.
    expect(await act("vacancies.declare", CHOISY, { dwellingId: dwelling(), availableOn: "2026-04-01", orientation: "BAILLEUR" })).toMatchObject({ ok: false, code: "not-found" });
  });
});

describe("designation (RES-18, RES-19, RES-16)", () => {
  it("RES-19: 2 candidates are refused without the reasoned letter, accepted with it; RES-16 classification acknowledged", async () => {
    const id = await declare(choisyConv);
    const base = { vacancyId: id, on: TODAY, candidates: typed(2), classificationAcknowledged: true };
    const refused = await act("vacancies.designate", CHOISY, base);
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reasonedLetter: expect.any(Array) } });
    expect(await act("vacancies.designate", CHOISY, { ...base, reasonedLetter: "Aucun autre demandeur compatible", classificationAcknowledged: false })).toMatchObject({ ok: false, code: "invalid" });
    ok(await act("vacancies.designate", CHOISY, { ...base, reasonedLetter: "Aucun autre demandeur compatible avec la typologie." }));
    const steps = await s.db.vacancyStep.findMany({ where: { vacancyId: id }, orderBy: { createdAt: "asc" } });
    expect(steps.map((x) => x.type)).toEqual(["DECLARED", "DESIGNATION", "REASONED_LETTER"]);
    expect(steps[1].payload).toMatchObject({ candidates: 2, classificationAcknowledgedBy: s.person(CHOISY[0]).id });
    const keys = (await s.db.obligation.findMany({ where: { ownerType: "VACANCY", ownerId: id } })).map((o) => [o.key, o.doneOn !== null]);
    expect(keys).toEqual(expect.arrayContaining([["RES-18:designation", true], ["RES-19:letter:1", true], ["RES-20:caleol:1", false]]));
    // RES-18/RES-13: designated, it no longer waits on a date: time alone cannot lapse it, the daily refresh skips it.
    const v = await s.db.vacancy.findUniqueOrThrow({ where: { id }, select: { designationDueOn: true } });
    expect(v.designationDueOn).toBeNull();
    expect(await refreshStaleVacancies(await caller(CHOISY), { id }, "2026-05-20")).toBe(0);
  });

  it("RES-19: a DALO household designated by the préfet is enough alone; NURs are checked", async () => {
    const id = await declare(choisyConv);
    expect(await act("vacancies.designate", CHOISY, { vacancyId: id, on: TODAY, candidates: [{ nur: "12", persons: "2", monthlyResources: "900", dalo: true }], daloPrefet: true, classificationAcknowledged: true }))
      .toMatchObject({ ok: false, code: "invalid" });
    ok(await act("vacancies.designate", CHOISY, { vacancyId: id, on: TODAY, candidates: [{ nur: "0941 1230 0418 999", persons: "2", monthlyResources: "900", dalo: true }], daloPrefet: true, classificationAcknowledged: true }));
    expect((await s.db.vacancyCandidate.findFirstOrThrow({ where: { vacancyId: id } })).nur).toBe("094112300418999");
  });
});

describe("CALEOL, lease and counting (RES-20, RES-13, RES-10)", () => {
  it("RES-20/RES-13/RES-10: declare → designate 3 → CALEOL (1st ranked attributed) → lease: counted as a lease, the stock of the year down by one", async () => {
    const city = await caller(CHOISY);
    const before = (await droitsView(city, choisyConv, TODAY, { consumptionByYear: await consumptionByYear(city, choisyConv, TODAY) }))!;
    const countsBefore = (await fluxCountsByYear(city, choisyConv, TODAY))!;
    const id = await declare(choisyConv);
    const households = (await designationHouseholds(city)).slice(0, 3);
    expect(households).toHaveLength(3);
    ok(await act("vacancies.designate", CHOISY, { vacancyId: id, on: TODAY, candidates: households.map((h) => ({ householdId: h.id })), classificationAcknowledged: true }));
    const cands = await s.db.vacancyCandidate.findMany({ where: { vacancyId: id }, orderBy: { rank: "asc" } });
    expect(cands.map((c) => c.nur)).toEqual(households.map((h) => h.nur));
    // The bailleur sees what attribution needs, never the réservataire's household records (ACC-2).
    const asBailleur = (await findVacancy(await caller(VALOPHIS), id, TODAY))!;
    expect(asBailleur.candidates.every((c) => c.householdId === null)).toBe(true);
    // Only the bailleur records the CALEOL.
    const decisions = cands.map((c, i) => ({ candidateId: c.id, decision: "ATTRIBUTION_RANKED", rank: String(i + 1) }));
    expect(await act("vacancies.caleol", CHOISY, { vacancyId: id, on: TODAY, decisions })).toMatchObject({ ok: false, code: "invalid" });
    ok(await act("vacancies.caleol", VALOPHIS, { vacancyId: id, on: TODAY, decisions }));
    ok(await act("vacancies.answer", VALOPHIS, { vacancyId: id, on: TODAY, candidateId: cands[0].id, accepted: true }));
    ok(await act("vacancies.lease", VALOPHIS, { vacancyId: id, on: TODAY, candidateId: cands[0].id }));
    const v = await s.db.vacancy.findUniqueOrThrow({ where: { id } });
    expect(v.outcome).toBe("LEASE_SIGNED");
    const counts = (await fluxCountsByYear(city, choisyConv, TODAY))!;
    expect(counts[2026].leases).toBe((countsBefore[2026]?.leases ?? 0) + 1);
    const after = (await droitsView(city, choisyConv, TODAY, { consumptionByYear: await consumptionByYear(city, choisyConv, TODAY) }))!;
    const row = (x: typeof after) => x.stock.rows.find((r) => r.year === 2026)!;
    expect(row(after).consumption - row(before).consumption).toBe(1);
    expect(row(before).dec31 - row(after).dec31).toBeCloseTo(1, 9);
    // Nothing may follow a signed lease.
    expect(await act("vacancies.withdraw", VALOPHIS, { vacancyId: id, on: TODAY })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("RES-13/RES-18: with no designation after 30 days the vacancy lapses at the clock's date: NO_CANDIDATE_30D, counted as an equivalent, back with the bailleur", async () => {
    const id = await declare(choisyConv);
    const city = await caller(CHOISY);
    const before = (await fluxCountsByYear(city, choisyConv, TODAY))!;
    // Every undesignated pending vacancy of the convention lapses on its day 31 (all were declared today).
    const lapsing = await s.db.vacancy.count({ where: { conventionId: choisyConv, outcome: "PENDING", steps: { none: { type: "DESIGNATION" } } } });
    expect(lapsing).toBeGreaterThanOrEqual(1);
    // The réservataire's dashboard shows the designation to do, linked to the vacancy.
    const item = (await nextObligations(city, TODAY, 50)).find((o) => o.ownerId === id);
    expect(item).toMatchObject({ key: "RES-18:designation", href: `/o/choisy-le-roi/vacances/${id}` });
    try {
      setToday("2026-04-10"); // day 31
      const list = await listVacancies(city, {}, "2026-04-10");
      expect(list.rows.find((r) => r.id === id)).toMatchObject({ outcome: "NO_CANDIDATE_30D", outcomeOn: "2026-04-10" });
      const counts = (await fluxCountsByYear(city, choisyConv, "2026-04-10"))!;
      expect(counts[2026].equivalents).toBe((before[2026]?.equivalents ?? 0) + lapsing);
      expect(counts[2026].leases).toBe(before[2026]?.leases ?? 0);
      // The designation obligation is gone; the réservataire can no longer designate.
      expect(await s.db.obligation.count({ where: { ownerType: "VACANCY", ownerId: id, doneOn: null } })).toBe(0);
      expect((await nextObligations(city, "2026-04-10", 50)).some((o) => o.ownerType === "VACANCY")).toBe(false);
      expect(await act("vacancies.designate", CHOISY, { vacancyId: id, on: "2026-04-10", candidates: typed(3), classificationAcknowledged: true })).toMatchObject({ ok: false, code: "invalid" });
    } finally {
      setToday(TODAY);
    }
    // RES-13: a test clock moved back finds the state of its own date again (pending, designation due), not the lapse.
    expect((await listVacancies(city, {}, TODAY)).rows.find((r) => r.id === id)).toMatchObject({ outcome: "PENDING", outcomeOn: null });
    expect((await nextObligations(city, TODAY, 50)).find((o) => o.ownerId === id)).toMatchObject({ key: "RES-18:designation" });
  });

  it("RES-13/RES-20: a CALEOL attributing to none gives NONE_RETAINED, not counted; the réservataire may designate again", async () => {
    const id = await declare(choisyConv);
    ok(await act("vacancies.designate", CHOISY, { vacancyId: id, on: TODAY, candidates: typed(3), classificationAcknowledged: true }));
    const cands = await s.db.vacancyCandidate.findMany({ where: { vacancyId: id }, orderBy: { rank: "asc" } });
    ok(await act("vacancies.caleol", VALOPHIS, { vacancyId: id, on: TODAY, decisions: cands.map((c) => ({ candidateId: c.id, decision: "NON_ATTRIBUTION" })) }));
    expect((await s.db.vacancy.findUniqueOrThrow({ where: { id } })).outcome).toBe("NONE_RETAINED");
    const city = await caller(CHOISY);
    const list = await listVacancies(city, { outcome: "NONE_RETAINED" }, TODAY);
    expect(list.rows.map((r) => r.id)).toContain(id);
    ok(await act("vacancies.designate", CHOISY, { vacancyId: id, on: TODAY, candidates: typed(3).map((c, i) => ({ ...c, nur: `094113${900000000 + i}` })), classificationAcknowledged: true }));
    const v = await s.db.vacancy.findUniqueOrThrow({ where: { id } });
    expect(v.outcome).toBe("PENDING");
    expect(await s.db.vacancyCandidate.count({ where: { vacancyId: id, round: 2 } })).toBe(3);
  });
});

describe("ACC-1: two réservataires on the same Valophis stock", () => {
  it("ACC-1: neither the Ville nor the État sees the other's vacancies, candidates or households, both ways", async () => {
    const forCity = await declare(choisyConv);
    const forState = await declare(etatConv);
    const city = await caller(CHOISY);
    const state = await caller(ETAT);
    const cityHouseholds = await designationHouseholds(city);
    ok(await act("vacancies.designate", CHOISY, { vacancyId: forCity, on: TODAY, candidates: cityHouseholds.slice(0, 3).map((h) => ({ householdId: h.id })), classificationAcknowledged: true }));
    ok(await act("vacancies.designate", ETAT, { vacancyId: forState, on: TODAY, candidates: typed(3).map((c, i) => ({ ...c, nur: `094114${900000000 + i}` })), classificationAcknowledged: true }));

    const cityList = (await listVacancies(city, {}, TODAY)).rows.map((r) => r.id);
    const stateList = (await listVacancies(state, {}, TODAY)).rows.map((r) => r.id);
    expect(cityList).toContain(forCity);
    expect(cityList).not.toContain(forState);
    expect(stateList).toEqual([forState]);
    expect(await findVacancy(city, forState, TODAY)).toBeNull();
    expect(await findVacancy(state, forCity, TODAY)).toBeNull();
    // The bailleur sees both.
    const bailleurList = (await listVacancies(await caller(VALOPHIS), {}, TODAY)).rows.map((r) => r.id);
    expect(bailleurList).toEqual(expect.arrayContaining([forCity, forState]));
    // Writes: each gets not-found on the other's vacancy; the État cannot designate the Ville's households.
    expect(await act("vacancies.designate", CHOISY, { vacancyId: forState, on: TODAY, candidates: typed(3), classificationAcknowledged: true })).toMatchObject({ ok: false, code: "not-found" });
    expect(await act("vacancies.designate", ETAT, { vacancyId: forCity, on: TODAY, candidates: typed(3), classificationAcknowledged: true })).toMatchObject({ ok: false, code: "not-found" });
    const other = await declare(etatConv);
    expect(await act("vacancies.designate", ETAT, { vacancyId: other, on: TODAY, candidates: [{ householdId: cityHouseholds[0].id }], daloPrefet: true, classificationAcknowledged: true }))
      .toMatchObject({ ok: false, code: "not-found" });
    expect((await designationHouseholds(state)).map((h) => h.id)).not.toEqual(expect.arrayContaining([cityHouseholds[0].id]));
    // Obligations and counts: each sees only its own.
    const visible = async (orgSlug: string, vacancyId: string) => s.db.obligation.count({ where: { ownerType: "VACANCY", ownerId: vacancyId, visibleToOrgIds: { has: s.org(orgSlug) } } });
    expect(await visible("choisy-le-roi", forState)).toBe(0);
    expect(await visible("prefecture-val-de-marne", forCity)).toBe(0);
    expect(await visible("prefecture-val-de-marne", forState)).toBeGreaterThan(0);
    expect(await fluxCountsByYear(city, etatConv, TODAY)).toBeNull();
    expect(await fluxCountsByYear(state, choisyConv, TODAY)).toBeNull();
  });
});
