"use client";

import { useRouter } from "next/navigation";
import { SOUSTRAIT_LABELS } from "@/lib/validation/dwellings";
import { ORIENTATION_LABELS, ZDeclareVacancyInput } from "@/lib/validation/vacancies";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { declareVacancyAction } from "../actions";

/** RES-17: the bailleur picks a dwelling of its stock by RPLS id; the declaration's fields come from the dwelling. */
export function DeclareForm({ org, today, conventions }: { org: string; today: string; conventions: { id: string; title: string; reservataire: string | null }[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZDeclareVacancyInput,
    defaultValues: { rplsId: "", availableOn: today, orientation: conventions.length ? "RESERVATAIRE" : "BAILLEUR", conventionId: conventions[0]?.id ?? "", soustraitCategory: "" },
    action: (v) => declareVacancyAction(org, v),
    onSuccess: (d) => router.push(`/o/${org}/vacances/${(d as { id: string }).id}`),
  });
  const orientation = form.watch("orientation");
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Déclarer une vacance" className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="rplsId" label="Identifiant RPLS du logement" required hint="Les caractéristiques de la déclaration (RES-17) sont reprises de la fiche du logement." error={err("rplsId")} {...form.register("rplsId")} />
        <Field id="availableOn" label="Date de disponibilité" type="date" required error={err("availableOn")} {...form.register("availableOn")} />
      </div>
      <SelectField id="orientation" label="Orientation" error={err("orientation")} {...form.register("orientation")}>
        {Object.entries(ORIENTATION_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
      </SelectField>
      {orientation === "RESERVATAIRE" ? (
        <SelectField id="conventionId" label="Convention de réservation" error={err("conventionId")} {...form.register("conventionId")}>
          <option value="">— Choisir —</option>
          {conventions.map((c) => <option key={c.id} value={c.id}>{c.reservataire ? `${c.reservataire} — ` : ""}{c.title}</option>)}
        </SelectField>
      ) : null}
      {orientation === "SOUSTRAIT" ? (
        <SelectField id="soustraitCategory" label="Catégorie (RES-3)" error={err("soustraitCategory")} {...form.register("soustraitCategory")}>
          <option value="">— Choisir —</option>
          {Object.entries(SOUSTRAIT_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
      ) : null}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Déclarer la vacance"}</Button>
    </form>
  );
}
