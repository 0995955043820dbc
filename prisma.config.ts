import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations run through scripts/db.mjs (STACK.md §2.3).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
