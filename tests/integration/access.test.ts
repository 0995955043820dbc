import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConvention, listConventions, resolveCaller } from "@/lib/server/access";
import { seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

async function caller(email: string, org: string) {
  const p = s.person(email);
  const c = await resolveCaller({ personId: p.id, sessionVersion: p.sessionVersion }, org);
  if (!c) throw new Error("caller attendu");
  return c;
}

describe("ACC-1: a person sees only the conventions of their organisation", () => {
  it("ACC-1: the city sees its three conventions (two relais, the réservation), not the others", async () => {
    const c = await caller("agent@choisy-le-roi.demo", "choisy-le-roi");
    const { rows, total } = await listConventions(c, {}, TODAY);
    expect(total).toBe(3);
    expect(rows.map((r) => r.kind).sort()).toEqual(["RELAIS", "RELAIS", "RESERVATION_FLUX"]);
  });

  it("ACC-1: a person of AUMV cannot read the Choisy–Valophis réservation convention", async () => {
    const c = await caller("admin@aumv.demo", "aumv");
    expect(await findConvention(c, s.convention("RESERVATION_FLUX"), TODAY)).toBeNull();
    const { rows } = await listConventions(c, { q: "Valophis" }, TODAY);
    expect(rows).toHaveLength(0);
    // But AUMV does read its own relais and FNAVDL conventions.
    expect(await findConvention(c, s.convention("RELAIS"), TODAY)).not.toBeNull();
    expect(await findConvention(c, s.convention("FNAVDL"), TODAY)).not.toBeNull();
  });

  it("ACC-1: a person of Valophis cannot read the relais convention", async () => {
    const c = await caller("admin@valophis-habitat.demo", "valophis-habitat");
    expect(await findConvention(c, s.convention("RELAIS"), TODAY)).toBeNull();
    expect(await findConvention(c, s.convention("RESERVATION_FLUX"), TODAY)).not.toBeNull();
    expect((await listConventions(c, {}, TODAY)).rows.map((r) => r.kind)).toEqual(["RESERVATION_FLUX"]);
  });

  it("ACC-1: membership of another organisation does not open its data (the URL names the organisation)", async () => {
    const p = s.person("agent@aumv.demo");
    expect(await resolveCaller({ personId: p.id, sessionVersion: 0 }, "choisy-le-roi")).toBeNull();
    expect(await resolveCaller({ personId: p.id, sessionVersion: 0 }, "organisation-inexistante")).toBeNull();
  });

  it("ACC-4: the two-organisation person has a different role in each", async () => {
    const a = await caller("nadia.benali@multi.demo", "aumv");
    const f = await caller("nadia.benali@multi.demo", "fnars-midi-pyrenees");
    expect([a.role, f.role]).toEqual(["AGENT", "READER"]);
    expect(a.memberships.map((m) => m.slug).sort()).toEqual(["aumv", "fnars-midi-pyrenees"]);
    expect((await listConventions(f, {}, TODAY)).rows.map((r) => r.kind)).toEqual(["CADRE"]);
  });

  it("ACC-4: a removed member loses access at their next request; an old session version is refused", async () => {
    const p = s.person("lecteur@aumv.demo");
    expect(await resolveCaller({ personId: p.id, sessionVersion: 0 }, "aumv")).not.toBeNull();
    await s.db.membership.deleteMany({ where: { personId: p.id } });
    expect(await resolveCaller({ personId: p.id, sessionVersion: 0 }, "aumv")).toBeNull();
    const q = s.person("agent@valophis-habitat.demo");
    await s.db.person.update({ where: { id: q.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveCaller({ personId: q.id, sessionVersion: 0 }, "valophis-habitat")).toBeNull();
    expect(await resolveCaller({ personId: q.id, sessionVersion: 1 }, "valophis-habitat")).not.toBeNull();
  });

  it("lists paginate, filter by kind and sort, in a constant number of queries", async () => {
    const c = await caller("admin@choisy-le-roi.demo", "choisy-le-roi");
    const byTitle = await listConventions(c, { sort: "title", dir: "asc" }, TODAY);
    expect(byTitle.rows[0].kind).toBe("RESERVATION_FLUX"); // « Convention bilatérale… » before « Logement relais… »
    expect((await listConventions(c, { kind: "RELAIS" }, TODAY)).rows.map((r) => r.kind)).toEqual(["RELAIS", "RELAIS"]);
    expect((await listConventions(c, { page: 2 }, TODAY)).rows).toHaveLength(0);
  });
});
