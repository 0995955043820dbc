import "server-only";
import { ZConfirmConventionInput, ZCreateConventionInput, ZDeclineConventionInput } from "@/lib/validation/conventions";
import { ActionError, NotFoundError, orgAction } from "../action";
import { today } from "../clock";
import type { Tx } from "../db";
import { createConvention, markSigned } from "../convention-write";
import { notify } from "../notifications";

// GEN-1 and issue 4: only an ADMIN of a party creates or confirms; nobody binds an organisation alone.

export const createConventionAction = orgAction({
  name: "conventions.create",
  roles: ["ADMIN"],
  schema: ZCreateConventionInput,
  async handler(input, { caller, tx, audit }) {
    const c = await createConvention(tx, { personId: caller.personId, orgId: caller.org.id }, input, today());
    // Issue 12: each other party is invited to confirm (its ADMIN confirms or declines).
    await notify(tx, caller.org.id, {
      organisationIds: input.parties.map((p) => p.organisationId), kind: "CONFIRMATION_REQUESTED", title: `Convention à confirmer : ${input.title}`,
      body: `Proposée par ${caller.org.name}.`, href: `/conventions/${c.id}`, data: { conventionId: c.id },
    });
    await audit({ action: "convention.create", entityType: "Convention", entityId: c.id, fields: ["kind", "title", "reference", "territory", "signedOn", "startOn", "parties", "parameters", ...(input.kind === "CADRE" ? ["actions"] : [])] });
    return { id: c.id };
  },
});

async function ownParty(tx: Tx, conventionId: string, orgId: string) {
  const party = await tx.conventionParty.findFirst({ where: { conventionId, organisationId: orgId }, select: { id: true, confirmedAt: true, declinedAt: true } });
  if (!party) throw new NotFoundError();
  if (party.confirmedAt) throw new ActionError("Votre organisation a déjà confirmé cette convention.");
  if (party.declinedAt) throw new ActionError("Votre organisation a déjà refusé cette convention.");
  return party;
}

export const confirmConvention = orgAction({
  name: "conventions.confirm",
  roles: ["ADMIN"],
  schema: ZConfirmConventionInput,
  async handler({ conventionId }, { caller, tx, audit }) {
    const party = await ownParty(tx, conventionId, caller.org.id);
    await tx.conventionParty.update({ where: { id: party.id }, data: { confirmedAt: new Date(), confirmedById: caller.personId } });
    const pending = await tx.conventionParty.count({ where: { conventionId, OR: [{ confirmedAt: null }, { declinedAt: { not: null } }] } });
    if (pending === 0) await markSigned(tx, conventionId, caller.personId, today());
    await audit({ action: "convention.confirm", entityType: "Convention", entityId: conventionId, fields: ["parties.confirmedAt"] });
    return { signed: pending === 0 };
  },
});

export const declineConvention = orgAction({
  name: "conventions.decline",
  roles: ["ADMIN"],
  schema: ZDeclineConventionInput,
  async handler({ conventionId, reason }, { caller, tx, audit }) {
    const party = await ownParty(tx, conventionId, caller.org.id);
    await tx.conventionParty.update({ where: { id: party.id }, data: { declinedAt: new Date(), declinedById: caller.personId, declineReason: reason } });
    await audit({ action: "convention.decline", entityType: "Convention", entityId: conventionId, fields: ["parties.declinedAt", "parties.declineReason"] });
  },
});
