"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ZUpdateConventionInput, type TUpdateConventionInput } from "@/lib/validation/convention-life";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { updateConventionAction } from "./actions";

/** Title, reference and territory; a save made on a stale version is refused and the values stay. */
export function EditConventionForm({ org, initial }: { org: string; initial: TUpdateConventionInput }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZUpdateConventionInput,
    defaultValues: initial,
    action: (v) => updateConventionAction(org, v),
    onSuccess: () => { setOpen(false); router.refresh(); },
  });
  if (!open) return <Button type="button" variant="secondary" onClick={() => setOpen(true)}>Modifier l&apos;intitulé</Button>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Modifier la convention" className="w-full space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="edit-title" label="Titre" required error={err("title")} {...form.register("title")} />
      <div className="grid gap-3 md:grid-cols-2">
        <Field id="edit-reference" label="Référence" error={err("reference")} {...form.register("reference")} />
        <Field id="edit-territory" label="Territoire" error={err("territory")} {...form.register("territory")} />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer"}</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Annuler</Button>
      </div>
    </form>
  );
}
