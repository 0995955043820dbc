// Issue 8 §1 and §3 — the household's right of access (export) and the read log, on the demo tenant:
// AUMV owns its FNAVDL households (parties: the préfecture and AUMV); Choisy owns its relais households
// (parties: Choisy and AUMV; referents: Choisy's agent and AUMV's agent).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import { EVENT_LABELS } from "@/lib/domain";
import { resolveCaller } from "@/lib/server/access";
import { computeSearchKey } from "@/lib/server/households";
import { handleHouseholdExport, householdExport, renderExportHtml, type HouseholdExport } from "@/lib/server/household-export";
import { householdReadLog, memberReadLog, READ_LOG_PAGE_SIZE } from "@/lib/server/read-log";
import { rc, seeded, TODAY } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
/** AUMV's FNAVDL household (closed case, diagnostic text, members, resources). */
let pereira: { householdId: string; caseId: string; conventionId: string };
/** Choisy's relais household whose case has AUMV's diagnostic (kept by AUMV) and bilans sent to the Ville. */
let choisy: { householdId: string; caseId: string };

const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;
const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input);
const showSocialDetail = async (email: string, org: string, caseId: string) => expect(await run("cases.showSocialDetail", email, org, { caseId })).toMatchObject({ ok: true });
const exportReq = (org: string, id: string, format: "json" | "html") => new Request(`http://localhost:3000/api/o/${org}/menages/${id}/export?format=${format}`);
const exports = () => s.db.auditEvent.count({ where: { action: "household.export" } });

beforeAll(async () => {
  s = await seeded();
  const p = await s.db.case.findFirstOrThrow({ where: { kind: "FNAVDL", household: { organisationId: s.org("aumv"), referenceLastName: "Pereira" } } });
  pereira = { householdId: p.householdId, caseId: p.id, conventionId: p.conventionId };
  const c = await s.db.case.findFirstOrThrow({
    where: {
      kind: "RELAIS", convention: { title: { startsWith: "Logement relais avec accompagnement social" } },
      AND: [{ texts: { some: { kind: "DIAGNOSTIC" } } }, { texts: { some: { kind: "FINAL_BILAN" } } }],
    },
  });
  choisy = { householdId: c.householdId, caseId: c.id };
  // A document on Pereira's case (the export lists it, without its bytes).
  await s.db.storedBlob.create({ data: { key: "data-access/pereira-bail", bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) } });
  await s.db.document.create({
    data: {
      conventionId: pereira.conventionId, caseId: pereira.caseId, category: "OTHER", fileName: "bail-pereira.pdf", mimeType: "application/pdf", sizeBytes: 4, sha256: "0".repeat(64),
      storageKey: "data-access/pereira-bail", uploadedById: s.person("agent@aumv.demo").id, uploadedByOrgId: s.org("aumv"),
    },
  });
  // ACC-3: reads of social detail, by AUMV's referent and the préfecture's agent (Pereira), and by both referents (Choisy).
  await showSocialDetail("agent@aumv.demo", "aumv", pereira.caseId);
  await showSocialDetail("agent@prefecture-val-de-marne.demo", "prefecture-val-de-marne", pereira.caseId);
  await showSocialDetail("agent@choisy-le-roi.demo", "choisy-le-roi", choisy.caseId);
  await showSocialDetail("agent@aumv.demo", "aumv", choisy.caseId);
});
afterAll(async () => { await s.db.$disconnect(); });

