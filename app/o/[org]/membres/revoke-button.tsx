"use client";

import { useTransition } from "react";
import { revokeInvitationAction } from "./actions";

export function RevokeInvitationButton({ org, id, email }: { org: string; id: string; email: string }) {
  const [pending, start] = useTransition();
  return (
    <button type="button" disabled={pending} aria-label={`Annuler l'invitation de ${email}`} className="rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100"
      onClick={() => start(async () => { await revokeInvitationAction(org, { invitationId: id }); })}>
      Annuler
    </button>
  );
}
