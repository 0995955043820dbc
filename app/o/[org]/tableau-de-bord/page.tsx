import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { dashboard, getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { KindPanelsView } from "./kind-panels";
import { ObligationGroups } from "./obligation-groups";

export const metadata: Metadata = { title: "Tableau de bord" };

// Issue 12: what to do today — the open obligations the organisation may see (GEN-6 and every rule with a date),
// overdue, within 7 days and within 30 days, then the panels of the organisation's kind. A fixed number of queries.

const ZQuery = z.object({ a: z.enum(["moi", "tout"]).optional().catch(undefined) });

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZQuery.parse(await searchParams);
  const mine = query.a === "moi";
  const now = today();
  const data = await dashboard(caller, now, { mine });
  const base = `/o/${caller.org.slug}`;
  return (
    <>
      <PageHeader title="Tableau de bord" subtitle={<>Bonjour {caller.firstName}. Nous sommes le {formatDate(now)}.</>} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="echeances" className="lg:col-span-2">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="echeances" className="text-base font-semibold">Échéances</h2>
            <nav aria-label="Quelles échéances" className="flex gap-1 text-sm">
              {([["tout", "Tout ce que je vois"], ["moi", "À faire par mon organisation"]] as const).map(([k, label]) => {
                const current = (k === "moi") === mine;
                return (
                  <Link key={k} href={k === "moi" ? "?a=moi" : "?"} aria-current={current ? "page" : undefined}
                    className={`rounded-md border px-2.5 py-1 ${current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>{label}</Link>
                );
              })}
            </nav>
          </div>
          <ObligationGroups groups={data.obligations} orgId={caller.org.id} today={now} />
        </section>
        <div className="space-y-4">
          <KindPanelsView panels={data.panels} base={base} today={now} />
          <p className="text-sm"><Link href={`${base}/conventions`} className="text-brand-700 hover:underline">Toutes les conventions</Link></p>
        </div>
      </div>
    </>
  );
}
