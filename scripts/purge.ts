// npm run purge [-- --dry-run] [-- --today AAAA-MM-JJ] — issue 8 §2, run by scripts/db.mjs as the database owner.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { purge } from "../lib/server/retention";

const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const i = args.indexOf("--today");
const today = i >= 0 ? args[i + 1] : new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

async function main() {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today ?? "")) throw new Error("--today attend une date AAAA-MM-JJ.");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    const r = await purge(prisma, today, { dryRun });
    const verb = dryRun ? "seraient anonymisés" : "anonymisés";
    console.log(`[purge] ${today}${dryRun ? " (simulation : rien n'est modifié)" : ""} — ${r.households.length} ménage(s) ${verb}.`);
    for (const h of r.households) {
      console.log(`  ${h.householdId}  ${h.organisationSlug}  dernier contact ${h.lastContactOn}, conservation ${h.retentionMonths} mois : ${h.cases} dossier(s), ${h.texts} écrit(s), ${h.documents} document(s)`);
    }
    console.log(`[purge] consultations du détail social de plus de 12 mois ${dryRun ? "à effacer" : "effacées"} : ${r.readLogDeleted}.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => { console.error("[purge]", e?.message ?? e); process.exit(1); });
