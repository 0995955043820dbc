// Issue 10 part 6: the flux of the year of a réservation convention (RES-4b, RES-11, RES-13, RES-14, RES-15) on the
// demo (Valophis's stock in Choisy-le-Roi, the agreed 5.24 %), with vacancies written through the actions.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveCaller } from "@/lib/server/access";
import { setToday } from "@/lib/server/clock";
import { assietteForYear } from "@/lib/server/dwellings";
import { fluxView } from "@/lib/server/flux";
import { actAs, callerAs, ok, seeded, TODAY, type Who } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let choisyConv: string;
let etatConv: string;
let prevMode: string | undefined;
let valophis: string;

const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const ETAT = ["agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne"] as const;
const VIEW_ON = "2026-06-15";

const act = <T = unknown,>(name: string, who: Who, input: unknown) => actAs<T>(s, name, who, input);
const caller = (who: Who) => callerAs(s, who);
let nurSeq = 0;
const typed = (n: number) => Array.from({ length: n }, (_, i) => ({ nur: `094115${String(900000000 + nurSeq++)}`, persons: String(2 + i), monthlyResources: "1 450,00", dalo: false }));

/** Dwellings in the flux regime of 2026 (not PLI, not in the sale plan, not soustrait in 2026, let before 2026). */
async function fluxDwellings(where: Record<string, unknown>, take: number, skip: string[] = []): Promise<string[]> {
  const rows = await s.db.dwelling.findMany({
    where: {
      bailleurOrgId: valophis, commune: "Choisy-le-Roi", financing: { not: "PLI" }, residence: { not: "Résidence Paul-Vaillant-Couturier" }, firstLettingYear: { lt: 2026 },
      regimes: { none: { kind: "SOUSTRAIT", year: 2026 } }, vacancies: { none: {} }, id: { notIn: skip }, ...where,
    },
    select: { id: true }, orderBy: { rplsId: "asc" }, take,
  });
  expect(rows).toHaveLength(take);
  return rows.map((r) => r.id);
}
const used: string[] = [];
async function one(where: Record<string, unknown>): Promise<string> {
  const [id] = await fluxDwellings(where, 1, used);
  used.push(id);
  return id;
}
async function declare(dwellingId: string, orientation: "RESERVATAIRE" | "BAILLEUR" | "SOUSTRAIT", conventionId = "", soustraitCategory = ""): Promise<string> {
  return ok(await act<{ id: string }>("vacancies.declare", VALOPHIS, { dwellingId, availableOn: "2026-04-01", orientation, conventionId, soustraitCategory })).id;
}
async function designate(who: readonly [string, string], vacancyId: string, on = TODAY) {
  ok(await act("vacancies.designate", who, { vacancyId, on, candidates: typed(3), classificationAcknowledged: true }));
  return s.db.vacancyCandidate.findMany({ where: { vacancyId }, orderBy: { rank: "asc" } });
}
/** CALEOL: the first candidate attributed, the others not. */
async function caleol(vacancyId: string, cands: { id: string }[], on = TODAY) {
  ok(await act("vacancies.caleol", VALOPHIS, { vacancyId, on, decisions: cands.map((c, i) => ({ candidateId: c.id, decision: i === 0 ? "ATTRIBUTION" : "NON_ATTRIBUTION" })) }));
}

