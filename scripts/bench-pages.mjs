#!/usr/bin/env node
// The pages' benchmark (../shared/BENCHMARKS.md): the case list (issue 6 « Done when ») and the flux of the year of
// the city's réservation convention (issue 10 « Done when »):
//   node scripts/bench-pages.mjs [--sizes 1000,50000] [--pages list,flux,dashboard] [--n 200] [--build] [--no-record]
// (issue 12: --pages dashboard, the « Tableau de bord »; --sizes may add `demo`, the demo tenant of
// `node scripts/seed-bench-demo.mjs`, measured as Choisy-le-Roi's ADMIN)
// Needs the tenants of `node scripts/seed-scale.mjs <size>` (their .data/scale-<size>.json). Builds when there is no
// build (or with --build), then starts one production server per tenant (`next start` on its database with the app
// role, as scripts/start.mjs does, without its rebuild-when-stale: a rebuild would pull .next from under the first server), signs in as
// the city ADMIN, warms up (20 requests a page), then times whole HTML responses over keep-alive connections on
// 127.0.0.1 at concurrency 1 and 10, in interleaved rounds. Floor: /connexion without a session (a dynamic page
// of the same layout that reads no data and finds no session). Also counts SQL queries: Prisma query events of the
// page's data functions called directly, and statements seen by PostgreSQL per request (pg_stat_database).
// Appends a « Liste des dossiers » and/or « Flux de l'année » section (per --pages) to docs/benchmarks.md unless
// --no-record. Stops the servers it started.
import { register as registerTsx } from "tsx/esm/api";
import "./lib/server-only-hook.mjs";
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, createWriteStream, existsSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { DATA, ROOT, cfgOf, ensureAppRole, ensureCluster, freePort, grantAppRole, stopCluster, withClient } from "./lib/pg.mjs";
import { applyMigrations } from "./lib/migrate.mjs";

registerTsx();
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const SIZES = opt("--sizes", "1000,50000").split(",").map((x) => (x === "demo" ? x : Number(x)));
const PAGES = new Set(opt("--pages", "list,flux").split(","));
for (const p of PAGES) if (!["list", "flux", "dashboard"].includes(p)) throw new Error(`--pages : « ${p} » inconnu (list, flux, dashboard)`);
if (SIZES.includes("demo") && (PAGES.has("list") || PAGES.has("flux"))) throw new Error("--sizes demo : seulement avec --pages dashboard");
const N = Math.max(200, Number(opt("--n", "200")));
const WARMUP = 20;
const ROUNDS = 4;
const CONCURRENCIES = [1, 10];
const record = !argv.includes("--no-record");
const log = (...a) => console.log("[bench]", ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const tenants = SIZES.map((size) => {
  const f = path.join(DATA, `scale-${size}.json`);
  if (!existsSync(f)) throw new Error(`${f} manquant : lancez d'abord node scripts/seed-scale.mjs ${size}`);
  const t = { size, ...JSON.parse(readFileSync(f, "utf8")) };
  if (PAGES.has("flux") && size !== "demo" && !t.flux) throw new Error(`${f} sans flux de réservation : relancez node scripts/seed-scale.mjs ${size}`);
  return t;
});
const children = [];
const stopAll = () => { for (const c of children) if (c.exitCode === null) c.kill("SIGTERM"); };
process.on("SIGINT", () => { stopAll(); process.exit(130); });

/** One GET; resolves when the whole body has arrived. */
function get(agent, port, p, cookie) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: "127.0.0.1", port, path: p, agent, headers: cookie ? { cookie } : {} }, (res) => {
      let bytes = 0;
      const chunks = [];
      res.on("data", (c) => { bytes += c.length; if (chunks.length < 64) chunks.push(c); });
      res.on("end", () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, status: res.statusCode, bytes, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("délai dépassé")));
    req.on("error", reject);
    req.end();
  });
}

