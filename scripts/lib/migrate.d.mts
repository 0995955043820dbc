import type { PgCfg } from "./pg.mjs";
export function applyMigrations(cfg: PgCfg): Promise<string[]>;
export function createMigration(cfg: PgCfg, name: string): Promise<string | null>;
export function driftSql(cfg: PgCfg, schemaPath?: string): Promise<string | null>;
