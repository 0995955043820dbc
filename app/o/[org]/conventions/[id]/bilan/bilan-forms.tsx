"use client";

import { useRouter } from "next/navigation";
import { ZSendBilanInput, ZValidateBilanInput } from "@/lib/validation/annual-bilan";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { sendBilanAction, validateBilanAction } from "./actions";

/** RES-22: the bailleur marks the bilan sent; the .xlsx is attached to every réservataire's convention. */
export function SendBilanForm(props: { org: string; conventionId: string; year: number; today: string; reservataires: number }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZSendBilanInput,
    defaultValues: { conventionId: props.conventionId, year: props.year, on: props.today },
    action: (v) => sendBilanAction(props.org, v),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Marquer le bilan ${props.year} comme envoyé`} className="mt-3 flex flex-wrap items-end gap-3">
      {message ? <div className="w-full"><Alert tone={message.tone}>{message.text}</Alert></div> : null}
      <Field id="bilan-sent-on" label="Date d'envoi" type="date" required error={err("on")} {...form.register("on")} className="w-48" />
      <Button type="submit" disabled={pending}>{pending ? "…" : `Marquer comme envoyé (${props.reservataires} réservataire${props.reservataires > 1 ? "s" : ""})`}</Button>
    </form>
  );
}

/** RES-23: the validation meeting of the bilan, between the réservataire and the bailleur of this convention. */
export function ValidateBilanForm(props: { org: string; conventionId: string; year: number; today: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZValidateBilanInput,
    defaultValues: { conventionId: props.conventionId, year: props.year, on: props.today, participants: "", minutes: "" },
    action: (v) => validateBilanAction(props.org, v),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Réunion de validation du bilan ${props.year}`} className="mt-3 grid max-w-2xl gap-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="bilan-meeting-on" label="Date de la réunion" type="date" required error={err("on")} {...form.register("on")} className="w-48" />
      <Field id="bilan-meeting-participants" label="Participants" required hint="Personnes présentes pour la Ville et pour le bailleur." error={err("participants")} {...form.register("participants")} />
      <TextAreaField id="bilan-meeting-minutes" label="Relevé de décisions" error={err("minutes")} {...form.register("minutes")} />
      <div><Button type="submit" disabled={pending}>{pending ? "…" : "Enregistrer la réunion"}</Button></div>
    </form>
  );
}
