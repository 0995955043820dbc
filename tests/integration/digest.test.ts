// Issue 13 — the daily digest, sent by the pg-boss worker as the application role to a real SMTP server started
// here. Fixture: the Ville de Testville (A) and the association Toit d'Abord (B) are parties to a relais convention
// whose stored obligations are written by hand (dates around 10 March 2026), so that each mail is known to the item.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type PgBoss from "pg-boss";
import "@/lib/server/actions";
import { actionRegistry, publicActionRegistry } from "@/lib/server/action";
import { setToday } from "@/lib/server/clock";
import { claimDigest, runDailyDigest } from "@/lib/server/digest";
import { unsubscribeToken } from "@/lib/server/digest-token";
import { JOBS, startJobWorker } from "@/lib/server/jobs";
import { sendMail } from "@/lib/server/mail";
import { APP_ROLE, cfgOf, grantAppRole } from "../../scripts/lib/pg.mjs";
import { installJobQueue } from "../../scripts/lib/jobs.mjs";
import { ownerClient, rc } from "./helpers";
import { decodedText, type Received, subjectOf } from "./smtp-helpers";

const db = ownerClient();
const received: Received[] = [];
let smtp: SMTPServer;
const workers: PgBoss[] = [];
const ids = {} as Record<"A" | "B" | "C" | "alice" | "bruno" | "chloe" | "david" | "conv", string>;
const ob: Record<string, string> = {};

const mailsTo = (email: string, day?: string) => received.filter((m) => m.to.includes(email) && (!day || m.text.includes(`récapitulatif du ${day}`)));

async function waitJob(boss: PgBoss, queue: string, id: string) {
  for (let i = 0; i < 120; i++) {
    const job = await boss.getJobById(queue, id);
    if (job && ["completed", "failed"].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`la tâche ${queue} ${id} n'a pas fini`);
}

beforeAll(async () => {
  process.env.APP_MODE = "test";
  process.env.APP_URL = "https://conventions.exemple.fr";
  process.env.AUTH_SECRET = "secret-des-tests-du-recapitulatif";
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, session, cb) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (c: string) => { raw += c; });
      stream.on("end", () => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodedText(raw), subject: subjectOf(raw) }); cb(); });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  // The queue's schema, as `npm start` prepares it: installed by the owner, rows granted to the app role.
  const owner = cfgOf(process.env.OWNER_DATABASE_URL!);
  await installJobQueue(owner);
  await grantAppRole(owner, APP_ROLE);

  const org = (slug: string, name: string, kind: "COMMUNE" | "ASSOCIATION" | "BAILLEUR") => db.organisation.create({ data: { slug, name, kind } });
  const [A, B, C] = await Promise.all([org("testville", "Ville de Testville", "COMMUNE"), org("toit-dabord", "Association Toit d'Abord", "ASSOCIATION"), org("hors-champ", "Bailleur Hors Champ", "BAILLEUR")]);
  Object.assign(ids, { A: A.id, B: B.id, C: C.id });
  const person = async (email: string, firstName: string, orgs: [string, "ADMIN" | "AGENT" | "READER"][]) =>
    (await db.person.create({ data: { email, firstName, lastName: "Test", passwordHash: "x", memberships: { create: orgs.map(([organisationId, role]) => ({ organisationId, role })) } } })).id;
  ids.alice = await person("alice@testville.fr", "Alice", [[A.id, "AGENT"], [B.id, "READER"]]);
  ids.bruno = await person("bruno@toit-dabord.fr", "Bruno", [[B.id, "AGENT"]]);
  ids.chloe = await person("chloe@testville.fr", "Chloé", [[A.id, "AGENT"]]);
  ids.david = await person("david@testville.fr", "David", [[A.id, "READER"], [C.id, "AGENT"]]);
  await db.person.create({ data: { email: "eve@hors-champ.fr", firstName: "Ève", lastName: "Test", passwordHash: "x", memberships: { create: [{ organisationId: C.id, role: "AGENT" }] } } });

  const conv = await db.convention.create({
    data: {
      kind: "RELAIS", title: "Logement relais Testville – Toit d'Abord", signedOn: new Date("2025-12-15"), startOn: new Date("2026-01-01"),
      parties: { create: [{ organisationId: A.id, roleLabel: "la Ville", partyRole: "COMMUNE", confirmedAt: new Date() }, { organisationId: B.id, roleLabel: "l'Association", partyRole: "ASSOCIATION", confirmedAt: new Date() }] },
    },
  });
  ids.conv = conv.id;
  const put = async (key: string, messageKey: string, dueOn: string, responsible: string | null, extra: { doneOn?: string; optional?: boolean; periodKey?: string } = {}) => {
    const o = await db.obligation.create({
      data: {
        ownerType: "CONVENTION", ownerId: conv.id, conventionId: conv.id, key, rule: "REL-7", messageKey, opensOn: new Date("2026-01-01"), dueOn: new Date(dueOn),
        doneOn: extra.doneOn ? new Date(extra.doneOn) : null, optional: extra.optional ?? false, periodKey: extra.periodKey ?? null,
        responsibleRole: responsible === A.id ? "COMMUNE" : responsible === B.id ? "ASSOCIATION" : "PARTIES", responsibleOrganisationId: responsible, visibleToOrgIds: [A.id, B.id],
      },
    });
    ob[key] = o.id;
  };
  await put("old", "convention.subsidy", "2026-03-01", A.id); // overdue before the first window: not new
  await put("subsidy", "convention.annualBilanMeeting", "2026-03-09", A.id); // became overdue on the 10th
  await put("exchange", "convention.quarterlyExchange", "2026-03-12", B.id, { periodKey: "2026-T1" });
  await put("meeting", "reservation.validationMeeting", "2026-03-16", null); // both parties, last day of the week
  await put("later", "convention.refund", "2026-03-17", A.id); // a week and a day: not yet
  await put("done", "convention.paymentConfirmation", "2026-03-11", B.id, { doneOn: "2026-03-10" }); // done before the run
  await put("option", "convention.terminationOption", "2026-03-11", A.id, { optional: true });

  // Preferences through the registered action, as the people themselves (Chloé says no).
  const setPrefs = actionRegistry().get("account.digestPreferences")!;
  const asMe = (id: string) => rc({ id });
  expect(await setPrefs.execute(asMe(ids.alice), "testville", { enabled: true, organisationIds: [A.id, B.id] })).toMatchObject({ ok: true });
  expect(await setPrefs.execute(asMe(ids.bruno), "toit-dabord", { enabled: true, organisationIds: [B.id] })).toMatchObject({ ok: true });
  expect(await setPrefs.execute(asMe(ids.chloe), "testville", { enabled: false, organisationIds: [] })).toMatchObject({ ok: true });
  expect(await setPrefs.execute(asMe(ids.david), "testville", { enabled: true, organisationIds: [A.id] })).toMatchObject({ ok: true });
});

