// Issue 13: the job queue (pg-boss 10) lives in its own schema, `pgboss`, outside Prisma's `public`: the migration
// engine neither creates nor diffs it. The migrating owner installs (or upgrades) it and creates the queues; the
// application role then only reads and writes its rows (grantAppRole), so it creates no table at run time.
import PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";
/** Every queue the app works or schedules, plus pg-boss's own cron queue (its timekeeper sends through it). */
export const JOB_QUEUES = ["digest-daily", "retention-purge", "__pgboss__send-it"];

export async function installJobQueue(ownerCfg) {
  const boss = new PgBoss({ ...ownerCfg, schema: JOB_SCHEMA, max: 2, migrate: true, supervise: false, schedule: false });
  boss.on("error", (e) => console.error("[jobs]", e?.message ?? e));
  await boss.start();
  try {
    for (const name of JOB_QUEUES) await boss.createQueue(name);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
