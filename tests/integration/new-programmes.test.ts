// Issue 10, part 5: new programmes (RES-21) — the notification received opens 30 days for a first list, a failure
// notified opens 15 days for a second; the commissioning date's postponements are recorded and seen by the commune;
// these first lettings are outside the flux count (RES-13); only the convention's two parties see them (ACC-1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { setToday } from "@/lib/server/clock";
import { findProgramme, listProgrammes } from "@/lib/server/new-programmes";
import { consumptionByYear, fluxCountsByYear } from "@/lib/server/vacancies";
import { actAs, callerAs, ok, seeded, TODAY, type Who } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let conv: string;
let prevMode: string | undefined;

const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const AUMV = ["admin@aumv.demo", "aumv"] as const;
const ETAT = ["agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne"] as const;

const act = <T = unknown,>(name: string, who: Who, input: unknown) => actAs<T>(s, name, who, input);
const caller = (who: Who) => callerAs(s, who);
const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

const notification = (over: Record<string, unknown> = {}) => ({
  conventionId: conv, name: "Les Terrasses du Port", programmeKind: "NEW", addressLine: "3 quai Pompadour", postcode: "94600", commune: "Choisy-le-Roi",
  dwellings: "24", commissioningOn: "2026-06-15", receivedOn: "2026-03-02", documents: ["PLANS", "PMR", "PHOTOS", "NOTICE", "RPLS_IDS"], rplsIds: "NP0001 NP0002", ...over,
});
const list = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ({ nur: `094112${String(700000000 + seed * 10 + i)}`, persons: String(1 + i), monthlyResources: "1 380,00", dalo: false }));
const notify = async (over: Record<string, unknown> = {}) => ok(await act<{ id: string }>("programmes.notify", VALOPHIS, notification(over))).id;

beforeAll(async () => {
  prevMode = process.env.APP_MODE;
  process.env.APP_MODE = "test";
  setToday(TODAY);
  s = await seeded();
  conv = s.convention("RESERVATION_FLUX");
});
afterAll(async () => {
  setToday(null);
  if (prevMode === undefined) delete process.env.APP_MODE;
  else process.env.APP_MODE = prevMode;
  await s.db.$disconnect();
});

