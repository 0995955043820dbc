import "server-only";
import { ZChangePasswordInput } from "@/lib/validation/auth";
import { ActionError, orgAction } from "../action";
import { hashPassword, passwordWeakness, verifyPassword } from "../password";

export const changePassword = orgAction({
  name: "account.changePassword",
  roles: ["ADMIN", "AGENT", "READER"],
  schema: ZChangePasswordInput,
  async handler(input, { caller, tx, audit }) {
    const p = await tx.person.findUniqueOrThrow({ where: { id: caller.personId }, select: { passwordHash: true } });
    if (!(await verifyPassword(input.currentPassword, p.passwordHash))) {
      throw new ActionError("Le mot de passe actuel est incorrect.", { currentPassword: ["Mot de passe actuel incorrect."] });
    }
    const weak = passwordWeakness(input.newPassword, [caller.email, caller.firstName, caller.lastName]);
    if (weak) throw new ActionError(weak, { newPassword: [weak] });
    // Other sessions end: the session version changes (lib/server/access.ts compares it on every request).
    await tx.person.update({ where: { id: caller.personId }, data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await audit({ action: "account.password", entityType: "Person", entityId: caller.personId, fields: ["passwordHash"] });
  },
});
