// Registry probes for the notification actions (issue 12): valid inputs aimed at AUMV's data — a notification of
// AUMV's. Valophis (the outsider) gets not-found, by AUMV's slug (not a member) and by the notification's id from its
// own organisation (not one of its organisations' notifications).
import type { seeded } from "../helpers";

type S = Awaited<ReturnType<typeof seeded>>;

export async function arrange(s: S) {
  const n = await s.db.notification.create({
    data: { organisationId: s.org("aumv"), kind: "CONFIRMATION_REQUESTED", title: "Avenant à confirmer (sonde)", href: `/conventions/${s.convention("RELAIS")}` },
  });
  return {
    probes: {
      "notifications.markRead": () => ({ notificationId: n.id }),
      "notifications.markAllRead": () => ({}),
      "notifications.savePreferences": () => ({ organisations: [s.org("aumv")], kinds: ["CONFIRMATION_REQUESTED"] }),
    },
    targetIds: [n.id],
  };
}
