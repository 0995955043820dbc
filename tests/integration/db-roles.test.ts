// ARCHITECTURE "Database roles": the application connects as a role that is neither superuser nor
// BYPASSRLS, owns no table, and may only append to the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";

let app: pg.Client;
beforeAll(async () => { app = new pg.Client({ connectionString: process.env.DATABASE_URL }); await app.connect(); });
afterAll(async () => { await app.end(); });

describe("database roles", () => {
  it("the application role is not superuser, cannot bypass row security and owns no table", async () => {
    const { rows } = await app.query("SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = await app.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user");
    expect(owned.rows[0].n).toBe(0);
    const tables = await app.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(tables.rows[0].n).toBeGreaterThan(5);
  });

  it("the application role may insert and read audit events but never update or delete them", async () => {
    await app.query(`INSERT INTO "AuditEvent" (action, "entityType", fields) VALUES ('test.insert', 'Test', ARRAY['a'])`);
    const { rows } = await app.query(`SELECT id FROM "AuditEvent" WHERE action = 'test.insert'`);
    expect(rows).toHaveLength(1);
    await expect(app.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
  });

  it("the application role cannot change the schema nor read the migrations table", async () => {
    await expect(app.query(`ALTER TABLE "Person" ADD COLUMN x text`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`DROP TABLE "Person"`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`SELECT * FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
  });
});
