"use client";

import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/format";

export type CandidateHousehold = { id: string; name: string; nur: string; persons: number; monthlyResourcesCents: number; dalo: boolean };
export const EMPTY_CANDIDATE = { householdId: "", nur: "", persons: "", monthlyResources: "", dalo: false };

/**
 * RES-19/RES-21: the ranked candidates of a designation or of a new programme's list, each picked from the
 * réservataire's households (its NUR, composition, resources and DALO status fill the fields) or typed.
 */
export function CandidateFields({ form, households, idPrefix, max, err }: {
  form: UseFormReturn<any, any, any>; households: CandidateHousehold[]; idPrefix: string; max: number; err: (name: string) => string | undefined;
}) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "candidates" });
  const r = form.register;
  const pick = (i: number, id: string) => {
    const h = households.find((x) => x.id === id);
    if (!h) return;
    form.setValue(`candidates.${i}.nur`, h.nur);
    form.setValue(`candidates.${i}.persons`, String(h.persons));
    form.setValue(`candidates.${i}.monthlyResources`, formatCents(h.monthlyResourcesCents).replace(/\s?€/, ""));
    form.setValue(`candidates.${i}.dalo`, h.dalo);
  };
  return (
    <>
      <ol className="space-y-3">
        {fields.map((f, i) => (
          <li key={f.id}>
            <fieldset className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium">Candidat {i + 1}</legend>
              <div className="grid gap-3 sm:grid-cols-5">
                <SelectField id={`${idPrefix}${i}-household`} label="Ménage suivi" className="sm:col-span-2" {...r(`candidates.${i}.householdId`)} onChange={(e) => { void r(`candidates.${i}.householdId`).onChange(e); pick(i, e.target.value); }}>
                  <option value="">— Saisie libre —</option>
                  {households.map((h) => <option key={h.id} value={h.id}>{h.name} ({h.nur})</option>)}
                </SelectField>
                <Field id={`${idPrefix}${i}-nur`} label="NUR" error={err(`candidates.${i}.nur`)} {...r(`candidates.${i}.nur`)} />
                <Field id={`${idPrefix}${i}-persons`} label="Personnes" inputMode="numeric" error={err(`candidates.${i}.persons`)} {...r(`candidates.${i}.persons`)} />
                <Field id={`${idPrefix}${i}-resources`} label="Ressources mensuelles (€)" inputMode="decimal" error={err(`candidates.${i}.monthlyResources`)} {...r(`candidates.${i}.monthlyResources`)} />
              </div>
              <div className="mt-2 flex items-center justify-between">
                <label className="flex items-center gap-2 text-sm"><input type="checkbox" {...r(`candidates.${i}.dalo`)} /> Ménage reconnu DALO</label>
                {fields.length > 1 ? <button type="button" onClick={() => remove(i)} className="text-sm text-red-700 underline">Retirer le candidat {i + 1}</button> : null}
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {fields.length < max ? <Button type="button" variant="secondary" onClick={() => append(EMPTY_CANDIDATE)}>Ajouter un candidat</Button> : null}
    </>
  );
}