beforeAll(async () => {
  prevMode = process.env.APP_MODE;
  process.env.APP_MODE = "test";
  setToday(TODAY);
  s = await seeded();
  choisyConv = s.convention("RESERVATION_FLUX");
  valophis = s.org("valophis-habitat");
  // RES-11: the share agreed for 2026, recorded last (it wins over any earlier record of the year).
  await s.db.conventionEvent.create({ data: { conventionId: choisyConv, type: "SHARE_AGREED", on: new Date(`${TODAY}T00:00:00Z`), payload: { type: "SHARE_AGREED", on: TODAY, year: 2026, share: 0.22 } } });
  // The État as a second réservataire on the same Valophis stock (as in vacancies.test.ts).
  const etat = await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux – contingent préfectoral / Valophis Habitat", territory: "Choisy-le-Roi", signedOn: new Date("2024-06-14"), startOn: new Date("2024-01-01"),
      parameters: { objectiveCap: 0.3, guaranteeCap: 0.2, initialMonths: 36, renewalKind: "NONE" },
      parties: {
        create: [
          { organisationId: s.org("prefecture-val-de-marne"), roleLabel: "l'État (réservataire)", partyRole: "RESERVATAIRE", confirmedAt: new Date("2024-06-14") },
          { organisationId: valophis, roleLabel: "le bailleur", partyRole: "BAILLEUR", confirmedAt: new Date("2024-06-14") },
        ],
      },
      events: { create: { type: "SIGNED", on: new Date("2024-06-14"), payload: { type: "SIGNED", on: "2024-06-14" } } },
    },
  });
  etatConv = etat.id;

  // Oriented to Choisy (RES-15 characteristics chosen by hand; none PMR):
  //   V1 T1 PLUS, Les Navigateurs (QPV, class 4)  → lease signed 10 March
  //   V2 T1 PLAI, Sébastopol (class 2)            → attributed, refused by the household 10 March (equivalent)
  //   V3 T3 AUTRE, Les Navigateurs (QPV, class 4) → no designation: lapses on day 31, 10 April (equivalent)
  //   V4 T2 PLUS, Les Tilleuls (class 1)          → CALEOL 10 March, lease signed 4 May
  //   V7 oriented to Choisy then withdrawn        → neither freed nor oriented
  // Others: V5 bailleur's own use, V8 the État's (freed, not Choisy's), V6 soustrait at its vacancy (RES-3) and
  // V9 on a dwelling soustrait for 2026 (out of the assiette): not freed.
  const base = { pmr: false };
  const v1 = await declare(await one({ ...base, typology: "T1", financing: "PLUS", residence: "Les Navigateurs" }), "RESERVATAIRE", choisyConv);
  const v2 = await declare(await one({ ...base, typology: "T1", financing: "PLAI", residence: "Sébastopol" }), "RESERVATAIRE", choisyConv);
  await declare(await one({ ...base, typology: "T3", financing: "AUTRE", residence: "Les Navigateurs" }), "RESERVATAIRE", choisyConv);
  const v4 = await declare(await one({ ...base, typology: "T2", financing: "PLUS", residence: "Les Tilleuls" }), "RESERVATAIRE", choisyConv);
  await declare(await one({}), "BAILLEUR");
  await declare(await one({}), "SOUSTRAIT", "", "MUTATION_INTERNE");
  const v7 = await declare(await one({ ...base, typology: "T4" }), "RESERVATAIRE", choisyConv);
  await declare(await one({}), "RESERVATAIRE", etatConv);
  const soustrait2026 = await s.db.dwelling.findFirstOrThrow({ where: { bailleurOrgId: valophis, regimes: { some: { kind: "SOUSTRAIT", year: 2026 } } }, select: { id: true }, orderBy: { rplsId: "asc" } });
  await declare(soustrait2026.id, "BAILLEUR");

  const c1 = await designate(CHOISY, v1);
  await caleol(v1, c1);
  ok(await act("vacancies.answer", VALOPHIS, { vacancyId: v1, on: TODAY, candidateId: c1[0].id, accepted: true }));
  ok(await act("vacancies.lease", VALOPHIS, { vacancyId: v1, on: TODAY, candidateId: c1[0].id }));
  const c2 = await designate(CHOISY, v2);
  await caleol(v2, c2);
  ok(await act("vacancies.answer", VALOPHIS, { vacancyId: v2, on: TODAY, candidateId: c2[0].id, accepted: false }));
  const c4 = await designate(CHOISY, v4);
  await caleol(v4, c4);
  ok(await act("vacancies.withdraw", VALOPHIS, { vacancyId: v7, on: TODAY }));
  try {
    setToday("2026-05-04");
    ok(await act("vacancies.answer", VALOPHIS, { vacancyId: v4, on: "2026-05-04", candidateId: c4[0].id, accepted: true }));
    ok(await act("vacancies.lease", VALOPHIS, { vacancyId: v4, on: "2026-05-04", candidateId: c4[0].id }));
  } finally {
    setToday(TODAY);
  }
});
afterAll(async () => {
  setToday(null);
  if (prevMode === undefined) delete process.env.APP_MODE;
  else process.env.APP_MODE = prevMode;
  await s.db.$disconnect();
});

