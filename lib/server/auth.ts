import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ZSignInInput } from "@/lib/validation/auth";
import { prisma } from "./db";
import { verifyPassword } from "./password";
import { loginAllowed, recordLoginAttempt } from "./login-throttle";

export class TooManyAttempts extends CredentialsSignin {
  code = "too_many";
}

// Sessions are JWT, but nothing about roles is trusted from the token: lib/server/access.ts re-reads
// the person (and its session version) and the memberships from the database on every request.
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 60 * 60 * 10 },
  pages: { signIn: "/connexion" },
  // A wrong password is an expected outcome, not a server error worth a stack trace in the logs.
  logger: {
    error(e) {
      if ((e as { type?: string }).type === "CredentialsSignin" || e.name === "CredentialsSignin") return;
      console.error("[auth]", e);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = ZSignInInput.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        if (!(await loginAllowed(email))) throw new TooManyAttempts();
        const person = await prisma.person.findUnique({ where: { email } });
        const ok = await verifyPassword(password, person?.passwordHash ?? null);
        await recordLoginAttempt(email, ok);
        if (!person || !ok) return null;
        return { id: person.id, email: person.email, name: `${person.firstName} ${person.lastName}`, sv: person.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.uid as string;
        (session as { sv?: number }).sv = token.sv as number;
      }
      return session;
    },
  },
});
