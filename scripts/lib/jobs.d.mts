import type { PgCfg } from "./pg.mjs";
export const JOB_SCHEMA: string;
export const JOB_QUEUES: string[];
export function installJobQueue(ownerCfg: PgCfg): Promise<void>;
