"use client";

import { useState } from "react";
import { ORG_KINDS, ZRegisterOrganisationInput } from "@/lib/validation/organisations";
import { ORG_KIND_LABEL } from "@/lib/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { OneTimeLink } from "../../membres/one-time-link";
import { registerOrganisationAction } from "./actions";

export function RegisterOrganisationForm({ org }: { org: string }) {
  const [done, setDone] = useState<{ name: string; path: string; expiresAt: string } | null>(null);
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZRegisterOrganisationInput,
    defaultValues: { name: "", kind: "ASSOCIATION", siret: "", addressLine: "", postcode: "", commune: "", adminFirstName: "", adminLastName: "", adminEmail: "" },
    action: (v) => registerOrganisationAction(org, v),
    onSuccess: (d) => { setDone(d); form.reset(); },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Inscrire une organisation partenaire">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="org-name" label="Nom de l'organisation" required error={err("name")} {...form.register("name")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="org-kind" label="Type" error={err("kind")} {...form.register("kind")}>
          {ORG_KINDS.map((k) => <option key={k} value={k}>{ORG_KIND_LABEL[k]}</option>)}
        </SelectField>
        <Field id="org-siret" label="SIRET" inputMode="numeric" hint="14 chiffres ; évite les doublons." error={err("siret")} {...form.register("siret")} />
      </div>
      <Field id="org-address" label="Adresse" error={err("addressLine")} {...form.register("addressLine")} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="org-postcode" label="Code postal" inputMode="numeric" error={err("postcode")} {...form.register("postcode")} />
        <Field id="org-commune" label="Commune" required className="sm:col-span-2" error={err("commune")} {...form.register("commune")} />
      </div>
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Premier administrateur (invité par lien)</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="org-admin-first" label="Prénom" required error={err("adminFirstName")} {...form.register("adminFirstName")} />
          <Field id="org-admin-last" label="Nom" required error={err("adminLastName")} {...form.register("adminLastName")} />
        </div>
        <Field id="org-admin-email" label="Adresse e-mail" type="email" required className="mt-3" error={err("adminEmail")} {...form.register("adminEmail")} />
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? "Inscription…" : "Inscrire l'organisation"}</Button>
      {done ? <OneTimeLink label={`${done.name} est inscrite. Lien d'invitation de son administrateur`} path={done.path} expiresAt={done.expiresAt} /> : null}
    </form>
  );
}
