// Issue 12: in-app notifications — written by the actions that produce them, visible only to the persons of the
// organisation concerned (ACC-1), read state per person, preferences per person (organisations and kinds).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { listNotifications, resolveCaller, unreadNotificationCount } from "@/lib/server/access";
import { actAs, callerAs, ok, rc, seeded, TODAY, type Who } from "./helpers";
import { actionRegistry } from "@/lib/server/action";
import { setToday } from "@/lib/server/clock";

let s: Awaited<ReturnType<typeof seeded>>;
const CHOISY = ["agent@choisy-le-roi.demo", "choisy-le-roi"] as const;
const CHOISY_ADMIN = ["admin@choisy-le-roi.demo", "choisy-le-roi"] as const;
const VALOPHIS = ["agent@valophis-habitat.demo", "valophis-habitat"] as const;
const AUMV = ["agent@aumv.demo", "aumv"] as const;
const act = <T = unknown,>(name: string, who: Who, input: unknown) => actAs<T>(s, name, who, input);
const list = async (who: Who, opts: { unread?: boolean } = {}) => (await listNotifications(await callerAs(s, who), opts)).rows;
const unread = async (who: Who) => unreadNotificationCount(await callerAs(s, who));
let dwellings: string[] = [];
let vacancyId = "";
let vitry: { id: string; person: string };
let valophisVitryAgent = "";

const typed = (n: number) => Array.from({ length: n }, (_, i) => ({ nur: `094112${String(700000000 + i)}`, persons: String(2 + i), monthlyResources: "1 450,00", dalo: false }));

let prevMode: string | undefined;
beforeAll(async () => {
  prevMode = process.env.APP_MODE;
  process.env.APP_MODE = "test";
  setToday(TODAY);
  s = await seeded();
  dwellings = (await s.db.dwelling.findMany({ where: { bailleurOrgId: s.org("valophis-habitat"), financing: { not: "PLI" }, NOT: { addressNumber: "" } }, select: { id: true }, orderBy: { rplsId: "asc" }, take: 5 })).map((d) => d.id);
  // Another city, with its own réservation convention with Valophis on its territory, and a Valophis agent who works
  // that territory: neither may see what is meant for Choisy.
  const org = await s.db.organisation.create({ data: { slug: "vitry-notif", name: "Ville de Vitry-sur-Seine", kind: "COMMUNE", commune: "Vitry-sur-Seine" } });
  const p = await s.db.person.create({ data: { email: "agent@vitry-notif.test", firstName: "Léo", lastName: "Vitry", passwordHash: "x", memberships: { create: { organisationId: org.id, role: "AGENT" } } } });
  vitry = { id: org.id, person: p.id };
  await s.db.convention.create({
    data: {
      kind: "RESERVATION_FLUX", title: "Réservation en flux – Vitry-sur-Seine / Valophis Habitat", territory: "Vitry-sur-Seine", signedOn: new Date("2024-06-14"), startOn: new Date("2024-01-01"),
      parameters: { objectiveCap: 0.24, guaranteeCap: 0.2, initialMonths: 36, renewalKind: "NONE" },
      parties: { create: [
        { organisationId: org.id, roleLabel: "la Ville (réservataire)", partyRole: "RESERVATAIRE", confirmedAt: new Date("2024-06-14") },
        { organisationId: s.org("valophis-habitat"), roleLabel: "le bailleur", partyRole: "BAILLEUR", confirmedAt: new Date("2024-06-14") },
      ] },
      events: { create: { type: "SIGNED", on: new Date("2024-06-14"), payload: { type: "SIGNED", on: "2024-06-14" } } },
    },
  });
  valophisVitryAgent = (await s.db.person.create({ data: { email: "agent.vitry@valophis.test", firstName: "Inès", lastName: "Territoire", passwordHash: "x", memberships: { create: { organisationId: s.org("valophis-habitat"), role: "AGENT" } } } })).id;
  vacancyId = ok(await act<{ id: string }>("vacancies.declare", VALOPHIS, { dwellingId: dwellings[0], availableOn: TODAY, orientation: "RESERVATAIRE", conventionId: s.convention("RESERVATION_FLUX") })).id;
});
afterAll(async () => {
  setToday(null);
  if (prevMode === undefined) delete process.env.APP_MODE;
  else process.env.APP_MODE = prevMode;
  await s.db.$disconnect();
});

