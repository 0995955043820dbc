import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { VACANCY_OUTCOMES, type VacancyOutcome } from "@/lib/domain";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { fluxCountsByYear, listVacancies } from "@/lib/server/vacancies";
import { stockAreas } from "@/lib/server/dwellings";
import { formatDate } from "@/lib/format";
import { ORIENTATION_LABELS, OUTCOME_LABELS } from "@/lib/validation/vacancies";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Countdown, OutcomeBadge } from "./outcome-badge";

export const metadata: Metadata = { title: "Vacances" };

// Issue 10: the bailleur sees every vacancy it declared; a réservataire, those oriented to it (ACC-1), with the
// designation due date counting down (RES-18). A vacancy without designation lapses at the clock's date (RES-13).

const ZQuery = z.object({
  issue: z.enum(VACANCY_OUTCOMES as unknown as [VacancyOutcome, ...VacancyOutcome[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
const td = "px-3 py-2 whitespace-nowrap";

export default async function VacanciesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZQuery.parse(await searchParams);
  const now = today();
  const list = await listVacancies(caller, { outcome: query.issue, page: query.page }, now);
  // RES-13/RES-14: the dwellings counted this year for each réservation convention the caller is party to.
  const year = Number(now.slice(0, 4));
  const areas = await stockAreas(caller);
  const counts = (await Promise.all(areas.flatMap((a) => a.conventionIds.map(async (id) => ({ area: a, id, count: (await fluxCountsByYear(caller, id, now))?.[year] ?? { leases: 0, equivalents: 0, total: 0 } })))));
  const base = `/o/${caller.org.slug}/vacances`;
  const mayDeclare = caller.org.kind === "BAILLEUR" && caller.role !== "READER";
  return (
    <>
      <PageHeader
        title="Vacances"
        subtitle={caller.org.kind === "BAILLEUR"
          ? "Les logements libérés de votre patrimoine : désignation du réservataire sous 30 jours (RES-18), CALEOL, bail (RES-13, RES-20)."
          : "Les logements vacants orientés vers votre organisation : désignez au moins 3 candidats sous 30 jours (RES-18, RES-19)."}
        actions={<>
          <Link href={`${base}/programmes`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">Programmes neufs</Link>
          {mayDeclare ? <Link href={`${base}/nouvelle`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Déclarer une vacance</Link> : null}
        </>}
      />
      {counts.length ? (
        <section aria-labelledby="decompte" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="decompte" className="mb-2 text-base font-semibold">Logements décomptés en {year} <span className="font-mono text-xs text-slate-500">RES-13</span></h2>
          <table className="min-w-full text-sm" data-testid="flux-count">
            <caption className="sr-only">Logements décomptés dans le flux de l&apos;année, par convention de réservation</caption>
            <thead><tr><th scope="col" className={th}>Convention</th><th scope="col" className={th}>Baux signés</th><th scope="col" className={th}>Équivalents</th><th scope="col" className={th}>Total</th></tr></thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.id}><th scope="row" className={`${td} text-left font-normal`}>{c.area.bailleurName} — {c.area.territory}</th><td className={`${td} tabular-nums`}>{c.count.leases}</td><td className={`${td} tabular-nums`}>{c.count.equivalents}</td><td className={`${td} font-semibold tabular-nums`} data-testid="flux-total">{c.count.total}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <nav aria-label="Filtrer par issue" className="mb-4 flex flex-wrap gap-2">
        {[undefined, ...VACANCY_OUTCOMES].map((o) => (
          <Link key={o ?? "all"} href={o ? `?issue=${o}` : "?"} aria-current={query.issue === o ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm ${query.issue === o ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
            {o ? OUTCOME_LABELS[o] : "Toutes"}
          </Link>
        ))}
      </nav>
      {list.rows.length === 0 ? <EmptyState title="Aucune vacance">{mayDeclare ? "Déclarez chaque logement libéré de l'assiette, quelle que soit son orientation." : "Aucun logement ne vous a encore été orienté."}</EmptyState> : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Vacances, les plus récentes d&apos;abord</caption>
            <thead className="bg-slate-50"><tr>
              <th scope="col" className={th}>Logement</th><th scope="col" className={th}>Orientation</th><th scope="col" className={th}>Déclarée le</th>
              <th scope="col" className={th}>Désignation</th><th scope="col" className={th}>Issue</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((v) => (
                <tr key={v.id}>
                  <td className={td}>
                    <Link href={`${base}/${v.id}`} className="font-medium text-brand-700 hover:underline">{v.declaration.rplsId ?? "Logement"}</Link>
                    <span className="block text-xs text-slate-600">{v.declaration.typology} · {v.declaration.residence} · {v.declaration.address?.commune}</span>
                  </td>
                  <td className={td}>{v.orientation === "RESERVATAIRE" ? v.convention?.title ?? "Réservataire" : ORIENTATION_LABELS[v.orientation as keyof typeof ORIENTATION_LABELS]}</td>
                  <td className={td}>{formatDate(v.declaredOn)}</td>
                  <td className={td}>
                    {v.orientation !== "RESERVATAIRE" ? "—" : v.designated ? "Faite" : v.outcome === "PENDING" && v.designationDueOn ? <>avant le {formatDate(v.designationDueOn)} · <Countdown dueOn={v.designationDueOn} today={now} /></> : "—"}
                  </td>
                  <td className={td}><OutcomeBadge outcome={v.outcome} />{v.outcomeOn ? <span className="ml-1 text-xs text-slate-600">{formatDate(v.outcomeOn)}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ issue: query.issue }} />
    </>
  );
}
