// Integration tests run on a real PostgreSQL: the project's embedded cluster (or DATABASE_URL's server).
// One migrated template per run; each test file gets its own database copied from it (setup-file.ts),
// so files run in parallel and in any order (STYLE §5).
import type { TestProject } from "vitest/node";
import { APP_ROLE, cfgOf, createDatabase, dropDatabase, ensureAppRole, ensureCluster, grantAppRole, stopCluster, superCfg } from "../../scripts/lib/pg.mjs";
import { applyMigrations } from "../../scripts/lib/migrate.mjs";

export type PgInfo = { owner: { host: string; port: number; user: string; password: string }; appPassword: string; template: string };

declare module "vitest" {
  export interface ProvidedContext { pg: PgInfo }
}

export default async function setup(project: TestProject) {
  let started = false;
  let owner;
  // Keep the app role's password of a running `npm start` (the embedded cluster's state has it).
  let appPassword = "test-app-role-password";
  if (process.env.DATABASE_URL) owner = cfgOf(process.env.DATABASE_URL);
  else {
    const c = await ensureCluster();
    started = c.started;
    owner = superCfg(c.state);
    appPassword = c.state.appPassword;
  }
  const template = `cl_test_template_${process.pid}`;
  const ownerTpl = { ...owner, database: template };
  await dropDatabase(owner, template);
  await createDatabase(owner, template);
  await applyMigrations(ownerTpl);
  await ensureAppRole(owner, APP_ROLE, appPassword);
  await grantAppRole(ownerTpl, APP_ROLE);
  project.provide("pg", { owner: { host: owner.host, port: owner.port, user: owner.user, password: owner.password }, appPassword, template });
  return async () => {
    await dropDatabase(owner, template);
    if (started) stopCluster();
  };
}