describe("who sees a notification (ACC-1)", () => {
  it("ACC-1: a vacancy declared to Choisy notifies Choisy's persons, never a Valophis agent of another territory nor another city", async () => {
    const mine = (await list(CHOISY)).filter((n) => n.href === `/vacances/${vacancyId}`);
    expect(mine).toEqual([expect.objectContaining({ kind: "VACANCY_DECLARED", orgSlug: "choisy-le-roi", read: false, title: expect.stringMatching(/^Nouvelle vacance : T\d/) })]);
    expect(mine[0].body).toContain("Valophis Habitat");
    // The Valophis agent who works Vitry's territory, and Vitry's person: nothing of it, in the list or the count.
    const agent = (await resolveCaller({ personId: valophisVitryAgent }, "valophis-habitat"))!;
    expect((await listNotifications(agent)).rows.some((n) => n.organisationId === s.org("choisy-le-roi"))).toBe(false);
    const city = (await resolveCaller({ personId: vitry.person }, "vitry-notif"))!;
    expect((await listNotifications(city)).rows).toEqual([]);
    expect(await unreadNotificationCount(city)).toBe(0);
    // Nor can they reach it through the action: not-found, by their own organisation or by Choisy's.
    const markRead = actionRegistry().get("notifications.markRead")!;
    for (const [personId, slug] of [[valophisVitryAgent, "valophis-habitat"], [vitry.person, "vitry-notif"], [vitry.person, "choisy-le-roi"]] as const) {
      expect(await markRead.execute(rc({ id: personId }), slug, { notificationId: mine[0].id })).toMatchObject({ ok: false, code: "not-found" });
    }
    expect(await s.db.notificationRead.count({ where: { notificationId: mine[0].id } })).toBe(0);
  });

  it("RES-18, RES-20: the designation notifies the bailleur, the CALEOL outcome the réservataire; the acting organisation gets none", async () => {
    ok(await act("vacancies.designate", CHOISY, { vacancyId, on: TODAY, candidates: typed(3), classificationAcknowledged: true }));
    const received = (await list(VALOPHIS)).filter((n) => n.href === `/vacances/${vacancyId}`);
    expect(received.map((n) => n.kind)).toEqual(["DESIGNATION_RECEIVED"]);
    expect(received[0].body).toContain("3 candidats");
    const candidates = await s.db.vacancyCandidate.findMany({ where: { vacancyId }, orderBy: { rank: "asc" } });
    ok(await act("vacancies.caleol", VALOPHIS, { vacancyId, on: TODAY, decisions: candidates.map((c, i) => ({ candidateId: c.id, decision: i === 0 ? "ATTRIBUTION" : "NON_ATTRIBUTION" })) }));
    const choisy = (await list(CHOISY)).filter((n) => n.href === `/vacances/${vacancyId}`).map((n) => n.kind);
    expect(choisy.sort()).toEqual(["CALEOL_OUTCOME", "VACANCY_DECLARED"]);
    expect((await list(VALOPHIS)).filter((n) => n.href === `/vacances/${vacancyId}`).map((n) => n.kind)).toEqual(["DESIGNATION_RECEIVED"]);
  });

  it("REL-7, ACC-2: an intermediate bilan sent by AUMV reaches the Ville, not AUMV itself nor Valophis", async () => {
    const c = await s.db.case.findFirstOrThrow({ where: { conventionId: s.convention("RELAIS"), closedOn: null, events: { some: { type: "ENTRY" } } } });
    ok(await act("cases.recordEvent", AUMV, { caseId: c.id, type: "INTERMEDIATE_BILAN_SENT", on: TODAY, text: "Le ménage tient son budget ; visites régulières." }));
    const got = (await list(CHOISY)).filter((n) => n.href === `/dossiers/${c.id}`);
    expect(got).toEqual([expect.objectContaining({ kind: "DOCUMENT_RECEIVED", title: expect.stringContaining("Bilan intermédiaire") })]);
    expect((await list(AUMV)).some((n) => n.href === `/dossiers/${c.id}`)).toBe(false);
    expect((await list(VALOPHIS)).some((n) => n.href === `/dossiers/${c.id}`)).toBe(false);
  });

  it("GEN-1, GEN-3: a convention and an avenant to confirm notify the other parties", async () => {
    const created = ok(await act<{ id: string }>("conventions.create", ["admin@ush-midi-pyrenees.demo", "ush-midi-pyrenees"], {
      kind: "CADRE", title: "Partenariat à confirmer (notifications)", reference: "", territory: "", signedOn: "2026-01-05", startOn: "2026-01-05",
      parties: [{ organisationId: s.org("ush-midi-pyrenees"), roleLabel: "l'USH" }, { organisationId: s.org("fnars-midi-pyrenees"), roleLabel: "la FNARS" }],
      params: { meetingMonths: "6", initialMonths: "12", renewalKind: "TACIT", renewalPeriodMonths: "12", maxTotalMonths: "", noticeMonths: "0" }, actions: [],
    }));
    expect((await list(["agent@fnars-midi-pyrenees.demo", "fnars-midi-pyrenees"])).filter((n) => n.href === `/conventions/${created.id}`).map((n) => n.kind)).toEqual(["CONFIRMATION_REQUESTED"]);
    expect((await list(["agent@ush-midi-pyrenees.demo", "ush-midi-pyrenees"])).some((n) => n.href === `/conventions/${created.id}`)).toBe(false);
    const relais = await s.db.convention.findUniqueOrThrow({ where: { id: s.convention("RELAIS") } });
    ok(await act("avenants.propose", CHOISY_ADMIN, { conventionId: relais.id, version: relais.version, effectiveOn: "2026-06-01", reason: "Quota porté à 4", parameter: "referralQuota", value: "4" }));
    const n = (await list(AUMV)).filter((x) => x.href === `/conventions/${relais.id}`);
    expect(n).toEqual([expect.objectContaining({ kind: "CONFIRMATION_REQUESTED", title: expect.stringMatching(/^Avenant n° 1 à confirmer/) })]);
  });
});

