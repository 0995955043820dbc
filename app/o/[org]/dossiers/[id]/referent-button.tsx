"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setReferentAction } from "./actions";

/** A worker names themselves their organisation's referent of the case (ACC-2: referents see its social detail). */
export function ReferentButton({ org, caseId, personId }: { org: string; caseId: string; personId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="mt-2">
      <Button type="button" variant="secondary" disabled={pending} onClick={() => start(async () => {
        const r = await setReferentAction(org, { caseId, personId });
        if (r.ok) router.refresh(); else setError(r.message);
      })}>Me désigner référent pour mon organisation</Button>
      {error ? <p className="mt-1 text-sm text-red-700" role="status">{error}</p> : null}
    </div>
  );
}
