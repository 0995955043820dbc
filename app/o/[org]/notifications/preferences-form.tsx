"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from "@/lib/validation/notifications";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { savePreferencesAction } from "./actions";

/** Issue 12: which organisations and which kinds of notification the person wants (checked = wanted). */
export function PreferencesForm({ org, organisations, mutedOrgIds, mutedKinds }: {
  org: string; organisations: { id: string; name: string }[]; mutedOrgIds: string[]; mutedKinds: string[];
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  return (
    <form
      aria-label="Mes notifications"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        start(async () => {
          setMessage(null);
          const r = await savePreferencesAction(org, { organisations: data.getAll("organisations"), kinds: data.getAll("kinds") });
          if (r.ok) { setErrors({}); setMessage({ tone: "success", text: "Préférences enregistrées." }); router.refresh(); }
          else { setErrors(r.fieldErrors ?? {}); setMessage({ tone: "error", text: r.message }); }
        });
      }}
      className="space-y-4"
    >
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <fieldset aria-describedby={errors.organisations ? "pref-orgs-err" : undefined}>
        <legend className="text-sm font-medium">Organisations</legend>
        <div className="mt-1 space-y-1">
          {organisations.map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="organisations" value={o.id} defaultChecked={!mutedOrgIds.includes(o.id)} className="h-4 w-4" />
              {o.name}
            </label>
          ))}
        </div>
        {errors.organisations ? <p id="pref-orgs-err" className="mt-1 text-sm text-red-700">{errors.organisations[0]}</p> : null}
      </fieldset>
      <fieldset aria-describedby={errors.kinds ? "pref-kinds-err" : undefined}>
        <legend className="text-sm font-medium">Types de notification</legend>
        <div className="mt-1 space-y-1">
          {NOTIFICATION_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="kinds" value={k} defaultChecked={!mutedKinds.includes(k)} className="h-4 w-4" />
              {NOTIFICATION_KIND_LABELS[k]}
            </label>
          ))}
        </div>
        {errors.kinds ? <p id="pref-kinds-err" className="mt-1 text-sm text-red-700">{errors.kinds[0]}</p> : null}
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? "…" : "Enregistrer mes notifications"}</Button>
    </form>
  );
}