describe("read state and preferences, per person", () => {
  it("ACC-4: marking read is per person: Choisy's agent reads it, Choisy's admin still has it unread", async () => {
    const n = (await list(CHOISY)).find((x) => x.kind === "VACANCY_DECLARED" && x.href === `/vacances/${vacancyId}`)!;
    const [agentBefore, adminBefore] = [await unread(CHOISY), await unread(CHOISY_ADMIN)];
    ok(await act("notifications.markRead", CHOISY, { notificationId: n.id }));
    ok(await act("notifications.markRead", CHOISY, { notificationId: n.id })); // twice: still one read
    expect(await unread(CHOISY)).toBe(agentBefore - 1);
    expect(await unread(CHOISY_ADMIN)).toBe(adminBefore);
    expect((await list(CHOISY)).find((x) => x.id === n.id)!.read).toBe(true);
    expect((await list(CHOISY_ADMIN)).find((x) => x.id === n.id)!.read).toBe(false);
    expect((await list(CHOISY, { unread: true })).some((x) => x.id === n.id)).toBe(false);
    expect(await s.db.auditEvent.count({ where: { action: "notification.read", entityId: n.id } })).toBe(2);
  });

  it("ACC-4: « tout marquer comme lu » clears the person's bell; what comes after is unread again", async () => {
    ok(await act("notifications.markAllRead", CHOISY_ADMIN, {}));
    expect(await unread(CHOISY_ADMIN)).toBe(0);
    expect(await unread(CHOISY)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 5));
    ok(await act("vacancies.declare", VALOPHIS, { dwellingId: dwellings[1], availableOn: TODAY, orientation: "RESERVATAIRE", conventionId: s.convention("RESERVATION_FLUX") }));
    expect(await unread(CHOISY_ADMIN)).toBe(1);
  });

  it("ACC-4: preferences choose the organisations and the kinds, for the person only; another's organisation is refused", async () => {
    const nadia = ["nadia.benali@multi.demo", "aumv"] as const;
    const fnars = ["nadia.benali@multi.demo", "fnars-midi-pyrenees"] as const;
    const before = await list(nadia);
    expect(before.some((n) => n.organisationId === s.org("aumv"))).toBe(true);
    // Only FNARS, only conventions to confirm: AUMV's notifications leave her bell, even seen from FNARS.
    ok(await act("notifications.savePreferences", nadia, { organisations: [s.org("fnars-midi-pyrenees")], kinds: ["CONFIRMATION_REQUESTED"] }));
    const left = await list(fnars);
    expect(left.map((n) => [n.orgSlug, n.kind])).toEqual([["fnars-midi-pyrenees", "CONFIRMATION_REQUESTED"]]); // the USH/FNARS draft
    expect(await unread(nadia)).toBe(1);
    // AUMV's agent keeps them: preferences are the person's own.
    expect((await list(AUMV)).length).toBeGreaterThan(0);
    ok(await act("notifications.savePreferences", nadia, { organisations: [s.org("aumv"), s.org("fnars-midi-pyrenees")], kinds: ["DOCUMENT_RECEIVED", "CONFIRMATION_REQUESTED"] }));
    expect((await list(nadia)).every((n) => ["DOCUMENT_RECEIVED", "CONFIRMATION_REQUESTED"].includes(n.kind))).toBe(true);
    const r = await act("notifications.savePreferences", nadia, { organisations: [s.org("choisy-le-roi")], kinds: [] });
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { organisations: [expect.stringContaining("Organisation inconnue")] } });
    expect(await act("notifications.savePreferences", nadia, { organisations: [], kinds: ["INCONNU"] })).toMatchObject({ ok: false, fieldErrors: { "kinds.0": [expect.stringContaining("inconnu")] } });
  });
});
