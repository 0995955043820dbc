/**
 * npm run bench:import [-- --lines 100000] [--record]   (issue 9: « an import of 100 000 lines takes under 30 s »)
 *
 * Generates a Windows-1252 CSV of <lines> dwellings (« ; », decimal commas, accents in street and residence names,
 * realistic proportions: financing, typology, QPV, DPE, 3 % excluded, 2 % soustraits) in a temp folder, creates a
 * scratch database `conventions_bench_import` (dropped first and at the end) with a bailleur and its agent, then
 * imports the file twice through the route handler's core (`handleDwellingImport`: body read as a stream, same
 * code as the app, as the app's non-owner role): first import = creates, second = re-import of the same file
 * with 1 % of the lines changed (rent, surface, regime). Also times reading + validation alone. --record appends
 * a « Import de logements » section to docs/benchmarks.md. Without DATABASE_URL it uses the embedded PostgreSQL.
 */
import "./lib/server-only-hook.mjs";
import { execSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_ROLE, ROOT, cfgOf, createDatabase, dropDatabase, ensureAppRole, ensureCluster, grantAppRole, stopCluster, superCfg, urlOf, withClient, type PgCfg } from "./lib/pg.mjs";
import { applyMigrations } from "./lib/migrate.mjs";
import { mulberry32 as prng, pickWeighted as pick } from "../lib/random";

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const LINES = Number(opt("--lines", "100000"));
const RECORD = argv.includes("--record");
const DATABASE = "conventions_bench_import";
const TODAY = "2026-06-15";
const log = (...a: unknown[]) => console.log("[bench:import]", ...a);


const COMMUNES = [["Choisy-le-Roi", "94600"], ["Vitry-sur-Seine", "94400"], ["Créteil", "94000"], ["Ivry-sur-Seine", "94200"], ["Orly", "94310"], ["Thiais", "94320"], ["Villejuif", "94800"], ["Champigny-sur-Marne", "94500"]] as const;
const STREETS = ["rue Émile-Zola", "allée des Frênes", "avenue de la Libération", "boulevard Jean-Jaurès", "rue du Général-Leclerc", "quai d'Orléans", "rue Édouard-Vaillant", "place de l'Église", "rue des Écoles", "avenue Anatole-France", "rue Pierre-Sémard", "rue de la Forêt", "chemin des Prés", "rue Étienne-Dolet", "avenue Gabriel-Péri", "rue du Cœur-Volant"];
const RESIDENCES = ["Résidence Les Hêtres", "Les Épinettes", "Cité Gabriel-Péri", "Résidence Cœur de Ville", "Le Clos des Érables", "Les Terrasses de l'Hôtel-de-Ville", "Résidence Sévigné", "Les Châtaigniers", "Le Hameau des Prés", "Résidence Condorcet", "Les Mûriers", "Résidence Aimé-Césaire"];
const FINANCING = [["PLUS", 70], ["PLAI", 13], ["PLS", 10], ["PLI", 2], ["AUTRE", 5]] as const;
const TYPOLOGY = [["T1", 8], ["T2", 22], ["T3", 38], ["T4", 24], ["T5", 7], ["T6+", 1]] as const;
const SURFACE: Record<string, [number, number]> = { T1: [24, 34], T2: [40, 52], T3: [56, 70], T4: [71, 86], T5: [87, 102], "T6+": [103, 125] };
const PERIOD = [["AVANT_1949", 6], ["1949_1974", 34], ["1975_1989", 24], ["1990_2004", 16], ["2005_2014", 12], ["DEPUIS_2015", 8]] as const;
const FIRST_YEAR: Record<string, [number, number]> = { AVANT_1949: [1925, 1948], "1949_1974": [1955, 1974], "1975_1989": [1975, 1989], "1990_2004": [1990, 2004], "2005_2014": [2005, 2014], DEPUIS_2015: [2015, 2025] };
const DPE = [["A", 1], ["B", 5], ["C", 17], ["D", 40], ["E", 27], ["F", 8], ["G", 2]] as const;
const RENT_PER_M2: Record<string, number> = { PLAI: 5.9, PLUS: 6.7, PLS: 9.6, PLI: 12.8, AUTRE: 5.4 };
const EXCLUSIONS = [["SALE_PLAN", 4], ["DEMOLITION", 3], ["DEFENCE_SECURITY", 2], ["PUBLIC_HEALTH", 1]] as const;
const SOUSTRACTIONS = [["MUTATION_INTERNE", "CUS 2021-2026, accord de mutations internes"], ["RENOUVELLEMENT_URBAIN", "Convention NPNRU du 12 mars 2021"], ["PERIL_INSALUBRITE", "Arrêté de mise en sécurité n° 2026-114"], ["VENTE", "Plan de vente 2026 (délibération du CA du 3 avril 2026)"]] as const;
const HEADER = "rpls;residence;numero;voie;commune;code_postal;financement;typologie;surface;qpv;periode_construction;loyer;charges;dpe;pmr;classement;annee_premiere_location;regime;motif;annee_soustraction;reference";

