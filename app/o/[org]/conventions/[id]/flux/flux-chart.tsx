import type { FluxMonth } from "@/lib/server/flux";

// The flux of the year month by month (RES-13/RES-14), drawn on the server as SVG (no client code, no dependency):
// the dwellings counted to date, cumulative, as stacked bars (signed leases, then equivalents), and the objective
// spread evenly over the year as a dashed line. The page gives the same figures in a table beside it.

export const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."] as const;
export const MONTH_NAMES = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

const W = 720;
const H = 280;
const PAD = { left: 44, right: 16, top: 16, bottom: 34 };
const COLOURS = { leases: "#183d92", equivalents: "#b45309", objective: "#334155", grid: "#e2e8f0", text: "#334155" };

const decimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** Round ticks: 0 and about 4 steps of 1, 2 or 5 × 10ⁿ up to the maximum. */
function ticks(max: number): number[] {
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/** The sentence the SVG's aria-label carries: where the count stands against the objective. */
export function chartSummary(year: number, months: FluxMonth[], objective: number | null): string {
  const last = [...months].reverse().find((m) => m.cumulative !== null) ?? null;
  const target = objective === null ? " ; aucun objectif (part non convenue pour l'année)" : ` ; objectif de l'année : ${decimal.format(objective)} logements`;
  if (!last) return `Logements comptés en ${year} : aucun mois écoulé${target}.`;
  const expected = last.objective !== null ? ` (${decimal.format(last.objective)} attendus à fin ${MONTH_NAMES[last.month - 1]})` : "";
  return `Logements comptés en ${year}, cumulés par mois : ${last.cumulative} à fin ${MONTH_NAMES[last.month - 1]} (${last.cumulativeLeases} baux signés, ${last.cumulativeEquivalents} équivalents)${target}${expected}.`;
}

export function FluxChart({ year, months, objective }: { year: number; months: FluxMonth[]; objective: number | null }) {
  const max = Math.max(1, objective ?? 0, ...months.map((m) => m.cumulative ?? 0));
  const yTicks = ticks(max);
  const top = yTicks[yTicks.length - 1];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / 12;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const xMid = (i: number) => PAD.left + band * i + band / 2;
  const barW = band * 0.56;
  const line = months.filter((m) => m.objective !== null).map((m, i) => `${i === 0 ? "M" : "L"}${xMid(m.month - 1).toFixed(1)},${y(m.objective!).toFixed(1)}`).join(" ");
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chartSummary(year, months, objective)} className="h-auto w-full max-w-3xl" data-testid="flux-chart">
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke={COLOURS.grid} strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={COLOURS.text}>{decimal.format(t)}</text>
          </g>
        ))}
        {months.map((m, i) => {
          const l = m.cumulativeLeases ?? 0;
          const e = m.cumulativeEquivalents ?? 0;
          return (
            <g key={m.month}>
              {m.cumulative !== null && l > 0 ? <rect x={xMid(i) - barW / 2} y={y(l)} width={barW} height={y(0) - y(l)} fill={COLOURS.leases} /> : null}
              {m.cumulative !== null && e > 0 ? <rect x={xMid(i) - barW / 2} y={y(l + e)} width={barW} height={y(l) - y(l + e)} fill={COLOURS.equivalents} /> : null}
              <text x={xMid(i)} y={H - PAD.bottom + 16} textAnchor="middle" fontSize={11} fill={COLOURS.text}>{MONTHS[i]}</text>
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke={COLOURS.text} strokeWidth={1} />
        {line ? <path d={line} fill="none" stroke={COLOURS.objective} strokeWidth={2} strokeDasharray="6 4" /> : null}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        <span className="inline-flex items-center gap-1"><span className="inline-block h-3 w-3" style={{ background: COLOURS.leases }} />Baux signés (cumul)</span>
        <span className="inline-flex items-center gap-1"><span className="inline-block h-3 w-3" style={{ background: COLOURS.equivalents }} />Équivalents (cumul)</span>
        {objective !== null ? <span className="inline-flex items-center gap-1"><span className="inline-block w-5 border-t-2 border-dashed" style={{ borderColor: COLOURS.objective }} />Objectif réparti sur l&apos;année</span> : null}
      </figcaption>
    </figure>
  );
}
