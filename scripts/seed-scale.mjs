#!/usr/bin/env node
// npm run seed:scale -- <size> [--today AAAA-MM-JJ]   (BENCHMARKS.md §1)
// A separate database `conventions_scale_<size>`, created afresh and migrated, holding one city tenant with
// <size> relais cases visible to its ADMIN bench@ville.demo (password demo-logement-2026), plus a neighbour
// city's 5 % that this person must not see. Each case's events (referral, diagnostic, decision, entry,
// contract, weekly visits, bilans, renewal, end) are simulated, and its obligations and Case.nextDueOn
// come from the domain's engine (relaisCaseObligations), as the app would store them. The tenant also has a
// bailleur's stock in the city with the vacancies of the year and a réservation convention with the city
// (scripts/seed-scale-flux.mjs: 1 000 dwellings / 200 vacancies for 1000, 100 000 / 20 000 for 50000). Bulk inserts are
// multi-row INSERT … SELECT FROM unnest(arrays), in chunks. Connection details go to .data/scale-<size>.json.
// Without DATABASE_URL it uses the project's embedded PostgreSQL; with it, that server (a role that may create databases).
import { register as registerTsx } from "tsx/esm/api";
import "./lib/server-only-hook.mjs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { DATA, cfgOf, createDatabase, dropDatabase, ensureCluster, grantAppRole, stopCluster, superCfg, urlOf, withClient } from "./lib/pg.mjs";
import { applyMigrations } from "./lib/migrate.mjs";
import { appConnection } from "./lib/database.mjs";
import { FIRST, LAST, insertCaseBatch, makeRandom, simulateCase } from "./seed-scale-cases.mjs";
import { seedFlux } from "./seed-scale-flux.mjs";

registerTsx();
const { PrismaPg } = await import("@prisma/adapter-pg");
const { PrismaClient } = await import("../lib/generated/prisma/client.ts");
const { createConvention } = await import("../lib/server/convention-write.ts");
const { refreshConventionObligations } = await import("../lib/server/conventions.ts");
const { defaultParams } = await import("../lib/validation/convention-params.ts");
const { CONVENTION_PARAM_SPEC, ZCreateConventionInput, paramToInput } = await import("../lib/validation/conventions.ts");

const argv = process.argv.slice(2);
const size = Number(argv.find((a) => /^\d+$/.test(a)));
const todayArg = argv.includes("--today") ? argv[argv.indexOf("--today") + 1] : null;
if (!Number.isInteger(size) || size < 1 || size > 1_000_000) {
  console.error("usage : node scripts/seed-scale.mjs <nombre de dossiers> [--today AAAA-MM-JJ]   (1000 : petit, 50000 : grand)");
  process.exit(1);
}
const today = todayArg ?? new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const year = Number(today.slice(0, 4));
const database = `conventions_scale_${size}`;
const PASSWORD = "demo-logement-2026";
const BENCH_EMAIL = "bench@ville.demo";
const ASSOCIATIONS = 6;
const WORKERS_PER_ASSOCIATION = 15;
const CITY_AGENTS = 8;
const log = (...a) => console.log("[seed:scale]", ...a);

async function connections() {
  if (process.env.DATABASE_URL) {
    const server = cfgOf(process.env.DATABASE_URL);
    return { server, external: true, started: false, state: null };
  }
  const { state, started } = await ensureCluster();
  return { server: superCfg(state), external: false, started, state };
}

