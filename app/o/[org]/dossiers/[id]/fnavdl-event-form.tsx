"use client";

import { useRouter } from "next/navigation";
import { EVENT_LABELS } from "@/lib/domain";
import {
  END_REASON_LABELS, INTENSITY_LABELS, RESPONDENT_LABELS, SATISFACTION_LABELS, SUPPORT_ACTION_LABELS, ZFnavdlEventInput, type FnavdlEventType,
} from "@/lib/validation/fnavdl";
import { HEALTH_HINT, TEXT_KINDS } from "@/lib/validation/case-texts";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { recordFnavdlEventAction } from "./actions";

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const options = (o: Record<string, string>) => Object.entries(o).map(([k, l]) => <option key={k} value={k}>{l}</option>);

/** Records the next step of an FNAVDL case; the fields follow the step (AVD-6..14). */
export function FnavdlEventForm({ org, caseId, types, today, initialType, associations, current }: {
  org: string; caseId: string; types: FnavdlEventType[]; today: string; initialType?: string;
  associations: { id: string; name: string }[];
  current: { action: string; intensity: string; plannedEndOn: string } | null;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZFnavdlEventInput,
    defaultValues: {
      caseId, type: types.includes(initialType as FnavdlEventType) ? initialType : types[0], on: today,
      situation: "", conclusion: "", supportNeeded: "true", intensity: current?.intensity ?? "MOYEN", plannedMonths: "", operatorOrgId: "",
      action: current?.action === "AVL" ? "ADL" : current?.action ?? "AVL", plannedEndOn: current?.plannedEndOn ?? "", text: "", recipientOrgId: "",
      examinationEndsOn: "", leaseOffered: "true", noticeReason: "", reason: "", respondent: "HOUSEHOLD", answer: "",
    } as never,
    action: (v) => recordFnavdlEventAction(org, v),
    onSuccess: () => { form.reset(); router.refresh(); },
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const type = form.watch("type") as FnavdlEventType;
  const supportNeeded = String(form.watch("supportNeeded" as never)) === "true";
  const leaseOffered = String(form.watch("leaseOffered" as never)) === "true";
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Enregistrer une étape du dossier" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="event-type" label="Étape" error={err("type")} {...r("type")}>
          {types.map((t) => <option key={t} value={t}>{capital(t === "END" ? "fin de l'accompagnement" : t === "LEASE_SIGNED" ? "accès au logement (bail signé)" : EVENT_LABELS[t] ?? t)}</option>)}
        </SelectField>
        <Field id="event-on" label="Date" type="date" required error={err("on")} {...r("on")} />
      </div>
      {type === "DIAGNOSTIC" ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Diagnostic (AVD-7)</legend>
          {Object.entries(TEXT_KINDS.FNAVDL_DIAGNOSTIC.sections).map(([k, s]) => (
            <TextAreaField key={k} id={`diag-${k}`} label={s.label} hint={HEALTH_HINT} error={err(k)} {...r(k)} />
          ))}
          <SelectField id="diag-needed" label="Le diagnostic conclut-il à un accompagnement ?" {...r("supportNeeded")}>
            <option value="true">Oui : il vaut prescription de la mesure</option>
            <option value="false">Non : le dossier se clôt</option>
          </SelectField>
          {supportNeeded ? (
            <div className="grid gap-3 sm:grid-cols-3">
              <SelectField id="diag-intensity" label="Niveau d'intensité (AVD-8)" error={err("intensity")} {...r("intensity")}>{options(INTENSITY_LABELS)}</SelectField>
              <Field id="diag-months" label="Durée prévisionnelle (mois)" inputMode="numeric" error={err("plannedMonths")} {...r("plannedMonths")} />
              <SelectField id="diag-operator" label="Opérateur chargé de l'accompagnement" error={err("operatorOrgId")} {...r("operatorOrgId")}>
                <option value="">Notre association</option>
                {associations.map((a) => <option key={a.id} value={a.id}>{a.name} (le diagnostic lui est transmis)</option>)}
              </SelectField>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {type === "SUPPORT_START" || type === "SUPPORT_CHANGE" ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField id="support-action" label="Accompagnement" error={err("action")} {...r("action")}>{options(SUPPORT_ACTION_LABELS)}</SelectField>
          <SelectField id="support-intensity" label="Niveau d'intensité (AVD-8)" error={err("intensity")} {...r("intensity")}>{options(INTENSITY_LABELS)}</SelectField>
          {type === "SUPPORT_START" ? <Field id="support-end" label="Fin prévue" type="date" error={err("plannedEndOn")} {...r("plannedEndOn")} /> : null}
        </div>
      ) : null}
      {type === "PROLONGATION" ? (
        <Field id="prolongation-end" label="Nouvelle fin prévue" type="date" hint="Au-delà de 9 mois pour un ménage DALO, l'évaluation doit avoir été transmise à l'opérateur du diagnostic (AVD-9)." error={err("plannedEndOn")} {...r("plannedEndOn")} />
      ) : null}
      {type === "EVALUATION_SENT" ? (
        <div className="grid gap-3">
          <TextAreaField id="evaluation-text" label="Évaluation proposant la prolongation (AVD-9)" hint={HEALTH_HINT} error={err("text")} {...r("text")} />
          <SelectField id="evaluation-recipient" label="Transmise à l'opérateur du diagnostic" error={err("recipientOrgId")} {...r("recipientOrgId")}>
            <option value="">Notre association (diagnostic réalisé par nous) ou l&apos;État</option>
            {associations.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </SelectField>
        </div>
      ) : null}
      {type === "SUBLEASE_START" ? (
        <Field id="sublease-exam" label="Fin de la période d'examen (convention tripartite)" type="date" hint="Le bailleur informe le préfet 2 mois avant cette date (AVD-11)." error={err("examinationEndsOn")} {...r("examinationEndsOn")} />
      ) : null}
      {type === "BAILLEUR_NOTICE" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="notice-offered" label="Le bailleur propose-t-il le bail au sous-locataire ?" {...r("leaseOffered")}>
            <option value="true">Oui</option>
            <option value="false">Non</option>
          </SelectField>
          {!leaseOffered ? <TextAreaField id="notice-reason" label="Raisons données au préfet" error={err("noticeReason")} {...r("noticeReason")} /> : null}
        </div>
      ) : null}
      {type === "SURVEY" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="survey-respondent" label="Répondant (AVD-14)" {...r("respondent")}>{options(RESPONDENT_LABELS)}</SelectField>
          <SelectField id="survey-answer" label="Satisfaction" error={err("answer")} {...r("answer")}><option value="">Choisir…</option>{options(SATISFACTION_LABELS)}</SelectField>
        </div>
      ) : null}
      {type === "END" ? (
        <SelectField id="end-reason" label="Motif de fin" error={err("reason")} {...r("reason")}><option value="">Choisir…</option>{options(END_REASON_LABELS)}</SelectField>
      ) : null}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer l'étape"}</Button>
    </form>
  );
}
