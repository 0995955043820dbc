import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/prisma/seed-demo";
import type { ActionResult, RequestContext } from "@/lib/server/action";

export const TODAY = "2026-03-10";

/** A client as the database owner (to arrange fixtures a user could not write). */
export function ownerClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.OWNER_DATABASE_URL! }) });
}

export async function seeded() {
  const db = ownerClient();
  await seedDemo(db, TODAY);
  const persons = await db.person.findMany({ select: { id: true, email: true, sessionVersion: true } });
  // The first created convention of each kind (the demo creates the current FNAVDL and this year's ASLLi first).
  const conventions = await db.convention.findMany({ select: { id: true, kind: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const orgs = await db.organisation.findMany({ select: { id: true, slug: true } });
  const person = (email: string) => {
    const p = persons.find((x) => x.email === email);
    if (!p) throw new Error(`personne de démo inconnue : ${email}`);
    return p;
  };
  const convention = (kind: string) => conventions.find((c) => c.kind === kind)!.id;
  const org = (slug: string) => orgs.find((o) => o.slug === slug)!.id;
  return { db, person, convention, org };
}

export function rc(person: { id: string; sessionVersion?: number } | null, origin = "http://localhost:3000"): RequestContext {
  return { session: person ? { personId: person.id, sessionVersion: person.sessionVersion ?? 0 } : null, origin, host: "localhost:3000" };
}

/** A person by e-mail, acting in an organisation (by slug). */
export type Who = readonly [email: string, orgSlug: string];
type Seeded = Awaited<ReturnType<typeof seeded>>;

/** Runs a registered action as `who`, through the same wrapper as the app (session, origin, zod, role, audit). */
export async function actAs<T = unknown>(s: Seeded, name: string, who: Who, input: unknown): Promise<ActionResult<T>> {
  const { actionRegistry } = await import("@/lib/server/action");
  return actionRegistry().get(name)!.execute(rc(s.person(who[0])), who[1], input) as Promise<ActionResult<T>>;
}

/** The caller the access layer builds for `who`. */
export async function callerAs(s: Seeded, who: Who) {
  const { resolveCaller } = await import("@/lib/server/access");
  return (await resolveCaller({ personId: s.person(who[0]).id }, who[1]))!;
}

/** The data of a successful action; a refusal fails the test with its code and message. */
export function ok<T>(r: ActionResult<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.data;
}