async function main() {
  const t0 = Date.now();
  const conn = await connections();
  const ownerCfg = { ...conn.server, database };
  try {
    await dropDatabase(conn.server, database);
    await createDatabase(conn.server, database);
    await applyMigrations(ownerCfg);
    let appCfg;
    if (conn.external && process.env.APP_DATABASE_URL) {
      appCfg = { ...cfgOf(process.env.APP_DATABASE_URL), database };
      await grantAppRole(ownerCfg, appCfg.user);
    } else {
      appCfg = await appConnection({ external: conn.external, ownerCfg, state: conn.state });
    }
    log(`base ${database} créée et migrée (${((Date.now() - t0) / 1000).toFixed(1)} s) ; aujourd'hui = ${today}`);

    const tenant = await seedTenant(ownerCfg);
    log(`organisations, personnes et conventions créées (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    const counts = await seedCases(ownerCfg, tenant);
    const flux = await seedScaleFlux(ownerCfg);
    log(`flux de réservation créé (${((Date.now() - t0) / 1000).toFixed(1)} s) :`, JSON.stringify(flux.counts));
    await withClient(ownerCfg, (c) => c.query('VACUUM (ANALYZE) "Household", "Case", "CaseReferent", "CaseEvent", "Obligation", "Person", "Membership", "Convention", "ConventionParty", "Organisation", "ConventionEvent", "Dwelling", "DwellingRegime", "Vacancy", "VacancyStep", "VacancyCandidate"'));
    const seconds = (Date.now() - t0) / 1000;
    log(`terminé en ${seconds.toFixed(1)} s :`, JSON.stringify(counts));
    const out = path.join(DATA, `scale-${size}.json`);
    writeFileSync(out, JSON.stringify({
      size, database, today, seconds, counts, flux, org: "ville-bench", email: BENCH_EMAIL, password: PASSWORD,
      ownerUrl: urlOf(ownerCfg), appUrl: urlOf(appCfg),
    }, null, 2), { mode: 0o600 });
    log(`connexion notée dans ${path.relative(process.cwd(), out)} ; personne mesurée : ${BENCH_EMAIL} (ville-bench)`);
  } finally {
    if (conn.started) stopCluster();
  }
}

/** Organisations, persons and conventions, through the same creation path as the form (as the demo seed). */
async function seedTenant(ownerCfg) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: urlOf(ownerCfg) }) });
  const passwordHash = await hash(PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  try {
    return await prisma.$transaction(async (tx) => {
      const org = (data) => tx.organisation.create({ data, select: { id: true, slug: true, name: true } });
      const person = async (email, firstName, lastName, organisationId, role) =>
        (await tx.person.create({ data: { email, firstName, lastName, passwordHash, memberships: { create: [{ organisationId, role }] } }, select: { id: true } })).id;
      const city = await org({ slug: "ville-bench", name: "Ville de Bench-sur-Seine", kind: "COMMUNE", postcode: "94999", commune: "Bench-sur-Seine" });
      const neighbour = await org({ slug: "ville-voisine", name: "Ville voisine (hors périmètre)", kind: "COMMUNE", postcode: "94998", commune: "Voisine" });
      await org({ slug: "bailleur-bench", name: "Bailleur de Bench", kind: "BAILLEUR", postcode: "94999", commune: "Bench-sur-Seine" });
      const benchId = await person(BENCH_EMAIL, "Camille", "Mesure", city.id, "ADMIN");
      const cityAgents = [];
      for (let i = 0; i < CITY_AGENTS; i++) cityAgents.push(await person(`agent${i + 1}@ville.demo`, FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length], city.id, "AGENT"));
      const neighbourAgent = await person("agent@ville-voisine.demo", "Agent", "Voisin", neighbour.id, "AGENT");
      const associations = [];
      for (let a = 0; a <= ASSOCIATIONS; a++) {
        const outside = a === ASSOCIATIONS; // works only with the neighbour city
        const o = await org({ slug: `association-${a + 1}`, name: outside ? "Association voisine" : `Association d'accompagnement n° ${a + 1}`, kind: "ASSOCIATION", postcode: "94999", commune: "Bench-sur-Seine" });
        const workers = [];
        for (let w = 0; w < WORKERS_PER_ASSOCIATION; w++) {
          workers.push(await person(`travailleur${w + 1}@association-${a + 1}.demo`, FIRST[(a * 13 + w) % FIRST.length], LAST[(a * 17 + w * 3) % LAST.length], o.id, w === 0 ? "ADMIN" : "AGENT"));
        }
        associations.push({ ...o, workers, outside });
      }
      const quota = String(Math.min(100_000, Math.max(3, Math.ceil(size / 4))));
      const convention = async (cityOrg, cityPerson, assoc, title, startOn, extra) => {
        const defaults = defaultParams("RELAIS", year);
        const params = Object.fromEntries(CONVENTION_PARAM_SPEC.RELAIS.map((s) => [s.key, paramToInput(s, defaults[s.key])]));
        const input = ZCreateConventionInput.parse({
          kind: "RELAIS", title, reference: "", territory: "Bench-sur-Seine", signedOn: startOn, startOn,
          parties: [{ organisationId: cityOrg.id, roleLabel: "la Ville" }, { organisationId: assoc.id, roleLabel: "l'Association" }],
          params: { ...params, referralQuota: quota, householdsPerYear: quota, ...extra },
        });
        const c = await createConvention(tx, { personId: cityPerson, orgId: cityOrg.id }, input, today, { confirmAll: true });
        await refreshConventionObligations(tx, c.id, today);
        return { id: c.id, startOn, previous: extra.renewalKind === "NONE", cityId: cityOrg.id, associationId: assoc.id, cityAgents: cityOrg.id === city.id ? cityAgents : [neighbourAgent], workers: assoc.workers };
      };
      const conventions = { previous: [], current: [], outside: [] };
      for (const a of associations) {
        if (a.outside) {
          conventions.outside.push(await convention(neighbour, neighbourAgent, a, `Logement relais – Ville voisine / ${a.name}`, `${year - 1}-01-01`, {}));
          continue;
        }
        conventions.previous.push(await convention(city, benchId, a, `Logement relais ${year - 3}-${year - 2} – Bench-sur-Seine / ${a.name}`, `${year - 3}-01-01`,
          { initialMonths: "24", renewalKind: "NONE", renewalPeriodMonths: "", maxTotalMonths: "" }));
        conventions.current.push(await convention(city, benchId, a, `Logement relais – Bench-sur-Seine / ${a.name}`, `${year - 1}-01-01`, {}));
      }
      return { conventions, benchId };
    }, { timeout: 300_000 });
  } finally {
    await prisma.$disconnect();
  }
}

