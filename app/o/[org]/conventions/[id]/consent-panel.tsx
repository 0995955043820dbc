"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { confirmConventionAction, declineConventionAction } from "./actions";

/** The invited party's ADMIN confirms (binding the organisation) or declines with a reason. */
export function ConsentPanel({ org, conventionId, orgName }: { org: string; conventionId: string; orgName: string }) {
  const router = useRouter();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = (p: () => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }>) =>
    start(async () => {
      setError(null);
      const r = await p();
      if (r.ok) router.refresh();
      else setError(r.fieldErrors?.reason?.[0] ?? r.message ?? "Erreur.");
    });
  return (
    <section aria-labelledby="consentement" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="consentement" className="font-semibold text-amber-950">Votre confirmation est attendue</h2>
      <p className="mt-1 text-sm text-amber-950">
        Cette convention ne lie {orgName} qu&apos;après la confirmation de son administrateur. Vérifiez les parties, les dates et les paramètres ci-dessous.
      </p>
      {error ? <div className="mt-3"><Alert>{error}</Alert></div> : null}
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <Button type="button" disabled={pending} onClick={() => run(() => confirmConventionAction(org, { conventionId }))}>Confirmer au nom de {orgName}</Button>
        {!declining ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => setDeclining(true)}>Refuser…</Button>
        ) : (
          <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); run(() => declineConventionAction(org, { conventionId, reason })); }}>
            <div>
              <label htmlFor="motif" className="block text-sm font-medium">Motif du refus</label>
              <input id="motif" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? "motif-erreur" : undefined} className="mt-1 w-80 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm" />
              {error ? <p id="motif-erreur" className="sr-only">{error}</p> : null}
            </div>
            <Button type="submit" variant="danger" disabled={pending}>Refuser la convention</Button>
          </form>
        )}
      </div>
    </section>
  );
}
