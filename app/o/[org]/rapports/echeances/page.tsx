import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, obligationTimeliness } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { PageHeader } from "@/components/ui/page-header";
import { ReportChart } from "@/components/charts/report-chart";
import { PeriodPicker } from "@/components/reports/period-picker";
import { PrintButton } from "@/components/reports/print-button";

export const metadata: Metadata = { title: "Échéances tenues" };

const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];

// Issue 14 §2: the obligations the organisation sees (conventions and cases it is party to), by month of their due
// date: done on time, done late, overdue, to come.
export default async function TimelinessPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ annee?: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const now = today();
  const thisYear = Number(now.slice(0, 4));
  const wanted = Number((await searchParams).annee);
  const year = Number.isInteger(wanted) && wanted >= thisYear - 5 && wanted <= thisYear + 1 ? wanted : thisYear;
  const months = await obligationTimeliness(caller, year, now);
  const sum = (k: "onTime" | "late" | "overdue" | "upcoming") => months.reduce((n, m) => n + m[k], 0);
  const done = sum("onTime") + sum("late");
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 5 + i);
  return (
    <>
      <p className="mb-2 text-sm print:hidden"><Link href={`/o/${caller.org.slug}/rapports`} className="text-brand-700 hover:underline">← Rapports</Link></p>
      <PageHeader title="Échéances tenues à temps ou en retard" subtitle={<>Réunions, bilans, versements, rapports et étapes des dossiers que voit {caller.org.name}, par mois d&apos;échéance.</>} actions={<PrintButton />} />
      <PeriodPicker periods={years.map((y) => ({ key: String(y), label: String(y), from: "", to: "" }))} current={String(year)} param="annee" />
      <ReportChart
        title={`Échéances ${year} : faites à temps, en retard, en souffrance`}
        summary={`${year} : ${sum("onTime")} faites à temps et ${sum("late")} en retard sur ${done} faites ; ${sum("overdue")} en retard non faites ; ${sum("upcoming")} à venir.`}
        data={months.map((m) => ({ mois: MONTHS[m.month - 1], aTemps: m.onTime, enRetard: m.late, nonFaites: m.overdue, aVenir: m.upcoming }))}
        xKey="mois" xLabel="Mois d'échéance"
        series={[
          { key: "aTemps", label: "Faites à temps", kind: "bar", color: "#047857", stack: "e" },
          { key: "enRetard", label: "Faites en retard", kind: "bar", color: "#b45309", stack: "e" },
          { key: "nonFaites", label: "En retard, non faites", kind: "bar", color: "#b91c1c", stack: "e" },
          { key: "aVenir", label: "À venir", kind: "bar", color: "#64748b", stack: "e" },
        ]}
        testId="chart-timeliness"
      />
    </>
  );
}
