import "server-only";
import { z } from "zod";
import { ZChangeRoleInput, ZInviteMemberInput, ZMembershipInput } from "@/lib/validation/members";
import { ActionError, NotFoundError, orgAction } from "../action";
import type { Tx } from "../db";
import { expiry, newToken } from "../tokens";

// ACC-4: an organisation's ADMIN manages its members. Links are shown on screen (no mail server yet).

async function assertNotLastAdmin(tx: Tx, organisationId: string, membershipId: string) {
  const admins = await tx.membership.findMany({ where: { organisationId, role: "ADMIN" }, select: { id: true } });
  if (admins.length === 1 && admins[0].id === membershipId) {
    throw new ActionError("L'organisation doit garder au moins un administrateur.");
  }
}

export const inviteMember = orgAction({
  name: "members.invite",
  roles: ["ADMIN"],
  schema: ZInviteMemberInput,
  async handler(input, { caller, tx, audit }) {
    const already = await tx.membership.findFirst({ where: { organisationId: caller.org.id, person: { email: input.email } }, select: { id: true } });
    if (already) throw new ActionError("Cette personne est déjà membre de l'organisation.", { email: ["Déjà membre de l'organisation."] });
    const { token, tokenHash } = newToken();
    const t = await tx.oneTimeToken.create({
      data: { tokenHash, kind: "INVITATION", organisationId: caller.org.id, email: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role, expiresAt: expiry("INVITATION"), createdById: caller.personId },
    });
    await audit({ action: "member.invite", entityType: "OneTimeToken", entityId: t.id, fields: ["email", "firstName", "lastName", "role"] });
    return { path: `/invitation/${token}`, expiresAt: t.expiresAt.toISOString() };
  },
});

export const revokeInvitation = orgAction({
  name: "members.revokeInvitation",
  roles: ["ADMIN"],
  schema: z.object({ invitationId: z.string().min(1).max(40) }),
  async handler({ invitationId }, { caller, tx, audit }) {
    const r = await tx.oneTimeToken.updateMany({ where: { id: invitationId, organisationId: caller.org.id, kind: "INVITATION", usedAt: null }, data: { expiresAt: new Date() } });
    if (r.count === 0) throw new NotFoundError();
    await audit({ action: "member.invite.revoke", entityType: "OneTimeToken", entityId: invitationId, fields: ["expiresAt"] });
  },
});

export const changeMemberRole = orgAction({
  name: "members.changeRole",
  roles: ["ADMIN"],
  schema: ZChangeRoleInput,
  async handler({ membershipId, role }, { caller, tx, audit }) {
    const m = await tx.membership.findFirst({ where: { id: membershipId, organisationId: caller.org.id } });
    if (!m) throw new NotFoundError();
    if (m.role === "ADMIN" && role !== "ADMIN") await assertNotLastAdmin(tx, caller.org.id, m.id);
    await tx.membership.update({ where: { id: m.id }, data: { role } });
    await audit({ action: "member.role", entityType: "Membership", entityId: m.id, fields: ["role"] });
  },
});

export const removeMember = orgAction({
  name: "members.remove",
  roles: ["ADMIN"],
  schema: ZMembershipInput,
  async handler({ membershipId }, { caller, tx, audit }) {
    const m = await tx.membership.findFirst({ where: { id: membershipId, organisationId: caller.org.id } });
    if (!m) throw new NotFoundError();
    if (m.role === "ADMIN") await assertNotLastAdmin(tx, caller.org.id, m.id);
    await tx.membership.delete({ where: { id: m.id } });
    await audit({ action: "member.remove", entityType: "Membership", entityId: m.id, fields: ["personId", "role"] });
  },
});

export const issuePasswordReset = orgAction({
  name: "members.passwordReset",
  roles: ["ADMIN"],
  schema: ZMembershipInput,
  async handler({ membershipId }, { caller, tx, audit }) {
    const m = await tx.membership.findFirst({ where: { id: membershipId, organisationId: caller.org.id }, select: { personId: true } });
    if (!m) throw new NotFoundError();
    const { token, tokenHash } = newToken();
    const t = await tx.oneTimeToken.create({ data: { tokenHash, kind: "PASSWORD_RESET", organisationId: caller.org.id, personId: m.personId, expiresAt: expiry("PASSWORD_RESET"), createdById: caller.personId } });
    await audit({ action: "member.passwordReset", entityType: "OneTimeToken", entityId: t.id, fields: ["personId"] });
    return { path: `/reinitialisation/${token}`, expiresAt: t.expiresAt.toISOString() };
  },
});
