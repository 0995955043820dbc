// Runs in each test file's worker before the file: a fresh database copied from the migrated template.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { APP_ROLE, createDatabase, dropDatabase, urlOf } from "../../scripts/lib/pg.mjs";

const pg = inject("pg");
const database = `cl_test_${process.pid}_${randomBytes(4).toString("hex")}`;
await createDatabase(pg.owner, database, pg.template);

process.env.OWNER_DATABASE_URL = urlOf({ ...pg.owner, database });
process.env.DATABASE_URL = urlOf({ ...pg.owner, user: APP_ROLE, password: pg.appPassword, database });
process.env.DB_POOL_SIZE = "4";

afterAll(async () => {
  const g = globalThis as { prisma?: { $disconnect(): Promise<void> } };
  await g.prisma?.$disconnect().catch(() => {});
  await dropDatabase(pg.owner, database);
});
