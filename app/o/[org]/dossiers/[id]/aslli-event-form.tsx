"use client";

import { useRouter } from "next/navigation";
import { EVENT_LABELS } from "@/lib/domain";
import { BILAN_PURPOSE_LABELS, EARLY_END_LABELS, MEETING_PLACE_LABELS, PURPOSE_LABELS, ZAslliEventInput, type AslliEventType } from "@/lib/validation/aslli";
import { HEALTH_HINT, TEXT_KINDS } from "@/lib/validation/case-texts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { recordAslliEventAction } from "./actions";

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const options = (o: Record<string, string>) => Object.entries(o).map(([k, l]) => <option key={k} value={k}>{l}</option>);
const LABELS: Partial<Record<AslliEventType, string>> = {
  COMMISSION: "décision de la commission", START: "début de la mesure (autre que le 1er du mois)", PLAN_SENT: "plan d'intervention signé transmis",
  RENEWAL: "renouvellement décidé", END: "arrêt anticipé ou annulation", BILAN_SENT: "bilan transmis au Service Logement", HANDOVER: "passage de relais au travailleur social",
};

/** Records the next step of an ASLLi measure; the fields follow the step (ASL-1..14). */
export function AslliEventForm({ org, caseId, types, today, initialType, purpose }: {
  org: string; caseId: string; types: AslliEventType[]; today: string; initialType?: string; purpose: "ACCESS" | "MAINTIEN";
}) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZAslliEventInput,
    defaultValues: {
      caseId, type: types.includes(initialType as AslliEventType) ? initialType : types[0], on: today,
      granted: "true", purpose, months: purpose === "ACCESS" ? "3" : "6", notifiedOn: today,
      signedByHousehold: false, signedByInstructor: false, signedByAssociation: false, plan: { objectives: "", commitments: "" },
      place: "DOMICILE", participants: "", minutes: "", endsOn: "", agreedOn: today, reason: "",
      bilan: Object.fromEntries(Object.keys(TEXT_KINDS.ASLLI_BILAN.sections).map((k) => [k, ""])), motive: "", socialWorker: "", bilanPurpose: "RENEWAL",
    } as never,
    action: (v) => recordAslliEventAction(org, v),
    onSuccess: () => { form.reset(); router.refresh(); },
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const type = form.watch("type") as AslliEventType;
  const granted = String(form.watch("granted" as never)) === "true";
  const check = (name: string, label: string) => (
    <div>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" aria-describedby={err(name) ? `${name}-erreur` : undefined} {...r(name)} /> {label}</label>
      {err(name) ? <p id={`${name}-erreur`} className="text-sm text-red-700">{err(name)}</p> : null}
    </div>
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Enregistrer une étape de la mesure" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="event-type" label="Étape" error={err("type")} {...r("type")}>
          {types.map((t) => <option key={t} value={t}>{capital(LABELS[t] ?? EVENT_LABELS[t] ?? t)}</option>)}
        </SelectField>
        <Field id="event-on" label={type === "COMMISSION" ? "Date de la commission" : type === "SUSPENSION" ? "Début de la suspension" : "Date"} type="date" required error={err("on")} {...r("on")} />
      </div>
      {type === "COMMISSION" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="commission-granted" label="Décision" {...r("granted")}>
            <option value="true">Mesure accordée</option>
            <option value="false">Mesure refusée</option>
          </SelectField>
          <Field id="commission-notified" label="Notifiée au ménage le" type="date" error={err("notifiedOn")} {...r("notifiedOn")} />
          {granted ? (
            <>
              <SelectField id="commission-purpose" label="Objet (ASL-1)" {...r("purpose")}>{options(PURPOSE_LABELS)}</SelectField>
              <Field id="commission-months" label="Durée décidée (mois)" inputMode="numeric" hint="3 mois pour l'accès, 6 pour le maintien, sauf décision contraire ; début le 1er du mois suivant (ASL-4)." error={err("months")} {...r("months")} />
            </>
          ) : null}
        </div>
      ) : null}
      {type === "PLAN_SENT" ? (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Plan d&apos;intervention (ASL-5)</legend>
          <p className="text-xs text-slate-600">{HEALTH_HINT}</p>
          {Object.entries(TEXT_KINDS.ASLLI_PLAN.sections).map(([k, s]) => <TextAreaField key={k} id={`plan-${k}`} label={s.label} error={err(`plan.${k}`)} {...r(`plan.${k}`)} />)}
          {check("signedByHousehold", "Signé par le ménage")}
          {check("signedByInstructor", "Signé par le travailleur social instructeur")}
          {check("signedByAssociation", "Signé par l'association")}
        </fieldset>
      ) : null}
      {type === "MEETING" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="meeting-place" label="Lieu (ASL-6 : visite à domicile de préférence)" {...r("place")}>{options(MEETING_PLACE_LABELS)}</SelectField>
          <Field id="meeting-participants" label="Participants" error={err("participants")} {...r("participants")} />
          <TextAreaField id="meeting-minutes" className="sm:col-span-2" label="Compte rendu (facultatif, non transmis)" hint={HEALTH_HINT} error={err("minutes")} {...r("minutes")} />
        </div>
      ) : null}
      {type === "SUSPENSION" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="suspension-end" label="Fin de la suspension" type="date" error={err("endsOn")} {...r("endsOn")} />
          <Field id="suspension-agreed" label="Accord du Service Logement le" type="date" error={err("agreedOn")} {...r("agreedOn")} />
          <TextAreaField id="suspension-reason" label="Motif (force majeure, ASL-8)" hint={HEALTH_HINT} error={err("reason")} {...r("reason")} />
        </div>
      ) : null}
      {type === "INTERRUPTION" ? (
        <TextAreaField id="interruption-reason" label="Motif : le ménage ne respecte pas le plan (ASL-7), transmis au Service Logement" hint={HEALTH_HINT} error={err("reason")} {...r("reason")} />
      ) : null}
      {type === "BILAN_SENT" ? (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Bilan de mesure (ASL-10)</legend>
          <p className="text-xs text-slate-600">{HEALTH_HINT}</p>
          <SelectField id="bilan-purpose" label="Pour" {...r("bilanPurpose")}>{options(BILAN_PURPOSE_LABELS)}</SelectField>
          {Object.entries(TEXT_KINDS.ASLLI_BILAN.sections).map(([k, s]) => <TextAreaField key={k} id={`bilan-${k}`} label={`${s.label}${s.scope === "SOCIAL" ? " — non transmis au Département" : ""}`} error={err(`bilan.${k}`)} {...r(`bilan.${k}`)} />)}
        </fieldset>
      ) : null}
      {type === "RENEWAL" ? (
        <Field id="renewal-months" label="Durée du renouvellement (mois)" inputMode="numeric" hint="18 mois au plus en tout (ASL-1)." error={err("months")} {...r("months")} />
      ) : null}
      {type === "END" ? (
        <SelectField id="end-motive" label="Motif (ASL-14, ASL-5)" error={err("motive")} {...r("motive")}><option value="">Choisir…</option>{options(EARLY_END_LABELS)}</SelectField>
      ) : null}
      {type === "HANDOVER" ? (
        <Field id="handover-worker" label="Travailleur social qui reprend le suivi (ASL-14)" error={err("socialWorker")} {...r("socialWorker")} />
      ) : null}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer l'étape"}</Button>
    </form>
  );
}