describe("the flux of 2026 for Choisy-le-Roi (RES-4b, RES-11, RES-13, RES-14)", () => {
  it("RES-4b: assiette 2 469 − 85 excluded − 22 soustraits + 36 put into service = 2 398; forecast 2 398 × 5,24 % = 125,6552", async () => {
    const v = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    expect(v.assiette).toMatchObject({ stock: 2469, excluded: 85, soustraits: 22, misesEnService: 36, assiette: 2398, excludedByReason: { NOT_SOCIAL_REGIME: 45, SALE_PLAN: 40 } });
    // The SQL aggregate is the same assiette as the dwellings page's (lib/server/dwellings.ts, regime by regime in JS).
    for (const year of [2024, 2025, 2026]) {
      const js = await assietteForYear(s.db, valophis, "Choisy-le-Roi", year);
      const sql = (await fluxView(await caller(CHOISY), choisyConv, year, VIEW_ON))!.assiette;
      expect(sql).toEqual(js);
    }
    expect(v.rate).toMatchObject({ rate: 0.0524, ratePpm: 52_400 });
    expect(v.forecast).toBeCloseTo(125.6552, 9);
  });

  it("RES-4b: the actual flux counts every dwelling of the assiette freed in the year, whatever its orientation (6), not the soustraits, the withdrawn nor those out of the assiette", async () => {
    const v = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    expect(v.freed).toEqual({ total: 6, thisConvention: 4, otherReservataires: 1, bailleur: 1, soustraits: 1, withdrawn: 1, outOfAssiette: 1 });
  });

  it("RES-11/RES-14: the agreed share of 2026 (22 %) gives the objective round(125,6552 × 22 %) = 28 on the forecast and round(6 × 22 %) = 1 on the actual flux", async () => {
    const v = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    expect(v.share).toBe(0.22);
    expect(v.objective).toEqual({ forecast: 28, actual: 1 });
    // No share agreed for a year: no objective.
    const y2027 = (await fluxView(await caller(CHOISY), choisyConv, 2027, VIEW_ON))!;
    expect(y2027.share).toBeNull();
    expect(y2027.objective).toEqual({ forecast: null, actual: null });
    expect(y2027.progress).toEqual({ forecast: null, actual: null });
  });

  it("RES-13/RES-14: 2 leases and 2 equivalents counted (the lapse at the clock's date included): progress 4 / 28, remaining 24", async () => {
    const v = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    expect(v.count).toEqual({ leases: 2, equivalents: 2, total: 4 });
    expect(v.progress.forecast).toEqual({ counted: 4, progress: 4 / 28, remaining: 24, leases: 2, equivalents: 2 });
    expect(v.progress.actual).toMatchObject({ counted: 4, progress: 4, remaining: 0 });
    // The lapse was recomputed at the clock's date by the first read after day 31 (10 April), which counts it in April.
    const lapsed = await s.db.vacancy.findFirstOrThrow({ where: { conventionId: choisyConv, outcome: "NO_CANDIDATE_30D", declaredOn: { gte: new Date("2026-01-01") } }, select: { outcomeOn: true } });
    expect(lapsed.outcomeOn?.toISOString().slice(0, 10)).toBe("2026-04-10");
  });

  it("RES-13/RES-14: month by month — counted per month of the outcome date, cumulative, and the objective line 28 × month / 12", async () => {
    const v = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    expect(v.months.map((m) => [m.month, m.leases, m.equivalents, m.cumulative, m.objective])).toEqual([
      [1, 0, 0, 0, 2.3], [2, 0, 0, 0, 4.7], [3, 1, 1, 2, 7], [4, 0, 1, 3, 9.3], [5, 1, 0, 4, 11.7], [6, 0, 0, 4, 14],
      [7, null, null, null, 16.3], [8, null, null, null, 18.7], [9, null, null, null, 21], [10, null, null, null, 23.3], [11, null, null, null, 25.7], [12, null, null, null, 28],
    ]);
    expect(v.months[4]).toMatchObject({ cumulativeLeases: 2, cumulativeEquivalents: 2 });
  });

  it("RES-15: over the 4 dwellings oriented to Choisy, T1 at 50 % is 40 points above its « at most » 10 % (breached); T3 15 points under; gaps both ways", async () => {
    const v = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    expect(v.oriented).toBe(4);
    const t = Object.fromEntries(v.targets.map((x) => [x.key, x]));
    expect(t.T1).toMatchObject({ count: 2, achieved: 0.5, target: 0.1, atMost: true, breached: true });
    expect(t.T1.gap).toBeCloseTo(0.4, 12);
    expect(t.T3).toMatchObject({ count: 1, achieved: 0.25, breached: false });
    expect(t.T3.gap).toBeCloseTo(-0.15, 12);
    expect(t.T2.gap).toBeCloseTo(0, 12);
    expect(t["T4/T5"]).toMatchObject({ count: 0, achieved: 0 });
    expect(t.QPV).toMatchObject({ count: 2, achieved: 0.5, breached: false });
    expect(t.CLASS_3_4).toMatchObject({ count: 2, achieved: 0.5 });
    expect(t.PMR.gap).toBeCloseTo(-0.04, 12);
    // Financing shares are of all 4, the « AUTRE » one included (it matches none of PLS, PLUS, PLAI).
    expect([t.PLUS.count, t.PLAI.count, t.PLS.count]).toEqual([2, 1, 0]);
    expect(t.PLUS.gap).toBeCloseTo(-0.3, 12);
    expect(t.PLAI.gap).toBeCloseTo(0.15, 12);
    expect(v.otherFinancing).toBe(1);
    expect(v.residences).toEqual([
      { residence: "Les Navigateurs", count: 2, share: 0.5 },
      { residence: "Les Tilleuls", count: 1, share: 0.25 },
      { residence: "Sébastopol", count: 1, share: 0.25 },
    ]);
  });
});