describe("new programme lists (RES-21)", () => {
  it("RES-21: a notification received on 2 March 2026 calls for a first list by 1 April 2026, owed by the réservataire", async () => {
    const id = await notify();
    const p = await s.db.newProgramme.findUniqueOrThrow({ where: { id }, include: { steps: true } });
    expect(iso(p.nextListDueOn)).toBe("2026-04-01");
    expect(p.steps.map((x) => x.type)).toEqual(["NOTIFICATION_RECEIVED"]);
    expect(p.steps[0].payload).toMatchObject({ on: "2026-03-02", documents: ["PLANS", "PMR", "PHOTOS", "NOTICE", "RPLS_IDS"], rplsIds: ["NP0001", "NP0002"] });
    const obligations = await s.db.obligation.findMany({ where: { ownerType: "NEW_PROGRAMME", ownerId: id } });
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({ key: "RES-21:list:1", rule: "RES-21", responsibleRole: "RESERVATAIRE", responsibleOrganisationId: s.org("choisy-le-roi"), conventionId: conv });
    expect(iso(obligations[0].opensOn)).toBe("2026-03-02");
    expect(iso(obligations[0].dueOn)).toBe("2026-04-01");
    expect(new Set(obligations[0].visibleToOrgIds)).toEqual(new Set([s.org("valophis-habitat"), s.org("choisy-le-roi")]));
    const row = (await listProgrammes(await caller(CHOISY))).find((r) => r.id === id)!;
    expect(row.lists).toEqual([{ key: "RES-21:list:1", messageKey: "programme.firstList", opensOn: "2026-03-02", dueOn: "2026-04-01", doneOn: null }]);
    expect(await s.db.auditEvent.findFirst({ where: { action: "programme.notify", entityId: id } })).toMatchObject({ fields: expect.arrayContaining(["receivedOn", "documents"]) });
  });

  it("RES-21: a failure notified on 9 March 2026 calls for a second list by 24 March 2026; the lists stay with the steps", async () => {
    const id = await notify({ name: "Résidence Sud", receivedOn: "2026-02-20" });
    // Only the réservataire sends a list, and only the bailleur notifies a failure.
    expect(await act("programmes.sendList", VALOPHIS, { programmeId: id, on: "2026-03-05", candidates: list(2, 1) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await act("programmes.notifyFailure", VALOPHIS, { programmeId: id, on: "2026-03-05", reason: "Trop tôt" })).toMatchObject({ ok: false, code: "invalid" });
    expect(ok(await act("programmes.sendList", CHOISY, { programmeId: id, on: "2026-03-05", candidates: list(3, 1) }))).toEqual({ list: 1 });
    // A second list waits for a failure notified.
    expect(await act("programmes.sendList", CHOISY, { programmeId: id, on: "2026-03-06", candidates: list(1, 2) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await act("programmes.notifyFailure", CHOISY, { programmeId: id, on: "2026-03-09", reason: "x".repeat(5) })).toMatchObject({ ok: false, code: "invalid" });
    ok(await act("programmes.notifyFailure", VALOPHIS, { programmeId: id, on: "2026-03-09", reason: "Aucun candidat retenu en CALEOL" }));
    const p = await s.db.newProgramme.findUniqueOrThrow({ where: { id } });
    expect(iso(p.nextListDueOn)).toBe("2026-03-24");
    const keys = (await s.db.obligation.findMany({ where: { ownerType: "NEW_PROGRAMME", ownerId: id }, orderBy: { key: "asc" } })).map((o) => [o.key, iso(o.dueOn), iso(o.doneOn)]);
    expect(keys).toEqual([["RES-21:list:1", "2026-03-22", "2026-03-05"], ["RES-21:list:2", "2026-03-24", null]]);
    ok(await act("programmes.sendList", CHOISY, { programmeId: id, on: "2026-03-10", candidates: list(2, 3) }));
    expect(iso((await s.db.newProgramme.findUniqueOrThrow({ where: { id } })).nextListDueOn)).toBeNull();
    // The bailleur sees what attribution needs of each list, never the réservataire's household records (ACC-2).
    const view = (await findProgramme(await caller(VALOPHIS), id))!;
    const lists = view.steps.filter((x) => x.type === "LIST_SENT");
    expect(lists.map((x) => x.payload.candidates?.length)).toEqual([3, 2]);
    expect(lists[0].payload.candidates![0]).toMatchObject({ rank: 1, nur: "094112700000010", persons: 1, monthlyResourcesCents: 138_000, householdId: null });
  });

  it("RES-21: a postponement of the commissioning date is recorded by the bailleur and seen by the commune", async () => {
    const id = await notify({ name: "Le Clos des Vignes" });
    expect(await act("programmes.postpone", CHOISY, { programmeId: id, on: TODAY, commissioningOn: "2026-10-01" })).toMatchObject({ ok: false, code: "invalid" });
    expect(await act("programmes.postpone", VALOPHIS, { programmeId: id, on: TODAY, commissioningOn: "2026-06-01" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { commissioningOn: expect.any(Array) } });
    ok(await act("programmes.postpone", VALOPHIS, { programmeId: id, on: TODAY, commissioningOn: "2026-10-01", reason: "Retard du chantier" }));
    const row = (await listProgrammes(await caller(CHOISY))).find((r) => r.id === id)!;
    expect(row).toMatchObject({ plannedCommissioningOn: "2026-06-15", commissioningOn: "2026-10-01", own: false });
    expect(row.postponements).toEqual([{ on: TODAY, commissioningOn: "2026-10-01", previousCommissioningOn: "2026-06-15" }]);
    const view = (await findProgramme(await caller(CHOISY), id))!;
    const step = view.steps.find((x) => x.type === "COMMISSIONING_POSTPONED")!;
    expect(step.payload).toMatchObject({ commissioningOn: "2026-10-01", previousCommissioningOn: "2026-06-15", informedOrgIds: [s.org("choisy-le-roi")], reason: "Retard du chantier" });
    // The list due date does not move with the commissioning date (it runs from the notification's receipt).
    expect(view.nextListDueOn).toBe("2026-04-01");
  });

  it("RES-21, RES-13: the programme's first lettings are outside the flux count and consume no droit unique", async () => {
    const before = await fluxCountsByYear(await caller(CHOISY), conv, TODAY);
    const consumedBefore = await consumptionByYear(await caller(VALOPHIS), conv, TODAY);
    const vacanciesBefore = await s.db.vacancy.count();
    const id = await notify({ name: "Les Hauts de Seine", receivedOn: "2026-01-15", dwellings: "40" });
    ok(await act("programmes.sendList", CHOISY, { programmeId: id, on: "2026-02-01", candidates: list(5, 4) }));
    ok(await act("programmes.notifyFailure", VALOPHIS, { programmeId: id, on: "2026-02-10", reason: "Ressources inadaptées" }));
    ok(await act("programmes.sendList", CHOISY, { programmeId: id, on: "2026-02-20", candidates: list(5, 5) }));
    expect(await fluxCountsByYear(await caller(CHOISY), conv, TODAY)).toEqual(before);
    expect(await consumptionByYear(await caller(VALOPHIS), conv, TODAY)).toEqual(consumedBefore);
    expect(await s.db.vacancy.count()).toBe(vacanciesBefore);
  });
});

describe("ACC-1: only the convention's two parties see a programme", () => {
  it("ACC-1: a non-party sees nothing — no list row, no page, no obligation, not-found on every action", async () => {
    const id = await notify({ name: "Résidence privée" });
    for (const who of [AUMV, ETAT]) {
      const c = await caller(who);
      expect((await listProgrammes(c)).map((r) => r.id)).not.toContain(id);
      expect(await findProgramme(c, id)).toBeNull();
      expect(await s.db.obligation.count({ where: { ownerType: "NEW_PROGRAMME", ownerId: id, visibleToOrgIds: { has: c.org.id } } })).toBe(0);
      expect(await act("programmes.sendList", who, { programmeId: id, on: TODAY, candidates: list(1, 6) })).toMatchObject({ ok: false, code: "not-found" });
      expect(await act("programmes.notifyFailure", who, { programmeId: id, on: TODAY, reason: "Intrusion" })).toMatchObject({ ok: false, code: "not-found" });
      expect(await act("programmes.postpone", who, { programmeId: id, on: TODAY, commissioningOn: "2027-01-01" })).toMatchObject({ ok: false, code: "not-found" });
      expect(await act("programmes.notify", who, notification())).toMatchObject({ ok: false, code: "not-found" });
      expect(await fluxCountsByYear(c, conv, TODAY)).toBeNull();
    }
    expect(await s.db.newProgrammeStep.count({ where: { programmeId: id } })).toBe(1);
    // The two parties do see it; a READER reads but may not act.
    expect(await findProgramme(await caller(CHOISY), id)).not.toBeNull();
    expect(await act("programmes.sendList", ["lecteur@choisy-le-roi.demo", "choisy-le-roi"], { programmeId: id, on: TODAY, candidates: list(1, 7) })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