describe("issue 8 §1: the household's right of access", () => {
  it("ACC-1: only an ADMIN of the owner organisation exports; an AGENT, a READER, a party's ADMIN and an outsider get null (404)", async () => {
    const refused: [string, string, string][] = [
      ["agent@aumv.demo", "aumv", pereira.householdId], // AGENT of the owner organisation
      ["lecteur@aumv.demo", "aumv", pereira.householdId], // READER of the owner organisation
      ["admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne", pereira.householdId], // ADMIN of the other party to its FNAVDL case
      ["admin@aumv.demo", "aumv", choisy.householdId], // ADMIN of the association party to Choisy's relais case
      ["admin@valophis-habitat.demo", "valophis-habitat", pereira.householdId], // outsider
      ["admin@aumv.demo", "aumv", "un-identifiant-inconnu"],
    ];
    for (const [email, org, id] of refused) expect(await householdExport(await caller(email, org), id, TODAY), `${email} → ${id}`).toBeNull();
    expect(await householdExport(await caller("admin@aumv.demo", "aumv"), pereira.householdId, TODAY)).not.toBeNull();
  });

  it("the owner's ADMIN gets identity, housing data, cases, events, documents' list, social detail and the read log", async () => {
    const x = (await householdExport(await caller("admin@aumv.demo", "aumv"), pereira.householdId, TODAY))!;
    expect(x.generatedOn).toBe(TODAY);
    expect(x.household).toMatchObject({
      reference: { firstName: "Sandra", lastName: "Pereira", birthDate: "1990-08-03" }, nur: "094112300961345", commune: "Orly", purgedOn: null,
      dalo: { decision: expect.any(String), recognisedOn: expect.any(String) },
    });
    expect(x.household.members.map((m) => m.firstName).sort()).toEqual(["Lucas", "Maëlys"]);
    expect(x.household.resources).toHaveLength(3);
    expect(x.cases).toHaveLength(1);
    const c = x.cases[0];
    expect(c.kind).toBe("FNAVDL");
    expect(c.closedOn).not.toBeNull();
    const stored = await s.db.caseEvent.findMany({ where: { caseId: pereira.caseId }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] });
    expect(c.events.map((e) => [e.on, e.step])).toEqual(stored.map((e) => [e.on.toISOString().slice(0, 10), EVENT_LABELS[e.type] ?? e.type]));
    expect(c.events.map((e) => e.step)).toContain(EVENT_LABELS.PRESCRIPTION);
    const aumvName = (await s.db.organisation.findUniqueOrThrow({ where: { id: s.org("aumv") } })).name;
    expect(c.documents).toEqual([{ fileName: "bail-pereira.pdf", category: "OTHER", addedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), addedBy: aumvName }]);
    // AUMV wrote the diagnostic: its content is in the export.
    const diag = c.texts.find((t) => t.sections !== null && t.sections.some((sec) => sec.text.includes("Mère seule avec deux enfants")));
    expect(diag).toMatchObject({ heldBy: null });
    // ACC-3: both reads, with who and which organisation, oldest first.
    expect(x.readLog).toHaveLength(2);
    const aumvAgent = await s.db.person.findUniqueOrThrow({ where: { email: "agent@aumv.demo" } });
    const prefAgent = await s.db.person.findUniqueOrThrow({ where: { email: "agent@prefecture-val-de-marne.demo" } });
    expect(x.readLog.map((r) => r.person)).toEqual([`${aumvAgent.firstName} ${aumvAgent.lastName}`, `${prefAgent.firstName} ${prefAgent.lastName}`]);
    const orgs = await s.db.organisation.findMany({ where: { slug: { in: ["aumv", "prefecture-val-de-marne"] } }, orderBy: { slug: "asc" } });
    expect(x.readLog.map((r) => r.organisation)).toEqual(orgs.map((o) => o.name));
    expect(x.readLog.every((r) => r.caseNumber === c.number && !Number.isNaN(Date.parse(r.at)))).toBe(true);
  });

  it("ACC-2: texts written by another organisation are listed without content unless sent to the owner (Choisy: AUMV's diagnostic withheld, bilans included)", async () => {
    const x = (await householdExport(await caller("admin@choisy-le-roi.demo", "choisy-le-roi"), choisy.householdId, TODAY))!;
    const aumvName = (await s.db.organisation.findUniqueOrThrow({ where: { id: s.org("aumv") } })).name;
    const texts = x.cases.flatMap((c) => c.texts);
    const diagnostic = texts.find((t) => t.kind === "Bilan diagnostic")!;
    expect(diagnostic).toMatchObject({ author: aumvName, sections: null, heldBy: aumvName, sentTo: [] });
    const bilans = texts.filter((t) => t.kind === "Bilan intermédiaire" || t.kind === "Bilan final");
    expect(bilans.length).toBeGreaterThanOrEqual(2);
    for (const b of bilans) {
      expect(b.heldBy).toBeNull();
      expect(b.sections).toEqual([{ label: "Bilan", text: expect.stringContaining("plan d'apurement") }]);
    }
    // Nothing of the diagnostic's content is in the file.
    const html = renderExportHtml(x);
    expect(html).not.toContain("dette locative de 2 400");
    expect(html).toContain(`Contenu détenu par ${aumvName.replace(/'/g, "&#39;")}`);
    expect(x.readLog).toHaveLength(2);
  });
});

