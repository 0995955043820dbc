#!/usr/bin/env node
// npm test: type-check, lint, migration drift, rule coverage, unit tests (three time zones, coverage),
// integration tests on a real PostgreSQL, end-to-end tests in a real Chromium. Stops at the first failure.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ROOT, ensureCluster, stopCluster } from "./lib/pg.mjs";

const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);
const counts = [];
let started = false;

function step(title, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${title} a échoué (${s} s)`);
    finish(1);
  }
  console.log(`✔ ${title} (${s} s)`);
}

function vitestCounts(label, file) {
  const j = JSON.parse(readFileSync(file, "utf8"));
  counts.push({ label, passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests });
}

function playwrightCounts(file) {
  const j = JSON.parse(readFileSync(file, "utf8"));
  counts.push({ label: "end-to-end (Chromium)", passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky, skipped: j.stats.skipped });
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("▶ Chromium absent : installation du paquet Debian « chromium »");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(`✖ Chromium introuvable : les tests de bout en bout ne peuvent pas tourner (ils ne sont jamais sautés).
  Installez-le : sudo apt-get install -y chromium   (Debian/Ubuntu)
  ou indiquez un exécutable : CHROMIUM_PATH=/chemin/vers/chromium npm test`);
  finish(1);
}

function finish(code) {
  if (started) stopCluster();
  // A failed step still reports what it ran.
  const e2e = path.join(ROOT, "test-results/e2e.json");
  if (!counts.some((c) => c.label.startsWith("end-to-end")) && existsSync(e2e)) playwrightCounts(e2e);
  const integration = path.join(ROOT, "test-results/integration.json");
  if (!counts.some((c) => c.label.startsWith("integration")) && existsSync(integration)) vitestCounts("integration (PostgreSQL)", integration);
  if (counts.length) {
    console.log("\nRésumé");
    for (const c of counts) console.log(`  ${c.label.padEnd(34)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`);
    const p = counts.reduce((a, c) => a + c.passed, 0), f = counts.reduce((a, c) => a + c.failed, 0);
    console.log(`\nTotal: ${p} passed, ${f} failed`);
  }
  process.exit(code);
}

const chromium = findChromium();
rmSync(path.join(ROOT, "test-results"), { recursive: true, force: true });
// One PostgreSQL for the whole run: every step below reuses it (scripts/lib/pg.mjs).
if (!process.env.DATABASE_URL) ({ started } = await ensureCluster({ hold: true }));

step("Vérification des types (tsc)", bin("tsc"), ["--noEmit"]);
step("Lint (ESLint)", bin("eslint"), ["--max-warnings=0", "."]);
step("Migrations : schema.prisma et prisma/migrations concordent (db:check)", process.execPath, ["scripts/db.mjs", "check"]);
step("Règles : chaque identifiant de DOMAIN.md §2–§7 a un test (rules:check)", process.execPath, ["scripts/rules-check.mjs"]);
step("Tests unitaires (UTC, couverture de lib/domain)", bin("vitest"), ["run", "--project", "unit", "--coverage", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], { TZ: "UTC" });
vitestCounts("unit (UTC)", path.join(ROOT, "test-results/unit.json"));
for (const tz of ["America/Los_Angeles", "Pacific/Kiritimati"]) {
  step(`Tests unitaires (TZ=${tz})`, bin("vitest"), ["run", "--project", "unit", "--reporter=dot"], { TZ: tz });
}
step("Tests d'intégration (PostgreSQL réel)", bin("vitest"), ["run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"]);
vitestCounts("integration (PostgreSQL)", path.join(ROOT, "test-results/integration.json"));
step("Construction de l'application (next build)", process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"]);
step("Tests de bout en bout (Playwright, Chromium)", bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });
playwrightCounts(path.join(ROOT, "test-results/e2e.json"));
finish(0);
