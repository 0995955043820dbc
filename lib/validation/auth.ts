import { z } from "zod";

export const ZEmail = z
  .string({ error: "L'adresse e-mail est obligatoire." })
  .trim()
  .toLowerCase()
  .min(1, "L'adresse e-mail est obligatoire.")
  .max(254, "Adresse e-mail trop longue.")
  .pipe(z.email({ error: "Adresse e-mail invalide." }));

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string({ error: "Le mot de passe est obligatoire." }).min(1, "Le mot de passe est obligatoire.").max(256, "Mot de passe trop long."),
  callbackUrl: z.string().max(500).optional(),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;

// Length only here (shared with the browser); guessability is checked on the server (lib/server/password.ts).
export const ZNewPassword = z
  .string({ error: "Le mot de passe est obligatoire." })
  .min(12, "Le mot de passe doit comporter au moins 12 caractères.")
  .max(256, "Le mot de passe ne peut dépasser 256 caractères.");

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel."),
    newPassword: ZNewPassword,
    confirmPassword: z.string().min(1, "Confirmez le nouveau mot de passe."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne correspondent pas." });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;

export const ZSetPasswordInput = z
  .object({
    token: z.string().min(20).max(200),
    firstName: z.string().trim().max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    newPassword: ZNewPassword,
    confirmPassword: z.string().min(1, "Confirmez le mot de passe."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne correspondent pas." });
export type TSetPasswordInput = z.infer<typeof ZSetPasswordInput>;
