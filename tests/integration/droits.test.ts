// Droits de suite → droits uniques, the stock per year and the share check (issue 9, RES-7..12), through the server
// actions and the page's read model, with the access rules of ACC-1. Every expected value below was worked out by hand
// from DOMAIN.md: the remaining durations are chosen as whole multiples of 4 years spanning one 29 February each
// (1 461 days = 4 × 365.25), so that remaining years are whole numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry, type ActionResult } from "@/lib/server/action";
import { resolveCaller } from "@/lib/server/access";
import { createConvention } from "@/lib/server/convention-write";
import { droitsView } from "@/lib/server/droits";
import { defaultParams } from "@/lib/validation/convention-params";
import { CONVENTION_PARAM_SPEC, paramToInput, ZCreateConventionInput } from "@/lib/validation/conventions";
import { seedDemoDroits } from "@/prisma/demo-droits";
import { rc, seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

type Result = ActionResult<unknown> & { data?: unknown; fieldErrors?: Record<string, string[]> };
const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input) as Promise<Result>;
const ok = (r: Result) => { expect(r.ok, JSON.stringify(r)).toBe(true); return r.data as Record<string, unknown>; };
const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: s.person(email).sessionVersion }, org))!;
const view = async (id: string, email = "agent@choisy-le-roi.demo", org = "choisy-le-roi", opts = {}) => droitsView(await caller(email, org), id, TODAY, opts);

const choisy = "agent@choisy-le-roi.demo";
const valophis = "agent@valophis-habitat.demo";

/** A signed réservation convention Choisy-le-Roi / Valophis on its own territory, with an agreed rotation of 5.24 %. */
async function reservationConvention(territory: string): Promise<string> {
  const defaults = defaultParams("RESERVATION_FLUX", 2024);
  const params = Object.fromEntries(CONVENTION_PARAM_SPEC.RESERVATION_FLUX.map((p) => [p.key, paramToInput(p, defaults[p.key])]));
  const input = ZCreateConventionInput.parse({
    kind: "RESERVATION_FLUX", title: `Réservation en flux – ${territory}`, reference: "", territory, signedOn: "2024-03-01", startOn: "2024-01-01",
    parties: [{ organisationId: s.org("choisy-le-roi"), roleLabel: "la Ville (réservataire)" }, { organisationId: s.org("valophis-habitat"), roleLabel: "le bailleur" }],
    params,
  });
  const who = { personId: s.person("admin@choisy-le-roi.demo").id, orgId: s.org("choisy-le-roi") };
  const c = await s.db.$transaction((tx) => createConvention(tx, who, input, TODAY, { confirmAll: true }));
  await s.db.agreedRotation.create({ data: { bailleurOrgId: s.org("valophis-habitat"), territory, ratePpm: 52_400, provenance: "Taux départemental (test)" } });
  return c.id;
}
const agreement = (conventionId: string, x: Record<string, string>) => ({ conventionId, endOn: "", lastRepaymentOn: "", ...x });
const shareAgreed = (conventionId: string, year: number, share: number) =>
  s.db.conventionEvent.create({ data: { conventionId, type: "SHARE_AGREED", on: new Date(`${year}-02-20`), payload: { type: "SHARE_AGREED", on: `${year}-02-20`, year, share } } });

