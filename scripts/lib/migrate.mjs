// Prisma migrations applied, created and checked with Prisma's WebAssembly schema engine:
// the CLI's native engine cannot be downloaded here (STACK.md §2.3, whose fixes are kept below).
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { ROOT } from "./pg.mjs";

const migrationsDir = path.join(ROOT, "prisma", "migrations");
const filters = { externalTables: [], externalEnums: [] };
let wasmReady = false;

function initWasm() {
  if (wasmReady) return;
  // The .wasm is not in the package's "exports"; read it from the installed package.
  const wasmUrl = path.join(ROOT, "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmUrl)), { "./schema_engine_bg.js": bg });
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => console.error("schema-engine panic:", m) };
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  wasmReady = true;
}

function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lock = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : 'provider = "postgresql"\n' },
    migrationDirectories: dirs.map((name) => {
      const f = path.join(migrationsDir, name, "migration.sql");
      return { path: name, migrationFile: { path: "migration.sql", content: existsSync(f) ? { tag: "ok", value: readFileSync(f, "utf8") } : { tag: "error", value: "missing migration.sql" } } };
    }),
  };
}

let patched = false;
async function makeFactory(cfg) {
  const sql = async (q) => {
    const c = new pg.Client({ ...cfg, database: "postgres" });
    await c.connect();
    try { await c.query(q); } finally { await c.end(); }
  };
  // Discrete fields, never a connection string: pg lets a connection string override `database` (shadow DB).
  const factory = new PrismaPg(cfg);
  if (!patched) {
    // adapter-pg has no mapping for OID 18 ("char", in pg_catalog); the describer wants Character there.
    const probe = await factory.connect();
    const Queryable = Object.getPrototypeOf(Object.getPrototypeOf(probe));
    // adapter-pg's executeScript splits a migration on every « ; », even inside a $$-quoted function body (the
    // flux_snapshots triggers): send the script whole, as PostgreSQL's simple query protocol allows.
    Object.getPrototypeOf(probe).executeScript = async function (script) {
      try { await this.client.query(script); } catch (error) { this.onError(error); }
    };
    await probe.dispose();
    const { queryRaw } = Queryable;
    Queryable.queryRaw = async function (query) {
      const charCols = [];
      const self = Object.create(this, {
        performIO: { value: async (q) => {
          const r = await this.performIO(q);
          r.fields.forEach((f, i) => { if (f.dataTypeID === 18) { charCols.push(i); f.dataTypeID = 25; } });
          return r;
        } },
      });
      const res = await queryRaw.call(self, query);
      for (const i of charCols) res.columnTypes[i] = ColumnTypeEnum.Character;
      return res;
    };
    patched = true;
  }
  // adapter-pg's own connectToShadowDb drops the shadow database before closing its pool.
  factory.connectToShadowDb = async () => {
    const db = `prisma_shadow_${process.pid}_${Date.now()}`;
    await sql(`CREATE DATABASE "${db}"`);
    const shadow = await new PrismaPg({ ...cfg, database: db }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => { await dispose(); await sql(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`); };
    return shadow;
  };
  return factory;
}

async function withEngine(cfg, schemaPath, fn) {
  initWasm();
  const content = readFileSync(schemaPath, "utf8");
  const factory = await makeFactory(cfg);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, content]] },
    (l) => process.env.DEBUG_ENGINE && console.error(l),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try { return await fn(engine, { files: [{ path: schemaPath, content }] }); } finally { engine.free(); }
}

const defaultSchema = path.join(ROOT, "prisma", "schema.prisma");

/** ~ `prisma migrate deploy` */
export async function applyMigrations(cfg) {
  return withEngine(cfg, defaultSchema, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return appliedMigrationNames;
  });
}

/** ~ `prisma migrate dev --create-only` */
export async function createMigration(cfg, name) {
  return withEngine(cfg, defaultSchema, async (engine, schema) => {
    const { action } = await engine.devDiagnostic({ migrationsList: migrationsList(), filters });
    if (action.tag === "reset") throw new Error("La base doit être réinitialisée : " + action.reason);
    const out = await engine.createMigration({ draft: false, migrationName: name, migrationsList: migrationsList(), schema, filters });
    if (!out.migrationScript) return null;
    mkdirSync(path.join(migrationsDir, out.generatedMigrationName), { recursive: true });
    writeFileSync(path.join(migrationsDir, out.generatedMigrationName, `migration.${out.extension}`), out.migrationScript);
    writeFileSync(path.join(migrationsDir, "migration_lock.toml"), `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`);
    return out.generatedMigrationName;
  });
}

/** ~ `prisma migrate diff --from-migrations --to-schema --exit-code`: the SQL missing, or null when none. */
export async function driftSql(cfg, schemaPath = defaultSchema) {
  return withEngine(cfg, schemaPath, async (engine, schema) => {
    const r = await engine.diff({ from: { tag: "migrations", ...migrationsList() }, to: { tag: "schemaDatamodel", ...schema }, script: true, exitCode: true, filters });
    return r.exitCode === 2 ? r.stdout : null;
  });
}
