"use client";

import { CandidateFields, EMPTY_CANDIDATE, type CandidateHousehold } from "@/components/forms/candidate-fields";
import { useRouter } from "next/navigation";
import { ZNotifyFailureInput, ZPostponeInput, ZSendListInput } from "@/lib/validation/new-programmes";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { notifyFailureAction, postponeAction, sendListAction } from "../actions";

type Household = CandidateHousehold;
const emptyCandidate = EMPTY_CANDIDATE;

/** RES-21: the réservataire's list of candidates (NUR, composition, resources), like a designation. */
export function SendListForm({ org, programmeId, today, households, second }: { org: string; programmeId: string; today: string; households: Household[]; second: boolean }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZSendListInput,
    defaultValues: { programmeId, on: today, candidates: [emptyCandidate, emptyCandidate, emptyCandidate], note: "" },
    action: (v) => sendListAction(org, v),
    onSuccess: () => router.refresh(),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={second ? "Transmettre une nouvelle liste de candidats" : "Transmettre la liste de candidats"} className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="list-on" label="Date d'envoi de la liste" type="date" required error={err("on")} {...r("on")} className="max-w-xs" />
      <CandidateFields form={form as never} households={households} idPrefix="l" max={200} err={err} />
      <TextAreaField id="list-note" label="Observations (facultatif)" error={err("note")} {...r("note")} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Transmettre la liste"}</Button>
    </form>
  );
}

/** RES-21: the bailleur notifies the failure of the last list; another list is due within 15 days. */
export function FailureForm({ org, programmeId, today }: { org: string; programmeId: string; today: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZNotifyFailureInput, defaultValues: { programmeId, on: today, reason: "" }, action: (v) => notifyFailureAction(org, v), onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Notifier l'échec de la liste" className="space-y-3">
      <h3 className="text-sm font-semibold">Notifier l&apos;échec de la liste</h3>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="failure-on" label="Date de notification au réservataire" type="date" required hint="Le réservataire dispose de 15 jours à partir de cette date pour une nouvelle liste." error={err("on")} {...form.register("on")} className="max-w-xs" />
      <TextAreaField id="failure-reason" label="Motif" error={err("reason")} {...form.register("reason")} />
      <Button type="submit" variant="secondary" disabled={pending}>Notifier l&apos;échec</Button>
    </form>
  );
}

/** RES-21: a postponement of the commissioning date, of which the bailleur informs the commune. */
export function PostponeForm({ org, programmeId, today, current }: { org: string; programmeId: string; today: string; current: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZPostponeInput, defaultValues: { programmeId, on: today, commissioningOn: current, reason: "" }, action: (v) => postponeAction(org, v), onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Reporter la mise en service" className="space-y-3">
      <h3 className="text-sm font-semibold">Reporter la mise en service</h3>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="postpone-date" label="Nouvelle date de mise en service" type="date" required error={err("commissioningOn")} {...form.register("commissioningOn")} />
        <Field id="postpone-on" label="Commune informée le" type="date" required error={err("on")} {...form.register("on")} />
      </div>
      <TextAreaField id="postpone-reason" label="Motif (facultatif)" error={err("reason")} {...form.register("reason")} />
      <Button type="submit" variant="secondary" disabled={pending}>Enregistrer le report</Button>
    </form>
  );
}