describe("droits de suite → droits uniques (RES-7, RES-8)", () => {
  let id: string;
  beforeAll(async () => {
    id = await reservationConvention("Territoire A");
    // A: guarantee, last repayment 31/12/2026 → rights until 31/12/2031 (RES-8): 8 years from 31/12/2023.
    ok(await run("droits.addAgreement", choisy, "choisy-le-roi", agreement(id, { reference: "GAR-A", origin: "LOAN_GUARANTEE", programme: "Résidence A", droitsDeSuite: "100", lastRepaymentOn: "2026-12-31" })));
    // B: land until 31/12/2027 (4 years); C: funding until 31/12/2035 (12 years), recorded by the bailleur.
    ok(await run("droits.addAgreement", choisy, "choisy-le-roi", agreement(id, { reference: "FON-B", origin: "LAND", programme: "Terrain B", droitsDeSuite: "30", endOn: "2027-12-31" })));
    ok(await run("droits.addAgreement", valophis, "valophis-habitat", agreement(id, { reference: "FIN-C", origin: "FUNDING", programme: "Résidence C", droitsDeSuite: "25", endOn: "2035-12-31" })));
    // D: ended before the inventory: not converted.
    ok(await run("droits.addAgreement", choisy, "choisy-le-roi", agreement(id, { reference: "FIN-D", origin: "FUNDING", programme: "Résidence D", droitsDeSuite: "40", endOn: "2023-06-30" })));
  });

  it("RES-8: a guarantee's rights run until 5 years after the loan's last repayment", async () => {
    const a = await s.db.reservationAgreement.findFirstOrThrow({ where: { conventionId: id, reference: "GAR-A" } });
    expect(a.endOn.toISOString().slice(0, 10)).toBe("2031-12-31");
    expect(a.lastRepaymentOn?.toISOString().slice(0, 10)).toBe("2026-12-31");
    const r = await run("droits.addAgreement", choisy, "choisy-le-roi", agreement(id, { reference: "GAR-X", origin: "LOAN_GUARANTEE", programme: "X", droitsDeSuite: "5", endOn: "2040-01-01" }));
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(r.fieldErrors?.lastRepaymentOn?.[0]).toContain("RES-8");
  });

  it("RES-7: the preview gives droits de suite × remaining years × rotation per agreement, fractions kept, and the rounded total", async () => {
    const v = (await view(id))!;
    expect(v.inventoryOn).toBe("2023-12-31"); // the day before the convention starts
    expect(v.rate).toEqual({ rate: 0.0524, ratePpm: 52_400, provenance: "Taux départemental (test)" });
    const p = v.preview!;
    const lines = Object.fromEntries(p.lines.map((l) => [l.reference, l]));
    expect(Object.keys(lines).sort()).toEqual(["FIN-C", "FON-B", "GAR-A"]);
    expect(lines["GAR-A"].remainingYears).toBe(8);
    expect(lines["GAR-A"].droitsUniques).toBeCloseTo(41.92, 9); // 100 × 8 × 0,0524
    expect(lines["FON-B"].remainingYears).toBe(4);
    expect(lines["FON-B"].droitsUniques).toBeCloseTo(6.288, 9); // 30 × 4 × 0,0524
    expect(lines["FIN-C"].remainingYears).toBe(12);
    expect(lines["FIN-C"].droitsUniques).toBeCloseTo(15.72, 9); // 25 × 12 × 0,0524
    expect(p.droitsDeSuite).toBe(155);
    expect(p.total).toBeCloseTo(63.928, 9);
    expect(p.rounded).toBe(64);
    expect(p.expired.map((a) => a.reference)).toEqual(["FIN-D"]);
    expect(v.conversion).toBeNull();
    expect(v.stock.provisional).toBe(true);
  });

  it("RES-7: the conversion is recorded once with its rate and provenance; a second one is refused, and so are later agreements", async () => {
    const d = ok(await run("droits.convert", choisy, "choisy-le-roi", { conventionId: id, inventoryOn: "2023-12-31" }));
    expect(d.rounded).toBe(64);
    expect(d.total as number).toBeCloseTo(63.928, 9);
    const again = await run("droits.convert", valophis, "valophis-habitat", { conventionId: id, inventoryOn: "2024-06-30" });
    expect(again).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("déjà enregistrée") });
    const late = await run("droits.addAgreement", choisy, "choisy-le-roi", agreement(id, { reference: "FON-E", origin: "LAND", programme: "E", droitsDeSuite: "10", endOn: "2040-12-31" }));
    expect(late).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("droits nouveaux") });
    const rows = await s.db.droitsConversion.findMany({ where: { conventionId: id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ratePpm: 52_400, rateProvenance: "Taux départemental (test)", rounded: 64 });
    expect(rows[0].inventoryOn.toISOString().slice(0, 10)).toBe("2023-12-31");
    const v = (await view(id, valophis, "valophis-habitat"))!;
    expect(v.conversion).toMatchObject({ inventoryOn: "2023-12-31", rate: 0.0524, rateProvenance: "Taux départemental (test)", rounded: 64 });
    expect(v.preview).toBeNull();
    const audit = await s.db.auditEvent.findFirstOrThrow({ where: { action: "droits.convert", entityId: rows[0].id } });
    expect(audit.fields).toEqual(["conventionId", "inventoryOn", "ratePpm", "rateProvenance", "total", "rounded", "lines"]);
  });

  it("RES-7: two conversions recorded at the same time give one success; RES-12: an all-guarantee stock warns above 20 %", async () => {
    const other = await reservationConvention("Territoire B");
    ok(await run("droits.addAgreement", choisy, "choisy-le-roi", agreement(other, { reference: "GAR-1", origin: "LOAN_GUARANTEE", programme: "Résidence 1", droitsDeSuite: "50", lastRepaymentOn: "2026-12-31" })));
    const results = await Promise.all([
      run("droits.convert", choisy, "choisy-le-roi", { conventionId: other, inventoryOn: "2023-12-31" }),
      run("droits.convert", valophis, "valophis-habitat", { conventionId: other, inventoryOn: "2023-12-31" }),
      run("droits.convert", "admin@choisy-le-roi.demo", "choisy-le-roi", { conventionId: other, inventoryOn: "2023-12-31" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ code: "invalid", message: expect.stringContaining("déjà enregistrée") });
    expect(await s.db.droitsConversion.count({ where: { conventionId: other } })).toBe(1);
    // RES-12: every droit unique of this convention comes from a guarantee: an agreed 24 % is all guarantee-origin, above 20 %.
    await shareAgreed(other, 2024, 0.24);
    const share = (await view(other))!.shares.find((x) => x.year === 2024)!;
    expect(share.guarantee).toMatchObject({ partOfStock: 1, cap: 0.2, exceeds: true, basis: "AGREED" });
    expect(share.guarantee!.share).toBeCloseTo(0.24, 12);
  });

  describe("after the conversion", () => {
    it("RES-9: a new guarantee right is capped at 20 % of the programme and adds to the stock with its origin", async () => {
      const grant = (droits: string, programmeDwellings = "50") => ({
        conventionId: id, on: "2024-12-31", origin: "LOAN_GUARANTEE", programme: "Résidence Neuve", programmeDwellings, droits, lastRepaymentOn: "2031-12-31", droitsUniques: "",
      });
      const over = await run("droits.addGrant", choisy, "choisy-le-roi", grant("11"));
      expect(over).toMatchObject({ ok: false, code: "invalid" });
      expect(over.fieldErrors?.droits?.[0]).toContain("10");
      // 6 rights until 31/12/2036 (last repayment + 5 years): 12 years from 31/12/2024 → 6 × 12 × 0,0524 = 3,7728.
      const d = ok(await run("droits.addGrant", choisy, "choisy-le-roi", grant("6")));
      expect(d.droitsUniques as number).toBeCloseTo(3.7728, 9);
      // 6 + 5 rights for the same programme would exceed its 10.
      const more = await run("droits.addGrant", valophis, "valophis-habitat", grant("5"));
      expect(more).toMatchObject({ ok: false, code: "invalid" });
      expect(more.fieldErrors?.droits?.[0]).toContain("déjà 6");
      const before = await run("droits.addGrant", choisy, "choisy-le-roi", { ...grant("2"), on: "2023-12-31" });
      expect(before.fieldErrors?.on?.[0]).toContain("après la date d'inventaire");
      // Land brought in 2025: a volume of droits uniques agreed between the parties.
      ok(await run("droits.addGrant", valophis, "valophis-habitat", { conventionId: id, on: "2025-03-01", origin: "LAND", programme: "Terrain F", programmeDwellings: "", droits: "", lastRepaymentOn: "", droitsUniques: "5,5" }));
      const g = await s.db.droitUniqueGrant.findMany({ where: { conventionId: id }, orderBy: { on: "asc" } });
      expect(g.map((x) => [x.origin, x.programmeDwellings, x.droitsDeSuite, x.ratePpm])).toEqual([["LOAN_GUARANTEE", 50, 6, 52_400], ["LAND", null, null, null]]);
      expect(g[1].droitsUniques).toBe(5.5);
    });

    it("RES-10: the stock per year, per origin: 1 January, acquisitions, consumption, 31 December", async () => {
      const v = (await view(id))!;
      expect(v.stock.provisional).toBe(false);
      const rows = v.stock.rows;
      expect(rows.map((r) => r.year)).toEqual([2024, 2025, 2026]);
      const [y24, y25, y26] = rows;
      expect(y24.jan1).toBeCloseTo(63.928, 9);
      expect(y24.jan1Rounded).toBe(64);
      expect(y24.byKey["CONVERTED_STOCK:LOAN_GUARANTEE"].jan1).toBeCloseTo(41.92, 9);
      expect(y24.byKey["CONVERTED_STOCK:LAND"].jan1).toBeCloseTo(6.288, 9);
      expect(y24.byKey["CONVERTED_STOCK:FUNDING"].jan1).toBeCloseTo(15.72, 9);
      expect(y24.acquisitions).toBeCloseTo(3.7728, 9);
      expect(y24.byKey.LOAN_GUARANTEE.acquisitions).toBeCloseTo(3.7728, 9);
      expect(y24.consumption).toBe(0);
      expect(y24.dec31).toBeCloseTo(67.7008, 9);
      expect(y25.jan1).toBeCloseTo(67.7008, 9);
      expect(y25.jan1Rounded).toBe(68);
      expect(y25.byKey.LAND.acquisitions).toBe(5.5);
      expect(y25.dec31).toBeCloseTo(73.2008, 9);
      expect(y26.jan1).toBeCloseTo(73.2008, 9);
      expect(y26.jan1Rounded).toBe(73);
      expect(y26.acquisitions).toBe(0);
      expect(y26.dec31).toBeCloseTo(73.2008, 9);
      // The consumption hook (RES-13 counts, next issue): 10 dwellings counted in 2025.
      const c = (await view(id, choisy, "choisy-le-roi", { consumptionByYear: { 2025: 10 } }))!.stock.rows;
      expect(c[1].consumption).toBe(10);
      expect(c[1].dec31).toBeCloseTo(63.2008, 9);
      expect(c[2].jan1).toBeCloseTo(63.2008, 9);
      const byOrigin = Object.values(c[1].byKey).reduce((t, f) => t + f.dec31, 0);
      expect(byOrigin).toBeCloseTo(63.2008, 9);
    });

    it("RES-11, RES-12: the bailleur declares the territory's figures; the formula is shown beside the agreed share, with a warning when they differ markedly, and the guarantee-origin part against 20 %", async () => {
      const refused = await run("droits.setShareInput", choisy, "choisy-le-roi", { conventionId: id, year: "2025", allDroitsUniques: "400", statePart: "30" });
      expect(refused).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("Seul le bailleur") });
      ok(await run("droits.setShareInput", valophis, "valophis-habitat", { conventionId: id, year: "2025", allDroitsUniques: "400", statePart: "30" }));
      ok(await run("droits.setShareInput", valophis, "valophis-habitat", { conventionId: id, year: "2026", allDroitsUniques: "300", statePart: "30" }));
      ok(await run("droits.setShareInput", valophis, "valophis-habitat", { conventionId: id, year: "2026", allDroitsUniques: "283", statePart: "30" })); // corrected
      await shareAgreed(id, 2025, 0.24);
      await shareAgreed(id, 2026, 0.18);
      const shares = Object.fromEntries((await view(id))!.shares.map((x) => [x.year, x]));
      // 2025: min(24 %, 70 % × 68 / 400) = 11,9 %, against 24 % agreed: more than 2 points apart.
      expect(shares[2025]).toMatchObject({ agreed: 0.24, ownDroitsUniques: 68, input: { allDroitsUniques: 400, statePart: 0.3 }, cap: 0.24, differsMarkedly: true });
      expect(shares[2025].formula).toBeCloseTo(0.119, 12);
      // 2026: 70 % × 73 / 283 = 18,06 %, against 18 % agreed: consistent.
      expect(shares[2026]).toMatchObject({ agreed: 0.18, ownDroitsUniques: 73, differsMarkedly: false });
      expect(shares[2026].formula).toBeCloseTo(0.180565371, 8);
      // RES-12: 2025's guarantee-origin droits uniques at 1 January: 41,92 + 3,7728 of 67,7008 → 24 % × 0,67492 = 16,2 %.
      expect(shares[2025].guarantee!.droitsUniques).toBeCloseTo(45.6928, 9);
      expect(shares[2025].guarantee!.share).toBeCloseTo(0.161981, 6);
      expect(shares[2025].guarantee!.exceeds).toBe(false);
      const audit = await s.db.auditEvent.findFirstOrThrow({ where: { action: "droits.shareInput.set" } });
      expect(audit.fields).toEqual(["year", "allDroitsUniques", "statePartPpm"]);
    });
  });

  it("ACC-1: a reader of a party reads but cannot write; another organisation sees nothing and writes nothing", async () => {
    const reader = (await view(id, "lecteur@valophis-habitat.demo", "valophis-habitat"))!;
    expect(reader.mayWrite).toBe(false);
    expect(await run("droits.addGrant", "lecteur@valophis-habitat.demo", "valophis-habitat", { conventionId: id, on: "2025-05-01", origin: "FUNDING", programme: "P", droitsUniques: "2" }))
      .toMatchObject({ ok: false, code: "forbidden" });
    for (const email of ["admin@aumv.demo", "agent@aumv.demo", "lecteur@aumv.demo"]) {
      expect(await view(id, email, "aumv"), email).toBeNull();
    }
    const grants = await s.db.droitUniqueGrant.count({ where: { conventionId: id } });
    for (const [name, input] of [
      ["droits.addGrant", { conventionId: id, on: "2025-05-01", origin: "FUNDING", programme: "P", droitsUniques: "2" }],
      ["droits.addAgreement", agreement(id, { reference: "Z", origin: "LAND", programme: "Z", droitsDeSuite: "1", endOn: "2040-01-01" })],
      ["droits.setShareInput", { conventionId: id, year: "2025", allDroitsUniques: "1", statePart: "0" }],
    ] as const) {
      expect(await run(name, "admin@aumv.demo", "aumv", input), name).toMatchObject({ ok: false, code: "not-found" });
    }
    expect(await s.db.droitUniqueGrant.count({ where: { conventionId: id } })).toBe(grants);
    expect((await s.db.fluxShareInput.findFirstOrThrow({ where: { conventionId: id, year: 2025 } })).allDroitsUniques).toBe(400);
    // A party to another kind of convention (the relais one of Choisy) gets nothing either.
    expect(await view(s.convention("RELAIS"))).toBeNull();
  });
});

