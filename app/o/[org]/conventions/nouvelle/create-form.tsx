"use client";

import { useRouter } from "next/navigation";
import { useFieldArray, type UseFormRegister } from "react-hook-form";
import type { ConventionKind } from "@/lib/domain";
import { CONVENTION_PARAMS, type ParamSpec } from "@/lib/validation/convention-params";
import { CADRE_OBJECTIVE_OPTIONS, PARTY_SLOTS, ZCreateConventionInput, type TCreateConventionInput } from "@/lib/validation/conventions";
import { CONVENTION_KIND_LABEL, ORG_KIND_LABEL } from "@/lib/labels";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ParamField } from "./param-field";
import { createConvention } from "./actions";

type Org = { id: string; name: string; kind: string; commune: string | null };

export function CreateConventionForm(props: {
  org: string; kind: ConventionKind; myOrgId: string; orgsBySlot: Org[][]; defaults: TCreateConventionInput;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, message, err } = useActionForm({
    schema: ZCreateConventionInput,
    defaultValues: props.defaults as never,
    action: (v) => createConvention(props.org, v),
    onSuccess: (d) => router.push(`/o/${props.org}/conventions/${d.id}`),
  });
  const register = form.register as unknown as UseFormRegister<Record<string, unknown>>;
  const slots = PARTY_SLOTS[props.kind];
  const groups = new Map<string, ParamSpec[]>();
  for (const p of CONVENTION_PARAMS[props.kind]) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const actions = useFieldArray({ control: form.control as never, name: "actions" as never });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={`Nouvelle convention : ${CONVENTION_KIND_LABEL[props.kind]}`}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold">La convention</h2>
        <div className="grid gap-3 md:grid-cols-2">
          <Field id="title" label="Titre" required className="md:col-span-2" error={err("title")} {...register("title")} />
          <Field id="reference" label="Référence (délibération, arrêté…)" error={err("reference")} {...register("reference")} />
          <Field id="territory" label={props.kind === "RESERVATION_FLUX" ? "Territoire (commune)" : "Territoire"} required={props.kind === "RESERVATION_FLUX"} error={err("territory")} {...register("territory")} />
          <Field id="signedOn" label="Date de signature" type="date" required error={err("signedOn")} {...register("signedOn")} />
          {props.kind === "FNAVDL" ? (
            <p className="self-end text-sm text-slate-700">La convention FNAVDL court à compter de sa signature (AVD-2).</p>
          ) : (
            <Field id="startOn" label={props.kind === "RESERVATION_FLUX" ? "Début de la période (flux compté à partir du)" : "Date d'effet"} type="date" required error={err("startOn")} {...register("startOn")} />
          )}
        </div>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-1 text-base font-semibold">Les parties</h2>
        <p className="mb-3 text-sm text-slate-700">Chaque partie est choisie dans l&apos;annuaire ; son administrateur devra confirmer la convention.</p>
        {err("parties") ? <p className="mb-2 text-sm text-red-700">{err("parties")}</p> : null}
        <div className="grid gap-4 md:grid-cols-2">
          {slots.map((slot, i) => (
            <fieldset key={i} className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium">Partie {i + 1} ({slot.orgKinds.map((k) => ORG_KIND_LABEL[k as keyof typeof ORG_KIND_LABEL]).join(" ou ")})</legend>
              <SelectField id={`party-${i}`} label="Organisation" error={err(`parties.${i}.organisationId`)} {...register(`parties.${i}.organisationId`)}>
                <option value="">Choisir…</option>
                {props.orgsBySlot[i].map((o) => <option key={o.id} value={o.id}>{o.name}{o.commune ? ` (${o.commune})` : ""}{o.id === props.myOrgId ? " — votre organisation" : ""}</option>)}
              </SelectField>
              <Field id={`party-role-${i}`} label="Rôle dans le texte" className="mt-2" error={err(`parties.${i}.roleLabel`)} {...register(`parties.${i}.roleLabel`)} />
            </fieldset>
          ))}
        </div>
      </section>
      {[...groups].map(([group, specs]) => (
        <section key={group} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-base font-semibold">{group}</h2>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {specs.map((s) => <ParamField key={s.key} spec={s} register={register} error={err(`params.${s.key}`)} />)}
          </div>
        </section>
      ))}
      {props.kind === "CADRE" ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="mb-3 text-base font-semibold">Objectifs et actions (CAD-1)</h2>
          <ul className="space-y-3">
            {actions.fields.map((f, i) => (
              <li key={f.id} className="grid gap-2 md:grid-cols-[16rem_1fr_auto] md:items-end">
                <SelectField id={`action-objective-${i}`} label="Objectif" error={err(`actions.${i}.objective`)} {...register(`actions.${i}.objective`)}>
                  {CADRE_OBJECTIVE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </SelectField>
                <Field id={`action-title-${i}`} label="Action" error={err(`actions.${i}.title`)} {...register(`actions.${i}.title`)} />
                <Button type="button" variant="secondary" onClick={() => actions.remove(i)} aria-label={`Retirer l'action ${i + 1}`}>Retirer</Button>
              </li>
            ))}
          </ul>
          <Button type="button" variant="secondary" className="mt-3" onClick={() => actions.append({ objective: "BESOINS", title: "" } as never)}>Ajouter une action</Button>
        </section>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Créer et envoyer aux autres parties"}</Button>
        <span className="text-sm text-slate-700">La convention reste un projet jusqu&apos;à la confirmation de chaque partie.</span>
      </div>
    </form>
  );
}
