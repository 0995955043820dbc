"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markAllReadAction, markReadAction } from "./actions";

/** « Marquer comme lu »: the person's own read state (issue 12). */
export function MarkReadButton({ org, notificationId, title }: { org: string; notificationId: string; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <button type="button" disabled={pending} aria-label={`Marquer comme lu : ${title}`}
        className="rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100 disabled:opacity-60"
        onClick={() => start(async () => { const r = await markReadAction(org, { notificationId }); if (r.ok) router.refresh(); else setError(r.message); })}>
        {pending ? "…" : "Marquer comme lu"}
      </button>
      {error ? <span role="status" className="mt-1 text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

export function MarkAllReadButton({ org }: { org: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={pending} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
        onClick={() => start(async () => { const r = await markAllReadAction(org, {}); if (r.ok) router.refresh(); else setError(r.message); })}>
        {pending ? "…" : "Tout marquer comme lu"}
      </button>
      {error ? <span role="status" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
