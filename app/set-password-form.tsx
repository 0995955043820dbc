"use client";

import { useRouter } from "next/navigation";
import { ZSetPasswordInput } from "@/lib/validation/auth";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { acceptInvitationAction, resetPasswordAction } from "./token-actions";

/** Choose a password from a one-time link (invitation of a new person, or reset). */
export function SetPasswordForm({ token, mode, firstName = "", lastName = "" }: { token: string; mode: "invitation" | "reset"; firstName?: string; lastName?: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZSetPasswordInput,
    defaultValues: { token, firstName, lastName, newPassword: "", confirmPassword: "" },
    action: (v) => (mode === "invitation" ? acceptInvitationAction(v) : resetPasswordAction(v)),
    onSuccess: () => router.push("/connexion?motdepasse=1"),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {mode === "invitation" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="firstName" label="Prénom" error={err("firstName")} {...form.register("firstName")} />
          <Field id="lastName" label="Nom" error={err("lastName")} {...form.register("lastName")} />
        </div>
      ) : null}
      <Field id="newPassword" label="Mot de passe" type="password" autoComplete="new-password" required hint="12 caractères au moins ; les mots de passe courants sont refusés." error={err("newPassword")} {...form.register("newPassword")} />
      <Field id="confirmPassword" label="Confirmer le mot de passe" type="password" autoComplete="new-password" required error={err("confirmPassword")} {...form.register("confirmPassword")} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer le mot de passe"}</Button>
    </form>
  );
}