const money = (n: number) => n.toFixed(2).replace(".", ",");
type Line = string[];

function generate(n: number): Line[] {
  const r = prng(94_600);
  const out: Line[] = [];
  for (let i = 0; i < n; i++) {
    const [commune, postcode] = COMMUNES[Math.floor(r() * COMMUNES.length)];
    const financing = pick(r, FINANCING);
    const typology = pick(r, TYPOLOGY);
    const [lo, hi] = SURFACE[typology];
    const surface = lo + r() * (hi - lo);
    const period = pick(r, PERIOD);
    const [y0, y1] = FIRST_YEAR[period];
    const x = r();
    let regime: string[] = ["", "", "", ""];
    if (financing === "PLI") regime = ["EXCLUDED", "NOT_SOCIAL_REGIME", "", ""];
    else if (x < 0.03) regime = ["EXCLUDED", pick(r, EXCLUSIONS), "", ""];
    else if (x < 0.05) { const [category, reference] = SOUSTRACTIONS[Math.floor(r() * SOUSTRACTIONS.length)]; regime = ["SOUSTRAIT", category, "2026", reference]; }
    out.push([
      `0942${String(i + 1).padStart(9, "0")}`, RESIDENCES[Math.floor(r() * RESIDENCES.length)], String(1 + Math.floor(r() * 180)), STREETS[Math.floor(r() * STREETS.length)],
      commune, postcode, financing, typology, surface.toFixed(2).replace(".", ","), r() < 0.35 ? "oui" : "non", period,
      money(surface * RENT_PER_M2[financing]), money(surface * (1.5 + r() * 0.8)), pick(r, DPE), r() < (period === "DEPUIS_2015" ? 0.25 : 0.04) ? "oui" : "non",
      String(1 + Math.floor(r() * 4)), String(y0 + Math.floor(r() * (y1 - y0 + 1))), ...regime,
    ]);
  }
  return out;
}

/** 1 % of the lines changed: 0.5 % a new rent, 0.2 % a new surface, 0.3 % excluded (sale plan) from now on. */
function changeOnePercent(lines: Line[]): { lines: Line[]; fields: number; regimes: number } {
  const out = lines.map((l) => [...l]);
  let fields = 0, regimes = 0;
  for (let i = 0; i < out.length; i += 100) {
    const l = out[i];
    const k = (i / 100) % 10;
    if (k < 5) { l[11] = money(Number(l[11].replace(",", ".")) + 12.5); fields++; }
    else if (k < 7) { l[8] = (Number(l[8].replace(",", ".")) + 1).toFixed(2).replace(".", ","); fields++; }
    else if (l[17] === "") { l[17] = "EXCLUDED"; l[18] = "SALE_PLAN"; regimes++; }
    else { l[11] = money(Number(l[11].replace(",", ".")) + 12.5); fields++; }
  }
  return { lines: out, fields, regimes };
}

/** Windows-1252 bytes (Latin-1 plus the 0x80–0x9F specials such as « œ » and « € »). */
const CP1252: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "œ": 0x9c, "Œ": 0x8c };
function win1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252[text[i]];
    if (b === undefined) throw new Error(`caractère hors Windows-1252 : ${text[i]}`);
    out[i] = b;
  }
  return out;
}
const csv = (lines: Line[]) => win1252([HEADER, ...lines.map((l) => l.join(";"))].join("\r\n") + "\r\n");

