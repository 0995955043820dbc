"use client";

import { useState } from "react";
import { formatDate } from "@/lib/format";

/** Shows a one-time link once (no mail server yet): the admin copies it and sends it. */
export function OneTimeLink({ label, path, expiresAt }: { label: string; path: string; expiresAt: string }) {
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  const [copied, setCopied] = useState(false);
  return (
    <div className="rounded-md border border-emerald-700 bg-emerald-50 p-3 text-sm" role="status">
      <label htmlFor="one-time-link" className="font-medium text-emerald-900">{label}</label>
      <div className="mt-1 flex gap-2">
        <input id="one-time-link" readOnly value={url} className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-xs" data-testid="one-time-link" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="rounded border border-slate-400 bg-white px-2 text-xs" onClick={async () => { await navigator.clipboard?.writeText(url); setCopied(true); }}>
          {copied ? "Copié" : "Copier"}
        </button>
      </div>
      <p className="mt-1 text-xs text-emerald-900">Valable jusqu&apos;au {formatDate(expiresAt)}, une seule fois. Il ne sera plus affiché.</p>
    </div>
  );
}
