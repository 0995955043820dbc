import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { fluxView } from "@/lib/server/flux";
import { droitsView } from "@/lib/server/droits";
import { consumptionByYear } from "@/lib/server/vacancies";
import { PageHeader } from "@/components/ui/page-header";
import { ReportChart } from "@/components/charts/report-chart";
import { PeriodPicker } from "@/components/reports/period-picker";
import { PrintButton } from "@/components/reports/print-button";

export const metadata: Metadata = { title: "Flux et droits uniques" };

const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

// Issue 14 §2: the charts of a réservation convention — the flux of the year against the objective, month by month
// (RES-13, RES-14), and the droits uniques stock by year (RES-10) — each with its table. Read through the flux and
// droits modules (parties only; else 404). The annual bilan (RES-22) has its own page, linked from the reports index.
export default async function ReservationReportPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ annee?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const wanted = (await searchParams).annee;
  const year = wanted && /^\d{4}$/.test(wanted) ? Number(wanted) : Number(now.slice(0, 4));
  const [flux, consumption] = await Promise.all([fluxView(caller, id, year, now), consumptionByYear(caller, id, now)]);
  if (!flux) notFound();
  const droits = await droitsView(caller, id, now, { consumptionByYear: consumption });
  if (!droits) notFound();
  const base = `/o/${caller.org.slug}/conventions/${flux.convention.id}`;
  const last = [...flux.months].reverse().find((m) => m.cumulative !== null) ?? null;
  const objective = flux.objective.forecast;
  const stock = droits.stock.rows;
  return (
    <>
      <p className="mb-2 text-sm print:hidden"><Link href={`/o/${caller.org.slug}/rapports`} className="text-brand-700 hover:underline">← Rapports</Link></p>
      <PageHeader
        title="Flux et droits uniques"
        subtitle={<>{flux.convention.title} · Réservataire : {flux.convention.reservataire ?? "—"} · Bailleur : {flux.convention.bailleur ?? "—"}</>}
        actions={<><Link href={`${base}/flux?annee=${flux.year}`} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 print:hidden">Page du flux</Link><PrintButton /></>}
      />
      <PeriodPicker periods={flux.years.map((y) => ({ key: String(y), label: String(y), from: "", to: "" }))} current={String(flux.year)} param="annee" />
      <div className="grid gap-6 lg:grid-cols-2">
        <ReportChart
          title={`Avancement du flux ${flux.year} par rapport à l'objectif`}
          summary={last
            ? `Logements comptés en ${flux.year}, cumulés : ${last.cumulative} à fin ${MONTHS[last.month - 1]} (${last.cumulativeLeases} baux, ${last.cumulativeEquivalents} équivalents)${objective !== null ? ` pour un objectif annuel de ${decimal.format(objective)}` : ", sans objectif convenu"}.`
            : `Aucun mois écoulé en ${flux.year}.`}
          data={flux.months.map((m) => ({ mois: MONTHS[m.month - 1], baux: m.cumulativeLeases, equivalents: m.cumulativeEquivalents, objectif: m.objective === null ? null : Math.round(m.objective * 10) / 10 }))}
          xKey="mois" xLabel="Mois"
          series={[
            { key: "baux", label: "Baux signés (cumul)", kind: "bar", color: "#183d92", stack: "compte" },
            { key: "equivalents", label: "Équivalents (cumul)", kind: "bar", color: "#b45309", stack: "compte" },
            { key: "objectif", label: "Objectif au prorata", kind: "line", color: "#334155", dashed: true },
          ]}
          testId="chart-flux"
        />
        <ReportChart
          title="Stock de droits uniques par année"
          summary={stock.length
            ? `Droits uniques au 1er janvier de ${stock[0].year} à ${stock[stock.length - 1].year}${droits.stock.provisional ? " (provisoire : conversion non enregistrée)" : ""} : ${stock.map((s) => `${s.year} : ${s.jan1Rounded}`).join(", ")}.`
            : "Aucun droit unique : la conversion des droits de suite n'est pas faite."}
          data={stock.map((s) => ({ annee: String(s.year), stock: s.jan1Rounded, acquisitions: Math.round(s.acquisitions * 100) / 100, consommation: s.consumption }))}
          xKey="annee" xLabel="Année"
          series={[
            { key: "stock", label: "Stock au 1er janvier", kind: "bar", color: "#183d92" },
            { key: "acquisitions", label: "Acquisitions de l'année", kind: "bar", color: "#047857" },
            { key: "consommation", label: "Consommation de l'année", kind: "bar", color: "#b45309" },
          ]}
          testId="chart-droits"
        />
      </div>
    </>
  );
}
