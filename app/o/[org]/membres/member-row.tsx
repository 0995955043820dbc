"use client";

import { useState, useTransition } from "react";
import { ROLE_LABEL } from "@/lib/labels";
import { formatDate } from "@/lib/format";
import type { ActionResult } from "@/lib/server/action-result";
import { OneTimeLink } from "./one-time-link";
import { changeMemberRoleAction, passwordResetAction, removeMemberAction } from "./actions";

type Member = { id: string; role: "ADMIN" | "AGENT" | "READER"; createdAt: string; person: { firstName: string; lastName: string; email: string } };

export function MemberRow({ org, m, isSelf }: { org: string; m: Member; isSelf: boolean }) {
  const [role, setRole] = useState(m.role);
  const [msg, setMsg] = useState<string | null>(null);
  const [link, setLink] = useState<{ path: string; expiresAt: string } | null>(null);
  const [pending, start] = useTransition();
  const run = <T,>(p: () => Promise<ActionResult<T>>, ok?: (d: T) => void) =>
    start(async () => { setMsg(null); const r = await p(); if (r.ok) ok?.(r.data); else setMsg(r.message); });
  const name = `${m.person.firstName} ${m.person.lastName}`;
  return (
    <tr className="align-top">
      <td className="px-3 py-2 font-medium">{name}{isSelf ? <span className="ml-1 text-xs font-normal text-slate-600">(vous)</span> : null}</td>
      <td className="px-3 py-2">{m.person.email}</td>
      <td className="px-3 py-2">
        <label htmlFor={`role-${m.id}`} className="sr-only">Rôle de {name}</label>
        <div className="flex gap-2">
          <select id={`role-${m.id}`} value={role} onChange={(e) => setRole(e.target.value as Member["role"])} className="rounded border border-slate-400 bg-white px-2 py-1 text-sm">
            {(["ADMIN", "AGENT", "READER"] as const).map((r) => <option key={r} value={r}>{ROLE_LABEL[r]}</option>)}
          </select>
          {role !== m.role ? (
            <button type="button" disabled={pending} className="rounded bg-brand-700 px-2 py-1 text-xs font-medium text-white" onClick={() => run(() => changeMemberRoleAction(org, { membershipId: m.id, role }))}>
              Enregistrer
            </button>
          ) : null}
        </div>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{formatDate(m.createdAt)}</td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-2">
          <button type="button" disabled={pending} className="rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100" onClick={() => run(() => passwordResetAction(org, { membershipId: m.id }), setLink)}>
            Lien de réinitialisation
          </button>
          <button type="button" disabled={pending} className="rounded border border-red-700 px-2 py-1 text-xs text-red-800 hover:bg-red-50"
            onClick={() => { if (window.confirm(`Retirer ${name} de l'organisation ?`)) run(() => removeMemberAction(org, { membershipId: m.id })); }}>
            Retirer
          </button>
        </div>
        {msg ? <p className="mt-1 text-sm text-red-700" role="status">{msg}</p> : null}
        {link ? <div className="mt-2"><OneTimeLink label={`Lien de réinitialisation pour ${name}`} {...link} /></div> : null}
      </td>
    </tr>
  );
}
