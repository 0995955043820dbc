import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relaisCaseFacts, relaisFigures, type RelaisCaseEvent } from "@/lib/domain";
import { nextObligations, resolveCaller } from "@/lib/server/access";
import { seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

describe("the demo tenant", () => {
  it("REL-9: the cases of the previous relais convention give seed 000's figures for 2023-2024 (10 supported, 2 relogés, 3 other solutions, 4 diagnostics, 2 entries)", async () => {
    const previous = await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Logement relais 2023-2024" } }, include: { cases: { include: { events: true } } } });
    const cases = previous.cases.map((c) => {
      const f = relaisCaseFacts(c.events.map((e) => e.payload as unknown as RelaisCaseEvent));
      return { householdId: c.householdId, referredOn: f.referredOn, entryOn: f.entryOn, end: f.end };
    });
    expect(relaisFigures(cases, "2023-01-01", "2024-12-31")).toEqual({ from: "2023-01-01", to: "2024-12-31", supported: 10, reloges: 2, otherSolutions: 3, diagnosticsRequested: 4, entries: 2 });
  });

  it("GEN-1: all five kinds are there, every party confirmed, each signed", async () => {
    const conventions = await s.db.convention.findMany({ include: { parties: true, events: { where: { type: "SIGNED" } } } });
    expect([...new Set(conventions.map((c) => c.kind))].sort()).toEqual(["ASLLI", "CADRE", "FNAVDL", "RELAIS", "RESERVATION_FLUX"]);
    for (const c of conventions) {
      expect(c.parties.every((p) => p.confirmedAt !== null)).toBe(true);
      expect(c.events).toHaveLength(1);
    }
  });

  it("REL-1..REL-8: the current relais convention has cases in every state, some overdue, and this year's referrals", async () => {
    const current = await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Logement relais avec accompagnement social" } }, include: { cases: true } });
    expect(current.cases).toHaveLength(5);
    expect(current.cases.filter((c) => c.closedOn !== null)).toHaveLength(2);
    expect(current.cases.filter((c) => c.nextDueOn !== null && c.nextDueOn.toISOString().slice(0, 10) < TODAY).length).toBeGreaterThanOrEqual(1);
    expect(current.cases.filter((c) => c.quotaYear === Number(TODAY.slice(0, 4))).length).toBeGreaterThanOrEqual(2);
  });

  it("the dashboard lists what falls on the organisation, most urgent first, never a closed case's past misses nor another's duties", async () => {
    const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;
    const aumv = await nextObligations(await caller("agent@aumv.demo", "aumv"), TODAY, 50);
    const dues = aumv.map((o) => o.dueOn!.toISOString());
    expect(dues).toEqual([...dues].sort());
    expect(aumv.every((o) => o.responsibleOrganisationId === s.org("aumv") || o.responsibleOrganisationId === null)).toBe(true);
    const closed = await s.db.case.findMany({ where: { closedOn: { not: null } }, select: { id: true } });
    expect(aumv.filter((o) => closed.some((c) => c.id === o.ownerId) && o.key !== "REL-8:final-bilan")).toEqual([]);
    expect(aumv.some((o) => o.key === "REL-2:diagnostic")).toBe(true);
    const valophis = await nextObligations(await caller("agent@valophis-habitat.demo", "valophis-habitat"), TODAY, 50);
    expect(valophis.some((o) => o.ownerType === "CASE")).toBe(false);
  });
});