async function connections(): Promise<{ server: PgCfg; started: boolean; appPassword: string | null }> {
  if (process.env.DATABASE_URL) return { server: cfgOf(process.env.DATABASE_URL), started: false, appPassword: null };
  const { state, started } = await ensureCluster();
  return { server: superCfg(state), started, appPassword: state.appPassword };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function main() {
  if (process.env.DATABASE_URL) process.env.BENCH_EXTERNAL_PG = "1";
  const conn = await connections();
  const ownerCfg = { ...conn.server, database: DATABASE };
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-import-"));
  try {
    await dropDatabase(conn.server, DATABASE);
    await createDatabase(conn.server, DATABASE);
    await applyMigrations(ownerCfg);
    // As the app runs: the non-owner role (with DATABASE_URL, when that URL's role may create it; else that role).
    let appCfg: PgCfg = ownerCfg;
    const appPassword = conn.appPassword ?? randomBytes(18).toString("base64url");
    try {
      await ensureAppRole(conn.server, APP_ROLE, appPassword);
      await grantAppRole(ownerCfg, APP_ROLE);
      appCfg = { ...ownerCfg, user: APP_ROLE, password: appPassword };
    } catch (e) {
      log(`rôle applicatif indisponible (${(e as Error).message}) : import mesuré avec le rôle de DATABASE_URL`);
    }
    process.env.DATABASE_URL = urlOf(appCfg);
    process.env.DB_POOL_SIZE = "4";

    const ids = await withClient(ownerCfg, async (c) => {
      const org = (await c.query(`INSERT INTO "Organisation" (id, slug, name, kind, postcode, commune) VALUES ('bench-bailleur', 'bailleur-bench', 'Bailleur de Bench', 'BAILLEUR', '94600', 'Choisy-le-Roi') RETURNING id`)).rows[0].id as string;
      const person = (await c.query(`INSERT INTO "Person" (id, email, "firstName", "lastName", "passwordHash") VALUES ('bench-agent', 'agent@bailleur-bench.demo', 'Agent', 'Mesure', 'x') RETURNING id`)).rows[0].id as string;
      await c.query(`INSERT INTO "Membership" (id, "personId", "organisationId", role) VALUES ('bench-membership', $1, $2, 'AGENT')`, [person, org]);
      return { org, person };
    });

    let t = performance.now();
    const lines = generate(LINES);
    const first = csv(lines);
    const changed = changeOnePercent(lines);
    const second = csv(changed.lines);
    const f1 = path.join(dir, "logements.csv"), f2 = path.join(dir, "logements-modifies.csv");
    writeFileSync(f1, first);
    writeFileSync(f2, second);
    log(`${LINES} lignes générées en ${seconds(performance.now() - t)} s : ${f1} (${(statSync(f1).size / 1e6).toFixed(1)} Mo, Windows-1252)`);

    const { handleDwellingImport, parseDwellingFile } = await import("../lib/server/dwelling-import");
    const { prisma } = await import("../lib/server/db");
    const request = (bytes: Uint8Array) => {
      // The body arrives as the app receives it: a stream of 64 KiB chunks.
      const body = new ReadableStream<Uint8Array>({
        start(ctrl) { for (let at = 0; at < bytes.length; at += 65_536) ctrl.enqueue(bytes.subarray(at, at + 65_536)); ctrl.close(); },
      });
      return new Request("http://localhost:3000/api/o/bailleur-bench/logements/import?mode=tout", { method: "POST", body, headers: { "content-type": "text/csv" }, duplex: "half" } as RequestInit);
    };
    const rc = { session: { personId: ids.person, sessionVersion: 0 }, origin: "http://localhost:3000", host: "localhost:3000" };

    t = performance.now();
    const parsed = parseDwellingFile(readFileSync(f1));
    const parseMs = performance.now() - t;
    if ("headerError" in parsed || parsed.errors.length) throw new Error(`fichier généré refusé : ${JSON.stringify("headerError" in parsed ? parsed.headerError : parsed.errors.slice(0, 3))}`);
    log(`lecture + validation seules (décodage, CSV, zod) : ${seconds(parseMs)} s`);

    const runs: { label: string; en: string; ms: number; report: Record<string, unknown> }[] = [];
    for (const [label, en, file] of [["premier import (créations)", "first import (creates)", f1], ["ré-import, 1 % des lignes modifiées", "re-import, 1 % of the lines changed", f2]] as const) {
      const bytes = readFileSync(file);
      t = performance.now();
      const res = await handleDwellingImport(rc, { org: "bailleur-bench" }, request(bytes), TODAY);
      const ms = performance.now() - t;
      const report = (await res.json()) as Record<string, unknown>;
      if (res.status !== 200) throw new Error(`${label} : HTTP ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
      const { created, updated, unchanged, regimeChanges, errorLines } = report;
      log(`${label} : ${seconds(ms)} s —`, JSON.stringify({ created, updated, unchanged, regimeChanges, errorLines }));
      runs.push({ label, en, ms, report });
    }
    const counts = await withClient(ownerCfg, async (c) => ({
      dwellings: (await c.query(`SELECT count(*)::int AS n FROM "Dwelling"`)).rows[0].n as number,
      regimes: (await c.query(`SELECT count(*)::int AS n FROM "DwellingRegime"`)).rows[0].n as number,
      audits: (await c.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'dwelling.import'`)).rows[0].n as number,
    }));
    log("en base :", JSON.stringify(counts), `; modifications attendues au ré-import : ${changed.fields} caractéristiques, ${changed.regimes} régimes`);
    await prisma.$disconnect();

    if (RECORD) {
      const commit = (() => { try { return execSync("git rev-parse --short HEAD", { cwd: ROOT }).toString().trim(); } catch { return "?"; } })();
      const dirty = (() => { try { return execSync("git status --porcelain", { cwd: ROOT }).toString().trim() !== ""; } catch { return false; } })();
      const cpus = os.cpus();
      const external = Boolean(process.env.BENCH_EXTERNAL_PG);
      const pgVersion = await withClient(ownerCfg, async (c) => (await c.query("SHOW server_version")).rows[0].server_version as string);
      const load = os.loadavg().map((x) => x.toFixed(2)).join(" / ");
      const row = (r: (typeof runs)[number]) => {
        const x = r.report as Record<string, number>;
        return `| ${r.en} | ${x.total} | ${x.created} | ${x.updated} | ${x.unchanged} | ${x.regimeChanges} | ${x.errorLines} | ${seconds(r.ms)} |`;
      };
      appendFileSync(path.join(ROOT, "docs", "benchmarks.md"), [
        "", "## Import de logements", "",
        `- **Date**: ${new Date().toISOString().slice(0, 16).replace("T", " ")} (UTC)`,
        `- **Commit**: \`${commit}\`${dirty ? " (working tree with uncommitted changes: the import of issue 9 was not yet committed)" : ""}`,
        `- **Command**: \`npm run bench:import${RECORD ? " -- --record" : ""}\` (\`scripts/bench-import.ts\`)`,
        `- **Machine**: ${cpus.length} vCPU (${cpus[0]?.model.trim() ?? "?"}), Node ${process.version}, ${process.platform}/${process.arch}; ${external ? `PostgreSQL ${pgVersion} given by DATABASE_URL` : `the project's embedded PostgreSQL ${pgVersion}`} on the same machine, loopback; load average (1/5/15 min) after: ${load}`,
        `- **Data**: ${LINES} lines generated with a fixed-seed PRNG, Windows-1252, « ; », decimal commas, accents in street and residence names (${(statSync(f1).size / 1e6).toFixed(1)} MB); financing PLUS 70 % / PLAI 13 % / PLS 10 % / PLI 2 % / other 5 %, 3 % excluded and 2 % soustraits besides the PLI. Re-import: the same file with 1 % of the lines changed (${changed.fields} characteristics, ${changed.regimes} regimes).`,
        "- **Protocol**: a fresh scratch database (`conventions_bench_import`, migrated, dropped at the end); each import goes through `handleDwellingImport` (the route handler's core: the body read as a stream of 64 KiB chunks, then decoding, CSV, zod validation per line, one transaction of UNNEST bulk statements, audit) as the app's non-owner role; time from the request to the JSON report. Reading + validation alone timed separately on the first file.",
        "- **Target**: 100 000 lines under 30 s.",
        "",
        "| import | lines | created | updated | unchanged | regime changes | wrong lines | time (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        ...runs.map(row),
        "",
        `Reading + validation alone (decoding, CSV, \`ZDwellingFields\` + \`ZRegimeFields\` on every line): ${seconds(parseMs)} s. In the database after both imports: ${counts.dwellings} dwellings, ${counts.regimes} regime rows, ${counts.audits} audit events \`dwelling.import\`.`,
        "",
      ].join("\n"));
      log("section « Import de logements » ajoutée à docs/benchmarks.md");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(conn.server, DATABASE).catch(() => {});
    if (conn.started) stopCluster();
  }
}

main().then(() => process.exit(0), (e) => { console.error("[bench:import]", e?.stack ?? e); process.exit(1); });
