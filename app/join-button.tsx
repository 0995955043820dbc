"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { acceptInvitationAction } from "./token-actions";

/** An existing person, signed in with the invited address, joins the organisation. */
export function JoinButton({ token }: { token: string }) {
  const router = useRouter();
  const [msg, setMsg] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      {msg ? <Alert>{msg}</Alert> : null}
      <Button type="button" disabled={pending} onClick={() => start(async () => {
        const r = await acceptInvitationAction({ token, existing: true });
        if (r.ok) router.push(`/o/${r.data.orgSlug}/tableau-de-bord`); else setMsg(r.message);
      })}>Rejoindre l&apos;organisation</Button>
    </div>
  );
}
