// Issue 12: the « Tableau de bord » of each kind of organisation, on the demo (with its vacancies), at the tests' date:
// groups of open obligations with the page where each is done, the kind's panels, ACC-1 between organisations, and a
// constant number of queries whatever the data.
import { fluxView } from "@/lib/server/flux";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import "@/lib/server/actions";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { addDays } from "@/lib/domain";
import { resolveCaller } from "@/lib/server/access";
import { dashboard, dashboardObligations, DASHBOARD_COUNT_CAP, type Dashboard } from "@/lib/server/dashboard";
import { seedTodayVacancies } from "@/prisma/demo-vacancies-today";
import { actAs, callerAs, ok, seeded, TODAY, type Who } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const AUMV = ["agent@aumv.demo", "aumv"] as const;
const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const ALSACE = ["agent@alsace.demo", "alsace"] as const;
const board = async (who: Who, mine = false) => dashboard(await callerAs(s, who), TODAY, { mine });
const all = (d: Dashboard) => [...d.obligations.overdue.rows, ...d.obligations.week.rows, ...d.obligations.month.rows];
const sections = { problem: "Dette locative", financialSituation: "RSA", prioritySteps: "FSL", engagementCapacity: "Bonne", supportProject: "Budget", modalities: "Visites", paymentCapacity: "Redevance de 20 %" };

beforeAll(async () => {
  s = await seeded();
  await s.db.$transaction((tx) => seedTodayVacancies(tx, TODAY), { timeout: 60_000 });
});
afterAll(async () => { await s.db.$disconnect(); });

describe("the city's dashboard (Choisy-le-Roi)", () => {
  it("GEN-6, REL-2, RES-18: lists the overdue relais diagnostic and the designation due within 7 days, each linked to where it is done", async () => {
    const d = await board(CHOISY);
    const diag = d.obligations.overdue.rows.find((o) => o.key === "REL-2:diagnostic");
    expect(diag).toMatchObject({ ownerType: "CASE", responsibleName: "AUMV – Aide d'Urgence du Val-de-Marne", href: `/o/choisy-le-roi/dossiers/${diag!.ownerId}` });
    expect(diag!.dueOn < TODAY).toBe(true);
    expect(diag!.about).toBe("Dossier Fabre Julien");
    const designation = d.obligations.week.rows.find((o) => o.key === "RES-18:designation");
    expect(designation).toMatchObject({ ownerType: "VACANCY", href: `/o/choisy-le-roi/vacances/${designation!.ownerId}`, dueOn: addDays(TODAY, 5, "RES-18") });
    // The countdown panel: the same vacancy, 5 days left.
    if (d.panels.kind !== "COMMUNE") throw new Error("panneaux de commune attendus");
    expect(d.panels.designationsDue.rows).toEqual([expect.objectContaining({ vacancyId: designation!.ownerId, daysLeft: 5, party: "Valophis Habitat" })]);
  });

  it("GEN-6: each group holds only its dates (overdue before today, 7 days, 30 days), sorted by due date, the most recent misses first", async () => {
    const { obligations: g } = await board(CHOISY);
    const week = addDays(TODAY, 7, "GEN-6"), month = addDays(TODAY, 30, "GEN-6");
    expect(g.overdue.rows.every((o) => o.dueOn < TODAY)).toBe(true);
    expect(g.week.rows.every((o) => o.dueOn >= TODAY && o.dueOn <= week)).toBe(true);
    expect(g.month.rows.every((o) => o.dueOn > week && o.dueOn <= month)).toBe(true);
    const dues = (rows: { dueOn: string }[]) => rows.map((o) => o.dueOn);
    expect(dues(g.overdue.rows)).toEqual(dues(g.overdue.rows).sort().reverse());
    expect(dues(g.week.rows)).toEqual(dues(g.week.rows).sort());
    expect(dues(g.month.rows)).toEqual(dues(g.month.rows).sort());
    expect(g.overdue.total).toBeGreaterThanOrEqual(g.overdue.rows.length);
    // A closed case's past misses are history: never listed (only its final bilan may remain).
    const closed = (await s.db.case.findMany({ where: { closedOn: { not: null } }, select: { id: true } })).map((c) => c.id);
    expect([...g.overdue.rows, ...g.week.rows, ...g.month.rows].filter((o) => closed.includes(o.ownerId) && o.key !== "REL-8:final-bilan")).toEqual([]);
  });

  it("GEN-6: « à faire par mon organisation » keeps only the city's own duties and those of all the parties", async () => {
    const mine = all(await board(CHOISY, true));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((o) => o.responsibleOrganisationId === s.org("choisy-le-roi") || o.responsibleOrganisationId === null)).toBe(true);
    expect(mine.some((o) => o.key === "REL-2:diagnostic")).toBe(false);
  });

  it("RES-13, RES-10, RES-11: the vacancy lapsed this month, the dwellings counted this year and the droits uniques consumed", async () => {
    const d = await board(CHOISY);
    if (d.panels.kind !== "COMMUNE") throw new Error("panneaux de commune attendus");
    // Declared 33 days ago: lapsed on day 31, 2 days ago (an equivalent).
    expect(d.panels.lapsedThisMonth.rows).toEqual([expect.objectContaining({ on: addDays(TODAY, -2, "RES-13") })]);
    const [r] = d.panels.reservations;
    expect(r).toMatchObject({ bailleur: "Valophis Habitat", year: 2026, leases: 1, equivalents: 1, counted: 2, share: 0.24 });
    // RES-10: today's stock is the stock at 1 January less the two dwellings counted this year.
    expect(r.droits!.jan1 - r.droits!.now).toBe(2);
    // RES-14: the objective of the flux page (24 % of the forecast flux) and the progress of the two counted towards it.
    const flux = (await fluxView(await callerAs(s, CHOISY), r.conventionId, 2026, TODAY))!;
    expect(flux.objective.forecast).toBeGreaterThan(0);
    expect(r.objective).toBe(flux.objective.forecast);
    expect(r.progress).toBeCloseTo(2 / r.objective!, 9);
  });

  it("REL-2: once AUMV records the diagnostic, it leaves the city's list", async () => {
    const before = (await board(CHOISY)).obligations.overdue.rows.find((o) => o.key === "REL-2:diagnostic")!;
    ok(await actAs(s, "cases.recordEvent", AUMV, { caseId: before.ownerId, type: "DIAGNOSTIC", on: TODAY, sections, monthlyIncome: "1 234,58", rentWithApl: false }));
    expect(all(await board(CHOISY)).some((o) => o.id === before.id)).toBe(false);
  });
});

