"use client";

import { useRouter } from "next/navigation";
import { ZReferInput, type TReferInput } from "@/lib/validation/cases";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { referCaseAction } from "./actions";

type Options = { conventions: { id: string; title: string; used: number; quota: number }[]; households: { id: string; name: string }[]; members: { id: string; firstName: string; lastName: string }[] };

export function ReferForm({ org, options, initial }: { org: string; options: Options; initial: TReferInput }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZReferInput,
    defaultValues: initial,
    action: (v) => referCaseAction(org, v),
    onSuccess: (d) => router.push(`/o/${org}/dossiers/${d.id}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Orienter un ménage" className="max-w-xl space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField id="refer-convention" label="Convention de logement relais" error={err("conventionId")} {...form.register("conventionId")}>
        {options.conventions.map((c) => <option key={c.id} value={c.id}>{c.title} — {c.used} / {c.quota} demandes cette année</option>)}
      </SelectField>
      <SelectField id="refer-household" label="Ménage" error={err("householdId")} {...form.register("householdId")}>
        <option value="">Choisir…</option>
        {options.households.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
      </SelectField>
      <Field id="refer-on" label="Date de la saisine (courriel à l'association)" type="date" required hint="Les délais de la convention courent à partir de cette date (REL-1)." error={err("referredOn")} {...form.register("referredOn")} />
      <SelectField id="refer-referent" label="Référent à la Ville" error={err("referentPersonId")} {...form.register("referentPersonId")}>
        {options.members.map((m) => <option key={m.id} value={m.id}>{m.firstName} {m.lastName}</option>)}
      </SelectField>
      <Button type="submit" disabled={pending}>{pending ? "Envoi…" : "Orienter vers l'association"}</Button>
    </form>
  );
}