describe("issue 8 §1: GET /api/o/[org]/menages/[id]/export", () => {
  it("200 with the JSON for the owner's ADMIN, audited with the format; 404 for anyone else, nothing audited", async () => {
    const before = await exports();
    const admin = s.person("admin@aumv.demo");
    const res = await handleHouseholdExport(rc(admin), { org: "aumv", id: pereira.householdId }, exportReq("aumv", pereira.householdId, "json"), TODAY);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toContain("no-store");
    expect(res.headers.get("Content-Disposition")).toContain(`donnees-menage-Pereira-${TODAY}.json`);
    const body = (await res.json()) as HouseholdExport;
    expect(body.household.reference.lastName).toBe("Pereira");
    expect(body.cases[0].events.length).toBeGreaterThan(3);
    expect(body.readLog).toHaveLength(2);
    expect(await exports()).toBe(before + 1);
    const ev = await s.db.auditEvent.findFirstOrThrow({ where: { action: "household.export" }, orderBy: { id: "desc" } });
    expect(ev).toMatchObject({ actorId: admin.id, organisationId: s.org("aumv"), entityType: "Household", entityId: pereira.householdId, fields: ["json"] });

    const denied: [string, string, string][] = [
      ["agent@aumv.demo", "aumv", pereira.householdId],
      ["admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne", pereira.householdId],
      ["admin@valophis-habitat.demo", "aumv", pereira.householdId], // not a member of AUMV
      ["admin@valophis-habitat.demo", "valophis-habitat", pereira.householdId],
      ["admin@aumv.demo", "aumv", choisy.householdId],
      ["admin@aumv.demo", "aumv", "inconnu"],
    ];
    for (const [email, org, id] of denied) {
      const r = await handleHouseholdExport(rc(s.person(email)), { org, id }, exportReq(org, id, "json"), TODAY);
      expect(r.status, `${email} ${org} ${id}`).toBe(404);
      expect(await r.text()).not.toContain("Pereira");
    }
    expect((await handleHouseholdExport(rc(null), { org: "aumv", id: pereira.householdId }, exportReq("aumv", pereira.householdId, "json"), TODAY)).status).toBe(401);
    expect(await exports()).toBe(before + 1);
  });

  it("the HTML file is self-contained and escapes what the household's data holds", async () => {
    const name = "<script>alert(1)</script>";
    const h = await s.db.household.create({
      data: {
        organisationId: s.org("aumv"), referenceFirstName: "Eve", referenceLastName: name, searchKey: computeSearchKey({ referenceFirstName: "Eve", referenceLastName: name, members: [] }),
        commune: `"><img src=x onerror=alert(2)>`, createdById: s.person("agent@aumv.demo").id,
        members: { create: [{ firstName: "<b>Bob</b>", lastName: "O'Hara & fils", relationship: "ENFANT" }] },
      },
    });
    const res = await handleHouseholdExport(rc(s.person("admin@aumv.demo")), { org: "aumv", id: h.id }, exportReq("aumv", h.id, "html"), TODAY);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    const html = await res.text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Bob");
    expect(html).toContain("O&#39;Hara &amp; fils");
    expect(html).toContain("Aucun dossier.");
    const ev = await s.db.auditEvent.findFirstOrThrow({ where: { action: "household.export", entityId: h.id } });
    expect(ev.fields).toEqual(["html"]);
  });
});

