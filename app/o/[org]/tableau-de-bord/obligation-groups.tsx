import Link from "next/link";
import { obligationLabel } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import type { DashboardGroup, DashboardObligations } from "@/lib/server/dashboard";
import { Badge } from "@/components/ui/badge";
import { Countdown } from "../vacances/outcome-badge";

const TITLES: Record<DashboardGroup, { title: string; empty: string; tone: string }> = {
  overdue: { title: "En retard", empty: "Rien en retard.", tone: "border-red-200" },
  week: { title: "Cette semaine (7 jours)", empty: "Rien à échéance dans les 7 jours.", tone: "border-amber-200" },
  month: { title: "Ce mois-ci (30 jours)", empty: "Rien d'autre dans les 30 jours.", tone: "border-slate-200" },
};

/** GEN-6: the open obligations in three groups, each sorted by due date, each item linked to where it is done. */
export function ObligationGroups({ groups, orgId, today }: { groups: DashboardObligations; orgId: string; today: string }) {
  return (
    <div className="space-y-4">
      {(Object.keys(TITLES) as DashboardGroup[]).map((g) => {
        const { rows, total, capped } = groups[g];
        return (
          <section key={g} aria-labelledby={`groupe-${g}`} className={`rounded-lg border bg-white ${TITLES[g].tone}`} data-testid={`group-${g}`}>
            <h3 id={`groupe-${g}`} className="flex items-center justify-between border-b border-slate-100 px-4 py-2 text-sm font-semibold">
              <span>{TITLES[g].title}</span>
              <span className="text-xs font-normal text-slate-700">{total > rows.length ? `${rows.length} premières sur ${capped ? "plus de " : ""}${total}` : `${total} échéance${total > 1 ? "s" : ""}`}</span>
            </h3>
            {rows.length === 0 ? <p className="px-4 py-3 text-sm text-slate-700">{TITLES[g].empty}</p> : (
              <ul className="divide-y divide-slate-100">
                {rows.map((o) => (
                  <li key={o.id} className="flex items-start justify-between gap-3 px-4 py-2 text-sm" data-testid="dashboard-obligation" data-key={o.key}>
                    <div className="min-w-0">
                      <Link href={o.href} className="font-medium text-brand-700 hover:underline">{obligationLabel(o.messageKey)}</Link>
                      <span className="ml-2 font-mono text-xs text-slate-500">{o.rule}</span>
                      <p className="truncate text-slate-700">{o.about}{o.periodKey ? ` — ${o.periodKey}` : ""}</p>
                    </div>
                    <div className="shrink-0 text-right">
                      <p className="whitespace-nowrap">{formatDate(o.dueOn)} <Countdown dueOn={o.dueOn} today={today} /></p>
                      {o.responsibleOrganisationId === orgId ? <Badge tone="blue">À faire par vous</Badge>
                        : o.responsibleOrganisationId === null ? <Badge tone="grey">Toutes les parties</Badge>
                        : <Badge tone="grey">{o.responsibleName}</Badge>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
