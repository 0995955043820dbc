import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { isTestMode } from "./clock";

// Issue 13 §4: the unsubscribe link of a digest works without signing in. It names the person and carries an
// HMAC of that id under the app's secret (AUTH_SECRET): nothing is stored, it does not expire, and it can only
// turn that person's digest off. A forged or altered link is refused.

const PURPOSE = "digest-unsubscribe:";

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (s) return s;
  if (isTestMode() || process.env.VITEST) return "secret-de-test-du-recapitulatif";
  throw new Error("AUTH_SECRET manquant : lancez l'application avec `npm start`.");
}

function mac(personId: string): Buffer {
  return createHmac("sha256", secret()).update(PURPOSE + personId).digest();
}

export function unsubscribeToken(personId: string): string {
  return `${Buffer.from(personId, "utf8").toString("base64url")}.${mac(personId).toString("base64url")}`;
}

/** The person the token names, or null when it was not made by this app. */
export function verifyUnsubscribeToken(token: string): string | null {
  const [id64, sig64, extra] = token.split(".");
  if (!id64 || !sig64 || extra !== undefined) return null;
  const personId = Buffer.from(id64, "base64url").toString("utf8");
  const given = Buffer.from(sig64, "base64url");
  const expected = mac(personId);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return personId;
}
