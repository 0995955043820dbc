"use client";

import { useState } from "react";
import { ZInviteMemberInput } from "@/lib/validation/members";
import { ROLE_LABEL } from "@/lib/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { OneTimeLink } from "./one-time-link";
import { inviteMemberAction } from "./actions";

export function InviteForm({ org }: { org: string }) {
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZInviteMemberInput,
    defaultValues: { email: "", firstName: "", lastName: "", role: "AGENT" },
    action: (v) => inviteMemberAction(org, v),
    onSuccess: (d) => { setLink(d); form.reset(); },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Inviter un membre">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="inv-firstName" label="Prénom" required error={err("firstName")} {...form.register("firstName")} />
        <Field id="inv-lastName" label="Nom" required error={err("lastName")} {...form.register("lastName")} />
      </div>
      <Field id="inv-email" label="Adresse e-mail" type="email" required error={err("email")} {...form.register("email")} />
      <SelectField id="inv-role" label="Rôle" error={err("role")} {...form.register("role")}>
        {(["ADMIN", "AGENT", "READER"] as const).map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
      </SelectField>
      <Button type="submit" disabled={pending}>{pending ? "Création…" : "Créer le lien d'invitation"}</Button>
      {link ? <OneTimeLink label="Lien d'invitation (à usage unique)" {...link} /> : null}
    </form>
  );
}
