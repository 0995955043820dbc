import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, getConvention } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { CONVENTION_KIND_LABEL, ORG_KIND_LABEL } from "@/lib/labels";
import { CADRE_OBJECTIVE_OPTIONS } from "@/lib/validation/conventions";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { ConventionStatusBadge } from "@/components/conventions/status-badge";
import { ParameterList } from "@/components/conventions/parameter-list";
import { ObligationTable } from "@/components/obligations/obligation-table";
import { ConsentPanel } from "./consent-panel";

export const metadata: Metadata = { title: "Convention" };

const ACTION_STATUS: Record<string, string> = { PLANNED: "Prévue", IN_PROGRESS: "En cours", DONE: "Réalisée", ABANDONED: "Abandonnée" };

export default async function ConventionPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const c = await getConvention(caller, id, now);
  const mine = c.parties.find((p) => p.organisationId === caller.org.id)!;
  const waiting = c.parties.filter((p) => !p.confirmedAt && !p.declinedAt);
  const declined = c.parties.find((p) => p.declinedAt);
  const orgNames = Object.fromEntries(c.parties.map((p) => [p.organisationId, p.organisation.name]));
  const sentence =
    c.status === "PROJET" ? `Projet — en attente de la confirmation de ${waiting.map((p) => p.organisation.name).join(", ")}`
    : c.status === "REFUSEE" ? `Refusée par ${declined?.organisation.name}${declined?.declineReason ? ` : « ${declined.declineReason} »` : ""}`
    : c.status === "A_VENIR" ? `À venir — prend effet le ${formatDate(c.startOn)}`
    : c.status === "ECHUE" ? `Échue — fin le ${formatDate(c.endOn)}`
    : c.status === "RESILIEE" ? `Résiliée — fin le ${formatDate(c.endOn)}`
    : c.status === "DENONCEE" ? `Dénoncée — en vigueur jusqu'au ${formatDate(c.endOn)}`
    : `En vigueur jusqu'au ${formatDate(c.endOn)}`;
  const open = c.obligations.filter((o) => !o.doneOn);
  const done = c.obligations.filter((o) => o.doneOn);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/conventions`} className="text-brand-700 hover:underline">← Conventions</Link></p>
      <PageHeader
        title={c.title}
        subtitle={<span className="flex flex-wrap items-center gap-2">{CONVENTION_KIND_LABEL[c.kind]} <ConventionStatusBadge status={c.status} /> <span data-testid="convention-state">{sentence}</span>{c.isDemo ? <span className="text-xs">(démonstration, d&apos;après un modèle)</span> : null}</span>}
      />
      {!mine.confirmedAt && !mine.declinedAt && caller.role === "ADMIN" ? <div className="mb-6"><ConsentPanel org={caller.org.slug} conventionId={c.id} orgName={caller.org.name} /></div> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="dates" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="dates" className="text-base font-semibold">Dates</h2>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Signée le</dt><dd>{formatDate(c.signedOn)}</dd>
            <dt className="text-slate-600">Prend effet le</dt><dd>{formatDate(c.startOn)}</dd>
            <dt className="text-slate-600">Fin en vigueur</dt><dd data-testid="end-in-force">{formatDate(c.endOn)}</dd>
            <dt className="text-slate-600">Renouvellement</dt>
            <dd data-testid="renewal">
              {c.renewal.nextPeriodEndOn
                ? `Reconduite jusqu'au ${formatDate(c.renewal.nextPeriodEndOn)}, sauf dénonciation par lettre recommandée au plus tard le ${formatDate(c.renewal.denounceBy)}`
                : c.status === "EN_VIGUEUR" || c.status === "A_VENIR" ? "Pas de reconduction tacite : renouvellement à étudier avant la fin" : "—"}
            </dd>
            {c.territory ? (<><dt className="text-slate-600">Territoire</dt><dd>{c.territory}</dd></>) : null}
            {c.reference ? (<><dt className="text-slate-600">Référence</dt><dd>{c.reference}</dd></>) : null}
          </dl>
        </section>
        <section aria-labelledby="parties" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="parties" className="text-base font-semibold">Parties</h2>
          <table className="mt-3 min-w-full text-sm">
            <caption className="sr-only">Parties à la convention et leur confirmation</caption>
            <thead><tr className="text-left text-xs uppercase tracking-wide text-slate-700">
              <th scope="col" className="py-1 pr-3">Rôle dans le texte</th><th scope="col" className="py-1 pr-3">Organisation</th><th scope="col" className="py-1 pr-3">Type</th><th scope="col" className="py-1">Confirmation</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {c.parties.map((p) => (
                <tr key={p.organisationId}>
                  <td className="py-2 pr-3">{p.roleLabel}</td>
                  <td className="py-2 pr-3 font-medium">{p.organisation.name}{p.organisationId === caller.org.id ? <span className="ml-2 text-xs font-normal text-slate-600">(votre organisation)</span> : null}</td>
                  <td className="py-2 pr-3">{ORG_KIND_LABEL[p.organisation.kind]}</td>
                  <td className="py-2">
                    {p.confirmedAt ? <Badge tone="green">Confirmée le {formatDate(p.confirmedAt)}</Badge> : p.declinedAt ? <Badge tone="red">Refusée</Badge> : <Badge tone="amber">En attente</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="obligations" className="lg:col-span-3">
          <h2 id="obligations" className="mb-2 text-base font-semibold">Obligations et échéances <span className="text-sm font-normal text-slate-700">({open.length} ouvertes)</span></h2>
          {c.obligations.length === 0 ? (
            <EmptyState title={c.status === "PROJET" || c.status === "REFUSEE" ? "Pas d'obligation tant que toutes les parties n'ont pas confirmé" : "Aucune obligation"} />
          ) : (
            <>
              {open.length ? <ObligationTable rows={open} today={now} orgNames={orgNames} caption="Obligations ouvertes de la convention" /> : <EmptyState title="Toutes les obligations échues sont remplies" />}
              {done.length ? (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Obligations remplies ({done.length})</summary>
                  <div className="mt-2"><ObligationTable rows={done} today={now} orgNames={orgNames} caption="Obligations remplies de la convention" /></div>
                </details>
              ) : null}
            </>
          )}
        </section>
        {c.kind === "CADRE" ? (
          <section aria-labelledby="actions-cadre" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
            <h2 id="actions-cadre" className="text-base font-semibold">Objectifs et actions <span className="font-mono text-xs text-slate-500">CAD-1</span></h2>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {c.actions.map((a) => (
                <li key={a.id} className="flex justify-between gap-3 py-2">
                  <span><span className="text-slate-600">{CADRE_OBJECTIVE_OPTIONS.find((o) => o.value === a.objective)?.label} — </span>{a.title}</span>
                  <Badge tone={a.status === "DONE" ? "green" : a.status === "IN_PROGRESS" ? "blue" : "grey"}>{ACTION_STATUS[a.status] ?? a.status}</Badge>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="parametres" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
          <h2 id="parametres" className="mb-3 text-base font-semibold">Paramètres en vigueur au {formatDate(now)}</h2>
          <ParameterList kind={c.kind} params={c.params} />
        </section>
      </div>
    </>
  );
}