describe("issue 8 §3, ACC-3: the read log", () => {
  it("on a household: its organisation's ADMIN and its cases' referents see every read, from any organisation; others get null (404)", async () => {
    for (const [email, org] of [
      ["admin@valophis-habitat.demo", "valophis-habitat"], // outsider
      ["nadia.benali@multi.demo", "aumv"], // AGENT of the other party, not a referent
      ["admin@aumv.demo", "aumv"], // ADMIN of the other party, not a referent
    ] as const) {
      expect(await householdReadLog(await caller(email, org), choisy.householdId), `${email} (${org})`).toBeNull();
    }
    const reader = await caller("lecteur@choisy-le-roi.demo", "choisy-le-roi");
    expect(await householdReadLog(reader, choisy.householdId)).toBeNull();

    const names = async (emails: string[]) => Promise.all(emails.map(async (e) => { const p = await s.db.person.findUniqueOrThrow({ where: { email: e } }); return `${p.firstName} ${p.lastName}`; }));
    const expected = await names(["agent@aumv.demo", "agent@choisy-le-roi.demo"]); // newest first
    for (const [email, org] of [["admin@choisy-le-roi.demo", "choisy-le-roi"], ["agent@choisy-le-roi.demo", "choisy-le-roi"], ["agent@aumv.demo", "aumv"]] as const) {
      const rows = await householdReadLog(await caller(email, org), choisy.householdId);
      expect(rows, `${email} (${org})`).not.toBeNull();
      expect(rows!.map((r) => r.person)).toEqual(expected);
      expect(rows!.every((r) => r.caseId === choisy.caseId && r.caseLabel?.startsWith("Relais"))).toBe(true);
    }
    // Pereira's: AUMV's ADMIN (owner) sees the préfecture's read too; the préfecture's ADMIN does not see the log.
    const aumvRows = (await householdReadLog(await caller("admin@aumv.demo", "aumv"), pereira.householdId))!;
    expect(aumvRows.map((r) => r.organisation)).toContain((await s.db.organisation.findUniqueOrThrow({ where: { id: s.org("prefecture-val-de-marne") } })).name);
    expect(await householdReadLog(await caller("admin@prefecture-val-de-marne.demo", "prefecture-val-de-marne"), pereira.householdId)).toBeNull();
  });

  it("of an organisation's members: ADMIN only, the reads its own members made, wherever, newest first and paginated", async () => {
    for (const [email, org] of [["agent@aumv.demo", "aumv"], ["lecteur@aumv.demo", "aumv"], ["agent@choisy-le-roi.demo", "choisy-le-roi"]] as const) {
      expect(await memberReadLog(await caller(email, org), undefined), email).toBeNull();
    }
    const aumv = (await memberReadLog(await caller("admin@aumv.demo", "aumv"), undefined))!;
    expect(aumv.next).toBeNull();
    expect(aumv.rows.map((r) => r.caseId)).toEqual([choisy.caseId, pereira.caseId]);
    const aumvName = (await s.db.organisation.findUniqueOrThrow({ where: { id: s.org("aumv") } })).name;
    expect(aumv.rows.every((r) => r.organisation === aumvName)).toBe(true);
    const choisyLog = (await memberReadLog(await caller("admin@choisy-le-roi.demo", "choisy-le-roi"), undefined))!;
    expect(choisyLog.rows.map((r) => r.caseId)).toEqual([choisy.caseId]);
    expect((await memberReadLog(await caller("admin@valophis-habitat.demo", "valophis-habitat"), undefined))!.rows).toEqual([]);

    // Keyset pagination over more than a page; a garbled cursor reads as the first page.
    const agent = s.person("agent@aumv.demo");
    await s.db.auditEvent.createMany({
      data: Array.from({ length: READ_LOG_PAGE_SIZE + 5 }, () => ({ action: "case.socialDetail.read", actorId: agent.id, organisationId: s.org("aumv"), entityType: "Case", entityId: pereira.caseId, fields: [] })),
    });
    const admin = await caller("admin@aumv.demo", "aumv");
    const first = (await memberReadLog(admin, undefined))!;
    expect(first.rows).toHaveLength(READ_LOG_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = (await memberReadLog(admin, first.next!))!;
    expect(second.rows).toHaveLength(7);
    expect(second.next).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => BigInt(r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1])).toBe(true);
    expect((await memberReadLog(admin, "1; DROP TABLE"))!.rows).toEqual(first.rows);
  });
});