describe("the share of a convention's first year (RES-11)", () => {
  it("RES-11/RES-22: with no share agreed for 2024, the convention's own figure (24 %) gives the objective, as in the annual bilan", async () => {
    const city = await caller(CHOISY);
    const v2024 = (await fluxView(city, choisyConv, 2024, VIEW_ON))!;
    expect({ share: v2024.share, source: v2024.shareSource }).toEqual({ share: 0.24, source: "CONVENTION" });
    expect(v2024.forecast).not.toBeNull();
    expect(v2024.objective.forecast).toBe(Math.round(v2024.forecast! * 0.24));
    const v2026 = (await fluxView(city, choisyConv, 2026, VIEW_ON))!;
    expect({ share: v2026.share, source: v2026.shareSource }).toEqual({ share: 0.22, source: "AGREED" });
  });
});

describe("who sees the flux (ACC-1)", () => {
  it("RES-14/ACC-1: the bailleur sees the same figures of its convention; the État sees only its own; a non-party gets null (404)", async () => {
    const city = (await fluxView(await caller(CHOISY), choisyConv, 2026, VIEW_ON))!;
    const bailleur = (await fluxView(await caller(VALOPHIS), choisyConv, 2026, VIEW_ON))!;
    expect(bailleur.myRole).toBe("BAILLEUR");
    expect({ ...bailleur, myRole: null }).toEqual({ ...city, myRole: null });
    const state = await caller(ETAT);
    expect(await fluxView(state, choisyConv, 2026, VIEW_ON)).toBeNull();
    const own = (await fluxView(state, etatConv, 2026, VIEW_ON))!;
    expect(own.freed).toMatchObject({ total: 6, thisConvention: 1, otherReservataires: 4 });
    // Its own vacancy, never designated, lapsed on day 31: one equivalent for the État.
    expect(own.count).toEqual({ leases: 0, equivalents: 1, total: 1 });
    expect(own.oriented).toBe(1);
    const outsider = (await resolveCaller({ personId: s.person("admin@aumv.demo").id }, "aumv"))!;
    expect(await fluxView(outsider, choisyConv, 2026, VIEW_ON)).toBeNull();
    expect(await fluxView(outsider, etatConv, 2026, VIEW_ON)).toBeNull();
  });
});

