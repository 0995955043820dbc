import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import "@/lib/server/actions/households";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { actionRegistry } from "@/lib/server/action";
import { resolveCaller } from "@/lib/server/access";
import { HOUSEHOLD_FIELD_CLASSES, visibleClasses, visibleFields } from "@/lib/server/household-fields";
import { getHousehold, searchHouseholds } from "@/lib/server/households";
import { HOUSEHOLD_STALE_MESSAGE } from "@/lib/validation/households";
import { seedDemoHouseholds } from "@/prisma/demo-households";
import { rc, seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const AUMV = ["agent@aumv.demo", "aumv"] as const;
const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;

const run = (name: string, [email, org]: readonly [string, string], input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input);
async function caller([email, org]: readonly [string, string]) {
  const c = await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org);
  if (!c) throw new Error("caller attendu");
  return c;
}
const blank = {
  referenceBirthDate: "", members: [], resources: [], nur: "", housingSituation: "", commune: "",
  daloDecision: "", daloRecognisedOn: "", consentOn: "", consentBy: "",
};
async function create(lastName: string, firstName: string, more: Record<string, unknown> = {}) {
  const r = await run("households.create", CHOISY, { ...blank, referenceLastName: lastName, referenceFirstName: firstName, ...more });
  if (!r.ok) throw new Error(`création refusée : ${JSON.stringify(r)}`);
  return (r.data as { id: string }).id;
}
const full = {
  referenceBirthDate: "1986-04-12", nur: "0751 2009 9887 766", housingSituation: "HEBERGE_TIERS", commune: "Choisy-le-Roi",
  daloDecision: "LOGEMENT", daloRecognisedOn: "2025-11-02", consentOn: "2026-02-20", consentBy: "Hélène Martin",
  members: [{ lastName: "Martin", firstName: "Léa", birthDate: "2014-09-03", relationship: "ENFANT" }, { lastName: "Roux", firstName: "Marc", birthDate: "1984-01-10", relationship: "CONJOINT" }],
  resources: [{ source: "SALAIRE", amount: "1 234,58" }, { source: "PRESTATIONS_FAMILIALES", amount: "312,40" }],
};

describe("households: fields classified once (issue 6 §1, ACC-2)", () => {
  it("ACC-2: every scalar field of the household models is classified, and no class names a field that no longer exists", () => {
    const models = {
      Household: Prisma.HouseholdScalarFieldEnum, HouseholdMember: Prisma.HouseholdMemberScalarFieldEnum,
      HouseholdResource: Prisma.HouseholdResourceScalarFieldEnum, CaseText: Prisma.CaseTextScalarFieldEnum,
    } as const;
    for (const [model, fields] of Object.entries(models)) {
      const classified = HOUSEHOLD_FIELD_CLASSES[model as keyof typeof models] as Record<string, string>;
      expect(Object.keys(fields).filter((f) => !(f in classified)), `champs non classés de ${model}`).toEqual([]);
      expect(Object.keys(classified).filter((f) => !(f in fields)), `classes sans champ dans ${model}`).toEqual([]);
    }
    expect(HOUSEHOLD_FIELD_CLASSES.CaseText.sections).toBe("social");
  });

  it("ACC-2: owner and parties read identity and housing, a bailleur party only composition, resources, NUR and DALO; nobody reads social detail", () => {
    for (const v of [{ relation: "owner", orgKind: "COMMUNE" }, { relation: "party", orgKind: "ASSOCIATION" }, { relation: "owner", orgKind: "BAILLEUR" }] as const) {
      expect(visibleClasses(v)).toEqual({ classes: ["technical", "identity", "housing"], attributionOnly: false });
    }
    const bailleur = { relation: "party", orgKind: "BAILLEUR" } as const;
    expect(visibleClasses(bailleur).attributionOnly).toBe(true);
    expect([...visibleFields("Household", bailleur)].filter((f) => HOUSEHOLD_FIELD_CLASSES.Household[f] !== "technical").sort())
      .toEqual(["daloDecision", "daloRecognisedOn", "nur", "referenceBirthDate"]);
    expect([...visibleFields("HouseholdMember", bailleur)].sort()).toEqual(["birthDate", "householdId", "id", "relationship"]);
    expect([...visibleFields("HouseholdResource", bailleur)].sort()).toEqual(["householdId", "id", "monthlyCents", "source"]);
    expect(visibleFields("CaseText", { relation: "owner", orgKind: "ASSOCIATION" }).has("sections")).toBe(false);
  });
});

