"use client";

import { useRouter } from "next/navigation";
import { INTENSITY_LABELS, PRESCRIBER_LABELS, ZFnavdlPrescribeInput, type TFnavdlPrescribeInput } from "@/lib/validation/fnavdl";
import { HEALTH_HINT } from "@/lib/validation/case-texts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { prescribeFnavdlAction } from "./actions";

type Options = { conventions: { id: string; title: string; dalo: boolean; actions: string[] }[]; households: { id: string; name: string }[]; members: { id: string; firstName: string; lastName: string }[] };

/** AVD-6: a prescription (orientation) of a household to the association; for DALO publics the COMED decision prescribes the measure. */
export function PrescribeForm({ org, options, initial }: { org: string; options: Options; initial: Pick<TFnavdlPrescribeInput, "conventionId" | "householdId" | "prescribedOn" | "referentPersonId"> }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZFnavdlPrescribeInput,
    defaultValues: { ...initial, prescriber: "SERVICES_ETAT", motivation: "", bailGlissant: "false", comedMeasure: "false", intensity: "MOYEN", plannedMonths: "" } as never,
    action: (v) => prescribeFnavdlAction(org, v),
    onSuccess: (d) => router.push(`/o/${org}/dossiers/${d.id}`),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const convention = options.conventions.find((c) => c.id === form.watch("conventionId"));
  const prescriber = form.watch("prescriber");
  const comed = String(form.watch("comedMeasure" as never)) === "true";
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Enregistrer une prescription FNAVDL" className="max-w-2xl space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField id="fnavdl-convention" label="Convention FNAVDL" error={err("conventionId")} {...r("conventionId")}>
        {options.conventions.map((c) => <option key={c.id} value={c.id}>{c.title}{c.dalo ? " — public DALO" : ""}</option>)}
      </SelectField>
      <SelectField id="fnavdl-household" label="Ménage" error={err("householdId")} {...r("householdId")}>
        <option value="">Choisir…</option>
        {options.households.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
      </SelectField>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="fnavdl-prescriber" label="Prescripteur (AVD-6)" error={err("prescriber")} {...r("prescriber")}>
          {Object.entries(PRESCRIBER_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
        <Field id="fnavdl-on" label="Date de la prescription" type="date" required hint="Le délai de démarrage court à partir de l'orientation (AVD-10)." error={err("prescribedOn")} {...r("prescribedOn")} />
      </div>
      <TextAreaField id="fnavdl-motivation" label={prescriber === "BAILLEUR_SOCIAL" ? "Motivation de la demande (obligatoire pour un bailleur)" : "Motivation de la demande (facultatif)"}
        hint={HEALTH_HINT} error={err("motivation")} {...r("motivation")} />
      {convention?.actions.includes("BAIL_GLISSANT") ? (
        <SelectField id="fnavdl-bg" label="Orientation en vue d'un bail glissant (AVD-11)" error={err("bailGlissant")} {...r("bailGlissant")}>
          <option value="false">Non</option>
          <option value="true">Oui</option>
        </SelectField>
      ) : null}
      {convention?.dalo && prescriber === "COMMISSION_MEDIATION" ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Décision de la commission de médiation (AVD-6)</legend>
          <SelectField id="fnavdl-comed" label="La décision fixe-t-elle la mesure (diagnostic, nature et niveau) ?" error={err("comedMeasure")} {...r("comedMeasure")}>
            <option value="false">Non : un diagnostic est à réaliser</option>
            <option value="true">Oui : elle vaut prescription de l&apos;accompagnement</option>
          </SelectField>
          {comed ? (
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField id="fnavdl-intensity" label="Niveau d'intensité (AVD-8)" error={err("intensity")} {...r("intensity")}>
                {Object.entries(INTENSITY_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
              </SelectField>
              <Field id="fnavdl-months" label="Durée prévisionnelle (mois)" inputMode="numeric" error={err("plannedMonths")} {...r("plannedMonths")} />
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <SelectField id="fnavdl-referent" label="Référent du dossier" error={err("referentPersonId")} {...r("referentPersonId")}>
        {options.members.map((m) => <option key={m.id} value={m.id}>{m.firstName} {m.lastName}</option>)}
      </SelectField>
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer la prescription"}</Button>
    </form>
  );
}
