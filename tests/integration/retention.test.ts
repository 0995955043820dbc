// Issue 8 §2 — retention and purge on the demo tenant. At PURGE_DAY (2026-10-01), with Choisy's 24 months
// and AUMV's retention set to 12 months: the previous relais convention's households whose last contact is
// before 2024-10-01 and the previous FNAVDL convention's household (last contact 2025-07-01) are past
// retention; the relais households stopped on 2024-12-31 and every later case are not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry } from "@/lib/server/action";
import {
  fnavdlCaseFacts, fnavdlIndicatorCase, fnavdlIndicators, relaisCaseFacts, relaisFigures,
  type FnavdlCaseEvent, type IsoDate, type RelaisCaseEvent,
} from "@/lib/domain";
import { resolveCaller } from "@/lib/server/access";
import { fnavdlCaseParams } from "@/lib/server/cases";
import { householdExport, renderExportHtml } from "@/lib/server/household-export";
import { pseudonym, purge, purgeCandidates, type PurgeReport } from "@/lib/server/retention";
import { rc, seeded } from "./helpers";

const PURGE_DAY = "2026-10-01";
/** The households whose last contact is before this day are past Choisy's 24 months at PURGE_DAY. */
const CHOISY_LIMIT = "2024-10-01";
const PURGE_FIELDS = ["identity", "nur", "members", "resources", "housing", "texts", "documents", "eventDetails"];

let s: Awaited<ReturnType<typeof seeded>>;
let previousRelaisId: string;
let previousFnavdlId: string;
/** Demo households of the previous relais convention, by last name, and their last contact. */
let former: { id: string; lastName: string; lastContact: IsoDate }[];
let ferreira: string; // ended 2023-06-30: past retention, gets a document and a visit checklist
let traore: string; // stopped 2024-12-31: within retention
let ouedraogo: string; // AUMV, previous FNAVDL convention, last contact 2025-07-01: past AUMV's 12 months
// Issue 14: the four fixed cases of the previous FNAVDL convention (Lefèvre, Diallo, Girard, Nguyen), all closed by mid-2025: past 12 months too.
let fixedFnavdl: string[];
let pereira: string; // AUMV, current FNAVDL convention, closed 2026-02: within retention
let openOld: string; // Choisy, a relais case referred in 2023 and never decided: open, untouched
let staleClosed: string; // Choisy, a case decided without entry in 2023 whose stored closedOn is stale (null)
const ferreiraKey = "retention-test/ferreira-contrat";
const traoreKey = "retention-test/traore-contrat";
const oldRead = { at: new Date("2025-09-30T21:59:00Z"), id: 0n };
const recentRead = { at: new Date("2025-10-01T06:00:00Z"), id: 0n };
const oldOther = { at: new Date("2024-01-02T10:00:00Z"), id: 0n };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const run = (name: string, email: string, org: string, input: unknown) => actionRegistry().get(name)!.execute(rc(s.person(email)), org, input);

async function householdRow(id: string) {
  return s.db.household.findUniqueOrThrow({
    where: { id },
    include: {
      members: { orderBy: { id: "asc" } }, resources: { orderBy: { id: "asc" } },
      cases: {
        orderBy: { id: "asc" },
        include: { events: { orderBy: { id: "asc" } }, texts: { orderBy: { id: "asc" } }, documents: { orderBy: { id: "asc" } }, referents: { orderBy: { id: "asc" } } },
      },
    },
  });
}

const counts = async () => ({
  households: await s.db.household.count(), purged: await s.db.household.count({ where: { purgedOn: { not: null } } }),
  members: await s.db.householdMember.count(), resources: await s.db.householdResource.count(),
  cases: await s.db.case.count(), events: await s.db.caseEvent.count(), texts: await s.db.caseText.count(),
  documents: await s.db.document.count(), blobs: await s.db.storedBlob.count(), audits: await s.db.auditEvent.count(),
});

