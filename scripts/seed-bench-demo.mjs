#!/usr/bin/env node
// node scripts/seed-bench-demo.mjs — the demo tenant (npm run db:seed's, with its vacancies and notifications) in a
// database of its own, `conventions_bench_demo`, for scripts/bench-pages.mjs --sizes demo,… (issue 12: the dashboard
// « under 200 ms on the demo tenant »). Writes .data/scale-demo.json like seed-scale.mjs does; the measured person
// is the Ville de Choisy-le-Roi's ADMIN.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DATA, dropDatabase, stopCluster, urlOf } from "./lib/pg.mjs";
import { ownerConnection, prepare, seed } from "./lib/database.mjs";

const database = "conventions_bench_demo";
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const conn = await ownerConnection("postgres");
await dropDatabase(conn.ownerCfg, database);
const p = await prepare(database, { quiet: true });
seed(p.ownerCfg);
writeFileSync(path.join(DATA, "scale-demo.json"), JSON.stringify({
  size: "demo", database, today, ownerUrl: urlOf(p.ownerCfg), appUrl: p.appUrl, email: "admin@choisy-le-roi.demo", password: "demo-logement-2026", org: "choisy-le-roi",
}, null, 2));
console.log(`[bench-demo] ${database} prêt ; connexion notée dans .data/scale-demo.json`);
if (conn.started) stopCluster();
process.exit(0);