/** The réservation flux (issue 10): the bailleur's stock, its vacancies of the year and the conventions with the city. */
async function seedScaleFlux(ownerCfg) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: urlOf(ownerCfg) }) });
  const passwordHash = await hash(PASSWORD, { algorithm: 2 /* Argon2id */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  const domain = await import("../lib/domain/index.ts");
  const convention = async (tx, x) => {
    const defaults = defaultParams("RESERVATION_FLUX", year);
    const params = Object.fromEntries(CONVENTION_PARAM_SPEC.RESERVATION_FLUX.map((s) => [s.key, paramToInput(s, defaults[s.key])]));
    const input = ZCreateConventionInput.parse({
      kind: "RESERVATION_FLUX", title: x.title, reference: "", territory: x.territory, signedOn: x.signedOn, startOn: x.startOn,
      parties: [{ organisationId: x.cityId, roleLabel: "la Ville (réservataire)" }, { organisationId: x.bailleurId, roleLabel: "le bailleur" }], params,
    });
    const c = await createConvention(tx, { personId: x.personId, orgId: x.cityId }, input, today, { confirmAll: true });
    await refreshConventionObligations(tx, c.id, today);
    return c.id;
  };
  try {
    return await withClient(ownerCfg, async (client) => {
      await client.query("SET synchronous_commit = off");
      return seedFlux({ prisma, client, size, today, year, passwordHash, domain, convention });
    });
  } finally {
    await prisma.$disconnect();
  }
}

/** The cases, in chunks: simulated events → the engine's obligations → bulk inserts. */
async function seedCases(ownerCfg, tenant) {
  const domain = await import("../lib/domain/index.ts");
  const random = makeRandom(size * 7919 + 17);
  const counts = { cases: 0, visibleCases: 0, households: 0, events: 0, obligations: 0, referents: 0, closed: 0, overdue: 0, withoutDueDate: 0, engineRefusals: 0 };
  const outsideCount = Math.ceil(size * 0.05);
  const total = size + outsideCount;
  const ranks = new Map();
  const CHUNK = 1000;
  await withClient(ownerCfg, async (client) => {
    await client.query("SET synchronous_commit = off");
    let pending = Promise.resolve();
    for (let from = 0; from < total; from += CHUNK) {
      const batch = [];
      for (let i = from; i < Math.min(total, from + CHUNK); i++) {
        const outside = i >= size;
        // 35 % of the city's cases were referred under the previous convention (all supported or ended since).
        const list = outside ? tenant.conventions.outside : random() < 0.35 ? tenant.conventions.previous : tenant.conventions.current;
        const conv = list[Math.floor(random() * list.length)];
        const c = simulateCase({ random, domain, today, conv, ranks });
        if (c.refused) counts.engineRefusals += 1;
        batch.push(c);
        counts.cases += 1;
        if (!outside) counts.visibleCases += 1;
        counts.events += c.events.length;
        counts.obligations += c.obligations.length;
        counts.referents += c.referents.length;
        if (c.closedOn) counts.closed += 1;
        if (c.nextDueOn === null) counts.withoutDueDate += 1;
        else if (c.nextDueOn < today) counts.overdue += 1;
        if (i % 100 === 0) await new Promise((r) => setImmediate(r)); // lets the previous chunk's inserts progress
      }
      counts.households += batch.length;
      await pending; // the previous chunk's inserts ran while this one was computed
      pending = insertCaseBatch(client, batch, today);
      if ((from / CHUNK) % 10 === 0) log(`${Math.min(total, from + CHUNK)} / ${total} dossiers`);
    }
    await pending;
  });
  return counts;
}

main().catch((e) => { console.error("[seed:scale]", e?.stack ?? e); process.exit(1); });