/** REL-9 over the previous relais convention's cases, from their stored events: the two years and each year. */
async function relaisYearFigures(only?: (householdId: string) => boolean) {
  const cases = await s.db.case.findMany({ where: { conventionId: previousRelaisId }, include: { events: { orderBy: [{ on: "asc" }, { createdAt: "asc" }] } } });
  const rows = cases.filter((c) => !only || only(c.householdId)).map((c) => {
    const f = relaisCaseFacts(c.events.map((e) => e.payload as unknown as RelaisCaseEvent));
    return { householdId: c.householdId, referredOn: f.referredOn, entryOn: f.entryOn, end: f.end };
  });
  return [["2023-01-01", "2024-12-31"], ["2023-01-01", "2023-12-31"], ["2024-01-01", "2024-12-31"]].map(([from, to]) => relaisFigures(rows, from, to));
}

/** AVD-13b over FNAVDL cases from their stored events: the previous convention's years, and all of AUMV's cases by calendar year. */
async function fnavdlYearIndicators() {
  const cases = await s.db.case.findMany({
    where: { kind: "FNAVDL" },
    include: { events: { orderBy: [{ on: "asc" }, { createdAt: "asc" }] }, convention: { select: { parameters: true, events: { where: { type: "AVENANT" }, select: { payload: true } } } } },
  });
  const rows = cases.map((c) => {
    const events = c.events.map((e) => e.payload as unknown as FnavdlCaseEvent);
    const { dalo } = fnavdlCaseParams(c.convention.parameters as Record<string, unknown>, c.convention.events, events[0].on);
    return { conventionId: c.conventionId, row: fnavdlIndicatorCase(c.householdId, fnavdlCaseFacts(events, dalo)) };
  });
  const previous = rows.filter((r) => r.conventionId === previousFnavdlId).map((r) => r.row);
  const all = rows.map((r) => r.row);
  return {
    // The previous convention ran from its signature 2024-01-15 for 24 months: its two convention years.
    previous: [["2024-01-15", "2025-01-14"], ["2025-01-15", "2026-01-14"], ["2024-01-01", "2024-12-31"], ["2025-01-01", "2025-12-31"]].map(([from, to]) => fnavdlIndicators(previous, from, to)),
    all: [["2024-01-01", "2024-12-31"], ["2025-01-01", "2025-12-31"]].map(([from, to]) => fnavdlIndicators(all, from, to)),
  };
}

async function addCaseDocument(caseId: string, conventionId: string, key: string, fileName: string) {
  await s.db.storedBlob.create({ data: { key, bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) } });
  return s.db.document.create({
    data: {
      conventionId, caseId, category: "OTHER", fileName, mimeType: "application/pdf", sizeBytes: 4, sha256: "0".repeat(64), storageKey: key,
      uploadedById: s.person("agent@aumv.demo").id, uploadedByOrgId: s.org("aumv"),
    },
  });
}

async function choisyHousehold(lastName: string, firstName: string) {
  return (await s.db.household.create({
    data: { organisationId: s.org("choisy-le-roi"), referenceFirstName: firstName, referenceLastName: lastName, searchKey: `${lastName} ${firstName}`.toLowerCase(), commune: "Choisy-le-Roi", createdById: s.person("agent@choisy-le-roi.demo").id },
  })).id;
}

async function relaisCase(householdId: string, rank: number, events: RelaisCaseEvent[]) {
  return s.db.case.create({
    data: {
      kind: "RELAIS", conventionId: previousRelaisId, householdId, createdByOrgId: s.org("choisy-le-roi"), quotaYear: 2023, quotaRank: rank,
      events: { create: events.map((e) => ({ type: e.type, on: new Date(`${e.on}T00:00:00Z`), payload: e, recordedById: s.person("agent@choisy-le-roi.demo").id, recordedByOrgId: s.org("choisy-le-roi") })) },
    },
  });
}

