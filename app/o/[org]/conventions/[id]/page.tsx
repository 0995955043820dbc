import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, getConvention } from "@/lib/server/access";
import { conventionState } from "@/lib/server/convention-view";
import { today } from "@/lib/server/clock";
import { formatDate, formatMonths } from "@/lib/format";
import { CONVENTION_KIND_LABEL, ORG_KIND_LABEL, RENEWAL_KIND_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ConventionStatusBadge } from "@/components/conventions/status-badge";

export const metadata: Metadata = { title: "Convention" };

function renewalText(c: { renewalKind: keyof typeof RENEWAL_KIND_LABEL; renewalPeriodMonths: number | null; renewalMaxTotalMonths: number | null }) {
  if (c.renewalKind !== "TACIT") return RENEWAL_KIND_LABEL[c.renewalKind];
  const period = c.renewalPeriodMonths ? ` par périodes de ${formatMonths(c.renewalPeriodMonths)}` : "";
  const max = c.renewalMaxTotalMonths ? `, ${formatMonths(c.renewalMaxTotalMonths)} au plus au total` : "";
  return `${RENEWAL_KIND_LABEL.TACIT}${period}${max}`;
}

export default async function ConventionPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const c = await getConvention(caller, id);
  const state = conventionState(c, today());
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/conventions`} className="text-brand-700 hover:underline">← Conventions</Link></p>
      <PageHeader
        title={c.title}
        subtitle={<span className="flex flex-wrap items-center gap-2">{CONVENTION_KIND_LABEL[c.kind]} <ConventionStatusBadge status={state.status} />{c.isDemo ? <span className="text-xs">(convention de démonstration, d&apos;après un modèle)</span> : null}</span>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="dates" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-1">
          <h2 id="dates" className="text-base font-semibold">Dates et durée</h2>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Signée le</dt><dd>{formatDate(c.signedOn)}</dd>
            <dt className="text-slate-600">Prend effet le</dt><dd>{formatDate(c.startOn)}</dd>
            <dt className="text-slate-600">Durée initiale</dt><dd>{formatMonths(c.initialMonths)}</dd>
            <dt className="text-slate-600">Renouvellement</dt><dd>{renewalText(c)}</dd>
            <dt className="text-slate-600">Fin en vigueur</dt><dd data-testid="end-in-force">{formatDate(state.endOn)}</dd>
            {c.denouncedOn ? (<><dt className="text-slate-600">Dénoncée le</dt><dd>{formatDate(c.denouncedOn)}</dd></>) : null}
            {c.terminatedOn ? (<><dt className="text-slate-600">Résiliée le</dt><dd>{formatDate(c.terminatedOn)}</dd></>) : null}
            {c.territory ? (<><dt className="text-slate-600">Territoire</dt><dd>{c.territory}</dd></>) : null}
            {c.reference ? (<><dt className="text-slate-600">Référence</dt><dd>{c.reference}</dd></>) : null}
          </dl>
        </section>
        <section aria-labelledby="parties" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="parties" className="text-base font-semibold">Parties</h2>
          <table className="mt-3 min-w-full text-sm">
            <caption className="sr-only">Parties à la convention</caption>
            <thead><tr className="text-left text-xs uppercase tracking-wide text-slate-700">
              <th scope="col" className="py-1 pr-3">Rôle dans le texte</th><th scope="col" className="py-1 pr-3">Organisation</th><th scope="col" className="py-1 pr-3">Type</th><th scope="col" className="py-1">Commune</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {c.parties.map((p) => (
                <tr key={p.organisation.id}>
                  <td className="py-2 pr-3 capitalize-first">{p.roleLabel}</td>
                  <td className="py-2 pr-3 font-medium">{p.organisation.name}{p.organisation.id === caller.org.id ? <span className="ml-2 text-xs font-normal text-slate-600">(votre organisation)</span> : null}</td>
                  <td className="py-2 pr-3">{ORG_KIND_LABEL[p.organisation.kind]}</td>
                  <td className="py-2">{p.organisation.commune ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="obligations" className="lg:col-span-3">
          <h2 id="obligations" className="mb-2 text-base font-semibold">Obligations et échéances</h2>
          <EmptyState title="Les obligations de la convention s'afficheront ici">
            Réunions, bilans, versements et rapports dus, avec leur échéance, seront calculés à partir des règles de la convention.
          </EmptyState>
        </section>
      </div>
    </>
  );
}
