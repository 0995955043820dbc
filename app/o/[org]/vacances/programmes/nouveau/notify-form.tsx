"use client";

import { useRouter } from "next/navigation";
import { PROGRAMME_DOCUMENTS, PROGRAMME_KIND_LABELS, ZNotifyProgrammeInput } from "@/lib/validation/new-programmes";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup, Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { notifyProgrammeAction } from "../actions";

/** RES-21: the bailleur records the programme, the documents sent and the day the réservataire received them. */
export function NotifyForm({ org, today, conventions }: { org: string; today: string; conventions: { id: string; title: string; reservataire: string | null }[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZNotifyProgrammeInput,
    defaultValues: {
      conventionId: conventions[0]?.id ?? "", name: "", programmeKind: "NEW", addressLine: "", postcode: "", commune: "", dwellings: "",
      commissioningOn: "", receivedOn: today, documents: [], rplsIds: "",
    },
    action: (v) => notifyProgrammeAction(org, v),
    onSuccess: (d) => router.push(`/o/${org}/vacances/programmes/${(d as { id: string }).id}`),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Notifier un programme neuf" className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField id="conventionId" label="Réservataire notifié (convention de réservation)" error={err("conventionId")} {...r("conventionId")}>
        {conventions.map((c) => <option key={c.id} value={c.id}>{c.reservataire ? `${c.reservataire} — ` : ""}{c.title}</option>)}
      </SelectField>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="name" label="Nom du programme" required className="sm:col-span-2" error={err("name")} {...r("name")} />
        <SelectField id="programmeKind" label="Type d'opération" error={err("programmeKind")} {...r("programmeKind")}>
          {Object.entries(PROGRAMME_KIND_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </SelectField>
        <Field id="addressLine" label="Adresse" required className="sm:col-span-3" error={err("addressLine")} {...r("addressLine")} />
        <Field id="postcode" label="Code postal" required inputMode="numeric" error={err("postcode")} {...r("postcode")} />
        <Field id="commune" label="Commune" required className="sm:col-span-2" error={err("commune")} {...r("commune")} />
        <Field id="dwellings" label="Nombre de logements" required inputMode="numeric" error={err("dwellings")} {...r("dwellings")} />
        <Field id="commissioningOn" label="Mise en service prévue" type="date" required error={err("commissioningOn")} {...r("commissioningOn")} />
        <Field id="receivedOn" label="Notification reçue par le réservataire le" type="date" required hint="Le délai de 30 jours pour la première liste court de cette date." error={err("receivedOn")} {...r("receivedOn")} />
      </div>
      <CheckboxGroup id="documents" legend="Documents transmis avec la notification (RES-21)" options={PROGRAMME_DOCUMENTS} error={err("documents")} register={() => r("documents")} />
      <TextAreaField id="rplsIds" label="Identifiants RPLS des logements" hint="Séparés par des espaces, virgules ou retours à la ligne. Les fichiers (plans, photos, notice) se joignent aux documents de la convention." error={err("rplsIds")} {...r("rplsIds")} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer la notification"}</Button>
    </form>
  );
}
