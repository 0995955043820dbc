"use client";

import { useRouter } from "next/navigation";
import { ZCaseEventInput, CHECKLIST_LABELS, DIAGNOSTIC_SECTION_LABELS, OUTCOME_LABELS, type CaseEventType } from "@/lib/validation/cases";
import { EVENT_LABELS } from "@/lib/domain";
import { HEALTH_HINT } from "@/lib/validation/case-texts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { formatCents } from "@/lib/format";
import { parseEuros } from "@/lib/validation/conventions";
import { recordCaseEventAction } from "./actions";

/** Records the next step of the case; the fields follow the kind of step (REL-2..REL-8). */
export function RelaisEventForm({ org, caseId, types, today, initialType }: { org: string; caseId: string; types: CaseEventType[]; today: string; initialType?: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZCaseEventInput,
    defaultValues: {
      caseId, type: types.includes(initialType as CaseEventType) ? initialType : types[0], on: today, entry: "true", outcome: "RELOGE", checklist: [], text: "", monthlyIncome: "", rentWithApl: false,
      sections: Object.fromEntries(Object.keys(DIAGNOSTIC_SECTION_LABELS).map((k) => [k, ""])),
    } as never,
    action: (v) => recordCaseEventAction(org, v),
    onSuccess: () => { form.reset(); router.refresh(); },
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const type = form.watch("type") as CaseEventType;
  const income = parseEuros(String(form.watch("monthlyIncome" as never) ?? ""));
  const apl = String(form.watch("rentWithApl" as never)) === "true";
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Enregistrer une étape du dossier" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="event-type" label="Étape" error={err("type")} {...r("type")}>
          {types.map((t) => <option key={t} value={t}>{EVENT_LABELS[t] ? EVENT_LABELS[t][0].toUpperCase() + EVENT_LABELS[t].slice(1) : t}</option>)}
        </SelectField>
        <Field id="event-on" label="Date" type="date" required error={err("on")} {...r("on")} />
      </div>
      {type === "DIAGNOSTIC" ? (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Bilan diagnostic (REL-3)</legend>
          <p className="text-xs text-slate-600">{HEALTH_HINT}</p>
          {Object.entries(DIAGNOSTIC_SECTION_LABELS).map(([k, label]) => (
            <div key={k}>
              <label htmlFor={`section-${k}`} className="block text-sm font-medium">{label}</label>
              <textarea id={`section-${k}`} rows={2} aria-invalid={err(`sections.${k}`) ? true : undefined} aria-describedby={err(`sections.${k}`) ? `section-${k}-erreur` : undefined} className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm" {...r(`sections.${k}`)} />
              {err(`sections.${k}`) ? <p id={`section-${k}-erreur`} className="text-sm text-red-700">{err(`sections.${k}`)}</p> : null}
            </div>
          ))}
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="income" label="Ressources mensuelles du ménage (€)" inputMode="decimal" error={err("monthlyIncome")} {...r("monthlyIncome")} />
            <SelectField id="apl" label="Mode de paiement (REL-4)" {...r("rentWithApl")}>
              <option value="false">Redevance de 20 % des ressources</option>
              <option value="true">Loyer ouvrant droit à l&apos;APL</option>
            </SelectField>
          </div>
          {!apl && income !== null ? <p className="text-sm" data-testid="redevance">Redevance calculée : <strong>{formatCents(Math.round(income * 0.2))}</strong> par mois (20 %, REL-4)</p> : null}
        </fieldset>
      ) : null}
      {type === "DECISION" ? (
        <SelectField id="entry" label="Décision commune" {...r("entry")}>
          <option value="true">Entrée en logement relais</option>
          <option value="false">Pas d&apos;entrée (le dossier se clôt)</option>
        </SelectField>
      ) : null}
      {type === "VISIT" ? (
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Points abordés (REL-7)</legend>
          {Object.entries(CHECKLIST_LABELS).map(([k, label]) => (
            <label key={k} className="flex items-center gap-2 text-sm"><input type="checkbox" value={k} {...r("checklist")} /> {label}</label>
          ))}
        </fieldset>
      ) : null}
      {type === "INTERMEDIATE_BILAN_SENT" || type === "FINAL_BILAN_SENT" ? (
        <div>
          <label htmlFor="bilan-text" className="block text-sm font-medium">Bilan (adressé à la Ville)</label>
          <p className="text-xs text-slate-600">{HEALTH_HINT}</p>
          <textarea id="bilan-text" rows={4} aria-invalid={err("text") ? true : undefined} aria-describedby={err("text") ? "bilan-text-erreur" : undefined} className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm" {...r("text")} />
          {err("text") ? <p id="bilan-text-erreur" className="text-sm text-red-700">{err("text")}</p> : null}
        </div>
      ) : null}
      {type === "END" ? (
        <SelectField id="outcome" label="Issue (REL-8)" {...r("outcome")}>
          {Object.entries(OUTCOME_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
      ) : null}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer l'étape"}</Button>
    </form>
  );
}
