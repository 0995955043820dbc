"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useWatch } from "react-hook-form";
import { formatCents } from "@/lib/format";
import { parseEuros } from "@/lib/validation/conventions";
import { DALO_DECISIONS, HOUSING_SITUATIONS, RELATIONSHIPS, RESOURCE_SOURCES, householdSchema, type THouseholdInput } from "@/lib/validation/households";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { createHouseholdAction, updateHouseholdAction } from "./actions";

export const EMPTY_HOUSEHOLD: THouseholdInput = {
  referenceLastName: "", referenceFirstName: "", referenceBirthDate: "", members: [], resources: [],
  nur: "", housingSituation: "", commune: "", daloDecision: "", daloRecognisedOn: "", consentOn: "", consentBy: "",
};

const section = "rounded-lg border border-slate-200 bg-white p-4";
const legend = "px-1 text-base font-semibold text-slate-900";

/**
 * Creation and edition of a household (issue 6 §1). `today` comes from the server's clock: future dates
 * are refused before sending, and again by the action. On a refusal everything typed stays.
 */
export function HouseholdForm(props: {
  org: string;
  today: string;
  initial: THouseholdInput;
  edit?: { householdId: string; version: number; onDone: () => void; onCancel: () => void };
}) {
  const router = useRouter();
  const schema = useMemo(() => householdSchema(props.today), [props.today]);
  const { edit, org } = props;
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema,
    defaultValues: props.initial,
    action: (v) => (edit ? updateHouseholdAction(org, { ...v, householdId: edit.householdId, version: edit.version }) : createHouseholdAction(org, v)),
    onSuccess: (d: unknown) => (edit ? edit.onDone() : router.push(`/o/${org}/menages/${(d as { id: string }).id}`)),
  });
  const { register, control } = form;
  const members = useFieldArray({ control, name: "members" });
  const resources = useFieldArray({ control, name: "resources" });
  const amounts = useWatch({ control, name: "resources" }) ?? [];
  const total = amounts.reduce((n, r) => n + (parseEuros(r?.amount ?? "") ?? 0), 0);
  const p = edit ? "edit-" : "";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={edit ? "Modifier le ménage" : "Nouveau ménage"}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <fieldset className={section}>
        <legend className={legend}>Personne de référence</legend>
        <div className="mt-2 grid gap-3 md:grid-cols-3">
          <Field id={`${p}referenceLastName`} label="Nom" required autoComplete="off" error={err("referenceLastName")} {...register("referenceLastName")} />
          <Field id={`${p}referenceFirstName`} label="Prénom" required autoComplete="off" error={err("referenceFirstName")} {...register("referenceFirstName")} />
          <Field id={`${p}referenceBirthDate`} label="Date de naissance" type="date" max={props.today} error={err("referenceBirthDate")} {...register("referenceBirthDate")} />
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>Autres membres du ménage</legend>
        {members.fields.length === 0 ? <p className="mt-2 text-sm text-slate-700">La personne de référence vit seule, ou personne n&apos;a encore été ajouté.</p> : null}
        <ul className="mt-2 space-y-3">
          {members.fields.map((f, i) => (
            <li key={f.id}>
              <fieldset className="rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">Membre {i + 1}</legend>
                <div className="grid gap-3 md:grid-cols-[1fr_1fr_11rem_14rem_auto] md:items-end">
                  <Field id={`${p}members-${i}-lastName`} label="Nom" required autoComplete="off" error={err(`members.${i}.lastName`)} {...register(`members.${i}.lastName`)} />
                  <Field id={`${p}members-${i}-firstName`} label="Prénom" required autoComplete="off" error={err(`members.${i}.firstName`)} {...register(`members.${i}.firstName`)} />
                  <Field id={`${p}members-${i}-birthDate`} label="Date de naissance" type="date" max={props.today} error={err(`members.${i}.birthDate`)} {...register(`members.${i}.birthDate`)} />
                  <SelectField id={`${p}members-${i}-relationship`} label="Lien avec la personne de référence" error={err(`members.${i}.relationship`)} {...register(`members.${i}.relationship`)}>
                    {RELATIONSHIPS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </SelectField>
                  <Button type="button" variant="secondary" onClick={() => members.remove(i)}>Retirer le membre {i + 1}</Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
        <Button type="button" variant="secondary" className="mt-3" onClick={() => members.append({ lastName: form.getValues("referenceLastName"), firstName: "", birthDate: "", relationship: "ENFANT" }, { focusName: `members.${members.fields.length}.firstName` })}>
          Ajouter un membre
        </Button>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>Ressources mensuelles</legend>
        <p className="mt-1 text-sm text-slate-700">Montants mensuels en euros, par exemple 1 234,58.</p>
        <ul className="mt-2 space-y-3">
          {resources.fields.map((f, i) => (
            <li key={f.id}>
              <fieldset className="rounded-md border border-slate-200 p-3">
                <legend className="px-1 text-sm font-medium">Ressource {i + 1}</legend>
                <div className="grid gap-3 md:grid-cols-[1fr_12rem_auto] md:items-end">
                  <SelectField id={`${p}resources-${i}-source`} label="Nature" error={err(`resources.${i}.source`)} {...register(`resources.${i}.source`)}>
                    {RESOURCE_SOURCES.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </SelectField>
                  <Field id={`${p}resources-${i}-amount`} label="Montant mensuel (€)" inputMode="decimal" required error={err(`resources.${i}.amount`)} {...register(`resources.${i}.amount`)} />
                  <Button type="button" variant="secondary" onClick={() => resources.remove(i)}>Retirer la ressource {i + 1}</Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
        {resources.fields.length ? <p className="mt-3 text-sm font-medium">Total mensuel saisi : {formatCents(total)}</p> : null}
        <Button type="button" variant="secondary" className="mt-3" onClick={() => resources.append({ source: "SALAIRE", amount: "" }, { focusName: `resources.${resources.fields.length}.amount` })}>
          Ajouter une ressource
        </Button>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>Logement</legend>
        <div className="mt-2 grid gap-3 md:grid-cols-3">
          <Field id={`${p}nur`} label="Numéro unique de demande (NUR)" hint="10 à 20 lettres ou chiffres ; les espaces sont ignorés." autoComplete="off" error={err("nur")} {...register("nur")} />
          <SelectField id={`${p}housingSituation`} label="Situation actuelle de logement" error={err("housingSituation")} {...register("housingSituation")}>
            <option value="">Non renseignée</option>
            {HOUSING_SITUATIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </SelectField>
          <Field id={`${p}commune`} label="Commune" error={err("commune")} {...register("commune")} />
          <SelectField id={`${p}daloDecision`} label="Décision DALO" error={err("daloDecision")} {...register("daloDecision")}>
            <option value="">Pas de recours DALO connu</option>
            {DALO_DECISIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </SelectField>
          <Field id={`${p}daloRecognisedOn`} label="Date de la décision DALO" type="date" max={props.today} error={err("daloRecognisedOn")} {...register("daloRecognisedOn")} />
        </div>
      </fieldset>

      <fieldset className={section}>
        <legend className={legend}>Consentement à l&apos;accompagnement</legend>
        <div className="mt-2 grid gap-3 md:grid-cols-3">
          <Field id={`${p}consentOn`} label="Date du consentement" type="date" max={props.today} error={err("consentOn")} {...register("consentOn")} />
          <Field id={`${p}consentBy`} label="Consentement donné par" hint="La ou les personnes du ménage qui ont consenti." className="md:col-span-2" error={err("consentBy")} {...register("consentBy")} />
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : edit ? "Enregistrer les modifications" : "Enregistrer le ménage"}</Button>
        {edit ? <Button type="button" variant="secondary" onClick={edit.onCancel}>Annuler</Button> : null}
      </div>
    </form>
  );
}
