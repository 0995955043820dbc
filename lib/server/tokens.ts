import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TokenKind } from "@/lib/generated/prisma/client";
import type { Db } from "./db";

// One-time links: the token is shown once; only its SHA-256 is stored.
export const TOKEN_TTL_HOURS: Record<TokenKind, number> = { INVITATION: 7 * 24, PASSWORD_RESET: 24 };

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
export function expiry(kind: TokenKind, now = new Date()): Date {
  return new Date(now.getTime() + TOKEN_TTL_HOURS[kind] * 3_600_000);
}

/** A token still usable (unused, not expired), or null. */
export async function findUsableToken(db: Db, token: string, kind: TokenKind, now = new Date()) {
  const t = await db.oneTimeToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { organisation: { select: { id: true, name: true, slug: true } }, person: { select: { id: true, email: true, firstName: true, lastName: true } } },
  });
  if (!t || t.kind !== kind || t.usedAt || t.expiresAt <= now) return null;
  return t;
}

/** Marks it used; fails (count 0) if someone else used it meanwhile — single use even under a race. */
export async function consumeToken(db: Db, id: string, now = new Date()): Promise<boolean> {
  const r = await db.oneTimeToken.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return r.count === 1;
}
