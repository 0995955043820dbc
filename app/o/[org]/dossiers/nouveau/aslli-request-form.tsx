"use client";

import { useRouter } from "next/navigation";
import { EXCLUSIVE_MEASURE_LABELS, INSTRUCTOR_LABELS, PURPOSE_LABELS, SITUATION_LABELS, ZAslliRequestInput, type TAslliRequestInput } from "@/lib/validation/aslli";
import { HEALTH_HINT, TEXT_KINDS } from "@/lib/validation/case-texts";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup, Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { requestAslliAction } from "./actions";

type Options = { conventions: { id: string; title: string }[]; households: { id: string; name: string }[]; members: { id: string; firstName: string; lastName: string }[] };

const YES_NO = [["true", "Oui"], ["false", "Non"]] as const;

/** ASL-2/3/9/13: the request, its social evaluation, the situations handled, eligibility, and the supports in progress. */
export function AslliRequestForm({ org, options, initial }: { org: string; options: Options; initial: Pick<TAslliRequestInput, "conventionId" | "householdId" | "requestedOn" | "referentPersonId"> }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZAslliRequestInput,
    defaultValues: {
      ...initial, instructorProfession: "ASSISTANTE_SOCIALE", instructorName: "", formSignedByHousehold: "true",
      evaluation: { symptoms: "", causes: "", priorityAxes: "" }, situations: [], lawfullyResident: "true", housingDifficulties: "true", adheres: "true",
      measuresInProgress: [], purpose: "MAINTIEN",
    } as never,
    action: (v) => requestAslliAction(org, v),
    onSuccess: (d) => router.push(`/o/${org}/dossiers/${d.id}`),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const yesNo = (name: string, id: string, label: string) => (
    <SelectField id={id} label={label} error={err(name)} {...r(name)}>
      {YES_NO.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
    </SelectField>
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Demande de mesure ASLLi" className="max-w-3xl space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="aslli-convention" label="Convention ASLLi" error={err("conventionId")} {...r("conventionId")}>
          {options.conventions.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
        </SelectField>
        <SelectField id="aslli-household" label="Ménage" error={err("householdId")} {...r("householdId")}>
          <option value="">Choisir…</option>
          {options.households.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
        </SelectField>
        <Field id="aslli-on" label="Date de la demande" type="date" required error={err("requestedOn")} {...r("requestedOn")} />
        <SelectField id="aslli-purpose" label="Mesure demandée (ASL-1)" error={err("purpose")} {...r("purpose")}>
          {Object.entries(PURPOSE_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
      </div>
      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">Travailleur social instructeur (ASL-2)</legend>
        <SelectField id="aslli-profession" label="Profession" error={err("instructorProfession")} {...r("instructorProfession")}>
          {Object.entries(INSTRUCTOR_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
        <Field id="aslli-instructor" label="Nom et service" error={err("instructorName")} {...r("instructorName")} />
        {yesNo("formSignedByHousehold", "aslli-signed", "Formulaire de demande signé par le ménage")}
      </fieldset>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Évaluation sociale (ASL-2)</legend>
        <p className="text-xs text-slate-600">Seules les difficultés de logement et les axes prioritaires sont transmis à la commission du Département (ASL-12). {HEALTH_HINT}</p>
        {Object.entries(TEXT_KINDS.ASLLI_REQUEST.sections).map(([k, s]) => (
          <TextAreaField key={k} id={`aslli-eval-${k}`} label={`${s.label}${s.scope === "LOGEMENT" ? " — transmis à la commission" : " — non transmis"}`} error={err(`evaluation.${k}`)} {...r(`evaluation.${k}`)} />
        ))}
      </fieldset>
      <CheckboxGroup id="aslli-situations" legend="Situations justifiant la mesure (ASL-9)" options={SITUATION_LABELS} error={err("situations")} register={() => r("situations")} />
      <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium">Éligibilité (ASL-13)</legend>
        {yesNo("lawfullyResident", "aslli-resident", "Séjour régulier en France (un membre du couple suffit)")}
        {yesNo("housingDifficulties", "aslli-difficulties", "Difficultés liées au logement")}
        {yesNo("adheres", "aslli-adheres", "Le ménage adhère à la mesure")}
      </fieldset>
      <CheckboxGroup id="aslli-measures" legend="Accompagnements en cours (ASL-3 : aucun cumul possible)" options={EXCLUSIVE_MEASURE_LABELS} error={err("measuresInProgress")} register={() => r("measuresInProgress")} />
      <SelectField id="aslli-referent" label="Référent du dossier" error={err("referentPersonId")} {...r("referentPersonId")}>
        {options.members.map((m) => <option key={m.id} value={m.id}>{m.firstName} {m.lastName}</option>)}
      </SelectField>
      <Button type="submit" disabled={pending}>{pending ? "Envoi…" : "Enregistrer la demande"}</Button>
    </form>
  );
}
