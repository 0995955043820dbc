import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { obligationStatus, type IsoDate } from "@/lib/domain";
import { resolveCaller } from "@/lib/server/access";
import { CASE_PAGE_SIZE, caseListOptions, decodeCursor, encodeCursor, listCases, type CaseListFilters, type CaseListRow } from "@/lib/server/case-list";
import { seeded, TODAY } from "./helpers";

// Issue 6 §4: the case list. Fixtures are written as the owner (households, cases, referents, obligation
// rows and Case.nextDueOn, as the case engine keeps them); the list is read as the app's role.

let s: Awaited<ReturnType<typeof seeded>>;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (iso: IsoDate, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

type Ids = { choisy: string; aumv: string; prefecture: string; aumvAgent: string; choisyAgent: string; nadia: string };
let ids: Ids;

async function caller(email: string, org: string) {
  const p = s.person(email);
  const c = await resolveCaller({ personId: p.id, sessionVersion: p.sessionVersion }, org);
  if (!c) throw new Error("caller attendu");
  return c;
}

async function newConvention(title: string, kind: "RELAIS" | "FNAVDL", orgs: string[]) {
  return s.db.convention.create({
    data: {
      kind, title, signedOn: day("2024-12-20"), startOn: day("2025-01-01"),
      parties: { create: orgs.map((organisationId, i) => ({ organisationId, roleLabel: `partie ${i + 1}`, partyRole: i === 0 ? "COMMUNE" : "ASSOCIATION", confirmedAt: day("2024-12-20") })) },
    },
    select: { id: true },
  });
}

/** `n` cases on a convention: due dates spread around TODAY (some equal, some overdue, some none), a few closed. */
async function addCases(conventionId: string, orgs: string[], n: number, tag: string) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const h = await s.db.household.create({
      data: { organisationId: ids.choisy, referenceFirstName: `Prénom${i}`, referenceLastName: `${tag}-${String(i).padStart(3, "0")}`, searchKey: `${tag} ${i}`, createdById: ids.choisyAgent },
      select: { id: true },
    });
    // i % 7 == 0: no open due date; otherwise from 20 days ago to ~40 days ahead, with ties (i % 5).
    const nextDueOn = i % 7 === 0 ? null : addDays(TODAY, (i % 5) * 9 - 20);
    const c = await s.db.case.create({
      data: {
        kind: "RELAIS", conventionId, householdId: h.id, createdByOrgId: ids.choisy, nextDueOn: nextDueOn ? day(nextDueOn) : null,
        closedOn: i % 6 === 0 ? day(addDays(TODAY, -3)) : null,
        referents: {
          create: [
            { organisationId: ids.aumv, personId: i % 2 === 0 ? ids.aumvAgent : ids.nadia },
            ...(i % 3 === 0 ? [{ organisationId: ids.choisy, personId: ids.choisyAgent }] : []),
          ],
        },
      },
      select: { id: true },
    });
    if (nextDueOn) {
      await s.db.obligation.createMany({
        data: [
          { ownerType: "CASE", ownerId: c.id, conventionId, key: "REL-7:visit:x", rule: "REL-7", messageKey: "relais.weeklyVisit", opensOn: day(addDays(nextDueOn, -6)), dueOn: day(nextDueOn), responsibleRole: "ASSOCIATION", visibleToOrgIds: orgs },
          { ownerType: "CASE", ownerId: c.id, conventionId, key: "REL-2:diagnostic", rule: "REL-2", messageKey: "relais.diagnostic", opensOn: day("2025-01-01"), dueOn: day("2025-02-01"), doneOn: day("2025-01-20"), responsibleRole: "ASSOCIATION", visibleToOrgIds: orgs },
        ],
      });
    }
    out.push(c.id);
  }
  return out;
}

async function walk(c: Awaited<ReturnType<typeof caller>>, f: Omit<CaseListFilters, "after"> = {}) {
  const rows: CaseListRow[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await listCases(c, { ...f, after }, TODAY);
    expect(page.rows.length).toBeLessThanOrEqual(CASE_PAGE_SIZE);
    rows.push(...page.rows);
    if (!page.hasMore) { expect(page.nextCursor).toBeNull(); return rows; }
    expect(page.rows).toHaveLength(CASE_PAGE_SIZE);
    after = page.nextCursor!;
  }
  throw new Error("pagination sans fin");
}

