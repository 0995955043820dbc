#!/usr/bin/env node
// npm run db:start | db:migrate | db:new -- <name> | db:check [-- --schema <file>] | db:seed | db:reset | purge [-- --dry-run]
// Without DATABASE_URL these use the project's embedded PostgreSQL, reusing it when it already runs.
import { dropDatabase, stopCluster, urlOf } from "./lib/pg.mjs";
import { DEFAULT_DB, isEmpty, migrate, ownerConnection, prepare, runTs, seed } from "./lib/database.mjs";
import { createMigration, driftSql } from "./lib/migrate.mjs";

const [cmd, ...args] = process.argv.slice(2);
const flag = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
let started = false;

async function main() {
  switch (cmd) {
    case "serve": {
      const p = await prepare(DEFAULT_DB, { hold: true });
      console.log(`[db] prêt : ${p.external ? "(DATABASE_URL)" : urlOf({ ...p.ownerCfg, password: "***" })} — Ctrl+C pour arrêter`);
      if (!p.started) { console.log("[db] l'instance tournait déjà ; elle reste à son propriétaire"); return; }
      const stop = () => { stopCluster(); process.exit(0); };
      process.on("SIGINT", stop); process.on("SIGTERM", stop);
      setInterval(() => {}, 1 << 30);
      return "hold";
    }
    case "migrate": { const p = await prepare(DEFAULT_DB); started = p.started; return; }
    case "new": {
      const name = args.find((a) => !a.startsWith("-"));
      if (!name) throw new Error("usage : npm run db:new -- <nom_de_la_migration>");
      const conn = await ownerConnection(DEFAULT_DB); started = conn.started;
      // The WebAssembly engine cannot diff while migrations are pending: apply them first.
      await migrate(conn, { quiet: true });
      const created = await createMigration(conn.ownerCfg, name);
      console.log(created ? `[db] migration créée : prisma/migrations/${created}` : "[db] aucun changement du schéma");
      return;
    }
    case "check": {
      const conn = await ownerConnection(DEFAULT_DB); started = conn.started;
      const sql = await driftSql(conn.ownerCfg, flag("--schema"));
      if (sql) {
        console.error("[db] écart : les migrations ne produisent pas schema.prisma. Lancez `npm run db:new -- <nom>`. SQL manquant :\n" + sql);
        process.exitCode = 2;
      } else console.log("[db] schema.prisma et les migrations concordent");
      return;
    }
    case "reset": {
      // Development only: drops the embedded database (never a DATABASE_URL one), then migrates it anew.
      if (process.env.DATABASE_URL) throw new Error("db:reset ne touche pas une base fournie par DATABASE_URL.");
      const conn = await ownerConnection("postgres"); started = conn.started;
      await dropDatabase(conn.ownerCfg, DEFAULT_DB);
      await prepare(DEFAULT_DB);
      console.log("[db] base de développement recréée (vide ; `npm run db:seed` pour la démo)");
      return;
    }
    case "seed": {
      const p = await prepare(DEFAULT_DB, { quiet: true }); started = p.started;
      if (!(await isEmpty(p.ownerCfg))) { console.log("[db] la base contient déjà des données : jeu de démonstration non recréé"); return; }
      seed(p.ownerCfg);
      return;
    }
    case "purge": {
      // Issue 8: households past retention become pseudonymous skeletons; `--dry-run` lists them only.
      const p = await prepare(DEFAULT_DB, { quiet: true }); started = p.started;
      process.exitCode = runTs(p.ownerCfg, "scripts/purge.ts", args);
      return;
    }
    default:
      console.error("usage : node scripts/db.mjs serve | migrate | new <nom> | check [--schema <fichier>] | seed | reset | purge [--dry-run] [--today AAAA-MM-JJ]");
      process.exitCode = 1;
  }
}

main().then((r) => {
  if (r === "hold") return;
  if (started) stopCluster();
  process.exit();
}).catch((e) => {
  console.error("[db]", e?.message ?? e);
  if (started) stopCluster();
  process.exit(1);
});
