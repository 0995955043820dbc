import { z } from "zod";
import { ZIsoDate } from "./convention-life";
import { ZId } from "./fields";

// The annual bilan (issue 11, RES-22, RES-23): marking it sent, recording its validation meeting. Shared by the forms
// and the actions.

const year = z.coerce.number({ error: "Année : obligatoire." }).int("Année : un nombre entier.").min(2000, "Année : 2000 au plus tôt.").max(2100, "Année : 2100 au plus tard.");

/** RES-22: the bailleur marks the bilan of `year` sent to every réservataire of the territory, on `on`. */
export const ZSendBilanInput = z.object({
  conventionId: ZId,
  year,
  on: ZIsoDate("Date d'envoi"),
});
export type TSendBilanInput = z.input<typeof ZSendBilanInput>;

/** RES-23: the annual validation meeting of the bilan of `year`, between the réservataire and the bailleur. */
export const ZValidateBilanInput = z.object({
  conventionId: ZId,
  year,
  on: ZIsoDate("Date de la réunion"),
  participants: z.string().trim().min(3, "Participants : à compléter.").max(1000, "Participants : 1 000 caractères au plus."),
  minutes: z.string().trim().max(5000, "Relevé de décisions : 5 000 caractères au plus.").optional().default(""),
});
export type TValidateBilanInput = z.input<typeof ZValidateBilanInput>;