/** `count` requests with `conc` workers over `conc` keep-alive connections. */
async function load(port, target, count, conc) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conc });
  const times = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const r = await get(agent, port, target.path, target.cookie);
      if (r.status !== target.status) throw new Error(`${target.path} : HTTP ${r.status} (attendu ${target.status})`);
      times.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: conc }, worker));
  agent.destroy();
  return times;
}

const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const secret = randomBytes(32).toString("base64url");

/** `next start` as scripts/start.mjs runs it (app role's URL, loopback), on the tenant's database. */
async function startServer(t) {
  const port = await freePort();
  const logFile = path.join(os.tmpdir(), `bench-pages-${t.size}-${port}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT, env: { ...process.env, DATABASE_URL: t.appUrl, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(out); child.stderr.pipe(out);
  children.push(child);
  const agent = new http.Agent({ keepAlive: false });
  for (let i = 0; i < 120; i++) { // at most 2 minutes
    if (child.exitCode !== null) throw new Error(`le serveur ${t.size} s'est arrêté : voir ${logFile}`);
    const r = await get(agent, port, "/connexion").catch(() => null);
    if (r?.status === 200) return { port, logFile, pid: child.pid };
    await sleep(1000);
  }
  throw new Error(`le serveur ${t.size} ne répond pas : voir ${logFile}`);
}

/** next-auth credentials flow: CSRF token, then the callback; returns the cookie header of the session. */
async function signIn(port, email, password) {
  const base = `http://127.0.0.1:${port}`;
  const jar = new Map();
  const keep = (res) => { for (const c of res.headers.getSetCookie()) { const [kv] = c.split(";"); const i = kv.indexOf("="); jar.set(kv.slice(0, i), kv.slice(i + 1)); } };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`connexion refusée pour ${email} (HTTP ${res.status})`);
  return cookie();
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), mean: s.reduce((a, b) => a + b, 0) / s.length, min: s[0], max: s[s.length - 1] };
};

/** A cursor in the middle of the tenant's list (a deep keyset page), as lib/server/case-list.ts encodes it. */
async function middleCursor(t) {
  return withClient(cfgOf(t.ownerUrl), async (c) => {
    const { rows } = await c.query(
      `SELECT to_char(k."nextDueOn", 'YYYY-MM-DD') AS d, k.id FROM "Case" k JOIN "ConventionParty" p ON p."conventionId" = k."conventionId"
       JOIN "Organisation" o ON o.id = p."organisationId" AND o.slug = $1 ORDER BY k."nextDueOn" ASC NULLS LAST, k.id OFFSET $2 LIMIT 1`, [t.org, Math.floor(t.counts.visibleCases / 2)]);
    return Buffer.from(JSON.stringify([rows[0].d, rows[0].id]), "utf8").toString("base64url");
  });
}

/**
 * A Prisma client on the tenant's app URL that counts its query events, and the measured person's caller resolved as
 * getCaller does (person, then caller). `fn` gets the client, that session, `measure` (the queries of one call) and
 * `median` (the median time of 30 calls after 5 warm-up ones, ms).
 */
async function withCountingSession(t, fn) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("../lib/generated/prisma/client.ts");
  const { resolvePerson, resolveCaller } = await import("../lib/server/access.ts");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.appUrl }), log: [{ emit: "event", level: "query" }] });
  let n = 0;
  db.$on("query", () => { n += 1; });
  try {
    const person = await withClient(cfgOf(t.ownerUrl), async (c) => (await c.query('SELECT id, "sessionVersion" FROM "Person" WHERE email = $1', [t.email])).rows[0]);
    const s = { personId: person.id, sessionVersion: person.sessionVersion };
    const measure = async (fn) => { n = 0; const r = await fn(); return { n, r }; };
    const session = await measure(async () => { await resolvePerson(s, db); return resolveCaller(s, t.org, db); });
    const median = async (call) => {
      const ms = [];
      for (let i = 0; i < 35; i++) { const t0 = performance.now(); await call(); if (i >= 5) ms.push(performance.now() - t0); }
      return stats(ms).p50;
    };
    return await fn({ db, session, measure, median });
  } finally {
    await db.$disconnect();
  }
}

