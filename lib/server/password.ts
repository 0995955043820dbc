import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";

// OWASP password storage cheat sheet: argon2id, m = 19 MiB, t = 2, p = 1 (at least).
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// A valid hash of a random password, so that an unknown e-mail costs the same time as a wrong password.
let dummy: Promise<string> | null = null;

export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hashPassword(crypto.randomUUID());
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

let factory: ZxcvbnFactory | null = null;
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
  });
  return factory;
}

/**
 * NIST 800-63B: at least 12 characters, no composition rule, refuse what is too guessable or too common.
 * Returns a French message, or null when the password is acceptable.
 */
export function passwordWeakness(password: string, context: string[] = []): string | null {
  if (password.length < 12) return "Le mot de passe doit comporter au moins 12 caractères.";
  const r = checker().check(password, context.filter(Boolean));
  if (r.score < 3) {
    return "Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase de passe plus longue ou moins prévisible.";
  }
  return null;
}
