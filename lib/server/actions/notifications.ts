import "server-only";
import { NOTIFICATION_KINDS, ZMarkAllReadInput, ZMarkReadInput, ZNotificationPreferencesInput } from "@/lib/validation/notifications";
import { ActionError, NotFoundError, orgAction } from "../action";
import { visibleNotification } from "../notifications";

// Issue 12: the read state and the preferences are the person's own; a notification of an organisation the person
// does not belong to answers not-found, as if it did not exist.

const ALL = ["ADMIN", "AGENT", "READER"] as const;

export const markNotificationRead = orgAction({
  name: "notifications.markRead",
  roles: ALL,
  schema: ZMarkReadInput,
  async handler({ notificationId }, ctx) {
    const n = await visibleNotification(ctx.caller, notificationId, ctx.tx);
    if (!n) throw new NotFoundError();
    await ctx.tx.notificationRead.upsert({
      where: { notificationId_personId: { notificationId: n.id, personId: ctx.caller.personId } },
      create: { notificationId: n.id, personId: ctx.caller.personId },
      update: {},
    });
    await ctx.audit({ action: "notification.read", entityType: "Notification", entityId: n.id, organisationId: n.organisationId, fields: ["read"] });
  },
});

export const markAllNotificationsRead = orgAction({
  name: "notifications.markAllRead",
  roles: ALL,
  schema: ZMarkAllReadInput,
  async handler(_input, ctx) {
    const now = new Date();
    await ctx.tx.notificationPreference.upsert({
      where: { personId: ctx.caller.personId },
      create: { personId: ctx.caller.personId, readAllBefore: now },
      update: { readAllBefore: now },
    });
    await ctx.audit({ action: "notification.readAll", entityType: "Person", entityId: ctx.caller.personId, fields: ["readAllBefore"] });
  },
});

export const saveNotificationPreferences = orgAction({
  name: "notifications.savePreferences",
  roles: ALL,
  schema: ZNotificationPreferencesInput,
  async handler(input, ctx) {
    const mine = ctx.caller.memberships.map((m) => m.organisationId);
    if (input.organisations.some((o) => !mine.includes(o))) {
      throw new ActionError("Vous ne pouvez choisir que vos organisations.", { organisations: ["Organisation inconnue parmi les vôtres."] });
    }
    const mutedOrgIds = mine.filter((o) => !input.organisations.includes(o));
    const mutedKinds = NOTIFICATION_KINDS.filter((k) => !input.kinds.includes(k));
    await ctx.tx.notificationPreference.upsert({
      where: { personId: ctx.caller.personId },
      create: { personId: ctx.caller.personId, mutedOrgIds, mutedKinds },
      update: { mutedOrgIds, mutedKinds },
    });
    await ctx.audit({ action: "notification.preferences", entityType: "Person", entityId: ctx.caller.personId, fields: ["mutedOrgIds", "mutedKinds"] });
    return { mutedOrgIds, mutedKinds };
  },
});
