"use client";

import { useRouter } from "next/navigation";
import { ZAgreedRotationInput, ZRotationImportInput, ZRotationVintageInput } from "@/lib/validation/dwellings";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, TextAreaField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { addVintageAction, importVintagesAction, setAgreedAction } from "./actions";

/** RES-5: a vintage typed from the RPLS; RES-6: a rate agreed instead, with its provenance. */
export function RotationForms({ org, territory, nextYear }: { org: string; territory: string; nextYear: number }) {
  const router = useRouter();
  const vintage = useActionForm({
    schema: ZRotationVintageInput,
    defaultValues: { territory, year: String(nextYear), moveIns: "", letDwellings: "" } as never,
    action: (v) => addVintageAction(org, v),
    onSuccess: () => { vintage.form.reset({ territory, year: String(nextYear + 1), moveIns: "", letDwellings: "" } as never); router.refresh(); },
  });
  const agreed = useActionForm({
    schema: ZAgreedRotationInput,
    defaultValues: { territory, rate: "", provenance: "" } as never,
    action: (v) => setAgreedAction(org, v),
    onSuccess: () => { agreed.form.reset(); router.refresh(); },
  });
  const pasted = useActionForm({
    schema: ZRotationImportInput as never,
    defaultValues: { territory, text: "" } as never,
    action: async (v) => {
      const r = await importVintagesAction(org, v);
      return r.ok ? { ...r, message: `${(r.data as { count: number }).count} millésime(s) enregistré(s).` } : r;
    },
    onSuccess: () => { pasted.form.reset({ territory, text: "" } as never); router.refresh(); },
  });
  const rv = vintage.form.register as unknown as (n: string) => ReturnType<typeof vintage.form.register>;
  const ra = agreed.form.register as unknown as (n: string) => ReturnType<typeof agreed.form.register>;
  return (
    <div className="mt-4 grid gap-4 border-t border-slate-200 pt-3 sm:grid-cols-2">
      <form onSubmit={vintage.onSubmit} noValidate aria-label="Ajouter un millésime RPLS" className="space-y-2">
        <h3 className="text-sm font-semibold">Ajouter un millésime RPLS</h3>
        {vintage.message ? <Alert tone={vintage.message.tone}>{vintage.message.text}</Alert> : null}
        <Field id="v-year" label="Millésime" inputMode="numeric" error={vintage.err("year")} {...rv("year")} />
        <Field id="v-in" label="Emménagements (baux d'au moins un an)" inputMode="numeric" error={vintage.err("moveIns")} {...rv("moveIns")} />
        <Field id="v-let" label="Logements loués ou offerts" inputMode="numeric" error={vintage.err("letDwellings")} {...rv("letDwellings")} />
        <Button type="submit" disabled={vintage.pending}>Enregistrer le millésime</Button>
      </form>
      <form onSubmit={agreed.onSubmit} noValidate aria-label="Taux de rotation convenu" className="space-y-2">
        <h3 className="text-sm font-semibold">Taux convenu</h3>
        {agreed.message ? <Alert tone={agreed.message.tone}>{agreed.message.text}</Alert> : null}
        <Field id="a-rate" label="Taux (%)" inputMode="decimal" hint="Par exemple 5,24 : il remplace la moyenne RPLS." error={agreed.err("rate")} {...ra("rate")} />
        <Field id="a-prov" label="Provenance" hint="Taux départemental, convention, étude…" error={agreed.err("provenance")} {...ra("provenance")} />
        <Button type="submit" disabled={agreed.pending}>Enregistrer le taux</Button>
      </form>
      <form onSubmit={pasted.onSubmit} noValidate aria-label="Importer des millésimes RPLS" className="space-y-2 sm:col-span-2">
        <h3 className="text-sm font-semibold">Importer des millésimes</h3>
        {pasted.message ? <Alert tone={pasted.message.tone}>{pasted.message.text}</Alert> : null}
        <TextAreaField id="v-paste" label="Lignes « année;emménagements;logements loués »" rows={4} hint="Collées depuis un tableur ou un fichier CSV ; une ligne d'en-tête est ignorée. Un millésime déjà enregistré est remplacé."
          error={pasted.err("text")} {...(pasted.form.register as unknown as (n: string) => ReturnType<typeof pasted.form.register>)("text")} />
        <Button type="submit" disabled={pasted.pending}>Importer</Button>
      </form>
    </div>
  );
}