afterAll(async () => {
  for (const w of workers) await w.stop({ graceful: false, wait: true }).catch(() => {});
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.$disconnect();
});

describe("issue 13: the daily digest by e-mail", () => {
  it("the job, run by a pg-boss worker as the app role, delivers one digest per person with the items of each of their organisations", async () => {
    // David left the Ville after choosing it: nothing of it reaches him any more (ACC-1).
    await db.membership.deleteMany({ where: { personId: ids.david, organisationId: ids.A } });
    setToday("2026-03-10");
    const boss = await startJobWorker({ schedule: false, pollingIntervalSeconds: 0.5 });
    workers.push(boss);
    const jobId = (await boss.send(JOBS.digest, {}))!;
    const job = await waitJob(boss, JOBS.digest, jobId);
    expect(job.state).toBe("completed");
    expect(job.output).toMatchObject({ today: "2026-03-10", sent: 2, alreadyClaimed: 0 });

    expect(received.map((m) => m.to[0]).sort()).toEqual(["alice@testville.fr", "bruno@toit-dabord.fr"]);
    const [alice] = mailsTo("alice@testville.fr");
    expect(alice.subject).toBe("Vos échéances du 10 mars 2026 : 1 en retard, 3 à venir");
    const link = `https://conventions.exemple.fr/o/testville/conventions/${ids.conv}`;
    const linkB = `https://conventions.exemple.fr/o/toit-dabord/conventions/${ids.conv}`;
    // Grouped by organisation (French order), the overdue ones first.
    expect(alice.text).toContain([
      "== Association Toit d'Abord ==",
      "À échéance dans les 7 prochains jours :",
      "- Échange trimestriel sur l'ensemble des ménages — Logement relais Testville – Toit d'Abord (2026-T1) — échéance le 12 mars 2026",
      `  ${linkB}`,
      "- Instance annuelle de suivi et de validation — Logement relais Testville – Toit d'Abord — échéance le 16 mars 2026",
      `  ${linkB}`,
      "",
      "== Ville de Testville ==",
      "Passées en retard depuis le 9 mars 2026 :",
      "- Réunion de bilan annuel de la convention — Logement relais Testville – Toit d'Abord — échéance le 9 mars 2026",
      `  ${link}`,
      "À échéance dans les 7 prochains jours :",
      "- Instance annuelle de suivi et de validation — Logement relais Testville – Toit d'Abord — échéance le 16 mars 2026",
    ].join("\n"));
    for (const absent of ["Versement de la subvention annuelle", "Remboursement dû", "Confirmation de la réception du versement", "Résiliation possible"]) {
      expect(alice.text).not.toContain(absent);
    }
    expect(alice.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/conventions\.exemple\.fr\/desabonnement\/[\w-]+\.[\w-]+>/m);
    const [bruno] = mailsTo("bruno@toit-dabord.fr");
    expect(bruno.subject).toBe("Vos échéances du 10 mars 2026 : 0 en retard, 2 à venir");
    expect(bruno.text).not.toContain("Ville de Testville");
    expect(bruno.text).toContain(`Ne plus le recevoir : https://conventions.exemple.fr/desabonnement/${unsubscribeToken(ids.bruno)}`);
    expect(await db.digestClaim.count({ where: { day: new Date("2026-03-10"), sentAt: { not: null } } })).toBe(2);
  });

  it("run again the same day, by the job and directly, it sends nothing more", async () => {
    const boss = workers[0];
    const job = await waitJob(boss, JOBS.digest, (await boss.send(JOBS.digest, {}))!);
    expect(job.output).toMatchObject({ sent: 0, alreadyClaimed: 2 });
    expect(await runDailyDigest("2026-03-10")).toMatchObject({ sent: 0, alreadyClaimed: 2 });
    expect(received).toHaveLength(2);
  });

  it("two workers at once, after two missed days: still one per person, and the days missed lose nothing", async () => {
    // Done between the two digests: absent from the next one.
    await db.obligation.update({ where: { id: ob.meeting }, data: { doneOn: new Date("2026-03-12") } });
    setToday("2026-03-13");
    const second = await startJobWorker({ schedule: false, pollingIntervalSeconds: 0.5 });
    workers.push(second);
    const [j1, j2] = await Promise.all([workers[0].send(JOBS.digest, {}), second.send(JOBS.digest, {})]);
    const jobs = await Promise.all([waitJob(workers[0], JOBS.digest, j1!), waitJob(second, JOBS.digest, j2!)]);
    expect(jobs.map((j) => j.state)).toEqual(["completed", "completed"]);
    expect(jobs.map((j) => (j.output as { sent: number }).sent).reduce((a, b) => a + b)).toBe(2);
    expect(mailsTo("alice@testville.fr", "13 mars 2026")).toHaveLength(1);
    expect(mailsTo("bruno@toit-dabord.fr", "13 mars 2026")).toHaveLength(1);
    const [alice] = mailsTo("alice@testville.fr", "13 mars 2026");
    // The 12th's exchange became overdue on the 13th's window, which starts at the last digest (the 10th).
    expect(alice.text).toContain("Passées en retard depuis le 10 mars 2026 :\n- Échange trimestriel sur l'ensemble des ménages");
    expect(alice.text).toContain("- Remboursement dû — Logement relais Testville – Toit d'Abord — échéance le 17 mars 2026");
    expect(alice.text).not.toContain("Instance annuelle de suivi et de validation");
    expect(alice.text).not.toContain("Réunion de bilan annuel");

    // And four runs in the same instant, on another day.
    setToday("2026-03-14");
    const runs = await Promise.all([1, 2, 3, 4].map(() => runDailyDigest("2026-03-14")));
    const sum = (k: "sent" | "empty" | "alreadyClaimed") => runs.map((r) => r[k]).reduce((a, b) => a + b);
    // Bruno has nothing new that day: his day is done without a mail.
    expect([sum("sent"), sum("empty"), sum("alreadyClaimed")]).toEqual([1, 1, 6]);
    expect(received.filter((m) => m.text.includes("récapitulatif du 14 mars 2026")).map((m) => m.to[0])).toEqual(["alice@testville.fr"]);
  });

  it("a person who turned the digest off, or left the organisation chosen, gets none", async () => {
    expect(received.filter((m) => m.to.includes("chloe@testville.fr") || m.to.includes("david@testville.fr") || m.to.includes("eve@hors-champ.fr"))).toEqual([]);
    expect(await db.digestClaim.count({ where: { personId: { in: [ids.chloe, ids.david] } } })).toBe(0);
  });

  it("the unsubscribe link turns it off without signing in; a forged one is refused", async () => {
    const unsubscribe = publicActionRegistry().get("digest.unsubscribe")!;
    const forged = unsubscribeToken(ids.bruno).replace(/^[^.]+/, Buffer.from(ids.alice).toString("base64url"));
    expect(await unsubscribe.execute(rc(null), { token: forged })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { token: [expect.stringContaining("pas valable")] } });
    expect(await unsubscribe.execute(rc(null), { token: unsubscribeToken(ids.bruno) })).toEqual({ ok: true, data: { email: "bruno@toit-dabord.fr" } });
    expect(await db.auditEvent.count({ where: { action: "account.digest.unsubscribe", entityId: ids.bruno, actorId: ids.bruno } })).toBe(1);
    setToday("2026-03-15");
    const r = await runDailyDigest("2026-03-15");
    expect(r.sent).toBe(1);
    expect(mailsTo("bruno@toit-dabord.fr", "15 mars 2026")).toHaveLength(0);
    expect(mailsTo("alice@testville.fr", "15 mars 2026")).toHaveLength(1);
  });

  it("ACC-1: a person sets only their own preferences, for organisations they belong to", async () => {
    const setPrefs = actionRegistry().get("account.digestPreferences")!;
    const r = await setPrefs.execute(rc({ id: ids.bruno }), "toit-dabord", { enabled: true, organisationIds: [ids.B, ids.A] });
    expect(r).toMatchObject({ ok: false, code: "not-found" });
    expect(await setPrefs.execute(rc({ id: ids.bruno }), "testville", { enabled: true, organisationIds: [ids.B] })).toMatchObject({ ok: false, code: "not-found" });
    expect(await setPrefs.execute(rc({ id: ids.bruno }), "toit-dabord", { enabled: true, organisationIds: [] }))
      .toMatchObject({ ok: false, code: "invalid", fieldErrors: { organisationIds: ["Choisissez au moins une organisation, ou désactivez le récapitulatif."] } });
    expect((await db.digestPreference.findUniqueOrThrow({ where: { personId: ids.bruno } })).enabled).toBe(false);
  });

  it("a mail the SMTP server refuses releases its claim: the retry sends it once", async () => {
    setToday("2026-03-16");
    await expect(runDailyDigest("2026-03-16", { send: async () => { throw new Error("SMTP indisponible"); } })).rejects.toThrow(/1 envoi\(s\) en échec/);
    expect(await db.digestClaim.count({ where: { personId: ids.alice, day: new Date("2026-03-16") } })).toBe(0);
    expect(await runDailyDigest("2026-03-16")).toMatchObject({ sent: 1 });
    expect(await runDailyDigest("2026-03-16")).toMatchObject({ sent: 0, alreadyClaimed: 1 });
    expect(mailsTo("alice@testville.fr", "16 mars 2026")).toHaveLength(1);
    // The claim's window: a claim taken (a crash before the send) but never completed does not move it.
    await db.digestClaim.create({ data: { personId: ids.alice, day: new Date("2026-03-17"), fromDay: new Date("2026-03-16") } });
    expect(await claimDigest(db, ids.alice, "2026-03-18")).toMatchObject({ fromDay: "2026-03-16" });
  });

  it("without SMTP_URL, a mail is written as an .eml file under the mail folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "cl-mail-"));
    const smtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    process.env.MAIL_DIR = dir;
    try {
      const sent = await sendMail({ to: "alice@testville.fr", subject: "Vos échéances du 17 mars 2026", text: "Bonjour Alice", html: "<p>Bonjour Alice</p>" });
      expect(await readdir(dir)).toEqual([path.basename(sent.file!)]);
      const eml = await readFile(sent.file!, "utf8");
      expect(eml).toMatch(/^To: alice@testville\.fr$/m);
      expect(subjectOf(eml)).toBe("Vos échéances du 17 mars 2026");
      expect(decodedText(eml)).toBe("Bonjour Alice");
    } finally {
      process.env.SMTP_URL = smtpUrl;
      delete process.env.MAIL_DIR;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("the retention purge runs from the queue as the app role and deletes only old reads of social detail", async () => {
    setToday("2026-03-10");
    await db.auditEvent.createMany({
      data: [
        { action: "case.socialDetail.read", entityType: "Case", entityId: "vieux", fields: [], at: new Date("2025-01-05T10:00:00Z") },
        { action: "case.socialDetail.read", entityType: "Case", entityId: "recent", fields: [], at: new Date("2025-12-05T10:00:00Z") },
        { action: "member.role", entityType: "Membership", entityId: "vieux-autre", fields: [], at: new Date("2024-01-05T10:00:00Z") },
      ],
    });
    const boss = workers[0];
    const job = await waitJob(boss, JOBS.purge, (await boss.send(JOBS.purge, {}))!);
    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ households: 0, readLogDeleted: 1 });
    expect((await db.auditEvent.findMany({ where: { entityId: { in: ["vieux", "recent", "vieux-autre"] } }, select: { entityId: true }, orderBy: { entityId: "asc" } })).map((e) => e.entityId))
      .toEqual(["recent", "vieux-autre"]);
  });
});
