"use client";

import { useRouter } from "next/navigation";
import { ZChangePasswordInput } from "@/lib/validation/auth";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { changePasswordAction } from "./actions";

export function PasswordForm({ org }: { org: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZChangePasswordInput,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: (v) => changePasswordAction(org, v),
    // Every session of the person ends with the change, this one included.
    onSuccess: () => router.push("/connexion?motdepasse=1"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-3" aria-label="Changer de mot de passe">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required error={err("currentPassword")} {...form.register("currentPassword")} />
      <Field id="newPassword" label="Nouveau mot de passe" type="password" autoComplete="new-password" required hint="12 caractères au moins. Une phrase de passe facile à retenir convient ; les mots de passe courants sont refusés." error={err("newPassword")} {...form.register("newPassword")} />
      <Field id="confirmPassword" label="Confirmer le nouveau mot de passe" type="password" autoComplete="new-password" required error={err("confirmPassword")} {...form.register("confirmPassword")} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Changer le mot de passe"}</Button>
    </form>
  );
}