/** Prisma query events of what the page runs: the caller (as getCaller: person, then caller), the list, the filters' choices. */
async function countQueries(t) {
  const { listCases, caseListOptions } = await import("../lib/server/case-list.ts");
  return withCountingSession(t, async ({ db, session, measure, median }) => {
    const caller = session.r;
    const list = await measure(() => listCases(caller, {}, t.today, db));
    const late = await measure(() => listCases(caller, { overdue: true }, t.today, db));
    const next = await measure(() => listCases(caller, { after: list.r.nextCursor }, t.today, db));
    const options = await measure(() => caseListOptions(caller, db));
    // listCases alone, per filter: median of 30 calls (ms), to see which filters grow with the data.
    const worker = await withClient(cfgOf(t.ownerUrl), async (c) => (await c.query(
      `SELECT r."personId" FROM "CaseReferent" r JOIN "Organisation" o ON o.id = r."organisationId" AND o.kind = 'ASSOCIATION' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`)).rows[0]?.personId);
    const filters = { "no filter": {}, "overdue": { overdue: true }, "open": { status: "OPEN" }, "closed": { status: "CLOSED" }, "referent (the busiest social worker)": { referent: worker }, "next page": { after: list.r.nextCursor } };
    const timings = {};
    for (const [name, f] of Object.entries(filters)) timings[name] = await median(() => listCases(caller, f, t.today, db));
    return { session: session.n, list: list.n, overdue: late.n, nextPage: next.n, options: options.n, page: session.n + list.n + options.n, rows: list.r.rows.length, timings };
  });
}

/** Prisma query events of the flux page: the caller (as getCaller), then fluxView; and fluxView's median time (ms). */
async function countFluxQueries(t) {
  const { fluxView } = await import("../lib/server/flux.ts");
  return withCountingSession(t, async ({ db, session, measure, median }) => {
    const year = Number(t.today.slice(0, 4));
    await fluxView(session.r, t.flux.conventionId, year, t.today, db); // the first read of the day recomputes lapsed vacancies
    const view = await measure(() => fluxView(session.r, t.flux.conventionId, year, t.today, db));
    const fluxViewMs = await median(() => fluxView(session.r, t.flux.conventionId, year, t.today, db));
    // After a change of the bailleur's data (its FluxStamp bumped, as the triggers do): the snapshot is recomputed.
    const bump = () => db.$executeRaw`UPDATE "FluxStamp" SET version = version + 1`;
    await bump();
    const cold = await measure(() => fluxView(session.r, t.flux.conventionId, year, t.today, db));
    const coldMs = [];
    for (let i = 0; i < 10; i++) { await bump(); const t0 = performance.now(); await fluxView(session.r, t.flux.conventionId, year, t.today, db); coldMs.push(performance.now() - t0); }
    const v = view.r;
    return {
      session: session.n, flux: view.n, page: session.n + view.n, fluxViewMs, coldQueries: cold.n, coldMs: stats(coldMs).p50,
      figures: { assiette: v.assiette?.assiette, forecast: v.forecast, freed: v.freed.total, oriented: v.oriented, objective: v.objective.forecast, counted: v.count.total, leases: v.count.leases, equivalents: v.count.equivalents, residences: v.residences.length },
    };
  });
}

