import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, listConventions } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ConventionStatusBadge } from "@/components/conventions/status-badge";

export const metadata: Metadata = { title: "Tableau de bord" };

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const now = today();
  const { rows, total } = await listConventions(caller, { sort: "startOn", dir: "desc" }, now);
  const states = rows.map((c) => ({ c, s: c }));
  const inForce = states.filter((x) => x.s.status === "EN_VIGUEUR" || x.s.status === "DENONCEE");
  return (
    <>
      <PageHeader title="Tableau de bord" subtitle={<>Bonjour {caller.firstName}. Nous sommes le {formatDate(now)}.</>} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="echeances" className="lg:col-span-2">
          <h2 id="echeances" className="mb-2 text-base font-semibold">Prochaines échéances</h2>
          <EmptyState title="Aucune échéance à afficher pour l'instant">
            Les obligations des conventions et des dossiers (diagnostics, bilans, désignations, rapports) apparaîtront ici, les plus urgentes en premier.
          </EmptyState>
        </section>
        <section aria-labelledby="conv" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="conv" className="text-base font-semibold">Conventions en vigueur</h2>
          <p className="mt-1 text-sm text-slate-700">{inForce.length} en vigueur sur {total}.</p>
          <ul className="mt-3 divide-y divide-slate-100 text-sm">
            {inForce.map(({ c, s }) => (
              <li key={c.id} className="py-2">
                <Link href={`/o/${caller.org.slug}/conventions/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.title}</Link>
                <div className="mt-0.5 flex items-center gap-2 text-xs text-slate-700">
                  {CONVENTION_KIND_LABEL[c.kind]} · jusqu&apos;au {formatDate(s.endOn)} <ConventionStatusBadge status={s.status} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
