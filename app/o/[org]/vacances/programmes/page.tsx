import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { listProgrammes, type ProgrammeRow } from "@/lib/server/new-programmes";
import { formatDate } from "@/lib/format";
import { PROGRAMME_KIND_LABELS, type ProgrammeKind } from "@/lib/validation/new-programmes";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Countdown } from "../outcome-badge";
import { StockNotice } from "./stock-notice";

export const metadata: Metadata = { title: "Programmes neufs" };

// Issue 10 part 5 (RES-21): the programmes notified by the bailleur to the réservataire, seen by these two parties only
// (ACC-1), with the list due dates counting down, the commissioning date and its postponements.

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
const td = "px-3 py-2 align-top";

function ListDue({ l, now }: { l: ProgrammeRow["lists"][number]; now: string }) {
  const n = l.key.split(":").pop();
  const which = n === "1" ? "1re liste" : `${n}e liste`;
  return (
    <li>
      <span className="font-medium">{which}</span>{" "}
      {l.doneOn ? <>transmise le {formatDate(l.doneOn)}</> : l.dueOn ? <>avant le {formatDate(l.dueOn)} · <Countdown dueOn={l.dueOn} today={now} /></> : "—"}
    </li>
  );
}

export default async function ProgrammesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const now = today();
  const rows = await listProgrammes(caller);
  const base = `/o/${caller.org.slug}/vacances/programmes`;
  const mayNotify = caller.org.kind === "BAILLEUR" && caller.role !== "READER";
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/vacances`} className="text-brand-700 hover:underline">← Vacances</Link></p>
      <PageHeader
        title="Programmes neufs"
        subtitle={caller.org.kind === "BAILLEUR"
          ? "Notifiez vos programmes neufs à vos réservataires : ils disposent de 30 jours à réception pour proposer des candidats, puis de 15 jours après un échec notifié (RES-21)."
          : "Les programmes neufs notifiés par les bailleurs : proposez une liste de candidats sous 30 jours à réception, puis sous 15 jours après un échec notifié (RES-21)."}
        actions={mayNotify ? <Link href={`${base}/nouveau`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Notifier un programme</Link> : null}
      />
      <StockNotice />
      {rows.length === 0 ? <EmptyState title="Aucun programme neuf">{mayNotify ? "Notifiez un programme à un réservataire pour ouvrir le délai de sa première liste." : "Aucun programme neuf ne vous a encore été notifié."}</EmptyState> : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="programmes">
            <caption className="sr-only">Programmes neufs, la prochaine liste attendue d&apos;abord</caption>
            <thead className="bg-slate-50"><tr>
              <th scope="col" className={th}>Programme</th><th scope="col" className={th}>Convention</th><th scope="col" className={th}>Notification reçue le</th>
              <th scope="col" className={th}>Listes de candidats</th><th scope="col" className={th}>Mise en service</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((p) => (
                <tr key={p.id}>
                  <td className={td}>
                    <Link href={`${base}/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>
                    <span className="block text-xs text-slate-600">{PROGRAMME_KIND_LABELS[p.programmeKind as ProgrammeKind] ?? p.programmeKind} · {p.dwellings} logement{p.dwellings > 1 ? "s" : ""} · {p.commune}</span>
                  </td>
                  <td className={td}>{p.convention.title}</td>
                  <td className={`${td} whitespace-nowrap`}>{formatDate(p.receivedOn)}</td>
                  <td className={td}><ul className="space-y-0.5">{p.lists.map((l) => <ListDue key={l.key} l={l} now={now} />)}</ul></td>
                  <td className={td}>
                    <span className="whitespace-nowrap font-medium">{formatDate(p.commissioningOn)}</span>
                    {p.postponements.length ? (
                      <ul className="mt-0.5 space-y-0.5 text-xs text-amber-900" aria-label={`Reports de la mise en service de ${p.name}`}>
                        {p.postponements.map((x, i) => (
                          <li key={i}>Report notifié le {formatDate(x.on)} : du {formatDate(x.previousCommissioningOn)} au {formatDate(x.commissioningOn)}</li>
                        ))}
                      </ul>
                    ) : <span className="block text-xs text-slate-600">prévue à la notification</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