describe("the demo: Choisy-le-Roi's inventory (RES-7)", () => {
  it("RES-7: 977 droits de suite at 31/12/2023 converted at 5,24 % give 792 droits uniques, then the 2024 and 2025 acquisitions", async () => {
    const id = s.convention("RESERVATION_FLUX");
    if (!(await s.db.droitsConversion.findUnique({ where: { conventionId: id } }))) {
      await s.db.$transaction((tx) => seedDemoDroits(tx, { conventionId: id, personId: s.person("admin@choisy-le-roi.demo").id, today: TODAY }));
    }
    const c = await s.db.droitsConversion.findUniqueOrThrow({ where: { conventionId: id } });
    const lines = c.lines as { droitsDeSuite: number; droitsUniques: number; origin: string }[];
    expect(lines.reduce((t, l) => t + l.droitsDeSuite, 0)).toBe(977);
    expect(c.rounded).toBe(792);
    expect(c.total).toBeCloseTo(792.023, 3);
    expect(c.ratePpm).toBe(52_400);
    expect(c.inventoryOn.toISOString().slice(0, 10)).toBe("2023-12-31");
    expect(new Set(lines.map((l) => l.origin))).toEqual(new Set(["LOAN_GUARANTEE", "LAND", "FUNDING"]));
    const v = (await view(id))!;
    const rows = Object.fromEntries(v.stock.rows.map((r) => [r.year, r]));
    expect(rows[2024].jan1Rounded).toBe(792);
    expect(rows[2024].byKey.LOAN_GUARANTEE.acquisitions).toBeCloseTo(21.0035, 4); // 9 × 44,5366 years × 0,0524
    expect(rows[2025].jan1Rounded).toBe(813);
    expect(rows[2025].byKey.LAND.acquisitions).toBe(6);
    expect(rows[2026].jan1Rounded).toBe(819);
    const shares = Object.fromEntries(v.shares.map((x) => [x.year, x]));
    expect(shares[2026].formula).toBeCloseTo((0.7 * 819) / 2900, 12);
    expect(shares[2024].input).toEqual({ allDroitsUniques: 2350, statePart: 0.3 });
  });
});
