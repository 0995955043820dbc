import { z } from "zod";
import { keysOf, ZId } from "./fields";

// In-app notifications (issue 12): the kinds a person may mute, and the inputs of the read and preference actions.

export const NOTIFICATION_KIND_LABELS = {
  VACANCY_DECLARED: "Vacances orientées vers votre organisation",
  DESIGNATION_RECEIVED: "Désignations de candidats reçues",
  CALEOL_OUTCOME: "Décisions de la CALEOL",
  DOCUMENT_RECEIVED: "Bilans, plans et documents reçus",
  CONFIRMATION_REQUESTED: "Conventions et avenants à confirmer",
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KIND_LABELS;
export const NOTIFICATION_KINDS = keysOf(NOTIFICATION_KIND_LABELS);

export const NOTIFICATION_PAGE_SIZE = 25;

export const ZMarkReadInput = z.object({ notificationId: ZId });
export const ZMarkAllReadInput = z.object({});

/** Checked boxes: none (absent or false), one (a string) or several (an array of strings). */
const checked = z.union([z.array(z.string().max(60)), z.string().max(60), z.literal(false), z.undefined()], { error: "Sélection invalide." })
  .transform((v) => (Array.isArray(v) ? v : v ? [v] : []));

/** The organisations and kinds the person wants in their bell (checked boxes); the others are muted. */
export const ZNotificationPreferencesInput = z.object({
  organisations: checked.pipe(z.array(ZId).max(50, "50 organisations au plus.")),
  kinds: checked.pipe(z.array(z.enum(NOTIFICATION_KINDS, { error: "Type de notification inconnu." }))),
});
export type TNotificationPreferencesInput = z.input<typeof ZNotificationPreferencesInput>;
