// Prepares a database for the app: cluster (embedded, or DATABASE_URL), database, app role, migrations, grants.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { APP_ROLE, DATA, ROOT, cfgOf, createDatabase, ensureAppRole, ensureCluster, grantAppRole, superCfg, urlOf, withClient } from "./pg.mjs";
import { applyMigrations } from "./migrate.mjs";
import { installJobQueue } from "./jobs.mjs";

export const DEFAULT_DB = "conventions";

/** The owner connection (migrations) and whether we started the embedded cluster. */
export async function ownerConnection(database = DEFAULT_DB, { hold = false } = {}) {
  if (process.env.DATABASE_URL) return { ownerCfg: cfgOf(process.env.DATABASE_URL), external: true, started: false, state: null };
  const { state, started } = await ensureCluster({ hold });
  const ownerCfg = { ...superCfg(state), database };
  await createDatabase(ownerCfg, database);
  return { ownerCfg, external: false, started, state };
}

function externalAppPassword() {
  const f = path.join(DATA, "app-role.json");
  if (existsSync(f)) return JSON.parse(readFileSync(f, "utf8")).password;
  const password = randomBytes(18).toString("base64url");
  mkdirSync(DATA, { recursive: true });
  writeFileSync(f, JSON.stringify({ password }), { mode: 0o600 });
  return password;
}

/** The application's connection: the non-owner role (APP_DATABASE_URL, or the role the runner creates). */
export async function appConnection(conn) {
  if (conn.external && process.env.APP_DATABASE_URL) return cfgOf(process.env.APP_DATABASE_URL);
  const password = conn.external ? externalAppPassword() : conn.state.appPassword;
  await ensureAppRole(conn.ownerCfg, APP_ROLE, password);
  await grantAppRole(conn.ownerCfg, APP_ROLE);
  return { ...conn.ownerCfg, user: APP_ROLE, password };
}

export async function migrate(conn, { quiet = false } = {}) {
  const applied = await applyMigrations(conn.ownerCfg);
  if (!quiet) console.log("[db] migrations appliquées :", applied.length ? applied.join(", ") : "aucune en attente");
  return applied;
}

export async function isEmpty(ownerCfg) {
  return withClient(ownerCfg, async (c) => (await c.query('SELECT count(*)::int AS n FROM "Organisation"')).rows[0].n === 0);
}

export function seed(ownerCfg, extraEnv = {}) {
  // The seed shares lib/server's code, whose modules are marked server-only (see the hook).
  const r = spawnSync(process.execPath, ["--import", path.join(ROOT, "scripts", "lib", "server-only-hook.mjs"), "--import", "tsx", path.join(ROOT, "prisma", "seed.ts")], {
    cwd: ROOT, stdio: "inherit", env: { ...process.env, ...extraEnv, DATABASE_URL: urlOf(ownerCfg) },
  });
  if (r.status !== 0) throw new Error("Le jeu de démonstration n'a pas pu être créé.");
}

/** Runs a TypeScript entry point that shares lib/server's code (server-only hook, tsx) as the database owner. */
export function runTs(ownerCfg, file, args = [], extraEnv = {}) {
  const r = spawnSync(process.execPath, ["--import", path.join(ROOT, "scripts", "lib", "server-only-hook.mjs"), "--import", "tsx", path.join(ROOT, file), ...args], {
    cwd: ROOT, stdio: "inherit", env: { ...process.env, ...extraEnv, DATABASE_URL: urlOf(ownerCfg) },
  });
  return r.status ?? 1;
}

/** Everything the app needs before it serves: returns the URLs. */
export async function prepare(database = DEFAULT_DB, { quiet = false, hold = false } = {}) {
  const conn = await ownerConnection(database, { hold });
  await migrate(conn, { quiet });
  await installJobQueue(conn.ownerCfg);
  const appCfg = await appConnection(conn);
  return { ...conn, appCfg, ownerUrl: urlOf(conn.ownerCfg), appUrl: urlOf(appCfg) };
}