/** Prisma query events of the dashboard (issue 12): the caller, then dashboard() after the day's first read; its median time. */
async function countDashboardQueries(t) {
  const { dashboard } = await import("../lib/server/dashboard.ts");
  return withCountingSession(t, async ({ db, session, measure, median }) => {
    await dashboard(session.r, t.today, {}, db); // the day's first read refreshes what is stale
    const view = await measure(() => dashboard(session.r, t.today, {}, db));
    const dashboardMs = await median(() => dashboard(session.r, t.today, {}, db));
    const o = view.r.obligations;
    const counts = Object.fromEntries(Object.entries(o).map(([k, g]) => [k, `${g.capped ? "more than " : ""}${g.total}`]));
    return { session: session.n, dashboard: view.n, page: session.n + view.n + 1 /* the bell */, dashboardMs, counts };
  });
}

/**
 * Statements PostgreSQL committed per request (pg_stat_database.xact_commit). Idle backends flush their counts
 * about 10 s after their last statement: wait for the earlier traffic to settle, measure the reads' own share,
 * then the requests'.
 */
async function statementsPerRequest(t, port, target, count = 60) {
  const cfg = cfgOf(t.ownerUrl);
  const read = () => withClient(cfg, async (c) => Number((await c.query("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")).rows[0].xact_commit));
  await sleep(15_000);
  const a = await read(); await sleep(15_000);
  const b = await read();
  await load(port, target, count, 1); await sleep(15_000);
  const c = await read();
  return Math.round((((c - b) - (b - a)) / count) * 10) / 10; // minus the reads' own transactions
}

const f1 = (x) => x.toFixed(1);