describe("households: search (issue 6 §1)", () => {
  it("accent- and case-insensitive: « helene » finds « Hélène », by a member's name too, and by NUR with or without spaces", async () => {
    const id = await create("Martin", "Hélène", full);
    const c = await caller(CHOISY);
    for (const q of ["helene", "HELENE martin", "hélène", "roux marc", "lea"]) {
      expect((await searchHouseholds(c, { q })).rows.map((r) => r.id), q).toContain(id);
    }
    expect((await searchHouseholds(c, { q: "0751 2009" })).rows.map((r) => r.id)).toEqual([id]);
    expect((await searchHouseholds(c, { q: "075120099887766" })).rows.map((r) => r.id)).toEqual([id]);
    expect((await searchHouseholds(c, { q: "helena" })).rows).toEqual([]);
    const row = (await searchHouseholds(c, { q: "helene" })).rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ lastName: "Martin", firstName: "Hélène", nur: "075120099887766", commune: "Choisy-le-Roi", persons: 3, children: 1, cases: 0, owned: true });
  });

  it("names in French order (« Émile » between « Durand » and « Fabre »), 25 a page", async () => {
    for (const [last, first] of [["Fabre", "Zéphyrin"], ["Émile", "Zéphyrin"], ["Durand", "Zéphyrin"], ["Duval", "Zéphyrin"], ["émery", "Zéphyrin"]]) await create(last, first);
    const c = await caller(CHOISY);
    const { rows, total } = await searchHouseholds(c, { q: "zephyrin" });
    expect(total).toBe(5);
    expect(rows.map((r) => r.lastName)).toEqual(["Durand", "Duval", "émery", "Émile", "Fabre"]);
    for (let i = 0; i < 26; i++) await create(`Pagination${String(i).padStart(2, "0")}`, "Yolande");
    const p1 = await searchHouseholds(c, { q: "yolande" });
    const p2 = await searchHouseholds(c, { q: "yolande", page: 2 });
    expect([p1.total, p1.rows.length, p2.rows.length]).toEqual([26, 25, 1]);
    expect(p2.rows[0].lastName).toBe("Pagination25");
  });
});

describe("households: search cost", () => {
  it("the list page costs the same number of queries with 3 or 40 households in the organisation", async () => {
    let queries = 0;
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    counted.$on("query", () => { queries += 1; });
    try {
      const c = await caller(AUMV);
      const measure = async (q?: string) => { queries = 0; await searchHouseholds(c, { q }, counted); return queries; };
      const few = [await measure(), await measure("bérénice")];
      const aumv = s.org("aumv");
      const createdById = s.person(AUMV[0]).id;
      await s.db.household.createMany({
        data: Array.from({ length: 40 }, (_, i) => ({ organisationId: aumv, createdById, referenceLastName: `Coût${i}`, referenceFirstName: "Bérénice", searchKey: `cout${i} berenice` })),
      });
      expect([await measure(), await measure("bérénice")]).toEqual(few);
      expect(few[0]).toBeLessThanOrEqual(2);
    } finally {
      await counted.$disconnect();
    }
  });
});

