import "server-only";
import { prisma } from "./db";

// Repeated failures for one e-mail are slowed down: after 5 failures within 15 minutes, further
// attempts are refused until the window has passed. Kept in PostgreSQL so it holds across app servers.
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

export async function loginAllowed(email: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const recent = await prisma.loginAttempt.findMany({
    where: { email, at: { gte: since } },
    orderBy: { at: "desc" },
    take: MAX_FAILURES,
    select: { success: true },
  });
  return !(recent.length === MAX_FAILURES && recent.every((a) => !a.success));
}

export async function recordLoginAttempt(email: string, success: boolean): Promise<void> {
  await prisma.loginAttempt.create({ data: { email, success } });
}
