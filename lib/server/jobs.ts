import "server-only";
import PgBoss from "pg-boss";
import { today } from "./clock";
import { prisma } from "./db";
import { runDailyDigest } from "./digest";
import { purge } from "./retention";

// Issue 13 §1: the job queue is pg-boss 10 on the app's PostgreSQL, in its own schema `pgboss` (installed with its
// queues by the migrate step, scripts/lib/jobs.mjs; the app role only reads and writes its rows). Every app server
// runs a worker (instrumentation.ts); pg-boss hands each job to one worker, and its cron sends each scheduled job
// once per minute slot across servers. Exactly one digest per person and day does not rest on that: the claim does.

export const JOB_SCHEMA = "pgboss";
export const JOBS = { digest: "digest-daily", purge: "retention-purge" } as const;
/** Cron in Europe/Paris time: the digest in the morning, the retention purge at night. */
export const JOB_CRON = { digest: "0 7 * * *", purge: "30 3 * * *" } as const;

export function newBoss(connectionString = process.env.DATABASE_URL): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL manquant : la file de tâches ne peut démarrer.");
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, migrate: false, max: 3, application_name: "conventions-jobs" });
  boss.on("error", (e) => console.error("[jobs]", e?.message ?? e));
  return boss;
}

/** Starts a worker of both queues (and, unless told otherwise, their daily schedule). */
export async function startJobWorker(opts: { connectionString?: string; schedule?: boolean; pollingIntervalSeconds?: number } = {}): Promise<PgBoss> {
  const boss = newBoss(opts.connectionString);
  await boss.start();
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 10;
  await boss.work(JOBS.digest, { batchSize: 1, pollingIntervalSeconds }, async () => {
    const r = await runDailyDigest(today());
    console.log(`[jobs] récapitulatif du ${r.today} : ${r.sent} envoyé(s), ${r.empty} sans objet, ${r.alreadyClaimed} déjà pris`);
    return r;
  });
  await boss.work(JOBS.purge, { batchSize: 1, pollingIntervalSeconds }, async () => {
    const r = await purge(prisma, today());
    console.log(`[jobs] purge du ${r.today} : ${r.households.length} ménage(s) anonymisé(s), ${r.readLogDeleted} consultation(s) effacée(s)`);
    return { households: r.households.length, readLogDeleted: r.readLogDeleted };
  });
  if (opts.schedule !== false) {
    await boss.schedule(JOBS.digest, JOB_CRON.digest, undefined, { tz: "Europe/Paris" });
    await boss.schedule(JOBS.purge, JOB_CRON.purge, undefined, { tz: "Europe/Paris" });
  }
  return boss;
}

/** Whether this process runs a worker: not while building, not when JOBS=off (tests run the jobs themselves). */
export function workerWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NEXT_PHASE !== "phase-production-build" && env.JOBS !== "off" && Boolean(env.DATABASE_URL);
}

/** Called by instrumentation.ts: the worker of this server, stopped with it. A failure is logged, never fatal. */
export async function runWorkerInThisProcess(): Promise<void> {
  if (!workerWanted()) return;
  try {
    const boss = await startJobWorker();
    const stop = () => { void boss.stop({ graceful: true, timeout: 10_000 }); };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    console.log("[jobs] file de tâches démarrée (récapitulatif quotidien 7 h, purge 3 h 30, heure de Paris)");
  } catch (e) {
    // The app still serves: the jobs wait in the queue until a worker starts.
    console.error("[jobs] la file de tâches n'a pas démarré :", (e as Error)?.message ?? e);
  }
}
