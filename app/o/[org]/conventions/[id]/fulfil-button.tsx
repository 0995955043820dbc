"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ZFulfilInput } from "@/lib/validation/convention-life";
import type { FulfilmentKind } from "@/lib/server/obligation-events";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { fulfilAction } from "./actions";

const TITLE: Record<FulfilmentKind, string> = {
  MEETING: "Enregistrer la réunion", PAYMENT: "Enregistrer le versement", PAYMENT_CONFIRMATION: "Confirmer la réception",
  REFUND: "Enregistrer le remboursement", SENT: "Marquer comme transmis", AGREED: "Enregistrer la part convenue",
};

/** « Marquer comme fait »: the dated event that fulfils this obligation. */
export function FulfilButton(props: { org: string; conventionId: string; version: number; obligationKey: string; label: string; kind: FulfilmentKind; today: string; expectedAmount?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const id = props.obligationKey.replace(/[^a-zA-Z0-9]/g, "-");
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZFulfilInput,
    defaultValues: { conventionId: props.conventionId, version: props.version, key: props.obligationKey, on: props.today, amount: props.expectedAmount ?? "", share: "", participants: "", minutes: "" },
    // The page refreshes after each change: send the version it shows now, not the one of the first render.
    action: (v) => fulfilAction(props.org, { ...v, version: props.version }),
    onSuccess: () => { setOpen(false); router.refresh(); },
  });
  if (!open) {
    return <button type="button" className="rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100" onClick={() => setOpen(true)} aria-label={`${TITLE[props.kind]} : ${props.label}`}>{TITLE[props.kind]}</button>;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${TITLE[props.kind]} : ${props.label}`} className="mt-1 min-w-64 space-y-2 rounded-md border border-slate-300 bg-slate-50 p-2">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id={`${id}-on`} label="Date" type="date" required error={err("on")} {...form.register("on")} />
      {props.kind === "PAYMENT" ? <Field id={`${id}-amount`} label="Montant versé (€)" inputMode="decimal" error={err("amount")} {...form.register("amount")} /> : null}
      {props.kind === "AGREED" ? <Field id={`${id}-share`} label="Part du flux convenue (%)" inputMode="decimal" error={err("share")} {...form.register("share")} /> : null}
      {props.kind === "MEETING" ? (
        <>
          <Field id={`${id}-participants`} label="Participants" error={err("participants")} {...form.register("participants")} />
          <div>
            <label htmlFor={`${id}-minutes`} className="block text-sm font-medium">Compte rendu</label>
            <textarea id={`${id}-minutes`} rows={3} className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm" {...form.register("minutes")} />
          </div>
        </>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? "…" : "Enregistrer"}</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Annuler</Button>
      </div>
    </form>
  );
}
