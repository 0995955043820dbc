// npm run db:seed — the demo tenant, once: nothing is written when the database already holds organisations.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { DEMO_PASSWORD, DEMO_PERSONS } from "./demo-data";
import { seedDemo } from "./seed-demo";
import { seedTodayVacancies } from "./demo-vacancies-today";

const parisToday = () =>
  process.env.CLOCK_TODAY || new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

async function main() {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
  try {
    if ((await prisma.organisation.count()) > 0) {
      console.log("[seed] la base contient déjà des organisations : rien n'est recréé.");
      return;
    }
    const n = await seedDemo(prisma, parisToday());
    const v = await prisma.$transaction((tx) => seedTodayVacancies(tx, parisToday()), { timeout: 60_000 });
    console.log(`[seed] démo créée : ${n.organisations} organisations, ${n.persons} personnes, ${n.conventions} conventions, ${n.households} ménages, ${n.cases} dossiers, ${v.vacancies} vacances, ${v.notifications} notifications.`);
    console.log(`[seed] mot de passe de tous les comptes de démonstration : ${DEMO_PASSWORD}`);
    console.log(`[seed] ${DEMO_PERSONS.length} comptes, par exemple admin@choisy-le-roi.demo, agent@aumv.demo, admin@valophis-habitat.demo`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
