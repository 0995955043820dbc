import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/server/actions";
import { actionRegistry, publicActionRegistry } from "@/lib/server/action";
import { hashPassword, passwordWeakness, verifyPassword } from "@/lib/server/password";
import { loginAllowed, recordLoginAttempt, MAX_FAILURES } from "@/lib/server/login-throttle";
import { resolveCaller } from "@/lib/server/access";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

const linkToken = (path: string) => path.split("/").pop()!;

describe("passwords", () => {
  it("are hashed with argon2id at least at the OWASP parameters (19 MiB, 2 passes)", async () => {
    const h = await hashPassword("une phrase de passe assez longue");
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword("une phrase de passe assez longue", h)).toBe(true);
    expect(await verifyPassword("une autre phrase de passe", h)).toBe(false);
    expect(await verifyPassword("quoi que ce soit", null)).toBe(false);
  });

  it("need 12 characters, no composition rule, and are refused when common or guessable", () => {
    expect(passwordWeakness("court")).toMatch(/12 caractères/);
    expect(passwordWeakness("motdepasse123")).toMatch(/trop courant/);
    expect(passwordWeakness("azertyuiop123")).toMatch(/trop courant/);
    expect(passwordWeakness("choisy-le-roi-2026", ["choisy-le-roi"])).toMatch(/trop courant/);
    expect(passwordWeakness("girafe violette sous la pluie")).toBeNull();
  });
});

describe("sign-in throttling (kept in PostgreSQL)", () => {
  it(`refuses after ${MAX_FAILURES} failures within 15 minutes, for that e-mail only`, async () => {
    const email = "cible@exemple.fr";
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordLoginAttempt(email, false);
    expect(await loginAllowed(email)).toBe(true);
    await recordLoginAttempt(email, false);
    expect(await loginAllowed(email)).toBe(false);
    expect(await loginAllowed("autre@exemple.fr")).toBe(true);
    // 16 minutes later the window has passed.
    expect(await loginAllowed(email, new Date(Date.now() + 16 * 60_000))).toBe(true);
  });
});

describe("members: invitations and password resets by one-time link", () => {
  it("ACC-4: an invitation creates the person with their own password, once; the link cannot be reused", async () => {
    const admin = s.person("admin@choisy-le-roi.demo");
    const inv = await actionRegistry().get("members.invite")!.execute(rc(admin), "choisy-le-roi", { email: "Lucie.Nouvelle@Exemple.fr", firstName: "Lucie", lastName: "Nouvelle", role: "AGENT" });
    expect(inv.ok).toBe(true);
    const token = linkToken((inv as { data: { path: string } }).data.path);
    const accept = publicActionRegistry().get("tokens.acceptInvitation")!;
    const weak = await accept.execute(rc(null), { token, newPassword: "motdepasse123", confirmPassword: "motdepasse123" });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: [expect.stringMatching(/trop courant/)] } });
    const ok = await accept.execute(rc(null), { token, firstName: "Lucie", lastName: "Nouvelle", newPassword: "girafe violette sous la pluie", confirmPassword: "girafe violette sous la pluie" });
    expect(ok).toMatchObject({ ok: true, data: { email: "lucie.nouvelle@exemple.fr", orgSlug: "choisy-le-roi" } });
    const again = await accept.execute(rc(null), { token, newPassword: "girafe violette sous la pluie", confirmPassword: "girafe violette sous la pluie" });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/n'est plus valable/) });
    const p = await s.db.person.findUniqueOrThrow({ where: { email: "lucie.nouvelle@exemple.fr" }, include: { memberships: true } });
    expect(p.memberships.map((m) => m.role)).toEqual(["AGENT"]);
    expect(await verifyPassword("girafe violette sous la pluie", p.passwordHash)).toBe(true);
  });

  it("an expired invitation is refused", async () => {
    const admin = s.person("admin@choisy-le-roi.demo");
    const inv = await actionRegistry().get("members.invite")!.execute(rc(admin), "choisy-le-roi", { email: "tard@exemple.fr", firstName: "Léo", lastName: "Tard", role: "READER" });
    const token = linkToken((inv as { data: { path: string } }).data.path);
    await s.db.oneTimeToken.updateMany({ where: { email: "tard@exemple.fr" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const r = await publicActionRegistry().get("tokens.acceptInvitation")!.execute(rc(null), { token, newPassword: "girafe violette sous la pluie", confirmPassword: "girafe violette sous la pluie" });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/n'est plus valable/) });
    expect(await s.db.person.findUnique({ where: { email: "tard@exemple.fr" } })).toBeNull();
  });

  it("a reset link sets a new password and ends the person's other sessions", async () => {
    const admin = s.person("admin@valophis-habitat.demo");
    const target = s.person("agent@valophis-habitat.demo");
    const m = await s.db.membership.findFirstOrThrow({ where: { personId: target.id } });
    const r = await actionRegistry().get("members.passwordReset")!.execute(rc(admin), "valophis-habitat", { membershipId: m.id });
    const token = linkToken((r as { data: { path: string } }).data.path);
    const done = await publicActionRegistry().get("tokens.resetPassword")!.execute(rc(null), { token, newPassword: "hirondelle bleue du matin", confirmPassword: "hirondelle bleue du matin" });
    expect(done).toMatchObject({ ok: true });
    const p = await s.db.person.findUniqueOrThrow({ where: { id: target.id } });
    expect(await verifyPassword("hirondelle bleue du matin", p.passwordHash)).toBe(true);
    expect(await resolveCaller({ personId: target.id, sessionVersion: 0 }, "valophis-habitat")).toBeNull();
  });

  it("the owner changes their password only with the current one; the last ADMIN cannot be removed", async () => {
    const me = s.person("lecteur@choisy-le-roi.demo");
    const change = actionRegistry().get("account.changePassword")!;
    const wrong = await change.execute(rc(me), "choisy-le-roi", { currentPassword: "pas le bon", newPassword: "girafe violette sous la pluie", confirmPassword: "girafe violette sous la pluie" });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Mot de passe actuel incorrect."] } });
    const mismatch = await change.execute(rc(me), "choisy-le-roi", { currentPassword: DEMO_PASSWORD, newPassword: "girafe violette sous la pluie", confirmPassword: "autre chose encore" });
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: ["Les deux mots de passe ne correspondent pas."] } });
    const ok = await change.execute(rc(me), "choisy-le-roi", { currentPassword: DEMO_PASSWORD, newPassword: "girafe violette sous la pluie", confirmPassword: "girafe violette sous la pluie" });
    expect(ok.ok).toBe(true);

    const admin = s.person("admin@fnars-midi-pyrenees.demo");
    const own = await s.db.membership.findFirstOrThrow({ where: { personId: admin.id } });
    const r = await actionRegistry().get("members.remove")!.execute(rc(admin), "fnars-midi-pyrenees", { membershipId: own.id });
    expect(r).toMatchObject({ ok: false, message: "L'organisation doit garder au moins un administrateur." });
  });
});
