"use client";

import { ZSetRetentionInput } from "@/lib/validation/organisations";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { setRetentionAction } from "./actions";

/** Issue 8 §2: the organisation's retention of household data, in months after the last contact. */
export function RetentionForm({ org, months }: { org: string; months: number }) {
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZSetRetentionInput,
    defaultValues: { months: String(months) } as never,
    action: async (v) => {
      const r = await setRetentionAction(org, v);
      return r.ok ? { ...r, message: "Durée de conservation enregistrée." } : r;
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Durée de conservation" className="max-w-md space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="retention-months" label="Durée de conservation après le dernier contact (mois)" inputMode="numeric"
        hint="24 mois par défaut (pratique de la CNIL) ; de 12 à 120 mois." error={err("months")} {...form.register("months" as never)} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer"}</Button>
    </form>
  );
}
