"use client";

import { ZDigestPreferencesInput } from "@/lib/validation/digest";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { setDigestPreferencesAction } from "./actions";

type Org = { id: string; name: string };

/** Issue 13 §4: the daily digest on or off, and for which of the person's organisations. */
export function DigestForm({ org, organisations, initial }: { org: string; organisations: Org[]; initial: { enabled: boolean; organisationIds: string[] } }) {
  const { form, onSubmit, pending, message, setMessage, err } = useActionForm({
    schema: ZDigestPreferencesInput,
    defaultValues: initial,
    action: (v) => setDigestPreferencesAction(org, v),
    onSuccess: (d) => setMessage({ tone: "success", text: d.enabled ? "Préférences enregistrées : vous recevrez le récapitulatif chaque matin." : "Préférences enregistrées : vous ne recevrez plus le récapitulatif." }),
  });
  const enabled = form.watch("enabled");
  const chosen = form.watch("organisationIds") ?? [];
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...chosen.filter((x) => x !== id), id] : chosen.filter((x) => x !== id);
    form.setValue("organisationIds", next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };
  const orgError = err("organisationIds");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Récapitulatif quotidien par e-mail">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <p className="text-sm text-slate-700">
        Chaque matin, un e-mail avec les échéances passées en retard depuis le précédent et celles des 7 prochains jours, par organisation.
        S&apos;il n&apos;y a rien de nouveau, aucun e-mail n&apos;est envoyé.
      </p>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-400" {...form.register("enabled")} />
        Recevoir le récapitulatif quotidien
      </label>
      <fieldset aria-describedby={orgError ? "organisationIds-erreur" : undefined} disabled={!enabled} className="disabled:opacity-60">
        <legend className="text-sm font-medium text-slate-800">Organisations concernées</legend>
        <ul className="mt-1 space-y-1">
          {organisations.map((o) => (
            <li key={o.id}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="h-4 w-4 rounded border-slate-400" checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} aria-invalid={orgError ? true : undefined} />
                {o.name}
              </label>
            </li>
          ))}
        </ul>
        {orgError ? <p id="organisationIds-erreur" className="mt-1 text-sm text-red-700">{orgError}</p> : null}
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer les préférences"}</Button>
    </form>
  );
}
