"use server";

import { AuthError } from "next-auth";
import { signIn, signOut, TooManyAttempts } from "@/lib/server/auth";
import { ZSignInInput } from "@/lib/validation/auth";
import { WINDOW_MINUTES } from "@/lib/server/login-throttle";

export type SignInResult = { ok: false; message: string };

// One message whatever was wrong, the same for an unknown e-mail (no account enumeration).
const WRONG = "Adresse e-mail ou mot de passe incorrect.";

export async function signInAction(values: unknown): Promise<SignInResult> {
  const parsed = ZSignInInput.safeParse(values);
  if (!parsed.success) return { ok: false, message: WRONG };
  const cb = parsed.data.callbackUrl;
  const target = cb && cb.startsWith("/") && !cb.startsWith("//") ? cb : "/";
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: target });
  } catch (e) {
    if (e instanceof TooManyAttempts || (e instanceof AuthError && (e as { code?: string }).code === "too_many")) {
      return { ok: false, message: `Trop de tentatives de connexion pour cette adresse. Réessayez dans ${WINDOW_MINUTES} minutes.` };
    }
    if (e instanceof AuthError) return { ok: false, message: WRONG };
    throw e; // NEXT_REDIRECT on success
  }
  return { ok: false, message: WRONG };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/connexion" });
}
