"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { DROIT_ORIGIN_LABELS, ZAgreementInput, ZConversionInput, ZGrantInput, ZShareInput } from "@/lib/validation/droits";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { addAgreementAction, addGrantAction, convertAction, setShareInputAction } from "./actions";

// The forms of the « Droits de réservation » page (issue 9, RES-7..11). The server computes every figure again.

const originOptions = Object.entries(DROIT_ORIGIN_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>);

/** RES-7/8: a reservation agreement; a guarantee's rights end 5 years after the loan's last repayment. */
export function AgreementForm({ org, conventionId }: { org: string; conventionId: string }) {
  const router = useRouter();
  const empty = { conventionId, reference: "", origin: "LOAN_GUARANTEE", programme: "", droitsDeSuite: "", endOn: "", lastRepaymentOn: "" };
  const f = useActionForm({
    schema: ZAgreementInput,
    defaultValues: empty as never,
    action: (v) => addAgreementAction(org, v),
    onSuccess: () => { f.form.reset(empty as never); f.setMessage({ tone: "success", text: "Convention de réservation enregistrée." }); router.refresh(); },
  });
  const r = f.form.register as unknown as (n: string) => ReturnType<typeof f.form.register>;
  const guarantee = String(f.form.watch("origin" as never)) === "LOAN_GUARANTEE";
  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby="agreement-form-title" className="mt-4 space-y-3 border-t border-slate-200 pt-3">
      <h3 id="agreement-form-title" className="text-sm font-semibold">Ajouter une convention de réservation</h3>
      {f.message ? <Alert tone={f.message.tone}>{f.message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="ag-ref" label="Référence" required error={f.err("reference")} {...r("reference")} />
        <SelectField id="ag-origin" label="Origine des droits" error={f.err("origin")} {...r("origin")}>{originOptions}</SelectField>
        <Field id="ag-ds" label="Droits de suite (logements)" inputMode="numeric" required error={f.err("droitsDeSuite")} {...r("droitsDeSuite")} />
      </div>
      <Field id="ag-prog" label="Programme" required hint="Nom et adresse de la résidence." error={f.err("programme")} {...r("programme")} />
      {guarantee ? (
        <Field id="ag-repay" label="Dernière échéance du prêt garanti" type="date" required className="sm:max-w-xs"
          hint="Les droits courent jusqu'à 5 ans après la dernière échéance (RES-8, R.441-6)." error={f.err("lastRepaymentOn")} {...r("lastRepaymentOn")} />
      ) : (
        <Field id="ag-end" label="Fin des droits" type="date" required className="sm:max-w-xs" error={f.err("endOn")} {...r("endOn")} />
      )}
      <Button type="submit" disabled={f.pending}>{f.pending ? "Enregistrement…" : "Ajouter la convention de réservation"}</Button>
    </form>
  );
}

/** RES-7: the conversion, recorded once: a second step asks for confirmation. */
export function ConvertButton({ org, conventionId, inventoryOn, inventoryLabel, disabled, recorded }: {
  org: string; conventionId: string; inventoryOn: string; inventoryLabel: string; disabled: boolean; recorded: boolean;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const f = useActionForm({
    schema: ZConversionInput,
    defaultValues: { conventionId, inventoryOn } as never,
    action: (v) => convertAction(org, { ...v, conventionId, inventoryOn }),
    onSuccess: () => { setConfirming(false); router.refresh(); },
  });
  if (recorded) return <Button type="button" disabled aria-describedby="conversion-recorded">Enregistrer la conversion</Button>;
  return (
    <form onSubmit={f.onSubmit} noValidate aria-label="Enregistrer la conversion" className="space-y-2">
      {f.message ? <Alert tone={f.message.tone}>{f.message.text}</Alert> : null}
      {f.err("inventoryOn") ? <Alert tone="error">{f.err("inventoryOn")}</Alert> : null}
      {confirming ? (
        <div className="space-y-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-sm">
          <p id="convert-warning">La conversion se fait une seule fois, au {inventoryLabel} : le stock n&apos;évoluera ensuite que par les droits nouveaux et la consommation. Confirmez-vous ?</p>
          <div className="flex gap-2">
            <Button type="submit" disabled={f.pending} aria-describedby="convert-warning">{f.pending ? "Enregistrement…" : "Confirmer la conversion"}</Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>Annuler</Button>
          </div>
        </div>
      ) : (
        <Button type="button" disabled={disabled} onClick={() => setConfirming(true)}>Enregistrer la conversion</Button>
      )}
    </form>
  );
}

/** RES-9: a new right: a new programme's guarantee (20 % of its dwellings at most), land, funding. */
export function GrantForm({ org, conventionId, today }: { org: string; conventionId: string; today: string }) {
  const router = useRouter();
  const empty = { conventionId, on: today, origin: "LOAN_GUARANTEE", programme: "", programmeDwellings: "", droits: "", lastRepaymentOn: "", droitsUniques: "" };
  const f = useActionForm({
    schema: ZGrantInput,
    defaultValues: empty as never,
    action: (v) => addGrantAction(org, v),
    onSuccess: () => { f.form.reset(empty as never); f.setMessage({ tone: "success", text: "Droits nouveaux enregistrés." }); router.refresh(); },
  });
  const r = f.form.register as unknown as (n: string) => ReturnType<typeof f.form.register>;
  const guarantee = String(f.form.watch("origin" as never)) === "LOAN_GUARANTEE";
  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby="grant-form-title" className="mt-4 space-y-3 border-t border-slate-200 pt-3">
      <h3 id="grant-form-title" className="text-sm font-semibold">Ajouter des droits nouveaux</h3>
      {f.message ? <Alert tone={f.message.tone}>{f.message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="gr-on" label="Date" type="date" required error={f.err("on")} {...r("on")} />
        <SelectField id="gr-origin" label="Origine des droits" error={f.err("origin")} {...r("origin")}>{originOptions}</SelectField>
        <Field id="gr-prog" label="Programme" required error={f.err("programme")} {...r("programme")} />
      </div>
      {guarantee ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id="gr-dw" label="Logements du programme" inputMode="numeric" required error={f.err("programmeDwellings")} {...r("programmeDwellings")} />
          <Field id="gr-droits" label="Droits de réservation (logements)" inputMode="numeric" required hint="20 % des logements du programme au plus (RES-9, R.441-5-3)." error={f.err("droits")} {...r("droits")} />
          <Field id="gr-repay" label="Dernière échéance du prêt garanti" type="date" required hint="Convertis en droits uniques jusqu'à 5 ans après (RES-8)." error={f.err("lastRepaymentOn")} {...r("lastRepaymentOn")} />
        </div>
      ) : (
        <Field id="gr-du" label="Droits uniques convenus entre les parties" inputMode="decimal" required className="sm:max-w-xs" hint="Par exemple 6 ou 12,5 (RES-9, R.441-5-4)." error={f.err("droitsUniques")} {...r("droitsUniques")} />
      )}
      <Button type="submit" disabled={f.pending}>{f.pending ? "Enregistrement…" : "Ajouter les droits"}</Button>
    </form>
  );
}

/** RES-11: the bailleur's declaration for a year: all réservataires' droits uniques on the territory and the State's part. */
export function ShareInputForm({ org, conventionId, year }: { org: string; conventionId: string; year: number }) {
  const router = useRouter();
  const f = useActionForm({
    schema: ZShareInput,
    defaultValues: { conventionId, year: String(year), allDroitsUniques: "", statePart: "30" } as never,
    action: (v) => setShareInputAction(org, v),
    onSuccess: () => { f.setMessage({ tone: "success", text: "Déclaration enregistrée." }); router.refresh(); },
  });
  const r = f.form.register as unknown as (n: string) => ReturnType<typeof f.form.register>;
  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby="share-form-title" className="mt-4 space-y-3 border-t border-slate-200 pt-3">
      <h3 id="share-form-title" className="text-sm font-semibold">Déclarer les chiffres du territoire (bailleur)</h3>
      {f.message ? <Alert tone={f.message.tone}>{f.message.text}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="sh-year" label="Année" inputMode="numeric" required error={f.err("year")} {...r("year")} />
        <Field id="sh-all" label="Droits uniques de tous les réservataires au 1er janvier" inputMode="numeric" required hint="Sur votre patrimoine du territoire." error={f.err("allDroitsUniques")} {...r("allDroitsUniques")} />
        <Field id="sh-state" label="Part de l'État (%)" inputMode="decimal" required hint="Par exemple 30 ou 30,5." error={f.err("statePart")} {...r("statePart")} />
      </div>
      <Button type="submit" disabled={f.pending}>{f.pending ? "Enregistrement…" : "Enregistrer la déclaration"}</Button>
    </form>
  );
}
