import "server-only";
import { ZDigestPreferencesInput, ZUnsubscribeInput } from "@/lib/validation/digest";
import { ActionError, NotFoundError, orgAction, publicAction } from "../action";
import { verifyUnsubscribeToken } from "../digest-token";

// Issue 13 §4: the daily digest's preferences. A person sets only their own, for organisations they belong to
// (any other id answers « not found », like any object of another organisation); the link of each mail turns it
// off without signing in.

export const setDigestPreferences = orgAction({
  name: "account.digestPreferences",
  roles: ["ADMIN", "AGENT", "READER"],
  schema: ZDigestPreferencesInput,
  async handler(input, { caller, tx, audit }) {
    const mine = new Set(caller.memberships.map((m) => m.organisationId));
    if (input.organisationIds.some((id) => !mine.has(id))) throw new NotFoundError();
    const organisationIds = [...new Set(input.organisationIds)];
    await tx.digestPreference.upsert({
      where: { personId: caller.personId },
      create: { personId: caller.personId, enabled: input.enabled, organisationIds },
      update: { enabled: input.enabled, organisationIds },
    });
    await audit({ action: "account.digest", entityType: "Person", entityId: caller.personId, fields: ["enabled", "organisationIds"] });
    return { enabled: input.enabled, organisationIds };
  },
});

const INVALID_LINK = "Ce lien de désabonnement n'est pas valable. Vous pouvez désactiver le récapitulatif dans « Mon compte ».";

export const unsubscribeDigest = publicAction({
  name: "digest.unsubscribe",
  schema: ZUnsubscribeInput,
  async handler(input, { tx, audit }) {
    const personId = verifyUnsubscribeToken(input.token);
    const person = personId ? await tx.person.findUnique({ where: { id: personId }, select: { id: true, email: true } }) : null;
    if (!person) throw new ActionError(INVALID_LINK, { token: [INVALID_LINK] });
    await tx.digestPreference.updateMany({ where: { personId: person.id }, data: { enabled: false } });
    // The signed link stands for the person (only their mailbox received it).
    await audit({ actorId: person.id, organisationId: null, action: "account.digest.unsubscribe", entityType: "Person", entityId: person.id, fields: ["enabled"] });
    return { email: person.email };
  },
});
