import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller, relaisReport } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { ExportLinks, ReportTableView } from "@/components/ui/report-table";
import { PeriodPicker } from "@/components/reports/period-picker";
import { PrintButton } from "@/components/reports/print-button";

export const metadata: Metadata = { title: "Bilan du logement relais" };

// Issue 14 §1: the REL-9 figures of a relais convention for the annual bilan meeting, per calendar year or over the
// whole convention (seed 000: 2023-2024 gives 10, 2, 3, 4, 2). Parties only (else 404).
export default async function RelaisReportPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ periode?: string; du?: string; au?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const r = await relaisReport(caller, id, await searchParams, today());
  if (!r) notFound();
  const query = r.period.key === "dates" ? `du=${r.period.from}&au=${r.period.to}` : `periode=${r.period.key}`;
  return (
    <>
      <p className="mb-2 text-sm print:hidden"><Link href={`/o/${caller.org.slug}/rapports`} className="text-brand-700 hover:underline">← Rapports</Link></p>
      <PageHeader
        title="Chiffres du bilan annuel du logement relais"
        subtitle={<>{r.convention.title} · {r.convention.parties.join(", ")} · du {formatDate(r.period.from)} au {formatDate(r.period.to)}</>}
        actions={<><ExportLinks base={`/api/o/${caller.org.slug}/rapports/relais/${r.convention.id}`} query={query} /><PrintButton /></>}
      />
      <PeriodPicker periods={r.periods} current={r.period.key} custom dates={r.period} />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="relais-figures">
        {r.tables[0].rows.map((row) => (
          <div key={String(row.figure)} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-xs font-medium text-slate-700">{row.figure}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{row.value}</dd>
          </div>
        ))}
      </dl>
      <ReportTableView table={r.tables[0]} testId="relais-table" />
    </>
  );
}
