import "server-only";
import { prisma } from "./db";
import { findUsableToken } from "./tokens";

// What a one-time link's page may show before it is used (the token itself is the credential).
export async function invitationView(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  const t = await findUsableToken(prisma, token, "INVITATION");
  if (!t?.email || !t.organisation) return null;
  const person = await prisma.person.findUnique({ where: { email: t.email }, select: { id: true } });
  return { email: t.email, organisationName: t.organisation.name, firstName: t.firstName ?? "", lastName: t.lastName ?? "", personExists: !!person, personId: person?.id ?? null };
}

export async function resetView(token: string) {
  if (token.length < 20 || token.length > 200) return null;
  const t = await findUsableToken(prisma, token, "PASSWORD_RESET");
  return t?.person ? { email: t.person.email } : null;
}
