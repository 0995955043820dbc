"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// A chart of a report (issue 14), drawn by recharts in the browser (no network asset), always followed by the same
// figures as a table (RGAA 1.1/4.1: the image carries a one-sentence summary; the table is the full alternative).

export type ChartSeries = { key: string; label: string; kind: "bar" | "line"; color: string; stack?: string; dashed?: boolean };
export type ChartRow = Record<string, string | number | null>;

const numbers = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const fmt = (v: unknown) => (typeof v === "number" ? numbers.format(v) : v === null || v === undefined ? "—" : String(v));

export function ReportChart({ title, summary, data, xKey, xLabel, series, testId }: {
  title: string;
  /** One French sentence saying what the chart shows (the image's text alternative). */
  summary: string;
  data: ChartRow[];
  xKey: string;
  xLabel: string;
  series: ChartSeries[];
  testId?: string;
}) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 print:break-inside-avoid" data-testid={testId}>
      <figcaption className="mb-1 text-base font-semibold text-slate-900">{title}</figcaption>
      <p className="mb-2 text-sm text-slate-700">{summary}</p>
      <div role="img" aria-label={summary} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%" minWidth={240}>
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey={xKey} tick={{ fill: "#334155", fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} width={40} />
            <Tooltip formatter={(v) => fmt(v)} />
            <Legend wrapperStyle={{ fontSize: 12, color: "#334155" }} />
            {series.map((s) =>
              s.kind === "bar"
                ? <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
                : <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? "6 4" : undefined} dot={false} isAnimationActive={false} connectNulls />,
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm print:hidden">
        <summary className="cursor-pointer text-brand-700 hover:underline">Voir les données en tableau</summary>
        <ChartTable title={title} data={data} xKey={xKey} xLabel={xLabel} series={series} />
      </details>
      <div className="hidden print:block"><ChartTable title={title} data={data} xKey={xKey} xLabel={xLabel} series={series} /></div>
    </figure>
  );
}

function ChartTable({ title, data, xKey, xLabel, series }: { title: string; data: ChartRow[]; xKey: string; xLabel: string; series: ChartSeries[] }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{title} : données</caption>
        <thead className="bg-slate-100 text-left text-slate-800">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">{xLabel}</th>
            {series.map((s) => <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">{s.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.map((row, i) => (
            <tr key={i} className="border-t border-slate-200">
              <th scope="row" className="px-2 py-1 text-left font-normal">{fmt(row[xKey])}</th>
              {series.map((s) => <td key={s.key} className="px-2 py-1 text-right tabular-nums">{fmt(row[s.key])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
