"use client";

import { CandidateFields, EMPTY_CANDIDATE, type CandidateHousehold } from "@/components/forms/candidate-fields";
import { useRouter } from "next/navigation";
import { CALEOL_DECISION_LABELS, ZAnswerInput, ZCaleolInput, ZDesignateInput, ZDesignateRelaisInput, ZLeaseInput, ZWithdrawInput } from "@/lib/validation/vacancies";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { answerAction, caleolAction, designateAction, designateRelaisAction, leaseAction, withdrawAction } from "../actions";

type Household = CandidateHousehold;
export type CandidateOption = { id: string; rank: number; nur: string; decision: string | null; accepted: boolean | null };

const emptyCandidate = EMPTY_CANDIDATE;

/** RES-18/19/16: the réservataire designates its candidates, ranked; the residence's classification is acknowledged. */
export function DesignateForm({ org, vacancyId, today, classification, households }: { org: string; vacancyId: string; today: string; classification: number | null; households: Household[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZDesignateInput,
    defaultValues: { vacancyId, on: today, candidates: [emptyCandidate, emptyCandidate, emptyCandidate], daloPrefet: false, subsidisedD331_25_1: false, reasonedLetter: "", classificationAcknowledged: false as unknown as true },
    action: (v) => designateAction(org, v),
    onSuccess: () => router.refresh(),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Désigner des candidats" className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="designation-on" label="Date de la désignation" type="date" required error={err("on")} {...r("on")} className="max-w-xs" />
      <CandidateFields form={form as never} households={households} idPrefix="c" max={10} err={err} />
      <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Exceptions à la règle des 3 candidats (RES-19)</legend>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" {...r("daloPrefet")} /> Ménage DALO désigné par le préfet (L.441-2-3 II, 7e alinéa)</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" {...r("subsidisedD331_25_1")} /> Logement financé au titre de l&apos;article D.331-25-1</label>
        <TextAreaField id="reasonedLetter" label="Courrier circonstancié à la CALEOL (moins de candidats que requis)" error={err("reasonedLetter")} {...r("reasonedLetter")} />
      </fieldset>
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" aria-describedby={err("classificationAcknowledged") ? "ack-erreur" : undefined} {...r("classificationAcknowledged")} />
          <span>J&apos;ai pris connaissance du classement de la résidence par le bailleur : <strong>catégorie {classification ?? "non renseignée"}</strong> sur 4 (RES-16), et ma désignation en tient compte.</span>
        </label>
        {err("classificationAcknowledged") ? <p id="ack-erreur" className="mt-1 text-sm text-red-700">{err("classificationAcknowledged")}</p> : null}
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Désigner les candidats"}</Button>
    </form>
  );
}

/** RES-20: the CALEOL's decision per candidate, with the rank for an attribution by rank. */
export function CaleolForm({ org, vacancyId, today, candidates }: { org: string; vacancyId: string; today: string; candidates: CandidateOption[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZCaleolInput,
    defaultValues: { vacancyId, on: today, decisions: candidates.map((c) => ({ candidateId: c.id, decision: "ATTRIBUTION_RANKED" as const, rank: String(c.rank) })) },
    action: (v) => caleolAction(org, v),
    onSuccess: () => router.refresh(),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Décision de la CALEOL" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="caleol-on" label="Date de la commission" type="date" required error={err("on")} {...r("on")} className="max-w-xs" />
      {candidates.map((c, i) => (
        <fieldset key={c.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
          <legend className="px-1 text-sm font-medium">Candidat {c.rank} — NUR {c.nur}</legend>
          <SelectField id={`d${i}`} label="Décision" className="sm:col-span-2" error={err(`decisions.${i}.decision`)} {...r(`decisions.${i}.decision`)}>
            {Object.entries(CALEOL_DECISION_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </SelectField>
          <SelectField id={`r${i}`} label="Rang (attribution par rang)" error={err(`decisions.${i}.rank`)} {...r(`decisions.${i}.rank`)}>
            <option value="">—</option><option value="1">1er</option><option value="2">2e</option><option value="3">3e</option>
          </SelectField>
        </fieldset>
      ))}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer la décision"}</Button>
    </form>
  );
}

/** RES-20: the household's acceptance or refusal; RES-13: the lease signed. */
export function AnswerAndLeaseForms({ org, vacancyId, today, candidates }: { org: string; vacancyId: string; today: string; candidates: CandidateOption[] }) {
  const router = useRouter();
  const answerable = candidates.filter((c) => c.accepted === null);
  const leasable = candidates.filter((c) => c.accepted !== false);
  const answer = useActionForm({
    schema: ZAnswerInput,
    defaultValues: { vacancyId, on: today, candidateId: answerable[0]?.id ?? "", accepted: "true" },
    action: (v) => answerAction(org, v),
    onSuccess: () => router.refresh(),
  });
  const lease = useActionForm({
    schema: ZLeaseInput,
    defaultValues: { vacancyId, on: today, candidateId: leasable.find((c) => c.accepted)?.id ?? leasable[0]?.id ?? "" },
    action: (v) => leaseAction(org, v),
    onSuccess: () => router.refresh(),
  });
  const label = (c: CandidateOption) => `Candidat ${c.rank} — NUR ${c.nur}`;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {answerable.length ? (
        <form onSubmit={answer.onSubmit} noValidate aria-label="Réponse du ménage" className="space-y-3">
          <h3 className="text-sm font-semibold">Réponse du ménage</h3>
          {answer.message ? <Alert tone={answer.message.tone}>{answer.message.text}</Alert> : null}
          <SelectField id="answer-candidate" label="Candidat" {...answer.form.register("candidateId")}>{answerable.map((c) => <option key={c.id} value={c.id}>{label(c)}</option>)}</SelectField>
          <SelectField id="answer-accepted" label="Réponse" {...answer.form.register("accepted")}><option value="true">Accepte le logement</option><option value="false">Refuse le logement</option></SelectField>
          <Field id="answer-on" label="Date" type="date" required error={answer.err("on")} {...answer.form.register("on")} />
          <Button type="submit" disabled={answer.pending}>Enregistrer la réponse</Button>
        </form>
      ) : null}
      {leasable.length ? (
        <form onSubmit={lease.onSubmit} noValidate aria-label="Signature du bail" className="space-y-3">
          <h3 className="text-sm font-semibold">Signature du bail</h3>
          {lease.message ? <Alert tone={lease.message.tone}>{lease.message.text}</Alert> : null}
          <SelectField id="lease-candidate" label="Ménage signataire" {...lease.form.register("candidateId")}>{leasable.map((c) => <option key={c.id} value={c.id}>{label(c)}</option>)}</SelectField>
          <Field id="lease-on" label="Date de signature" type="date" required error={lease.err("on")} {...lease.form.register("on")} />
          <Button type="submit" disabled={lease.pending}>Enregistrer le bail</Button>
        </form>
      ) : null}
    </div>
  );
}

/** The bailleur's own use or a soustrait dwelling: only the lease, with no candidate of a réservataire. */
export function DirectLeaseForm({ org, vacancyId, today }: { org: string; vacancyId: string; today: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZLeaseInput, defaultValues: { vacancyId, on: today, candidateId: "BAILLEUR" }, action: (v) => leaseAction(org, v), onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Signature du bail" className="flex items-end gap-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="direct-lease-on" label="Date de signature du bail" type="date" required error={err("on")} {...form.register("on")} />
      <Button type="submit" disabled={pending}>Enregistrer le bail</Button>
    </form>
  );
}

export function WithdrawForm({ org, vacancyId, today }: { org: string; vacancyId: string; today: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZWithdrawInput, defaultValues: { vacancyId, on: today }, action: (v) => withdrawAction(org, v), onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Retirer la vacance" className="flex items-end gap-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Field id="withdraw-on" label="Date du retrait" type="date" required error={err("on")} {...form.register("on")} />
      <Button type="submit" variant="secondary" disabled={pending}>Retirer la vacance</Button>
    </form>
  );
}

/** REL-5: the Ville proposes the dwelling to the association of one of its relais cases (one candidate, the association as tenant). */
export function RelaisDesignateForm({ org, vacancyId, today, classification, cases }: { org: string; vacancyId: string; today: string; classification: number | null; cases: { id: string; label: string }[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZDesignateRelaisInput,
    defaultValues: { vacancyId, on: today, relaisCaseId: cases[0]?.id ?? "", classificationAcknowledged: false as unknown as true },
    action: (v) => designateRelaisAction(org, v),
    onSuccess: () => router.refresh(),
  });
  const r = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Proposer le logement pour un logement relais" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <p className="text-sm text-slate-700">L&apos;association devient locataire et le ménage son sous-locataire ; un seul candidat, hors de la règle des 3 candidats ; la CALEOL du bailleur valide. Le logement compte pour la Ville à la signature du bail (REL-5, RES-13).</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField id="relais-case" label="Dossier de logement relais" error={err("relaisCaseId")} {...r("relaisCaseId")}>{cases.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}</SelectField>
        <Field id="relais-on" label="Date de la proposition" type="date" required error={err("on")} {...r("on")} />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" aria-describedby={err("classificationAcknowledged") ? "relais-ack-erreur" : undefined} {...r("classificationAcknowledged")} />
        <span>J&apos;ai pris connaissance du classement de la résidence : <strong>catégorie {classification ?? "non renseignée"}</strong> sur 4 (RES-16).</span>
      </label>
      {err("classificationAcknowledged") ? <p id="relais-ack-erreur" className="text-sm text-red-700">{err("classificationAcknowledged")}</p> : null}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Proposer à l'association"}</Button>
    </form>
  );
}