/** Expected order: nextDueOn ascending, cases without one last, then id. */
function sorted(rows: CaseListRow[]) {
  return [...rows].sort((a, b) => {
    const da = a.nextDueOn ?? "9999-99-99";
    const db = b.nextDueOn ?? "9999-99-99";
    return da !== db ? (da < db ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

let relais: string;
let fnavdl: string;
let relaisCases: string[];
let fnavdlCases: string[];

beforeAll(async () => {
  s = await seeded();
  ids = {
    choisy: s.org("choisy-le-roi"), aumv: s.org("aumv"), prefecture: s.org("prefecture-val-de-marne"),
    aumvAgent: s.person("agent@aumv.demo").id, choisyAgent: s.person("agent@choisy-le-roi.demo").id, nadia: s.person("nadia.benali@multi.demo").id,
  };
  relais = (await newConvention("Relais liste (test)", "RELAIS", [ids.choisy, ids.aumv])).id;
  fnavdl = (await newConvention("FNAVDL liste (test)", "FNAVDL", [ids.prefecture, ids.aumv])).id;
  relaisCases = await addCases(relais, [ids.choisy, ids.aumv], 58, "Relais");
  fnavdlCases = await addCases(fnavdl, [ids.prefecture, ids.aumv], 9, "Fnavdl");
});
afterAll(async () => { await s.db.$disconnect(); });

describe("case list: scope (ACC-1)", () => {
  it("ACC-1: a Valophis person sees none of the relais cases; an AUMV person sees them and the FNAVDL ones", async () => {
    const valophis = await walk(await caller("admin@valophis-habitat.demo", "valophis-habitat"));
    expect(valophis.filter((r) => relaisCases.includes(r.id) || fnavdlCases.includes(r.id))).toEqual([]);
    const aumv = (await walk(await caller("agent@aumv.demo", "aumv"))).map((r) => r.id);
    expect(aumv).toEqual(expect.arrayContaining([...relaisCases, ...fnavdlCases]));
  });

  it("ACC-1: the city sees its relais cases, not the FNAVDL ones it is no party to (not even by naming the convention)", async () => {
    const choisy = await caller("agent@choisy-le-roi.demo", "choisy-le-roi");
    const ids_ = (await walk(choisy)).map((r) => r.id);
    expect(ids_).toEqual(expect.arrayContaining(relaisCases));
    expect(ids_.filter((id) => fnavdlCases.includes(id))).toEqual([]);
    expect((await listCases(choisy, { convention: fnavdl }, TODAY)).rows).toEqual([]);
  });
});

describe("case list: order and keyset pages", () => {
  it("sorts by the nearest due date (none last, then id) and the pages cover every case exactly once", async () => {
    const aumv = await caller("agent@aumv.demo", "aumv");
    const rows = await walk(aumv);
    const mine = await s.db.conventionParty.findMany({ where: { organisationId: ids.aumv }, select: { conventionId: true } });
    const expected = await s.db.case.findMany({ where: { conventionId: { in: mine.map((p) => p.conventionId) } }, select: { id: true } });
    expect(rows.length).toBeGreaterThan(2 * CASE_PAGE_SIZE);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(rows.map((r) => r.id)).toEqual(sorted(rows).map((r) => r.id));
    expect(rows.findIndex((r) => r.nextDueOn === null)).toBeGreaterThan(0);
  });

  it("each row has its household, convention, referents and next obligation; no social detail", async () => {
    const rows = await walk(await caller("agent@aumv.demo", "aumv"), { convention: relais });
    const r = rows.find((x) => x.householdLastName === "Relais-003")!;
    expect(r).toMatchObject({ conventionTitle: "Relais liste (test)", conventionKind: "RELAIS", householdFirstName: "Prénom3", nextMessageKey: "relais.weeklyVisit" });
    expect(r.referents.map((p) => p.lastName).sort()).toEqual(["Benali", "Haddad"]);
    expect(Object.keys(r).sort()).toEqual(["closedOn", "conventionId", "conventionKind", "conventionTitle", "householdFirstName", "householdLastName", "id", "kind", "nextDueOn", "nextMessageKey", "overdue", "referents"]);
  });

  it("a cursor is opaque, and a forged one starts again from the first page", async () => {
    const aumv = await caller("agent@aumv.demo", "aumv");
    const first = await listCases(aumv, {}, TODAY);
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(first.nextCursor)).toEqual({ d: first.rows[24].nextDueOn, id: first.rows[24].id });
    expect(decodeCursor(encodeCursor({ d: null, id: "abc" }))).toEqual({ d: null, id: "abc" });
    for (const bad of ["%%%", Buffer.from('["2025-13", 5]').toString("base64url"), Buffer.from("[\"2025-01-01\",\"x'; --\"]").toString("base64url")]) {
      expect(decodeCursor(bad)).toBeNull();
      expect((await listCases(aumv, { after: bad }, TODAY)).rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });
});

describe("case list: filters", () => {
  it("« en retard »: exactly the cases whose earliest open due date is before today, as obligationStatus says", async () => {
    const aumv = await caller("agent@aumv.demo", "aumv");
    const all = await walk(aumv, { convention: relais });
    const late = await walk(aumv, { convention: relais, overdue: true });
    for (const r of all) expect(r.overdue).toBe(r.nextDueOn !== null && obligationStatus({ dueOn: r.nextDueOn, doneOn: null }, TODAY) === "overdue");
    expect(late.map((r) => r.id)).toEqual(all.filter((r) => r.overdue).map((r) => r.id));
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.nextDueOn! < TODAY)).toBe(true);
  });

  it("status, referent, convention and kind", async () => {
    const aumv = await caller("agent@aumv.demo", "aumv");
    const all = await walk(aumv, { convention: relais });
    expect(all.map((r) => r.id).sort()).toEqual([...relaisCases].sort());
    const closed = await walk(aumv, { convention: relais, status: "CLOSED" });
    const open = await walk(aumv, { convention: relais, status: "OPEN" });
    expect(closed.map((r) => r.id)).toEqual(all.filter((r) => r.closedOn !== null).map((r) => r.id));
    expect(open.map((r) => r.id)).toEqual(all.filter((r) => r.closedOn === null).map((r) => r.id));
    expect(closed.length).toBe(10);
    const nadia = await walk(aumv, { convention: relais, referent: ids.nadia });
    expect(nadia.map((r) => r.id)).toEqual(all.filter((r) => r.referents.some((p) => p.personId === ids.nadia)).map((r) => r.id));
    expect(nadia.length).toBe(29);
    const both = await walk(aumv, { convention: relais, referent: ids.choisyAgent, overdue: true, status: "OPEN" });
    expect(both.map((r) => r.id)).toEqual(all.filter((r) => r.overdue && !r.closedOn && r.referents.some((p) => p.personId === ids.choisyAgent)).map((r) => r.id));
    expect((await walk(aumv, { convention: fnavdl })).map((r) => r.id).sort()).toEqual([...fnavdlCases].sort());
    expect(await walk(aumv, { kind: "ASLLI" })).toEqual([]);
  });

  it("the filters' choices: conventions in scope and the persons of their parties", async () => {
    const o = await caseListOptions(await caller("agent@choisy-le-roi.demo", "choisy-le-roi"));
    expect(o.conventions.map((c) => c.id)).toContain(relais);
    expect(o.conventions.map((c) => c.id)).not.toContain(fnavdl);
    expect(o.referents.map((p) => p.personId)).toEqual(expect.arrayContaining([ids.aumvAgent, ids.choisyAgent, ids.nadia]));
    expect(o.referents.some((p) => p.organisationId === ids.prefecture)).toBe(false);
  });
});

describe("case list: a constant number of SQL queries per page", () => {
  it("one page costs the same number of queries for 5 and for 60 cases", async () => {
    let queries = 0;
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    counted.$on("query", () => { queries += 1; });
    try {
      const conv = (await newConvention("Relais comptage (test)", "RELAIS", [ids.choisy, ids.aumv])).id;
      const aumv = await caller("agent@aumv.demo", "aumv");
      const measure = async () => {
        const out: number[] = [];
        for (const f of [{ convention: conv }, { convention: conv, overdue: true }, { convention: conv, referent: ids.nadia, status: "OPEN" as const }, {}]) {
          queries = 0;
          const first = await listCases(aumv, f, TODAY, counted);
          out.push(queries);
          queries = 0;
          await listCases(aumv, { ...f, after: first.nextCursor ?? encodeCursor({ d: null, id: "0" }) }, TODAY, counted);
          out.push(queries);
        }
        queries = 0;
        await caseListOptions(aumv, counted);
        out.push(queries);
        return out;
      };
      await addCases(conv, [ids.choisy, ids.aumv], 5, "Petit");
      const small = await measure();
      await addCases(conv, [ids.choisy, ids.aumv], 55, "Grand");
      const large = await measure();
      expect(small.every((n) => n > 0)).toBe(true);
      expect(large).toEqual(small);
      expect(small.slice(0, -1).every((n) => n === 1)).toBe(true); // listCases: one query a page
      expect(small.at(-1)).toBe(2); // the filters' choices
    } finally {
      await counted.$disconnect();
    }
  });
});
