import { z } from "zod";
import { parseEuros, parsePercent } from "./conventions";

const id = z.string().min(1).max(40);
const version = z.coerce.number().int().min(0);
export const ZIsoDate = (label: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : date obligatoire.`)
    .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${label} : date invalide.`);

export const STALE_MESSAGE = "Cette convention vient d'être modifiée par une autre personne. Rechargez la page pour voir sa version : vos saisies restent dans le formulaire.";

export const ZUpdateConventionInput = z.object({
  conventionId: id, version,
  title: z.string().trim().min(3, "Le titre est obligatoire.").max(200, "200 caractères au plus."),
  reference: z.string().trim().max(200, "200 caractères au plus."),
  territory: z.string().trim().max(120, "120 caractères au plus."),
});
export type TUpdateConventionInput = z.input<typeof ZUpdateConventionInput>;

/** « Marquer comme fait »: the event that fulfils one obligation, with what its kind needs. */
export const ZFulfilInput = z.object({
  conventionId: id, version,
  key: z.string().min(3).max(120),
  on: ZIsoDate("Date"),
  amount: z.string().trim().max(30).optional().transform((s, ctx) => {
    if (!s) return undefined;
    const c = parseEuros(s);
    if (c === null) { ctx.addIssue({ code: "custom", message: "Montant en euros attendu, par exemple 11 400,00." }); return z.NEVER; }
    return c;
  }),
  share: z.string().trim().max(10).optional().transform((s, ctx) => {
    if (!s) return undefined;
    const f = parsePercent(s);
    if (f === null) { ctx.addIssue({ code: "custom", message: "Pourcentage entre 0 et 100 attendu." }); return z.NEVER; }
    return f;
  }),
  participants: z.string().trim().max(500, "500 caractères au plus.").optional(),
  minutes: z.string().trim().max(5000, "5 000 caractères au plus.").optional(),
});
export type TFulfilInput = z.input<typeof ZFulfilInput>;

/** A registered letter or decision dated by the party that sends it (GEN-2, GEN-4, AVD-15). */
export const LETTER_KINDS = ["DENOUNCED", "MISE_EN_DEMEURE", "TERMINATED", "AVENANT_REQUESTED"] as const;
export const ZLetterInput = z.object({
  conventionId: id, version,
  kind: z.enum(LETTER_KINDS),
  on: ZIsoDate("Date"),
});
export type TLetterInput = z.input<typeof ZLetterInput>;

export const ZProposeAvenantInput = z.object({
  conventionId: id, version,
  effectiveOn: ZIsoDate("Date d'effet"),
  reason: z.string().trim().min(5, "Indiquez l'objet et la cause de l'avenant.").max(1000, "1 000 caractères au plus."),
  parameter: z.string().min(1, "Choisissez le paramètre modifié.").max(60),
  value: z.union([z.string().max(200), z.array(z.string().max(60)), z.boolean()]),
});
export type TProposeAvenantInput = z.input<typeof ZProposeAvenantInput>;

export const ZAvenantConsentInput = z.object({ avenantId: id });
export const ZAvenantDeclineInput = z.object({ avenantId: id, reason: z.string().trim().min(3, "Indiquez le motif du refus.").max(500) });

/** GEN-5, AVD-16: the paying party claims a refund (unspent sums, non-performance, excess over cost). */
export const ZClaimRefundInput = z.object({
  conventionId: id, version,
  on: ZIsoDate("Date de la demande"),
  amount: z.string().trim().min(1, "Indiquez le montant.").max(30).transform((s, ctx) => {
    const c = parseEuros(s);
    if (c === null || c === 0) { ctx.addIssue({ code: "custom", message: "Montant en euros attendu, par exemple 4 200,00." }); return z.NEVER; }
    return c;
  }),
  reason: z.string().trim().min(5, "Indiquez le motif (sommes non utilisées, inexécution, excédent…).").max(500, "500 caractères au plus."),
  dueOn: z.union([z.literal(""), ZIsoDate("Date limite")]).transform((s) => (s === "" ? null : s)),
}).refine((v) => v.dueOn === null || v.dueOn >= v.on, { path: ["dueOn"], message: "La date limite ne peut précéder la demande." });
export type TClaimRefundInput = z.input<typeof ZClaimRefundInput>;
