// Issue 14 §3 — the audit view of an organisation (AUMV here) for its ADMINs: its members' events for it, and anyone's
// events on its own households, their cases and its conventions; never another organisation's members' events on data
// that is not AUMV's (a person member of both acting for the other included). The export holds the filtered rows only;
// viewing and exporting are audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/table";
import { auditView, cleanFilters } from "@/lib/server/access";
import { auditExport } from "@/lib/server/audit-view";
import { callerAs, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
const ids: Record<string, string> = {};

/** One arranged event, named by its action `t14.<name>`. */
async function event(name: string, who: string, org: string, entityType: string, entityId: string, at = "2026-02-10T09:00:00Z") {
  await s.db.auditEvent.create({ data: { action: `t14.${name}`, actorId: s.person(who).id, organisationId: s.org(org), entityType, entityId, fields: ["x"], at: new Date(at) } });
}

const SEEN = ["aumvMember", "choisyOnAumvHousehold", "choisyOnAumvCase", "choisyOnSharedConvention", "prefectureOnFnavdl"];
const HIDDEN = ["choisyOnChoisyHousehold", "valophisOnReservation", "nadiaForFnars", "prefectureOnChoisyCase", "ushOnCadre"];

beforeAll(async () => {
  s = await seeded();
  const household = async (org: string) => (await s.db.household.findFirstOrThrow({ where: { organisationId: s.org(org) }, orderBy: { id: "asc" } })).id;
  ids.aumvHousehold = await household("aumv");
  ids.choisyHousehold = await household("choisy-le-roi");
  ids.aumvCase = (await s.db.case.findFirstOrThrow({ where: { household: { organisationId: s.org("aumv") } } })).id;
  ids.choisyCase = (await s.db.case.findFirstOrThrow({ where: { household: { organisationId: s.org("choisy-le-roi") } } })).id;
  ids.relais = s.convention("RELAIS");
  ids.reservation = s.convention("RESERVATION_FLUX");
  ids.cadre = s.convention("CADRE");
  ids.fnavdl = s.convention("FNAVDL");
  await event("aumvMember", "agent@aumv.demo", "aumv", "Dwelling", "anything");
  await event("choisyOnAumvHousehold", "agent@choisy-le-roi.demo", "choisy-le-roi", "Household", ids.aumvHousehold, "2026-02-15T10:00:00Z");
  await event("choisyOnAumvCase", "agent@choisy-le-roi.demo", "choisy-le-roi", "Case", ids.aumvCase);
  await event("choisyOnSharedConvention", "agent@choisy-le-roi.demo", "choisy-le-roi", "Convention", ids.relais);
  await event("prefectureOnFnavdl", "agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne", "Convention", ids.fnavdl);
  await event("choisyOnChoisyHousehold", "agent@choisy-le-roi.demo", "choisy-le-roi", "Household", ids.choisyHousehold);
  await event("valophisOnReservation", "agent@valophis-habitat.demo", "valophis-habitat", "Convention", ids.reservation);
  // A member of AUMV and of FNARS Midi-Pyrénées, acting for FNARS on FNARS's convention: not AUMV's business.
  await event("nadiaForFnars", "nadia.benali@multi.demo", "fnars-midi-pyrenees", "Convention", ids.cadre);
  // The relais case of a Ville household: AUMV works it, but the household is the Ville's.
  await event("prefectureOnChoisyCase", "agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne", "Case", ids.choisyCase);
  await event("ushOnCadre", "admin@ush-midi-pyrenees.demo", "ush-midi-pyrenees", "Convention", ids.cadre);
});
afterAll(async () => { await s.db.$disconnect(); });

const names = (rows: { action: string }[]) => rows.map((r) => r.action).filter((a) => a.startsWith("t14.")).map((a) => a.slice(4));

describe("audit view", () => {
  it("ACC-3, ACC-1: AUMV's ADMIN sees its members' events and anyone's on its households, their cases and its conventions — never another organisation's members' events on data that is not AUMV's", async () => {
    const admin = await callerAs(s, ["admin@aumv.demo", "aumv"]);
    const table = (await auditExport(admin, {}, "csv"))!;
    const seen = names(table.rows.map((r) => ({ action: String(r.action) })));
    expect(seen.sort()).toEqual([...SEEN].sort());
    for (const hidden of HIDDEN) expect(seen).not.toContain(hidden);
    // The same rule page by page (keyset): every page obeys it and no event appears twice.
    const all: string[] = [];
    let before: string | undefined;
    for (let n = 0; n < 50; n++) {
      const v = (await auditView(admin, {}, before))!;
      all.push(...v.rows.map((r) => r.id));
      for (const hidden of HIDDEN) expect(names(v.rows)).not.toContain(hidden);
      if (!v.next) break;
      before = v.next;
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(SEEN.length);
  });

  it("ACC-1: the rule holds the other way round and for every filter: the Ville's ADMIN never sees AUMV's member acting for AUMV on AUMV's data", async () => {
    const choisy = await callerAs(s, ["admin@choisy-le-roi.demo", "choisy-le-roi"]);
    const seen = names((await auditExport(choisy, {}, "csv"))!.rows.map((r) => ({ action: String(r.action) })));
    expect(seen.sort()).toEqual(["choisyOnAumvCase", "choisyOnAumvHousehold", "choisyOnChoisyHousehold", "choisyOnSharedConvention", "prefectureOnChoisyCase", "valophisOnReservation"]);
    // Filtering on a person or an entity of another organisation cannot widen the view.
    const admin = await callerAs(s, ["admin@aumv.demo", "aumv"]);
    expect(names((await auditView(admin, { personne: s.person("nadia.benali@multi.demo").id }, undefined))!.rows)).toEqual([]);
    expect(names((await auditView(admin, { entite: "Convention", objet: ids.cadre }, undefined))!.rows)).toEqual([]);
    expect(names((await auditView(admin, { entite: "Household", objet: ids.choisyHousehold }, undefined))!.rows)).toEqual([]);
  });

  it("ACC-4: only an ADMIN opens the view or its export (an agent or a reader gets nothing, as 404)", async () => {
    expect(await auditView(await callerAs(s, ["agent@aumv.demo", "aumv"]), {}, undefined)).toBeNull();
    expect(await auditExport(await callerAs(s, ["lecteur@aumv.demo", "aumv"]), {}, "csv")).toBeNull();
  });

  it("ACC-3: filters by person, entity, action and date; the export contains the filtered rows only", async () => {
    const admin = await callerAs(s, ["admin@aumv.demo", "aumv"]);
    const choisyAgent = s.person("agent@choisy-le-roi.demo").id;
    expect(names((await auditView(admin, { personne: choisyAgent }, undefined))!.rows).sort()).toEqual(["choisyOnAumvCase", "choisyOnAumvHousehold", "choisyOnSharedConvention"]);
    expect(names((await auditView(admin, { entite: "Convention", action: "t14." }, undefined))!.rows).sort()).toEqual(["choisyOnSharedConvention", "prefectureOnFnavdl"]);
    expect(names((await auditView(admin, { entite: "Case", objet: ids.aumvCase, action: "t14." }, undefined))!.rows)).toEqual(["choisyOnAumvCase"]);
    // Paris calendar days: 15 February 2026 only.
    const day = cleanFilters({ du: "2026-02-15", au: "2026-02-15", action: "t14." });
    expect(names((await auditView(admin, day, undefined))!.rows)).toEqual(["choisyOnAumvHousehold"]);
    const filtered = (await auditExport(admin, { personne: choisyAgent, action: "t14." }, "csv"))!;
    expect(filtered.rows).toHaveLength(3);
    const agent = await s.db.person.findUniqueOrThrow({ where: { id: choisyAgent } });
    expect(filtered.rows.every((r) => r.person === `${agent.firstName} ${agent.lastName}` && String(r.action).startsWith("t14."))).toBe(true);
    const csv = toCsv([filtered]);
    expect(csv.split("\r\n").filter((l) => l.includes("t14.")).length).toBe(3);
    expect(csv).not.toContain("t14.aumvMember");
    // Ill-formed filters are ignored, never an error.
    expect(cleanFilters({ du: "2026-02-30", entite: "Nope", action: "a b", personne: "x'; --" })).toEqual({ personne: undefined, entite: undefined, objet: undefined, action: undefined, du: undefined, au: undefined });
  });

  it("ACC-3: viewing the journal is itself audited (audit.view, with the names of the filters only) and shows first", async () => {
    const admin = await callerAs(s, ["admin@aumv.demo", "aumv"]);
    const before = await s.db.auditEvent.count({ where: { action: "audit.view", actorId: admin.personId } });
    const v = (await auditView(admin, {}, undefined))!;
    expect(await s.db.auditEvent.count({ where: { action: "audit.view", actorId: admin.personId } })).toBe(before + 1);
    expect(v.rows[0]).toMatchObject({ action: "audit.view", personId: admin.personId, organisation: "AUMV – Aide d'Urgence du Val-de-Marne" });
    await auditView(admin, { personne: admin.personId, action: "t14." }, undefined);
    const last = await s.db.auditEvent.findFirstOrThrow({ where: { action: "audit.view" }, orderBy: { id: "desc" } });
    expect(last.fields.sort()).toEqual(["action", "personne"]);
    await auditExport(admin, { action: "t14." }, "xlsx");
    expect((await s.db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).action).toBe("audit.export");
  });
});
