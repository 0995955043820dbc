#!/usr/bin/env node
// npm start: embedded PostgreSQL (or DATABASE_URL) → migrations → demo tenant on an empty database →
// production build when missing or older than the sources → next start on http://localhost:3000.
//   --e2e     a fresh database `conventions_e2e`, test mode (movable clock), port 3100 (Playwright)
//   --dev     next dev instead of a production build
//   --no-demo never seed the demo tenant
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA, ROOT, stopCluster } from "./lib/pg.mjs";
import { DEFAULT_DB, isEmpty, ownerConnection, prepare, seed } from "./lib/database.mjs";
import { dropDatabase } from "./lib/pg.mjs";

const argv = process.argv.slice(2);
const e2e = argv.includes("--e2e");
const dev = argv.includes("--dev");
const demo = !argv.includes("--no-demo") && process.env.DEMO !== "0";
const port = process.env.PORT ?? (e2e ? "3100" : "3000");
const database = e2e ? "conventions_e2e" : DEFAULT_DB;

function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const f = path.join(DATA, "auth-secret");
  if (!existsSync(f)) { mkdirSync(DATA, { recursive: true }); writeFileSync(f, randomBytes(32).toString("base64url"), { mode: 0o600 }); }
  return readFileSync(f, "utf8").trim();
}

function newestSource(dir) {
  let newest = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === "generated" || e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  if (existsSync(dir)) walk(dir);
  return newest;
}

export function buildIsStale() {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  const files = ["next.config.ts", "package.json", "postcss.config.mjs", "prisma/schema.prisma"].map((f) => path.join(ROOT, f)).filter(existsSync);
  const newest = Math.max(...["app", "components", "lib"].map((d) => newestSource(path.join(ROOT, d))), ...files.map((f) => statSync(f).mtimeMs));
  return newest > built;
}

const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

async function main() {
  let started = false;
  if (e2e && !process.env.DATABASE_URL) {
    const conn = await ownerConnection("postgres", { hold: true });
    started = conn.started;
    await dropDatabase(conn.ownerCfg, database);
  }
  const db = await prepare(database, { hold: true });
  started ||= db.started;
  if (await isEmpty(db.ownerCfg)) {
    if (demo) seed(db.ownerCfg);
    else console.log("[start] base vide, sans jeu de démonstration (--no-demo)");
  }
  if (!dev && buildIsStale()) {
    console.log("[start] construction de l'application (next build)…");
    const r = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, stdio: "inherit", env: baseEnv });
    if (r.status !== 0) throw new Error("La construction a échoué.");
  }
  const env = {
    ...baseEnv, DATABASE_URL: db.appUrl, AUTH_SECRET: authSecret(), AUTH_TRUST_HOST: "true",
    ...(e2e ? { APP_MODE: "test" } : {}),
  };
  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-H", "127.0.0.1", "-p", port], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env });
  let stopping = false;
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    if (started) stopCluster();
    process.exit(code);
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  child.on("exit", (code) => stop(code ?? 1));
  if (!e2e && demo) printLogins();
}

function printLogins() {
  console.log(`
──────────────────────────────────────────────────────────────────────────
 Conventions logement : http://localhost:${port}
 Comptes de démonstration (mot de passe : demo-logement-2026)
   Ville de Choisy-le-Roi      admin@choisy-le-roi.demo · agent@… · lecteur@…
   AUMV                        admin@aumv.demo · agent@aumv.demo · lecteur@aumv.demo
   Valophis Habitat            admin@valophis-habitat.demo · agent@… · lecteur@…
   Préfecture du Val-de-Marne  admin@prefecture-val-de-marne.demo · …
   Collectivité eur. d'Alsace  admin@alsace.demo · …   Habiter Solidaire en Alsace  admin@habiter-alsace.demo · …
   USH / FNARS Midi-Pyrénées   admin@ush-midi-pyrenees.demo · admin@fnars-midi-pyrenees.demo · …
   Deux organisations          nadia.benali@multi.demo (AUMV et FNARS Midi-Pyrénées)
 Ctrl+C pour arrêter (les données restent dans .data/).
──────────────────────────────────────────────────────────────────────────`);
}

main().catch((e) => { console.error("[start]", e?.message ?? e); process.exit(1); });