describe("the other kinds of organisation", () => {
  it("RES-20, RES-18: Valophis sees its open vacancies with their countdown and the CALEOL decision to record, never a relais case", async () => {
    const d = await board(VALOPHIS);
    if (d.panels.kind !== "BAILLEUR") throw new Error("panneaux de bailleur attendus");
    expect(d.panels.openVacancies.total).toBe(3); // two awaiting designation, one designated
    expect(d.panels.openVacancies.rows[0]).toMatchObject({ daysLeft: 5, party: "Ville de Choisy-le-Roi" });
    expect(d.panels.caleolToRecord.total).toBe(1);
    expect(all(d).some((o) => o.ownerType === "CASE")).toBe(false);
  });

  it("REL-9, AVD-13: AUMV's active file per convention, beside the convention's objective", async () => {
    const d = await board(AUMV);
    if (d.panels.kind !== "ASSOCIATION") throw new Error("panneaux d'association attendus");
    const relais = d.panels.activeFile.find((c) => c.title.startsWith("Logement relais avec accompagnement social"))!;
    // One household in relais housing (entry recorded), two referred and waiting (the demo's current convention).
    expect(relais).toMatchObject({ kind: "RELAIS", active: 1, waiting: 2, objective: 5 });
    expect(d.panels.activeFile.some((c) => c.kind === "FNAVDL" && c.active > 0)).toBe(true);
  });

  it("ASL-2: the Collectivité sees the ASLLi request awaiting its commission", async () => {
    const d = await board(ALSACE);
    if (d.panels.kind !== "DEPARTEMENT") throw new Error("panneaux du Département attendus");
    expect(d.panels.aslliRequests.total).toBe(1);
    const c = await s.db.case.findUniqueOrThrow({ where: { id: d.panels.aslliRequests.rows[0].caseId }, include: { events: true } });
    expect(c.events.map((e) => e.type)).not.toContain("COMMISSION");
  });

  it("ACC-1: an organisation outside the conventions sees none of their obligations", async () => {
    const vitry = await s.db.organisation.create({ data: { slug: "vitry-tdb", name: "Ville de Vitry-sur-Seine", kind: "COMMUNE" } });
    const p = await s.db.person.create({ data: { email: "agent@vitry-tdb.test", firstName: "Léo", lastName: "Vitry", passwordHash: "x", memberships: { create: { organisationId: vitry.id, role: "AGENT" } } } });
    const d = await dashboard((await resolveCaller({ personId: p.id }, "vitry-tdb"))!, TODAY);
    expect(all(d)).toEqual([]);
    if (d.panels.kind !== "COMMUNE") throw new Error("panneaux de commune attendus");
    expect([d.panels.designationsDue.total, d.panels.lapsedThisMonth.total, d.panels.reservations.length]).toEqual([0, 0, 0]);
  });
});

describe("cost", () => {
  it("GEN-6: the same number of queries with 600 more open obligations; each group's total stops at the cap", async () => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    let n = 0;
    db.$on("query", () => { n += 1; });
    try {
      const caller = await callerAs(s, CHOISY);
      await dashboard(caller, TODAY, {}, db); // the day's first read refreshes what is stale
      n = 0;
      await dashboard(caller, TODAY, {}, db);
      const small = n;
      const conventionId = s.convention("RELAIS");
      await s.db.obligation.createMany({
        data: Array.from({ length: 600 }, (_, i) => ({
          ownerType: "CONVENTION" as const, ownerId: conventionId, conventionId, key: `TEST:load:${i}`, rule: "GEN-6", messageKey: "meeting.annual", opensOn: new Date("2026-01-01"),
          dueOn: new Date(`${addDays(TODAY, 1 + (i % 6), "GEN-6")}T00:00:00Z`), responsibleRole: "COMMUNE", responsibleOrganisationId: s.org("choisy-le-roi"), visibleToOrgIds: [s.org("choisy-le-roi"), s.org("aumv")],
        })),
      });
      n = 0;
      const large = await dashboard(caller, TODAY, {}, db);
      expect(n).toBe(small);
      expect(large.obligations.week).toMatchObject({ total: DASHBOARD_COUNT_CAP, capped: true });
      expect(large.obligations.week.rows).toHaveLength(15);
      // Valophis is not party to the relais convention: none of these reach it.
      expect(all(await dashboard(await callerAs(s, VALOPHIS), TODAY)).some((o) => o.key.startsWith("TEST:load"))).toBe(false);
      expect((await dashboardObligations(await callerAs(s, AUMV), TODAY, { mine: true })).week.rows.some((o) => o.key.startsWith("TEST:load"))).toBe(false);
    } finally {
      await s.db.obligation.deleteMany({ where: { key: { startsWith: "TEST:load" } } });
      await db.$disconnect();
    }
  });
});