async function main() {
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
  // The embedded PostgreSQL the tenants were seeded in (unless DATABASE_URL names another server).
  if (!process.env.DATABASE_URL) {
    const { started } = await ensureCluster({ hold: true });
    if (started) process.on("exit", () => stopCluster());
  }
  // A tenant seeded before a later migration (an index, a read model) gets it first.
  for (const t of tenants) {
    const applied = await applyMigrations(cfgOf(t.ownerUrl));
    if (applied.length) log(`${t.database} : migrations appliquées ${applied.join(", ")}`);
  }
  if (argv.includes("--build") || !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("construction de l'application (next build)…");
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error("La construction a échoué.");
  }
  const loadBefore = os.loadavg().map((x) => x.toFixed(2)).join(" / ");
  const servers = [];
  for (const t of tenants) {
    // As npm start does at each start: the app role gets the password this tenant was recorded with (the
    // integration tests' setup, run on the same cluster, sets another one).
    const app = cfgOf(t.appUrl);
    await ensureAppRole(cfgOf(t.ownerUrl), app.user, app.password);
    await grantAppRole(cfgOf(t.ownerUrl), app.user);
    log(`démarrage du serveur de production sur ${t.database}…`);
    const s = await startServer(t);
    const cookie = await signIn(s.port, t.email, t.password);
    const org = `/o/${t.org}/dossiers`;
    const targets = {
      floor: { path: "/connexion", cookie: null, status: 200, label: "floor: /connexion without a session" },
      auth: { path: `/o/${t.org}/rapports`, cookie, status: 200, label: "reference: empty signed-in page (/rapports)" },
    };
    const server = { t, ...s, targets };
    if (PAGES.has("list")) {
      const check = await get(new http.Agent(), s.port, org, cookie);
      if (check.status !== 200 || !check.body.includes("<table")) throw new Error(`${org} : HTTP ${check.status} sans tableau`);
      const cursor = await middleCursor(t);
      Object.assign(targets, {
        list: { path: org, cookie, status: 200, label: "case list, first page" },
        overdue: { path: `${org}?retard=1`, cookie, status: 200, label: "case list « en retard », first page" },
        deep: { path: `${org}?apres=${cursor}`, cookie, status: 200, label: "case list, middle page (cursor)" },
      });
      server.queries = await countQueries(t);
      log(`serveur ${t.size} prêt sur 127.0.0.1:${s.port} (${s.logFile}) ; requêtes SQL et durées de listCases :`, JSON.stringify(server.queries));
    }
    if (PAGES.has("flux")) {
      const flux = `/o/${t.org}/conventions/${t.flux.conventionId}/flux`;
      const check = await get(new http.Agent(), s.port, flux, cookie);
      if (check.status !== 200 || !check.body.includes("Flux de l")) throw new Error(`${flux} : HTTP ${check.status} sans la page du flux`);
      targets.flux = { path: flux, cookie, status: 200, label: "flux of the year (/conventions/<id>/flux)" };
      server.fluxQueries = await countFluxQueries(t);
      log(`serveur ${t.size} prêt sur 127.0.0.1:${s.port} (${s.logFile}) ; requêtes SQL et durée de fluxView :`, JSON.stringify(server.fluxQueries));
    }
    if (PAGES.has("dashboard")) {
      const dash = `/o/${t.org}/tableau-de-bord`;
      const check = await get(new http.Agent(), s.port, dash, cookie);
      if (check.status !== 200 || !check.body.includes("Tableau de bord")) throw new Error(`${dash} : HTTP ${check.status} sans le tableau de bord`);
      targets.dashboard = { path: dash, cookie, status: 200, label: "dashboard (/tableau-de-bord)" };
      server.dashQueries = await countDashboardQueries(t);
      log(`serveur ${t.size} prêt sur 127.0.0.1:${s.port} (${s.logFile}) ; requêtes SQL et durée de dashboard :`, JSON.stringify(server.dashQueries));
    }
    servers.push(server);
  }
  for (const s of servers) for (const target of Object.values(s.targets)) await load(s.port, target, WARMUP, 1);
  const times = {};
  for (const conc of CONCURRENCIES) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of servers) {
        for (const [name, target] of Object.entries(s.targets)) {
          const key = `${conc}|${s.t.size}|${name}`;
          (times[key] ??= []).push(...(await load(s.port, target, Math.ceil(N / ROUNDS), conc)));
        }
      }
    }
    log(`concurrence ${conc} mesurée`);
  }
  for (const s of servers) {
    s.statements = { floor: await statementsPerRequest(s.t, s.port, s.targets.floor) };
    if (s.targets.list) s.statements.list = await statementsPerRequest(s.t, s.port, s.targets.list);
    if (s.targets.flux) s.statements.flux = await statementsPerRequest(s.t, s.port, s.targets.flux);
    if (s.targets.dashboard) s.statements.dashboard = await statementsPerRequest(s.t, s.port, s.targets.dashboard);
    log(`instructions SQL par requête vues par PostgreSQL (${s.t.size}) :`, JSON.stringify(s.statements));
  }
  stopAll();
  const loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(" / ");

  const scaled = servers.filter((s) => typeof s.t.size === "number");
  const [small, large] = [scaled[0] ?? servers[0], scaled[scaled.length - 1] ?? servers[servers.length - 1]];
  const st = {};
  for (const conc of CONCURRENCIES) for (const s of servers) for (const name of Object.keys(s.targets)) st[`${conc}|${s.t.size}|${name}`] = stats(times[`${conc}|${s.t.size}|${name}`]);
  /** The timing table and the scale ratios of some targets (the floor and the signed-in reference always). */
  const tables = (names) => {
    const lines = ["| page | tenant | conc. | n | p50 (ms) | p95 (ms) | mean (ms) | max (ms) | p95 / floor p95 |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"];
    for (const conc of CONCURRENCIES) {
      for (const s of servers) {
        for (const name of [...names, "auth", "floor"]) {
          const x = st[`${conc}|${s.t.size}|${name}`];
          const ratio = x.p95 / st[`${conc}|${s.t.size}|floor`].p95;
          lines.push(`| ${s.targets[name].label} | ${s.t.size} | ${conc} | ${x.n} | ${f1(x.p50)} | ${f1(x.p95)} | ${f1(x.mean)} | ${f1(x.max)} | ${ratio.toFixed(2)} |`);
        }
      }
    }
    const scale = small === large ? [] : CONCURRENCIES.flatMap((conc) => [...names, "auth", "floor"].map((name) => {
      const a = st[`${conc}|${small.t.size}|${name}`], b = st[`${conc}|${large.t.size}|${name}`];
      return `| ${small.targets[name].label} | ${conc} | ${(b.p50 / a.p50).toFixed(2)} | ${(b.p95 / a.p95).toFixed(2)} |`;
    }));
    return { lines, scale };
  };
  const cpu = os.cpus();
  const machine = `- **Machine**: ${cpu.length} vCPU (${cpu[0]?.model.trim()}), Node ${process.version}, ${os.platform()}/${os.arch()}; servers, PostgreSQL and the load script on the same machine, loopback only; load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after`;
  const protocol = `- **Protocol**: production build (\`next build\`, then \`next start\` with the app role, as \`scripts/start.mjs\` runs it), one server per tenant; signed in as the city ADMIN \`${small.t.email}\`; ${WARMUP} warm-up requests a page, then ${N} requests a page and concurrency in ${ROUNDS} interleaved rounds, keep-alive connections, time until the whole HTML has arrived; p50/p95 by nearest rank.`;
  const command = `\`node scripts/seed-scale.mjs ${SIZES.join("`, `node scripts/seed-scale.mjs ")}\`, then \`node scripts/bench-pages.mjs --sizes ${SIZES.join(",")} --pages ${[...PAGES].join(",")} --n ${N}\``;
  let out = "";
  if (PAGES.has("list")) {
    const { lines, scale } = tables(["list", "overdue", "deep"]);
    const q = (s) => `${s.queries.session} (caller) + ${s.queries.list} (list) + ${s.queries.options} (filter choices) = **${s.queries.page}**; « en retard » ${s.queries.overdue}, next page ${s.queries.nextPage}; seen by PostgreSQL (pg_stat_database.xact_commit over 60 requests): ${s.statements.list} statements per list request, ${s.statements.floor} per floor request`;
    out += [
      "", "## Liste des dossiers", "",
      `- **Date**: ${new Date().toISOString().slice(0, 16).replace("T", " ")} (UTC)`,
      `- **Commit**: \`${commit}\`${dirty ? " (working tree with uncommitted changes: the case list of issue 6 was not yet committed)" : ""}`,
      `- **Command**: ${command}`,
      machine,
      protocol,
      `- **Floor**: \`/connexion\` without a session cookie — a dynamic page with the same root layout that finds no session and reads no data (0 SQL statements, below).`,
      ...servers.map((s) => `- **Tenant ${s.t.size}** (\`${s.t.database}\`, today ${s.t.today}, generated in ${Math.round(s.t.seconds)} s): ${s.t.counts.visibleCases} cases visible to the person (+ ${s.t.counts.cases - s.t.counts.visibleCases} of a neighbour city it must not see), ${s.t.counts.events} case events, ${s.t.counts.obligations} case obligations, ${s.t.counts.closed} closed, ${s.t.counts.overdue} overdue, ${s.t.counts.withoutDueDate} without an open due date`),
      "", ...lines, "",
      `Scale (large ${large.t.size} / small ${small.t.size}):`, "", "| page | conc. | p50 ratio | p95 ratio |", "|---|---:|---:|---:|", ...scale, "",
      "SQL queries of the list page (Prisma query events of the page's data functions, called directly):", "",
      ...servers.map((s) => `- ${s.t.size} cases: ${q(s)}`), "",
      "`listCases` alone (one SQL query, called directly, median of 30 calls, ms):", "",
      `| filter | ${servers.map((s) => s.t.size).join(" | ")} |`, `|---|${servers.map(() => "---:").join("|")}|`,
      ...Object.keys(small.queries.timings).map((k) => `| ${k} | ${servers.map((s) => f1(s.queries.timings[k])).join(" | ")} |`), "",
    ].join("\n");
  }
  if (PAGES.has("flux")) {
    const { lines, scale } = tables(["flux"]);
    const target = 300;
    const verdict = CONCURRENCIES.map((conc) => {
      const p95 = st[`${conc}|${large.t.size}|flux`].p95;
      return `at ${conc} connection${conc > 1 ? "s" : ""}: p95 ${f1(p95)} ms on the large tenant — ${p95 <= target ? `**met** (${f1(target - p95)} ms under)` : `**missed by ${f1(p95 - target)} ms**`}`;
    });
    const same = new Set(servers.map((s) => s.fluxQueries.page)).size === 1;
    const fig = (s) => { const f = s.fluxQueries.figures; return `assiette ${f.assiette}, forecast ${f1(f.forecast)}, freed so far ${f.freed}, oriented to the city ${f.oriented}, objective ${f.objective}, counted ${f.counted} (${f.leases} leases, ${f.equivalents} equivalents), ${f.residences} residences`; };
    out += [
      "", "## Flux de l'année", "",
      `- **Date**: ${new Date().toISOString().slice(0, 16).replace("T", " ")} (UTC)`,
      `- **Commit**: \`${commit}\`${dirty ? " (working tree with uncommitted changes: the flux page of issue 10 was not yet committed)" : ""}`,
      `- **Command**: ${command}`,
      machine,
      protocol,
      `- **Floor**: \`/connexion\` without a session cookie (0 SQL statements, below).`,
      `- **Page**: \`/o/ville-bench/conventions/<id>/flux\` of the current year, the city's réservation convention with the tenant's bailleur (\`lib/server/flux.ts\` fluxView: the assiette, the freed dwellings, the months, the targets and the residences each grouped in SQL, stored per convention and year in \`FluxSnapshot\` until the bailleur's data changes).`,
      ...servers.map((s) => { const c = s.t.flux.counts; return `- **Tenant ${s.t.size}** (\`${s.t.database}\`, today ${s.t.today}): ${c.dwellings} dwellings of the bailleur in ${c.residences} residences (${c.regimes} regime rows), ${c.vacancies} vacancies declared in ${s.t.flux.year} (${c.city} oriented to the measured city, ${c.otherReservataire} to another réservataire, ${c.bailleur} bailleur's own use, ${c.soustrait} soustraits; outcomes ${Object.entries(c.outcomes).map(([k, v]) => `${k} ${v}`).join(", ")}), ${c.steps} vacancy steps, ${c.candidates} candidates; agreed share ${Math.round(s.t.flux.share * 100)} %, agreed rotation ${f1(s.t.flux.agreedRatePpm / 10_000)} %. Page figures: ${fig(s)}`; }),
      `- **Target**: p95 under ${target} ms with 100 000 dwellings and 20 000 vacancies: ${verdict.join("; ")}.`,
      "", ...lines, "",
      `Scale (large ${large.t.size} / small ${small.t.size}):`, "", "| page | conc. | p50 ratio | p95 ratio |", "|---|---:|---:|---:|", ...scale, "",
      `SQL queries of the flux page (Prisma query events of the page's data functions, called directly, after the day's first read): ${same ? "**the same** on both tenants" : "**they differ**"}:`, "",
      ...servers.map((s) => `- ${s.t.size} cases / ${s.t.flux.counts.dwellings} dwellings / ${s.t.flux.counts.vacancies} vacancies: ${s.fluxQueries.session} (caller) + ${s.fluxQueries.flux} (fluxView) = **${s.fluxQueries.page}**; fluxView alone, median of 30 calls: ${f1(s.fluxQueries.fluxViewMs)} ms; right after a change of the bailleur's data (snapshot recomputed and stored): ${s.fluxQueries.coldQueries} queries, median of 10 calls ${f1(s.fluxQueries.coldMs)} ms; seen by PostgreSQL (pg_stat_database.xact_commit over 60 requests): ${s.statements.flux} statements per flux request, ${s.statements.floor} per floor request`),
      "",
    ].join("\n");
  }
  if (PAGES.has("dashboard")) {
    const { lines, scale } = tables(["dashboard"]);
    const verdict = (size, target) => CONCURRENCIES.map((conc) => {
      const p95 = st[`${conc}|${size}|dashboard`]?.p95;
      if (p95 === undefined) return null;
      return `at ${conc} connection${conc > 1 ? "s" : ""}: p95 ${f1(p95)} ms — ${p95 <= target ? `**met** (${f1(target - p95)} ms under)` : `**missed by ${f1(p95 - target)} ms**`}`;
    }).filter(Boolean).join("; ");
    const same = new Set(scaled.map((s) => s.dashQueries.page)).size === 1;
    const demo = servers.find((s) => s.t.size === "demo");
    out += [
      "", "## Tableau de bord", "",
      `- **Date**: ${new Date().toISOString().slice(0, 16).replace("T", " ")} (UTC)`,
      `- **Commit**: \`${commit}\`${dirty ? " (working tree with uncommitted changes)" : ""}`,
      `- **Command**: ${demo ? "`node scripts/seed-bench-demo.mjs`, " : ""}${command}`,
      machine,
      protocol.replace(`signed in as the city ADMIN \`${small.t.email}\``, `signed in as the city ADMIN (\`${[...new Set(servers.map((s) => s.t.email))].join("`, `")}\`)`),
      `- **Floor**: \`/connexion\` without a session cookie (0 SQL statements, below).`,
      `- **Page**: \`/o/<city>/tableau-de-bord\` (\`lib/server/dashboard.ts\` dashboard(): open obligations in three groups cut in SQL with totals up to 200, the city's panels — designations due within 7 days, vacancies lapsed this month, flux counted and droits uniques of its réservation convention — and the bell's unread count in the layout).`,
      ...servers.map((s) => `- **Tenant ${s.t.size}** (\`${s.t.database}\`, today ${s.t.today}): ${s.t.counts ? `${s.t.counts.visibleCases} cases visible to the person, ${s.t.counts.obligations} case obligations, ` : "the demo of `npm run db:seed` (with its vacancies), "}${s.t.flux ? `${s.t.flux.counts.vacancies} vacancies in the year; ` : ""}open obligations shown: overdue ${s.dashQueries.counts.overdue}, 7 days ${s.dashQueries.counts.week}, 30 days ${s.dashQueries.counts.month}`),
      `- **Target**: p95 under 300 ms with ${large.t.size} cases and 20 000 vacancies: ${verdict(large.t.size, 300)}${demo ? `; under 200 ms on the demo tenant: ${verdict("demo", 200)}` : ""}.`,
      "", ...lines, "",
      ...(scale.length ? [`Scale (large ${large.t.size} / small ${small.t.size}):`, "", "| page | conc. | p50 ratio | p95 ratio |", "|---|---:|---:|---:|", ...scale, ""] : []),
      `SQL queries of the dashboard (Prisma query events of the page's data functions, called directly, after the day's first read): ${same ? "**the same** on the generated tenants" : "**they differ**"}:`, "",
      ...servers.map((s) => `- ${s.t.size}: ${s.dashQueries.session} (caller) + ${s.dashQueries.dashboard} (dashboard) + 1 (the bell) = **${s.dashQueries.page}**; dashboard() alone, median of 30 calls: ${f1(s.dashQueries.dashboardMs)} ms; seen by PostgreSQL (pg_stat_database.xact_commit over 60 requests): ${s.statements.dashboard} statements per dashboard request, ${s.statements.floor} per floor request`),
      "",
    ].join("\n");
  }
  console.log(out);
  if (record) { appendFileSync(path.join(ROOT, "docs", "benchmarks.md"), out); log("résultats ajoutés à docs/benchmarks.md"); }
}

main().then(() => process.exit(0)).catch((e) => { console.error("[bench]", e?.stack ?? e); stopAll(); process.exit(1); });