describe("households: who sees what (ACC-1, ACC-2)", () => {
  it("a Choisy household is invisible to AUMV and Valophis until a case under a convention they are party to links them", async () => {
    const id = await create("Lambert", "Noémie", full);
    const [aumv, valophis] = [await caller(AUMV), await caller(VALOPHIS)];
    for (const c of [aumv, valophis]) {
      expect(await getHousehold(c, id)).toBeNull();
      expect((await searchHouseholds(c, { q: "noemie" })).total).toBe(0);
      expect((await searchHouseholds(c, { q: "075120099887766" })).total).toBe(0);
    }
    // A relais case (Choisy ↔ AUMV): AUMV sees identity and housing, Valophis still nothing.
    await s.db.case.create({ data: { kind: "RELAIS", conventionId: s.convention("RELAIS"), householdId: id, createdByOrgId: s.org("choisy-le-roi") } });
    const seen = (await getHousehold(aumv, id))!;
    expect(seen).toMatchObject({ owned: false, referenceLastName: "Lambert", referenceFirstName: "Noémie", commune: "Choisy-le-Roi", housingSituation: "HEBERGE_TIERS", consentBy: "Hélène Martin", nur: "075120099887766" });
    expect(seen.members.map((m) => m.firstName).sort()).toEqual(["Léa", "Marc"]);
    expect(seen.cases).toHaveLength(1);
    expect((await searchHouseholds(aumv, { q: "noemie lambert" })).rows.map((r) => r.cases)).toEqual([1]);
    expect(await getHousehold(valophis, id)).toBeNull();
    // A candidature under the réservation convention (Choisy ↔ Valophis): the bailleur sees only what attribution needs.
    await s.db.case.create({ data: { kind: "RESERVATION_FLUX", conventionId: s.convention("RESERVATION_FLUX"), householdId: id, createdByOrgId: s.org("choisy-le-roi") } });
    const b = (await getHousehold(valophis, id))!;
    expect(b.visibility.attributionOnly).toBe(true);
    expect(b).toMatchObject({ nur: "075120099887766", daloDecision: "LOGEMENT", daloRecognisedOn: "2025-11-02", referenceBirthDate: "1986-04-12" });
    for (const hidden of ["referenceLastName", "referenceFirstName", "commune", "housingSituation", "consentOn", "consentBy"]) expect(b, hidden).not.toHaveProperty(hidden);
    expect(b.members.map((m) => Object.keys(m).sort())).toEqual([["birthDate", "id", "relationship"], ["birthDate", "id", "relationship"]]);
    expect(b.resources.map((r) => r.monthlyCents)).toEqual([123_458, 31_240]);
    expect(b.cases.map((c) => c.kind)).toEqual(["RESERVATION_FLUX"]);
    expect(JSON.stringify(b)).not.toMatch(/Lambert|Noémie|Léa|Marc/);
    // The bailleur finds it by NUR, never by a name it may not see; the row carries no name.
    expect((await searchHouseholds(valophis, { q: "lambert" })).total).toBe(0);
    const [row] = (await searchHouseholds(valophis, { q: "075120099887766" })).rows;
    expect(row).toMatchObject({ id, nur: "075120099887766", persons: 3, children: 1, cases: 1 });
    expect(row).not.toHaveProperty("lastName");
    expect(row).not.toHaveProperty("commune");
    // Choisy, party to both conventions, counts both cases.
    expect((await getHousehold(await caller(CHOISY), id))!.cases).toHaveLength(2);
  });

  it("only the owner organisation edits: a party is refused, an outsider gets not-found", async () => {
    const id = await create("Propriété", "Ninon");
    await s.db.case.create({ data: { kind: "RELAIS", conventionId: s.convention("RELAIS"), householdId: id, createdByOrgId: s.org("choisy-le-roi") } });
    const input = { ...blank, householdId: id, version: 0, referenceLastName: "Changé", referenceFirstName: "Ninon" };
    expect(await run("households.update", AUMV, input)).toMatchObject({ ok: false, code: "invalid", message: "Seule l'organisation qui a enregistré ce ménage peut le modifier." });
    expect(await run("households.update", VALOPHIS, input)).toMatchObject({ ok: false, code: "not-found" });
    expect(await run("households.update", ["lecteur@choisy-le-roi.demo", "choisy-le-roi"], input)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await s.db.household.findUniqueOrThrow({ where: { id } })).referenceLastName).toBe("Propriété");
  });
});

