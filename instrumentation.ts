// Issue 13 §1: the job worker runs inside each app server process (Node runtime only), unless JOBS=off or
// during `next build`. Several servers may run it at once: pg-boss gives each job to one of them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runWorkerInThisProcess } = await import("./lib/server/jobs");
  await runWorkerInThisProcess();
}
