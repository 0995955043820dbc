// `npm run db:check` exits non-zero when schema.prisma and the migrations differ.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const check = (schema?: string) =>
  run(process.execPath, ["scripts/db.mjs", "check", ...(schema ? ["--schema", schema] : [])], { env: { ...process.env, DATABASE_URL: process.env.OWNER_DATABASE_URL } });

describe("db:check (migration drift)", () => {
  it("passes when the migrations produce schema.prisma", async () => {
    const { stdout } = await check();
    expect(stdout).toContain("concordent");
  }, 60_000);

  it("fails when a field is added to a copy of schema.prisma without a migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "drift-"));
    const copy = path.join(dir, "schema.prisma");
    copyFileSync("prisma/schema.prisma", copy);
    const src = readFileSync(copy, "utf8");
    const changed = src.replace(/model Organisation \{\n/, "model Organisation {\n  motto String?\n");
    expect(changed).not.toBe(src);
    writeFileSync(copy, changed);
    const err = await check(copy).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(2);
    expect(err?.stderr).toContain('ADD COLUMN     "motto" TEXT');
  }, 60_000);
});