describe("households: writes (issue 6 §1, §6)", () => {
  it("NUR stored upper case without spaces; anything but 10 to 20 letters and digits is refused next to the field", async () => {
    const id = await create("Nur", "Élodie", { nur: " 094 aB12 3456 " });
    expect((await s.db.household.findUniqueOrThrow({ where: { id } })).nur).toBe("094AB123456");
    for (const nur of ["12345", "094-112-345-678", "0".repeat(21)]) {
      const r = await run("households.create", CHOISY, { ...blank, referenceLastName: "Nur", referenceFirstName: "Refus", nur });
      expect(r.ok, nur).toBe(false);
      expect((r as { fieldErrors?: Record<string, string[]> }).fieldErrors?.nur?.[0]).toMatch(/doit comporter 10 à 20 lettres ou chiffres/);
    }
  });

  it("bad input is refused in French, field by field: future birth date, amount, missing names, DALO without date", async () => {
    const r = await run("households.create", CHOISY, {
      ...blank, referenceLastName: " ", referenceFirstName: "Jeanne", referenceBirthDate: "2999-01-01", daloDecision: "LOGEMENT",
      members: [{ lastName: "X", firstName: "Y", birthDate: "2031-02-30", relationship: "ENFANT" }], resources: [{ source: "RSA", amount: "six cents" }],
    });
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    const fe = (r as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fe.referenceLastName).toEqual(["Indiquez le nom."]);
    expect(fe["members.0.birthDate"]).toEqual(["Date de naissance : date invalide."]);
    expect(fe["resources.0.amount"]).toEqual(["Montant mensuel en euros attendu, par exemple 1 234,58."]);
    // Checks across fields run once each field is well formed.
    const dalo = await run("households.create", CHOISY, { ...blank, referenceLastName: "Dalo", referenceFirstName: "Jeanne", daloDecision: "LOGEMENT", consentBy: "Jeanne Dalo" });
    expect(dalo).toMatchObject({ ok: false, fieldErrors: { daloRecognisedOn: ["Indiquez la date de la décision DALO."], consentOn: ["Indiquez la date du consentement."] } });
    const future = await run("households.create", CHOISY, { ...blank, referenceLastName: "Futur", referenceFirstName: "Jeanne", referenceBirthDate: "2999-01-01" });
    expect(future).toMatchObject({ ok: false, fieldErrors: { referenceBirthDate: ["La date de naissance ne peut pas être dans le futur."] } });
  });

  it("concurrent edits: the second save on the same version is refused with the French message; members and resources are replaced", async () => {
    const id = await create("Concurrence", "Paul", full);
    const edit = (firstName: string) => run("households.update", CHOISY, {
      ...full, householdId: id, version: 0, referenceLastName: "Concurrence", referenceFirstName: firstName,
      members: [{ lastName: "Concurrence", firstName: "Jules", birthDate: "", relationship: "ENFANT" }], resources: [{ source: "RSA", amount: "646,52" }],
    });
    const results = await Promise.all([edit("Pierre"), edit("Jacques")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "invalid", message: HOUSEHOLD_STALE_MESSAGE, fieldErrors: undefined });
    const h = await s.db.household.findUniqueOrThrow({ where: { id }, include: { members: true, resources: true } });
    expect(h.version).toBe(1);
    expect(h.members.map((m) => m.firstName)).toEqual(["Jules"]);
    expect(h.resources.map((r) => [r.source, r.monthlyCents])).toEqual([["RSA", 64_652]]);
    expect(h.searchKey).toBe(`concurrence ${h.referenceFirstName.toLowerCase()} concurrence jules`);
  });

  it("ACC-3: every write is audited with the names of the fields, never their values", async () => {
    const id = await create("Audit", "Hélène", full);
    const r = await run("households.update", CHOISY, { ...full, householdId: id, version: 0, referenceLastName: "Audit", referenceFirstName: "Hélène", commune: "Vitry-sur-Seine", resources: [] });
    expect(r.ok).toBe(true);
    const events = await s.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityType, e.actorId, e.organisationId])).toEqual([
      ["household.create", "Household", s.person(CHOISY[0]).id, s.org("choisy-le-roi")],
      ["household.update", "Household", s.person(CHOISY[0]).id, s.org("choisy-le-roi")],
    ]);
    expect(events[0].fields).toEqual(["referenceLastName", "referenceFirstName", "referenceBirthDate", "nur", "housingSituation", "commune", "daloDecision", "daloRecognisedOn", "consentOn", "consentBy", "members", "resources"]);
    expect(events[1].fields).toEqual(["commune", "resources"]);
    expect(JSON.stringify(events.map((e) => [e.action, e.fields]))).not.toMatch(/Hélène|Audit"|Vitry|075120099887766|123458/);
  });
});

describe("households: demo", () => {
  it("the demo households of Choisy are written, searchable without accents and in French order", async () => {
    const ids = await s.db.$transaction((tx) =>
      seedDemoHouseholds(tx, { orgId: s.org, personId: (e) => s.person(e).id, today: TODAY }));
    expect(Object.keys(ids).length).toBeGreaterThanOrEqual(12);
    const c = await caller(CHOISY);
    expect((await searchHouseholds(c, { q: "helene martin" })).rows.map((r) => r.id)).toContain(ids["Hélène Martin"]);
    const h = (await getHousehold(c, ids["Hélène Martin"]))!;
    expect(h.resources.reduce((n, r) => n + r.monthlyCents!, 0)).toBe(154_698);
    expect(h.daloRecognisedOn! < TODAY && h.consentOn! < TODAY).toBe(true);
    expect(await getHousehold(await caller(AUMV), ids["Hélène Martin"])).toBeNull();
  });
});
