import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { fnavdlReport, getCaller } from "@/lib/server/access";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { ExportLinks, ReportTableView } from "@/components/ui/report-table";
import { ReportChart } from "@/components/charts/report-chart";
import { PeriodPicker } from "@/components/reports/period-picker";
import { PrintButton } from "@/components/reports/print-button";

export const metadata: Metadata = { title: "Indicateurs FNAVDL" };

const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

// Issue 14 §1: the FNAVDL annex III indicators (AVD-13, AVD-13b) of a convention year beside its objectives, the split by
// intensity against the forecast (AVD-12), the bail glissant figures and the surveys (AVD-14). Parties only (else 404).
export default async function FnavdlReportPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ periode?: string; du?: string; au?: string }> }) {
  const { org, id } = await params;
  const q = await searchParams;
  const caller = await getCaller(org);
  const r = await fnavdlReport(caller, id, q);
  if (!r) notFound();
  const query = r.period.key === "dates" ? `du=${r.period.from}&au=${r.period.to}` : `periode=${r.period.key}`;
  const [indicators, activeFile, intensity, bail, surveys] = r.tables;
  return (
    <>
      <p className="mb-2 text-sm print:hidden"><Link href={`/o/${caller.org.slug}/rapports`} className="text-brand-700 hover:underline">← Rapports</Link></p>
      <PageHeader
        title="Indicateurs FNAVDL (annexe III)"
        subtitle={<>{r.convention.title} · {r.convention.parties.join(", ")} · {r.period.label} : du {formatDate(r.period.from)} au {formatDate(r.period.to)}</>}
        actions={<><ExportLinks base={`/api/o/${caller.org.slug}/rapports/fnavdl/${r.convention.id}`} query={query} /><PrintButton /></>}
      />
      <PeriodPicker periods={r.periods} current={r.period.key} custom dates={r.period} />
      {r.split?.avenantNeeded ? (
        <div className="mb-4"><Alert tone="error">
          La répartition des ménages accompagnés par niveau d&apos;intensité s&apos;écarte de la prévision de plus de {Math.round(r.split.threshold * 100)} points : un avenant est nécessaire (AVD-12).
        </Alert></div>
      ) : null}
      <div className="grid gap-6">
        <ReportTableView table={indicators} testId="fnavdl-indicators" />
        <div className="grid gap-6 lg:grid-cols-2">
          <ReportChart
            title="File active par mois (indicateur 3)"
            summary={`Ménages suivis simultanément, mois par mois, du ${formatDate(r.period.from)} au ${formatDate(r.period.to)} : ${decimal.format(r.indicators.activeFile.mean)} en moyenne, ${Math.max(0, ...r.indicators.activeFile.months.map((m) => m.households))} au plus.`}
            data={r.indicators.activeFile.months.map((m) => ({ mois: `${MONTHS[Number(m.month.slice(5, 7)) - 1]} ${m.month.slice(2, 4)}`, menages: m.households }))}
            xKey="mois" xLabel="Mois" series={[{ key: "menages", label: "Ménages suivis", kind: "bar", color: "#183d92" }]} testId="chart-active-file"
          />
          <ReportTableView table={activeFile} testId="fnavdl-active-file" />
        </div>
        <ReportTableView table={intensity} testId="fnavdl-intensity" />
        <div className="grid gap-6 lg:grid-cols-2">
          <ReportTableView table={bail} testId="fnavdl-bail-glissant" />
          <ReportTableView table={surveys} testId="fnavdl-surveys" />
        </div>
      </div>
    </>
  );
}