describe("the flux page's SQL does not grow with the data (BENCHMARKS.md §6)", () => {
  it("RES-13/RES-15: the same number of queries with 2 and with 20 vacancies oriented to the État", async () => {
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    let n = 0;
    db.$on("query", () => { n += 1; });
    const state = await caller(ETAT);
    const measure = async () => {
      await fluxView(state, etatConv, 2026, TODAY, db); // a first read of the day recomputes lapsed vacancies
      n = 0;
      const v = (await fluxView(state, etatConv, 2026, TODAY, db))!;
      return { n, oriented: v.oriented };
    };
    try {
      await declare(await one({}), "RESERVATAIRE", etatConv);
      const small = await measure();
      expect(small.oriented).toBe(2);
      const more = await fluxDwellings({}, 18, used);
      used.push(...more);
      for (const [i, id] of more.entries()) {
        const v = await declare(id, "RESERVATAIRE", etatConv);
        if (i % 3 === 0) {
          const c = await designate(ETAT, v);
          await caleol(v, c);
          ok(await act("vacancies.answer", VALOPHIS, { vacancyId: v, on: TODAY, candidateId: c[0].id, accepted: true }));
          ok(await act("vacancies.lease", VALOPHIS, { vacancyId: v, on: TODAY, candidateId: c[0].id }));
        }
      }
      const large = await measure();
      expect(large.oriented).toBe(20);
      expect(large.n).toBe(small.n);
      // The convention with its parties and events (4 as Prisma reads relations), the lapse check, the rotation (2),
      // and the stored snapshot of the year's counts (1): the read after a first one computed it.
      expect(small.n).toBe(8);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("the stored counts of the flux page follow every change (issue 10, migration flux_snapshots)", () => {
  const stamp = async () => (await s.db.fluxStamp.findUnique({ where: { bailleurOrgId: valophis } }))?.version ?? BigInt(0);

  it("RES-4b/RES-15: a vacancy declared by an action and a regime written directly both show on the next read", async () => {
    const state = await caller(ETAT);
    const before = (await fluxView(state, etatConv, 2026, TODAY))!;
    const snap = await s.db.fluxSnapshot.findUniqueOrThrow({ where: { conventionId_year: { conventionId: etatConv, year: 2026 } } });
    expect(snap.version).toBe(await stamp());

    // Through the action: one more dwelling oriented to the État, freed in the assiette.
    const [dwellingId] = await fluxDwellings({}, 1, used);
    used.push(dwellingId);
    await declare(dwellingId, "RESERVATAIRE", etatConv);
    expect(await stamp()).toBeGreaterThan(snap.version);
    const afterDeclare = (await fluxView(state, etatConv, 2026, TODAY))!;
    expect(afterDeclare.oriented).toBe(before.oriented + 1);
    expect(afterDeclare.freed.total).toBe(before.freed.total + 1);

    // Behind the actions' back (as an import or a script would): a dwelling soustrait for 2026 (RES-3).
    const [other] = await fluxDwellings({}, 1, used);
    used.push(other);
    await s.db.dwellingRegime.create({ data: { dwellingId: other, kind: "SOUSTRAIT", effectiveOn: new Date("2026-01-01"), category: "VENTE", year: 2026, reference: "Délibération CA 2025-12", source: "FORM" } });
    const afterRegime = (await fluxView(state, etatConv, 2026, TODAY))!;
    expect(afterRegime.assiette!.soustraits).toBe(before.assiette!.soustraits + 1);
    expect(afterRegime.assiette!.assiette).toBe(before.assiette!.assiette - 1);
    // The snapshot now carries the current version: the next read takes it as it is.
    const again = await s.db.fluxSnapshot.findUniqueOrThrow({ where: { conventionId_year: { conventionId: etatConv, year: 2026 } } });
    expect(again.version).toBe(await stamp());
    expect(await fluxView(state, etatConv, 2026, TODAY)).toEqual(afterRegime);
  });
});
