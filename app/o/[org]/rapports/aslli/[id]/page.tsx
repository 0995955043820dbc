import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { aslliReport, getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatCents } from "@/lib/format";
import { semesterLabel } from "@/lib/server/report-periods";
import { PageHeader } from "@/components/ui/page-header";
import { ExportLinks, ReportTableView } from "@/components/ui/report-table";
import { PeriodPicker } from "@/components/reports/period-picker";
import { PrintButton } from "@/components/reports/print-button";

export const metadata: Metadata = { title: "Tableau semestriel ASLLi" };

// Issue 14 §1: the ASLLi semester tracking table (annex 1c, ASL-11) and the months-due statement (ASL-11b) of a
// partnership, per calendar semester. Parties only (else 404).
export default async function AslliReportPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ semestre?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const r = await aslliReport(caller, id, await searchParams, today());
  if (!r) notFound();
  const periods = r.periods.map((k) => ({ key: k, label: semesterLabel(k), from: "", to: "" }));
  return (
    <>
      <p className="mb-2 text-sm print:hidden"><Link href={`/o/${caller.org.slug}/rapports`} className="text-brand-700 hover:underline">← Rapports</Link></p>
      <PageHeader
        title="Tableau semestriel et mois dus (ASLLi)"
        subtitle={<>{r.convention.title} · {r.convention.parties.join(", ")} · {semesterLabel(r.semester)}</>}
        actions={<><ExportLinks base={`/api/o/${caller.org.slug}/rapports/aslli/${r.convention.id}`} query={`semestre=${r.semester}`} /><PrintButton /></>}
      />
      <PeriodPicker periods={periods} current={r.semester} param="semestre" />
      <p className="mb-4 text-sm text-slate-800" data-testid="aslli-total">
        {r.statement.monthsDue} mois dus au semestre
        {r.statement.amountDueCents !== null && r.statement.unitPriceCents !== null ? <> × {formatCents(r.statement.unitPriceCents)} = <strong>{formatCents(r.statement.amountDueCents)}</strong></> : " (prix du mois-mesure non renseigné)"}
      </p>
      <div className="grid gap-6">
        <ReportTableView table={r.tables[0]} testId="aslli-table" />
        <ReportTableView table={r.tables[1]} testId="aslli-statement" />
      </div>
    </>
  );
}
