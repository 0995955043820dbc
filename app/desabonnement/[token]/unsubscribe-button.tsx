"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { unsubscribeDigestAction } from "../../token-actions";

export function UnsubscribeButton({ token }: { token: string }) {
  const [msg, setMsg] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  if (msg?.tone === "success") return <Alert tone="success">{msg.text}</Alert>;
  return (
    <div className="space-y-3">
      {msg ? <Alert>{msg.text}</Alert> : null}
      <p className="text-sm">Vous ne recevrez plus l&apos;e-mail des échéances chaque matin. Vous pourrez le réactiver dans « Mon compte ».</p>
      <Button type="button" disabled={pending} onClick={() => start(async () => {
        const r = await unsubscribeDigestAction({ token });
        setMsg(r.ok ? { tone: "success", text: "C'est fait : vous ne recevrez plus le récapitulatif quotidien." } : { tone: "error", text: r.message });
      })}>Ne plus recevoir le récapitulatif</Button>
    </div>
  );
}
