import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The raw client. Only lib/server/ imports it (ESLint forbids it in app/ and components/):
// pages and actions read and write through lib/server/access.ts and lib/server/action.ts.
const g = globalThis as unknown as { prisma?: PrismaClient };

function makeClient() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL manquant : lancez l'application avec `npm start`.");
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) }) });
}

function client(): PrismaClient {
  // Created on first use, not at import: `next build` imports route modules without a database.
  g.prisma ??= makeClient();
  return g.prisma;
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const v = Reflect.get(c, prop, c);
    return typeof v === "function" ? v.bind(c) : v;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type Db = PrismaClient | Tx;

/**
 * One transaction per request's writes. The caller's ids are set as transaction-local settings so that
 * PostgreSQL row-level security policies can later check them without redesign.
 */
export async function withTx<T>(who: { personId: string | null; organisationId: string | null }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.person_id', ${who.personId ?? ""}, true), set_config('app.org_id', ${who.organisationId ?? ""}, true)`;
    return fn(tx);
  });
}
