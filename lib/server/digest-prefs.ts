import "server-only";
import type { Caller } from "./access";
import { prisma, type Db } from "./db";
import { verifyUnsubscribeToken } from "./digest-token";

// Issue 13 §4: the caller's own digest preferences (a person reads only theirs), and what the unsubscribe page
// may show from its signed link.

export async function digestPreferenceOf(caller: Pick<Caller, "personId" | "memberships">, db: Db = prisma) {
  const p = await db.digestPreference.findUnique({ where: { personId: caller.personId }, select: { enabled: true, organisationIds: true } });
  const mine = new Set(caller.memberships.map((m) => m.organisationId));
  return { enabled: p?.enabled ?? false, organisationIds: (p?.organisationIds ?? []).filter((id) => mine.has(id)) };
}

export async function unsubscribeView(token: string, db: Db = prisma) {
  const personId = token.length <= 400 ? verifyUnsubscribeToken(token) : null;
  if (!personId) return null;
  const person = await db.person.findUnique({ where: { id: personId }, select: { email: true, digestPreference: { select: { enabled: true } } } });
  return person ? { email: person.email, enabled: person.digestPreference?.enabled ?? false } : null;
}

/** Test mode's helper route only (app/api/test/digest): a person's id by e-mail. */
export async function personIdByEmail(email: string, db: Db = prisma): Promise<string | null> {
  return (await db.person.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } }))?.id ?? null;
}
