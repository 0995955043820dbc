"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ConventionKind } from "@/lib/domain";
import { CONVENTION_PARAMS } from "@/lib/validation/convention-params";
import { ZClaimRefundInput, ZLetterInput, ZProposeAvenantInput, type TLetterInput } from "@/lib/validation/convention-life";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { claimRefundAction, confirmAvenantAction, declineAvenantAction, letterAction, proposeAvenantAction } from "./actions";

const LETTERS: Record<TLetterInput["kind"], string> = {
  DENOUNCED: "Dénonciation (lettre recommandée)",
  MISE_EN_DEMEURE: "Mise en demeure (lettre recommandée)",
  TERMINATED: "Décision de résiliation",
  AVENANT_REQUESTED: "Demande d'avenant (lettre recommandée, AVD-15)",
};

export function LetterForm({ org, conventionId, version, today, kinds }: { org: string; conventionId: string; version: number; today: string; kinds: TLetterInput["kind"][] }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZLetterInput,
    defaultValues: { conventionId, version, kind: kinds[0], on: today },
    action: (v) => letterAction(org, { ...v, version }),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Enregistrer un courrier ou une décision" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField id="letter-kind" label="Courrier ou décision" error={err("kind")} {...form.register("kind")}>
        {kinds.map((k) => <option key={k} value={k}>{LETTERS[k]}</option>)}
      </SelectField>
      <Field id="letter-on" label="Date (envoi ou décision)" type="date" required error={err("on")} {...form.register("on")} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer"}</Button>
    </form>
  );
}

export function AvenantForm({ org, conventionId, version, kind, today }: { org: string; conventionId: string; version: number; kind: ConventionKind; today: string }) {
  const router = useRouter();
  const specs = CONVENTION_PARAMS[kind].filter((p) => p.type.t !== "multi");
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZProposeAvenantInput,
    defaultValues: { conventionId, version, effectiveOn: today, reason: "", parameter: specs[0]?.key ?? "", value: "" },
    action: (v) => proposeAvenantAction(org, { ...v, version }),
    onSuccess: () => { form.reset(); router.refresh(); },
  });
  const chosen = specs.find((p) => p.key === form.watch("parameter"));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Proposer un avenant" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField id="avenant-parameter" label="Paramètre modifié" error={err("parameter")} {...form.register("parameter")}>
        {specs.map((p) => <option key={p.key} value={p.key}>{p.label} ({p.rule})</option>)}
      </SelectField>
      {chosen?.type.t === "bool" ? (
        <SelectField id="avenant-value" label="Nouvelle valeur" error={err("value")} {...form.register("value")}>
          <option value="">Choisir…</option><option value="true">Oui</option><option value="false">Non</option>
        </SelectField>
      ) : chosen?.type.t === "select" ? (
        <SelectField id="avenant-value" label="Nouvelle valeur" error={err("value")} {...form.register("value")}>
          <option value="">Choisir…</option>
          {chosen.type.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </SelectField>
      ) : (
        <Field id="avenant-value" label={`Nouvelle valeur${chosen?.type.t === "euros" ? " (€)" : chosen?.type.t === "percent" ? " (%)" : chosen?.type.t === "int" && chosen.type.unit ? ` (${chosen.type.unit})` : ""}`} error={err("value")} {...form.register("value")} />
      )}
      <Field id="avenant-effective" label="Prend effet le" type="date" required error={err("effectiveOn")} {...form.register("effectiveOn")} />
      <div>
        <label htmlFor="avenant-reason" className="block text-sm font-medium">Objet, cause et conséquences</label>
        <textarea id="avenant-reason" rows={3} aria-invalid={err("reason") ? true : undefined} aria-describedby={err("reason") ? "avenant-reason-erreur" : undefined} className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm" {...form.register("reason")} />
        {err("reason") ? <p id="avenant-reason-erreur" className="mt-1 text-sm text-red-700">{err("reason")}</p> : null}
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Envoi…" : "Proposer l'avenant aux autres parties"}</Button>
    </form>
  );
}

export function AvenantConsent({ org, avenantId, number }: { org: string; avenantId: string; number: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (p: () => Promise<{ ok: boolean; message?: string }>) => start(async () => { const r = await p(); if (r.ok) router.refresh(); else setError(r.message ?? "Erreur."); });
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" disabled={pending} onClick={() => run(() => confirmAvenantAction(org, { avenantId }))}>Confirmer l&apos;avenant n° {number}</Button>
      <Button type="button" variant="secondary" disabled={pending} onClick={() => { const reason = window.prompt("Motif du refus"); if (reason) run(() => declineAvenantAction(org, { avenantId, reason })); }}>Refuser</Button>
    </div>
  );
}

export function RefundForm({ org, conventionId, version, today }: { org: string; conventionId: string; version: number; today: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZClaimRefundInput,
    defaultValues: { conventionId, version, on: today, amount: "", reason: "", dueOn: "" },
    action: (v) => claimRefundAction(org, { ...v, version }),
    onSuccess: () => { form.reset(); router.refresh(); },
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Demander un remboursement" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="refund-amount" label="Montant à rembourser (€)" inputMode="decimal" required error={err("amount")} {...form.register("amount")} />
      <Field id="refund-reason" label="Motif" required error={err("reason")} {...form.register("reason")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="refund-on" label="Date de la demande" type="date" required error={err("on")} {...form.register("on")} />
        <Field id="refund-due" label="À rembourser avant le" type="date" hint="Facultatif : sans date, jamais en retard." error={err("dueOn")} {...form.register("dueOn")} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Demander le remboursement"}</Button>
    </form>
  );
}
