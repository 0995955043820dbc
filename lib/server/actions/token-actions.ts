import "server-only";
import { z } from "zod";
import { ZSetPasswordInput } from "@/lib/validation/auth";
import { ActionError, publicAction } from "../action";
import { hashPassword, passwordWeakness } from "../password";
import { consumeToken, findUsableToken } from "../tokens";

const EXPIRED = "Ce lien n'est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau à l'administrateur de votre organisation.";

/** Invitation for a new person: they choose their password; an existing person joins while signed in. */
export const acceptInvitation = publicAction({
  name: "tokens.acceptInvitation",
  schema: z.union([ZSetPasswordInput, z.object({ token: z.string().min(20).max(200), existing: z.literal(true) })]),
  async handler(input, { tx, session, audit }) {
    const t = await findUsableToken(tx, input.token, "INVITATION");
    if (!t || !t.email || !t.organisationId || !t.role) throw new ActionError(EXPIRED);
    let person = await tx.person.findUnique({ where: { email: t.email }, select: { id: true } });
    if (person) {
      if (session?.personId !== person.id) throw new ActionError(`Connectez-vous d'abord avec l'adresse ${t.email} pour accepter l'invitation.`);
    } else {
      if (!("newPassword" in input)) throw new ActionError("Choisissez un mot de passe.");
      const weak = passwordWeakness(input.newPassword, [t.email, input.firstName ?? "", input.lastName ?? ""]);
      if (weak) throw new ActionError(weak, { newPassword: [weak] });
      person = await tx.person.create({
        data: { email: t.email, firstName: input.firstName || t.firstName || "", lastName: input.lastName || t.lastName || "", passwordHash: await hashPassword(input.newPassword) },
        select: { id: true },
      });
    }
    if (!(await consumeToken(tx, t.id))) throw new ActionError(EXPIRED);
    await tx.membership.upsert({
      where: { personId_organisationId: { personId: person.id, organisationId: t.organisationId } },
      create: { personId: person.id, organisationId: t.organisationId, role: t.role },
      update: {},
    });
    await audit({ actorId: person.id, organisationId: t.organisationId, action: "member.join", entityType: "Membership", entityId: person.id, fields: ["role"] });
    return { email: t.email, orgSlug: t.organisation!.slug };
  },
});

export const resetPassword = publicAction({
  name: "tokens.resetPassword",
  schema: ZSetPasswordInput,
  async handler(input, { tx, audit }) {
    const t = await findUsableToken(tx, input.token, "PASSWORD_RESET");
    if (!t?.person) throw new ActionError(EXPIRED);
    const weak = passwordWeakness(input.newPassword, [t.person.email, t.person.firstName, t.person.lastName]);
    if (weak) throw new ActionError(weak, { newPassword: [weak] });
    if (!(await consumeToken(tx, t.id))) throw new ActionError(EXPIRED);
    await tx.person.update({ where: { id: t.person.id }, data: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: new Date(), sessionVersion: { increment: 1 } } });
    await audit({ actorId: t.person.id, organisationId: t.organisationId, action: "account.passwordReset", entityType: "Person", entityId: t.person.id, fields: ["passwordHash"] });
    return { email: t.person.email };
  },
});
