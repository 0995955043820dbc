"use client";

import { useRouter } from "next/navigation";
import { EXCLUSION_REASONS, SOUSTRAIT_CATEGORIES } from "@/lib/domain";
import {
  DPE_CLASSES, EXCLUSION_LABELS, FINANCING_LABELS, PERIOD_LABELS, REGIME_LABELS, SOUSTRAIT_LABELS, TYPOLOGY_LABELS,
  ZCreateDwellingInput, ZRegimeChangeInput, ZUpdateDwellingInput,
} from "@/lib/validation/dwellings";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { changeRegimeAction, createDwellingAction, updateDwellingAction } from "./actions";

type Reg = (name: string) => ReturnType<ReturnType<typeof useActionForm>["form"]["register"]>;
const options = (o: Record<string, string>) => Object.entries(o).map(([k, l]) => <option key={k} value={k}>{l}</option>);

/** RES-17 and the useful extras: the same fields for a new dwelling and an edit. */
function Characteristics({ r, err }: { r: Reg; err: (n: string) => string | undefined }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <Field id="d-rpls" label="Identifiant RPLS" error={err("rplsId")} {...r("rplsId")} />
      <Field id="d-res" label="Résidence" error={err("residence")} {...r("residence")} />
      <Field id="d-num" label="Numéro" error={err("addressNumber")} {...r("addressNumber")} />
      <Field id="d-street" label="Voie" error={err("street")} {...r("street")} />
      <Field id="d-commune" label="Commune" error={err("commune")} {...r("commune")} />
      <Field id="d-cp" label="Code postal" inputMode="numeric" error={err("postcode")} {...r("postcode")} />
      <SelectField id="d-fin" label="Financement initial" error={err("financing")} {...r("financing")}>{options(FINANCING_LABELS)}</SelectField>
      <SelectField id="d-typ" label="Typologie" error={err("typology")} {...r("typology")}>{options(TYPOLOGY_LABELS)}</SelectField>
      <Field id="d-surf" label="Surface (m²)" inputMode="decimal" error={err("surface")} {...r("surface")} />
      <SelectField id="d-qpv" label="En quartier prioritaire (QPV)" error={err("qpv")} {...r("qpv")}><option value="non">Non</option><option value="oui">Oui</option></SelectField>
      <SelectField id="d-period" label="Période de construction" error={err("constructionPeriod")} {...r("constructionPeriod")}>{options(PERIOD_LABELS)}</SelectField>
      <SelectField id="d-dpe" label="Classe DPE" error={err("dpeClass")} {...r("dpeClass")}>{DPE_CLASSES.map((c) => <option key={c} value={c}>{c}</option>)}</SelectField>
      <Field id="d-rent" label="Loyer mensuel (€)" inputMode="decimal" error={err("rent")} {...r("rent")} />
      <Field id="d-charges" label="Charges mensuelles (€)" inputMode="decimal" error={err("charges")} {...r("charges")} />
      <SelectField id="d-pmr" label="Accessible PMR" error={err("pmr")} {...r("pmr")}><option value="non">Non</option><option value="oui">Oui</option></SelectField>
      <SelectField id="d-class" label="Classement de la résidence (RES-16)" error={err("classification")} {...r("classification")}>{[1, 2, 3, 4].map((c) => <option key={c} value={String(c)}>{c}</option>)}</SelectField>
      <Field id="d-first" label="Année de première location" inputMode="numeric" error={err("firstLettingYear")} {...r("firstLettingYear")} />
    </div>
  );
}

/** RES-1..3: in the flux, excluded with the RES-2 reason, or soustrait for a year with the RES-3 category and reference. */
function RegimeFields({ r, err, regime }: { r: Reg; err: (n: string) => string | undefined; regime: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <SelectField id="d-regime" label="Régime" error={err("regime")} {...r("regime")}>{options(REGIME_LABELS)}</SelectField>
      {regime === "EXCLUDED" ? <SelectField id="d-reason" label="Motif d'exclusion (RES-2)" error={err("reason")} {...r("reason")}><option value="">Choisir…</option>{EXCLUSION_REASONS.map((k) => <option key={k} value={k}>{EXCLUSION_LABELS[k]}</option>)}</SelectField> : null}
      {regime === "SOUSTRAIT" ? (
        <>
          <SelectField id="d-cat" label="Catégorie (RES-3)" error={err("category")} {...r("category")}><option value="">Choisir…</option>{SOUSTRAIT_CATEGORIES.map((k) => <option key={k} value={k}>{SOUSTRAIT_LABELS[k]}</option>)}</SelectField>
          <Field id="d-year" label="Année de la soustraction" inputMode="numeric" error={err("year")} {...r("year")} />
          <Field id="d-ref" label="Document de référence" hint="CUS, CIA, convention ANRU, arrêté, plan de vente…" error={err("reference")} {...r("reference")} />
        </>
      ) : null}
    </div>
  );
}

export type DwellingFormValues = Record<string, string>;

export function NewDwellingForm({ org, initial }: { org: string; initial: DwellingFormValues }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZCreateDwellingInput as never,
    defaultValues: { ...initial, regime: "FLUX", reason: "", category: "", year: "", reference: "" } as never,
    action: (v) => createDwellingAction(org, v),
    onSuccess: (d) => router.push(`/o/${org}/logements/${(d as { id: string }).id}`),
  });
  const r = form.register as unknown as Reg;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Nouveau logement" className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Characteristics r={r} err={err} />
      <fieldset className="rounded-md border border-slate-200 p-3"><legend className="px-1 text-sm font-medium">Régime initial</legend><RegimeFields r={r} err={err} regime={String(form.watch("regime" as never))} /></fieldset>
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer le logement"}</Button>
    </form>
  );
}

export function EditDwellingForm({ org, dwellingId, version, initial }: { org: string; dwellingId: string; version: number; initial: DwellingFormValues }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZUpdateDwellingInput as never,
    defaultValues: { ...initial, dwellingId, version: String(version) } as never,
    action: (v) => updateDwellingAction(org, v),
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Modifier le logement" className="space-y-4">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Characteristics r={form.register as unknown as Reg} err={err} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer les modifications"}</Button>
    </form>
  );
}

export function RegimeChangeForm({ org, dwellingId, today }: { org: string; dwellingId: string; today: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZRegimeChangeInput as never,
    defaultValues: { dwellingId, effectiveOn: today, regime: "EXCLUDED", reason: "", category: "", year: "", reference: "" } as never,
    action: (v) => changeRegimeAction(org, v),
    onSuccess: () => { form.reset(); router.refresh(); },
  });
  const r = form.register as unknown as Reg;
  const regime = String(form.watch("regime" as never));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Changer le régime" className="space-y-3">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <RegimeFields r={r} err={err} regime={regime} />
      {regime !== "SOUSTRAIT" ? <Field id="d-eff" label="Date d'effet" type="date" hint="Le régime vaut pour l'assiette des 1er janvier suivants." error={err("effectiveOn")} {...r("effectiveOn")} /> : null}
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer le changement"}</Button>
    </form>
  );
}
