import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, listConventions, nextObligations } from "@/lib/server/access";
import { obligationLabel, obligationStatus, type ObligationMessageKey } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import { ObligationStatusBadge } from "@/components/obligations/obligation-status";
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
  const [{ rows, total }, todo] = await Promise.all([listConventions(caller, { sort: "startOn", dir: "desc" }, now), nextObligations(caller, now)]);
  const states = rows.map((c) => ({ c, s: c }));
  const inForce = states.filter((x) => x.s.status === "EN_VIGUEUR" || x.s.status === "DENONCEE");
  return (
    <>
      <PageHeader title="Tableau de bord" subtitle={<>Bonjour {caller.firstName}. Nous sommes le {formatDate(now)}.</>} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="echeances" className="lg:col-span-2">
          <h2 id="echeances" className="mb-2 text-base font-semibold">Prochaines échéances</h2>
          {todo.length === 0 ? (
            <EmptyState title="Aucune échéance ouverte">Les obligations des conventions et des dossiers qui incombent à votre organisation apparaîtront ici.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="next-obligations">
              {todo.map((o) => {
                const status = obligationStatus({ dueOn: o.dueOn ? isoOf(o.dueOn) : null, doneOn: null }, now);
                return (
                  <li key={o.id} className={`flex items-start justify-between gap-3 px-4 py-3 text-sm ${status === "overdue" ? "bg-red-50" : status === "due-soon" ? "bg-amber-50" : ""}`}>
                    <div>
                      <Link href={o.href} className="font-medium text-brand-700 hover:underline">{obligationLabel(o.messageKey as ObligationMessageKey)}</Link>
                      <p className="text-slate-700">{o.about}{o.periodKey ? ` — ${o.periodKey}` : ""}</p>
                    </div>
                    <div className="text-right">
                      <p className="whitespace-nowrap">{formatDate(o.dueOn)}</p>
                      <ObligationStatusBadge status={status} />
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
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
