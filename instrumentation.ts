// Issue 13 §1: the job worker runs inside each app server process (Node runtime only), unless JOBS=off or
// during `next build`. Several servers may run it at once: pg-boss gives each job to one of them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobWorker, workerWanted } = await import("./lib/server/jobs");
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