beforeAll(async () => {
  s = await seeded();
  previousRelaisId = (await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Logement relais 2023-2024" } } })).id;
  previousFnavdlId = (await s.db.convention.findFirstOrThrow({ where: { title: { startsWith: "Convention d'objectifs FNAVDL 2024-2025" } } })).id;
  const formerCases = await s.db.case.findMany({ where: { conventionId: previousRelaisId }, include: { household: true, events: { select: { on: true } } } });
  former = formerCases.map((c) => ({ id: c.householdId, lastName: c.household.referenceLastName, lastContact: iso(new Date(Math.max(...c.events.map((e) => e.on.getTime())))) }));
  expect(former).toHaveLength(12);
  const byName = async (org: string, lastName: string, firstName: string) =>
    (await s.db.household.findFirstOrThrow({ where: { organisationId: s.org(org), referenceLastName: lastName, referenceFirstName: firstName } })).id;
  ferreira = await byName("choisy-le-roi", "Ferreira", "Maria");
  traore = await byName("choisy-le-roi", "Traoré", "Mariam");
  ouedraogo = await byName("aumv", "Ouedraogo", "Habib");
  pereira = await byName("aumv", "Pereira", "Sandra");
  fixedFnavdl = [await byName("aumv", "Lefèvre", "Nathalie"), await byName("aumv", "Diallo", "Moussa"), await byName("aumv", "Girard", "Émilie"), await byName("aumv", "Nguyen", "Thi Lan")];

  // AUMV keeps its households' data 12 months (issue 8 §2: each organisation sets its retention).
  expect(await run("organisations.setRetention", "admin@aumv.demo", "aumv", { months: 12 })).toEqual({ ok: true, data: undefined });

  // A document on a case past retention and one on a case within it (bytes in StoredBlob).
  const ferreiraCase = await s.db.case.findFirstOrThrow({ where: { householdId: ferreira } });
  const traoreCase = await s.db.case.findFirstOrThrow({ where: { householdId: traore } });
  await addCaseDocument(ferreiraCase.id, previousRelaisId, ferreiraKey, "contrat-ferreira.pdf");
  await addCaseDocument(traoreCase.id, previousRelaisId, traoreKey, "contrat-traore.pdf");
  // Free text in events' extra fields (REL-7 visit checklist, the bailleur's reason): the purge removes it.
  for (const householdId of [ferreira, traore]) {
    const visit = await s.db.caseEvent.findFirstOrThrow({ where: { case: { householdId }, type: "VISIT" }, orderBy: { on: "asc" } });
    await s.db.caseEvent.update({ where: { id: visit.id }, data: { payload: { ...(visit.payload as object), checklist: { budget: "Madame a réglé sa dette", healthFollowUp: true } } } });
  }
  const notice = await s.db.caseEvent.findFirstOrThrow({ where: { case: { householdId: ouedraogo }, type: "BAILLEUR_NOTICE" } });
  await s.db.caseEvent.update({ where: { id: notice.id }, data: { payload: { ...(notice.payload as object), reason: "M. Ouedraogo paie son loyer" } } });

  // A case referred in 2023 and never decided is still open: its household stays, however old its last contact.
  openOld = await choisyHousehold("Ouvert", "Armand");
  await relaisCase(openOld, 90, [{ type: "REFERRAL", on: "2023-05-02" }]);
  // A case decided without entry in 2023 whose stored closedOn was never refreshed (Case.closedOn is lazy).
  staleClosed = await choisyHousehold("Périmé", "Bastien");
  const stale = await relaisCase(staleClosed, 91, [{ type: "REFERRAL", on: "2023-04-03" }, { type: "DIAGNOSTIC", on: "2023-04-24" }, { type: "DECISION", on: "2023-05-08", entry: false }]);
  expect(stale.closedOn).toBeNull();

  // ACC-3 read log: one read older than 12 months before PURGE_DAY, one newer, and an older event of another kind.
  const insert = async (action: string, at: Date) =>
    (await s.db.auditEvent.create({ data: { action, at, actorId: s.person("agent@aumv.demo").id, organisationId: s.org("aumv"), entityType: "Case", entityId: ferreiraCase.id, fields: [] } })).id;
  oldRead.id = await insert("case.socialDetail.read", oldRead.at);
  recentRead.id = await insert("case.socialDetail.read", recentRead.at);
  oldOther.id = await insert("case.event", oldOther.at);
});
afterAll(async () => { await s.db.$disconnect(); });

describe("issue 8: retention and purge", () => {
  it("the organisation sets its retention (ADMIN only): at 120 months none of Choisy's households is a candidate any more", async () => {
    const choisy = s.org("choisy-le-roi");
    const before = await purgeCandidates(s.db, PURGE_DAY);
    expect(before.filter((c) => c.organisationId === choisy).length).toBeGreaterThanOrEqual(7);
    expect(before.filter((c) => c.organisationId === choisy).every((c) => c.retentionMonths === 24)).toBe(true);
    expect(before.filter((c) => c.organisationSlug === "aumv").every((c) => c.retentionMonths === 12)).toBe(true);
    // Only an ADMIN; 12..120 months.
    expect(await run("organisations.setRetention", "agent@choisy-le-roi.demo", "choisy-le-roi", { months: 120 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await run("organisations.setRetention", "admin@choisy-le-roi.demo", "choisy-le-roi", { months: 6 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await run("organisations.setRetention", "admin@choisy-le-roi.demo", "choisy-le-roi", { months: 121 })).toMatchObject({ ok: false, code: "invalid" });
    expect(await run("organisations.setRetention", "admin@choisy-le-roi.demo", "choisy-le-roi", { months: 120 })).toEqual({ ok: true, data: undefined });
    expect((await s.db.organisation.findUniqueOrThrow({ where: { id: choisy } })).retentionMonths).toBe(120);
    const after = await purgeCandidates(s.db, PURGE_DAY);
    expect(after.filter((c) => c.organisationId === choisy)).toEqual([]);
    expect(after.map((c) => c.householdId)).toEqual(before.filter((c) => c.organisationId !== choisy).map((c) => c.householdId));
    const ev = await s.db.auditEvent.findFirstOrThrow({ where: { action: "organisation.retention", organisationId: choisy } });
    expect(ev).toMatchObject({ actorId: s.person("admin@choisy-le-roi.demo").id, entityType: "Organisation", entityId: choisy, fields: ["retentionMonths"] });
    // Back to the default for the purge below.
    expect(await run("organisations.setRetention", "admin@choisy-le-roi.demo", "choisy-le-roi", { months: "24" })).toEqual({ ok: true, data: undefined });
    expect((await purgeCandidates(s.db, PURGE_DAY)).map((c) => c.householdId)).toEqual(before.map((c) => c.householdId));
  });

  it("the candidates are the households whose every case is closed and whose last contact + retention is before today", async () => {
    const report = await purgeCandidates(s.db, PURGE_DAY);
    const expected = [...former.filter((f) => f.lastContact < CHOISY_LIMIT).map((f) => f.id), ouedraogo, ...fixedFnavdl, staleClosed].sort();
    expect(report.map((c) => c.householdId).sort()).toEqual(expected);
    // 5 of the previous relais convention's 12 households stopped on 2024-12-31: within retention.
    expect(former.filter((f) => f.lastContact < CHOISY_LIMIT)).toHaveLength(7);
    expect(report.map((c) => c.householdId)).not.toContain(traore);
    expect(report.map((c) => c.householdId)).not.toContain(pereira);
    expect(report.map((c) => c.householdId)).not.toContain(openOld);
    const o = report.find((c) => c.householdId === ouedraogo)!;
    expect(o).toMatchObject({ organisationSlug: "aumv", retentionMonths: 12, lastContactOn: "2025-07-01", purgeableFrom: "2026-07-02", cases: 1, texts: 1, documents: 0 });
    expect(report.find((c) => c.householdId === ferreira)).toMatchObject({ lastContactOn: "2023-06-30", retentionMonths: 24, documents: 1 });
    expect(report.find((c) => c.householdId === ferreira)!.texts).toBeGreaterThanOrEqual(2);
    expect(report.find((c) => c.householdId === staleClosed)).toMatchObject({ lastContactOn: "2023-05-08", cases: 1, texts: 0 });
    // The boundary: last contact + retention must be before today (AUMV: 2025-07-01 + 12 months).
    expect((await purgeCandidates(s.db, "2026-07-01")).map((c) => c.householdId)).not.toContain(ouedraogo);
    expect((await purgeCandidates(s.db, "2026-07-02")).map((c) => c.householdId)).toContain(ouedraogo);
  });

  let dryRun: PurgeReport;
  it("dry run: lists what would be purged and changes nothing", async () => {
    const before = { counts: await counts(), ouedraogo: await householdRow(ouedraogo), ferreira: await householdRow(ferreira), organisations: await s.db.organisation.findMany({ orderBy: { id: "asc" } }) };
    dryRun = await purge(s.db, PURGE_DAY, { dryRun: true });
    expect(dryRun.dryRun).toBe(true);
    expect(dryRun.households.length).toBe(13);
    expect(dryRun.readLogDeleted).toBe(1);
    const after = { counts: await counts(), ouedraogo: await householdRow(ouedraogo), ferreira: await householdRow(ferreira), organisations: await s.db.organisation.findMany({ orderBy: { id: "asc" } }) };
    expect(after).toEqual(before);
    expect(await s.db.auditEvent.count({ where: { id: oldRead.id } })).toBe(1);
  });

  it("REL-9, AVD-13: the purge replaces the households past retention by skeletons, and the past years' figures stay the same", async () => {
    const relaisBefore = await relaisYearFigures();
    const fnavdlBefore = await fnavdlYearIndicators();
    const untouchedBefore = { traore: await householdRow(traore), pereira: await householdRow(pereira), openOld: await householdRow(openOld) };
    const skeletonBefore = await householdRow(ouedraogo);
    const ferreiraBefore = await householdRow(ferreira);
    const countsBefore = await counts();

    const report = await purge(s.db, PURGE_DAY);

    expect(report.dryRun).toBe(false);
    // The dry run listed exactly what the run purged.
    expect(report.households).toEqual(dryRun.households);
    expect(await s.db.household.count({ where: { purgedOn: { not: null } } })).toBe(13);
    // REL-9 (the previous relais convention's years) and AVD-13b (the previous FNAVDL convention's years) unchanged.
    expect(await relaisYearFigures()).toEqual(relaisBefore);
    expect(await fnavdlYearIndicators()).toEqual(fnavdlBefore);
    const demoOnly = (id: string) => former.some((f) => f.id === id);
    expect((await relaisYearFigures(demoOnly))[0]).toEqual({ from: "2023-01-01", to: "2024-12-31", supported: 10, reloges: 2, otherSolutions: 3, diagnosticsRequested: 4, entries: 2 });

    // Within retention, or with an open case: untouched, to the last field.
    expect({ traore: await householdRow(traore), pereira: await householdRow(pereira), openOld: await householdRow(openOld) }).toEqual(untouchedBefore);
    expect(await s.db.storedBlob.count({ where: { key: traoreKey } })).toBe(1);

    // A purged household keeps only its pseudonymous skeleton.
    const h = await householdRow(ouedraogo);
    expect(h).toMatchObject({
      referenceFirstName: "", referenceLastName: pseudonym(ouedraogo), referenceBirthDate: null, searchKey: "", nur: null,
      daloRecognisedOn: null, daloDecision: null, housingSituation: null, commune: null, consentOn: null, consentBy: null,
      purgedOn: new Date(`${PURGE_DAY}T00:00:00Z`), organisationId: s.org("aumv"), createdAt: skeletonBefore.createdAt,
    });
    expect(pseudonym(ouedraogo)).toMatch(/^Ménage anonymisé [0-9A-F]{8}$/);
    expect(skeletonBefore.members.length).toBeGreaterThan(0);
    expect(skeletonBefore.resources.length).toBeGreaterThan(0);
    expect(h.members).toEqual([]);
    expect(h.resources).toEqual([]);
    expect(h.cases.flatMap((c) => c.texts)).toEqual([]);
    // Its cases and their dated events stay (kind, convention, dates, intensity, outcome), the free text goes.
    const skeleton = (x: typeof h) => x.cases.map((c) => ({ id: c.id, kind: c.kind, conventionId: c.conventionId, quotaYear: c.quotaYear, quotaRank: c.quotaRank, closedOn: c.closedOn, events: c.events.map((e) => ({ id: e.id, type: e.type, on: e.on, recordedByOrgId: e.recordedByOrgId })) }));
    expect(skeleton(h)).toEqual(skeleton(skeletonBefore));
    const noticeAfter = h.cases[0].events.find((e) => e.type === "BAILLEUR_NOTICE")!.payload as Record<string, unknown>;
    expect(noticeAfter).toEqual({ type: "BAILLEUR_NOTICE", on: "2025-01-24", leaseOffered: true });
    const support = h.cases[0].events.find((e) => e.type === "SUPPORT_START")!.payload;
    expect(support).toEqual(skeletonBefore.cases[0].events.find((e) => e.type === "SUPPORT_START")!.payload);

    // The relais household past retention: texts, documents and their bytes gone, events kept without the checklist.
    const f = await householdRow(ferreira);
    expect(f.referenceLastName).toBe(pseudonym(ferreira));
    expect(ferreiraBefore.cases[0].texts.length).toBeGreaterThan(0);
    expect(ferreiraBefore.cases[0].documents).toHaveLength(1);
    expect(f.cases[0].texts).toEqual([]);
    expect(f.cases[0].documents).toEqual([]);
    expect(await s.db.storedBlob.count({ where: { key: ferreiraKey } })).toBe(0);
    expect(skeleton(f)).toEqual(skeleton(ferreiraBefore));
    expect(f.cases[0].events.every((e) => !("checklist" in (e.payload as object)))).toBe(true);
    expect(f.cases[0].events.find((e) => e.type === "END")!.payload).toEqual({ type: "END", on: "2023-06-30", outcome: "RELOGE" });
    // The stale case was closed after all: purged.
    expect((await householdRow(staleClosed)).purgedOn).not.toBeNull();

    // Nothing but the purged households' personal data went.
    const countsAfter = await counts();
    expect(countsAfter).toMatchObject({ households: countsBefore.households, cases: countsBefore.cases, events: countsBefore.events, documents: countsBefore.documents - 1, blobs: countsBefore.blobs - 1 });
    // Issue 14's fixed FNAVDL households were purged too: Lefèvre 1 member, Diallo 2, Girard 0, Nguyen 1.
    expect(countsAfter.members).toBe(countsBefore.members - skeletonBefore.members.length - 4);
  });

  it("the purge's audit events name the household and the kinds of data removed, never a value", async () => {
    const events = await s.db.auditEvent.findMany({ where: { action: "household.purge" } });
    expect(events.map((e) => e.entityId).sort()).toEqual(dryRun.households.map((c) => c.householdId).sort());
    for (const e of events) {
      expect(e).toMatchObject({ actorId: null, entityType: "Household", fields: PURGE_FIELDS });
      expect(e.organisationId).toBe(dryRun.households.find((c) => c.householdId === e.entityId)!.organisationId);
    }
    const all = JSON.stringify((await s.db.auditEvent.findMany()).map((e) => ({ ...e, id: e.id.toString() })));
    for (const value of ["Ouedraogo", "Habib", "Salimata", "094112400338861", "Ferreira", "Alfortville"]) expect(all).not.toContain(value);
  });

  it("ACC-3: the purge deletes the reads of social detail older than 12 months and keeps the newer ones", async () => {
    expect(await s.db.auditEvent.count({ where: { id: oldRead.id } })).toBe(0);
    expect(await s.db.auditEvent.count({ where: { id: recentRead.id } })).toBe(1);
    // Only reads: another kind of event keeps its history.
    expect(await s.db.auditEvent.count({ where: { id: oldOther.id } })).toBe(1);
    expect(await s.db.auditEvent.count({ where: { action: "readLog.purge", fields: { isEmpty: true }, entityId: null } })).toBe(1);
  });

  it("the export of a purged household shows the skeleton and no former identity; a second purge finds nothing", async () => {
    const admin = (await resolveCaller({ personId: s.person("admin@aumv.demo").id }, "aumv"))!;
    const x = (await householdExport(admin, ouedraogo, PURGE_DAY))!;
    expect(x.household).toMatchObject({ reference: { firstName: "", lastName: pseudonym(ouedraogo), birthDate: null }, nur: null, purgedOn: PURGE_DAY, members: [], resources: [] });
    expect(x.cases[0].events.length).toBeGreaterThan(5);
    expect(x.cases[0].texts).toEqual([]);
    const html = renderExportHtml(x);
    expect(html).toContain("anonymisées le");
    expect(html).not.toContain("Ouedraogo");
    const again = await purge(s.db, PURGE_DAY);
    expect(again).toMatchObject({ households: [], readLogDeleted: 0 });
  });
});
