import { z } from "zod";
import { ZEmail } from "./auth";

export const ORG_KINDS = ["COMMUNE", "ASSOCIATION", "BAILLEUR", "ETAT", "DEPARTEMENT", "FEDERATION"] as const;
export const ZOrgKind = z.enum(ORG_KINDS, { error: "Choisissez le type d'organisation." });

/** SIRET: 14 digits with a valid Luhn key (La Poste's establishments use a digit sum multiple of 5). */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith("356000000")) return [...siret].reduce((a, d) => a + Number(d), 0) % 5 === 0;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

export const ZSiret = z
  .string()
  .transform((s) => s.replace(/\s/g, ""))
  .refine((s) => s === "" || /^\d{14}$/.test(s), "Le SIRET compte 14 chiffres.")
  .refine((s) => s === "" || isValidSiret(s), "Ce numéro SIRET n'est pas valide (clé de contrôle).")
  .transform((s) => (s === "" ? null : s));

export const ZRegisterOrganisationInput = z.object({
  name: z.string().trim().min(2, "Le nom est obligatoire.").max(160, "160 caractères au plus."),
  kind: ZOrgKind,
  siret: ZSiret,
  addressLine: z.string().trim().max(200, "200 caractères au plus."),
  postcode: z.string().trim().refine((s) => s === "" || /^\d{5}$/.test(s), "Le code postal compte 5 chiffres."),
  commune: z.string().trim().min(1, "La commune est obligatoire.").max(120, "120 caractères au plus."),
  adminFirstName: z.string().trim().min(1, "Le prénom est obligatoire.").max(100),
  adminLastName: z.string().trim().min(1, "Le nom est obligatoire.").max(100),
  adminEmail: ZEmail,
});
export type TRegisterOrganisationInput = z.input<typeof ZRegisterOrganisationInput>;

export const ZDirectoryQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: ZOrgKind.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** Issue 8: how long a household's data is kept after the last contact of its closed cases (CNIL: 2 years). */
export const ZSetRetentionInput = z.object({
  months: z.coerce.number({ error: "Durée en mois attendue." }).int("Durée en mois entière.").min(12, "Au moins 12 mois : les chiffres annuels et les bilans en ont besoin.").max(120, "120 mois (10 ans) au plus."),
});
export type TSetRetentionInput = z.input<typeof ZSetRetentionInput>;
