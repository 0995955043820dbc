import { z } from "zod";

// Issue 13 §4: the daily digest's preferences (shared by the account page's form and the action).
export const ZDigestPreferencesInput = z
  .object({
    enabled: z.boolean({ error: "Indiquez si vous voulez recevoir le récapitulatif." }),
    organisationIds: z.array(z.string().min(1).max(64), { error: "Choix d'organisations invalide." }).max(50, "Trop d'organisations."),
  })
  .refine((v) => !v.enabled || v.organisationIds.length > 0, { path: ["organisationIds"], message: "Choisissez au moins une organisation, ou désactivez le récapitulatif." });
export type TDigestPreferencesInput = z.infer<typeof ZDigestPreferencesInput>;

export const ZUnsubscribeInput = z.object({ token: z.string().min(10, "Lien incomplet.").max(400, "Lien invalide.") });
