import type { Metadata } from "next";
import Link from "next/link";
import { YearNav } from "@/components/reports/year-nav";
import { notFound } from "next/navigation";
import type { TargetKey } from "@/lib/domain";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { fluxView } from "@/lib/server/flux";
import { formatPercent } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { FluxChart, MONTH_NAMES } from "./flux-chart";
import { inCard, section } from "@/components/ui/table-classes";

export const metadata: Metadata = { title: "Flux de l'année" };

// The flux of the year of a réservation convention (issue 10 part 6; RES-4b, RES-11..15): forecast and actual flux,
// agreed share, objective, progress split into leases and equivalents, month by month (chart and table), the
// indicative targets over the dwellings oriented to the réservataire and their spread over residences. Only for
// RESERVATION_FLUX conventions the caller's organisation is party to (else 404).

const numbers = new Map<string, Intl.NumberFormat>();
/** « 125,7 », « 2 398 »: French decimals, at most `digits` of them. */
function num(n: number, digits = 0, sign = false): string {
  const key = `${digits}|${sign}`;
  if (!numbers.has(key)) numbers.set(key, new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits, signDisplay: sign ? "exceptZero" : "auto" }));
  return numbers.get(key)!.format(n);
}
/** A gap between two shares, in percentage points, signed: « +40 points », « −0,9 point ». */
function points(gap: number): string {
  const value = Math.round(gap * 1000) / 10;
  return `${num(value, 1, true).replace("-", "\u2212")} point${Math.abs(value) >= 2 ? "s" : ""}`;
}

const TARGET_LABELS: Record<TargetKey, string> = {
  PLS: "Financement PLS", PLUS: "Financement PLUS", PLAI: "Financement PLAI",
  T1: "T1 (au plus)", T2: "T2", T3: "T3", "T4/T5": "T4 et T5 (T6 et plus inclus)",
  QPV: "En QPV", CLASS_3_4: "Résidences de classement 3 et 4", PMR: "Adaptés PMR",
};
const SOUSTRAIT_LABELS: Record<string, string> = {
  MUTATION_INTERNE: "mutations internes", RENOUVELLEMENT_URBAIN: "renouvellement urbain", PERIL_INSALUBRITE: "péril ou insalubrité", VENTE: "vente",
};

const RESIDENCES_SHOWN = 15;
const { th, thNum, td, tdNum, caption, headRow } = inCard;

function Card({ label, value, children, testId }: { label: string; value: React.ReactNode; children?: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{value}</dd>
      {children ? <dd className="mt-1 text-xs text-slate-700">{children}</dd> : null}
    </div>
  );
}

export default async function FluxPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ annee?: string; residences?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const { annee: wanted, residences: allResidences } = await searchParams;
  const year = wanted && /^\d{4}$/.test(wanted) ? Number(wanted) : Number(now.slice(0, 4));
  const v = await fluxView(caller, id, year, now);
  if (!v) notFound();
  // A bailleur may have hundreds of residences: the most represented first, the whole list on demand.
  const shown = allResidences === "toutes" ? v.residences : v.residences.slice(0, RESIDENCES_SHOWN);
  const base = `/o/${caller.org.slug}/conventions/${v.convention.id}`;
  const p = v.progress.forecast;
  const lastMonth = [...v.months].reverse().find((m) => m.cumulative !== null) ?? null;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={base} className="text-brand-700 hover:underline">← {v.convention.title}</Link></p>
      <PageHeader
        title="Flux de l'année"
        subtitle={<>Réservataire : {v.convention.reservataire ?? "—"} · Bailleur : {v.convention.bailleur ?? "—"}{v.convention.territory ? ` · Territoire : ${v.convention.territory}` : ""}</>}
      />
      <YearNav years={v.years} current={v.year} />
      {!v.assiette || !v.rate ? (
        <div className="mb-4"><Alert tone="info">{!v.assiette ? "La convention ne désigne pas de bailleur et de territoire : pas d'assiette." : "Aucun taux de rotation en vigueur (cinq millésimes RPLS ou un taux convenu, page Logements, RES-6) : pas de flux prévisionnel."}</Alert></div>
      ) : null}
      {v.share === null ? <div className="mb-4"><Alert tone="info">Aucune part n&apos;est convenue pour {v.year} (RES-11, avant le 28 février) : pas d&apos;objectif.</Alert></div> : null}

      <section aria-labelledby="chiffres" className="mb-6">
        <h2 id="chiffres" className="sr-only">Chiffres clés de {v.year}</h2>
        <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Card label="Assiette au 1er janvier" value={v.assiette ? num(v.assiette.assiette) : "—"} testId="flux-assiette">
            {v.assiette ? <>{num(v.assiette.stock)} au patrimoine − {num(v.assiette.excluded)} exclus − {num(v.assiette.soustraits)} soustraits + {num(v.assiette.misesEnService)} mis en service (RES-1 à 4)</> : null}
          </Card>
          <Card label="Taux de rotation" value={v.rate ? formatPercent(v.rate.rate, 2) : "—"} testId="flux-rate">{v.rate?.provenance}</Card>
          <Card label="Flux prévisionnel" value={v.forecast !== null ? num(v.forecast, 1) : "—"} testId="flux-forecast">Logements libérés attendus : assiette × rotation (RES-4b)</Card>
          <Card label="Flux réel à ce jour" value={num(v.freed.total)} testId="flux-actual">
            Logements de l&apos;assiette libérés et déclarés en {v.year} : {num(v.freed.thisConvention)} orientés vers {v.convention.reservataire ?? "le réservataire"}, {num(v.freed.otherReservataires)} vers d&apos;autres réservataires, {num(v.freed.bailleur)} pour le bailleur
            {v.freed.soustraits + v.freed.withdrawn + v.freed.outOfAssiette > 0 ? <> (hors flux : {num(v.freed.soustraits)} soustraits, {num(v.freed.withdrawn)} retirés, {num(v.freed.outOfAssiette)} hors assiette)</> : null}
          </Card>
          <Card label="Part convenue" value={v.share !== null ? formatPercent(v.share, Number.isInteger(Math.round(v.share * 1000) / 10) ? 0 : 1) : "non convenue"} testId="flux-share">{v.shareSource === "CONVENTION" ? "RES-11, fixée par la convention pour sa première année" : "RES-11, fixée chaque année"}</Card>
          <Card label="Objectif" value={v.objective.forecast !== null ? `${num(v.objective.forecast)} logements` : "—"} testId="flux-objective">
            {v.objective.actual !== null ? <>part × flux prévisionnel ; sur le flux réel à ce jour : {num(v.objective.actual)} (RES-14)</> : "part × flux (RES-14)"}
          </Card>
          <Card label="Comptés" value={num(v.count.total)} testId="flux-count">{num(v.count.leases)} baux signés · {num(v.count.equivalents)} équivalents (RES-13)</Card>
          <Card label="Avancement" value={p?.progress != null ? formatPercent(p.progress) : "—"} testId="flux-progress">
            {p && p.progress !== null ? (
              <>
                baux {formatPercent(p.leases / (v.objective.forecast || 1))} + équivalents {formatPercent(p.equivalents / (v.objective.forecast || 1))} de l&apos;objectif ; reste {num(p.remaining)}
                {v.progress.actual?.progress != null ? <> · sur le flux réel : {formatPercent(v.progress.actual.progress)}</> : null}
              </>
            ) : "sans objectif"}
          </Card>
        </dl>
      </section>

      <div className="space-y-6">
        <section aria-labelledby="mois" className={section}>
          <h2 id="mois" className="text-base font-semibold">Mois par mois</h2>
          <p className="mt-1 text-sm text-slate-700">Logements comptés au mois de leur bail signé ou de leur équivalent (sans candidat à 30 jours, refus après CALEOL), cumulés, face à l&apos;objectif réparti sur l&apos;année.</p>
          <FluxChart year={v.year} months={v.months} objective={v.objective.forecast} />
          <div className="mt-4 overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="flux-months">
              <caption className={caption}>Logements comptés par mois en {v.year} (les chiffres du graphique){lastMonth ? `, jusqu'à fin ${MONTH_NAMES[lastMonth.month - 1]}` : ""}</caption>
              <thead><tr className={headRow}>
                <th scope="col" className={th}>Mois</th><th scope="col" className={thNum}>Baux signés</th><th scope="col" className={thNum}>Équivalents</th>
                <th scope="col" className={thNum}>Cumul baux</th><th scope="col" className={thNum}>Cumul équivalents</th><th scope="col" className={thNum}>Cumul compté</th><th scope="col" className={thNum}>Objectif cumulé</th>
              </tr></thead>
              <tbody className="divide-y divide-slate-100">
                {v.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className={`${td} text-left font-normal`}>{MONTH_NAMES[m.month - 1]}</th>
                    <td className={tdNum}>{m.leases ?? "—"}</td>
                    <td className={tdNum}>{m.equivalents ?? "—"}</td>
                    <td className={tdNum}>{m.cumulativeLeases ?? "—"}</td>
                    <td className={tdNum}>{m.cumulativeEquivalents ?? "—"}</td>
                    <td className={`${tdNum} font-semibold`}>{m.cumulative ?? "—"}</td>
                    <td className={tdNum}>{m.objective !== null ? num(m.objective, 1) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="cibles" className={section}>
          <h2 id="cibles" className="text-base font-semibold">Objectifs indicatifs (RES-15)</h2>
          <p className="mt-1 text-sm text-slate-700">
            Parts des {num(v.oriented)} logements orientés vers {v.convention.reservataire ?? "le réservataire"} en {v.year} (déclarés dans l&apos;année, hors vacances retirées). Indicatifs : l&apos;écart est montré dans les deux sens, rien n&apos;est bloqué ; seul le T1, « au plus », peut être dépassé.
          </p>
          {v.oriented === 0 ? <div className="mt-3"><EmptyState title="Aucun logement orienté">Aucun logement n&apos;a encore été orienté vers le réservataire en {v.year}.</EmptyState></div> : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="flux-targets">
                <caption className={caption}>Objectifs indicatifs : cible, réalisé et écart sur les {num(v.oriented)} logements orientés en {v.year}</caption>
                <thead><tr className={headRow}>
                  <th scope="col" className={th}>Objectif</th><th scope="col" className={thNum}>Cible</th><th scope="col" className={thNum}>Logements</th>
                  <th scope="col" className={thNum}>Réalisé</th><th scope="col" className={thNum}>Écart</th><th scope="col" className={th}>Situation</th>
                </tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {v.targets.map((t) => (
                    <tr key={t.key}>
                      <th scope="row" className={`${td} text-left font-normal`}>{TARGET_LABELS[t.key]}</th>
                      <td className={tdNum}>{t.atMost ? "≤ " : ""}{formatPercent(t.target)}</td>
                      <td className={tdNum}>{num(t.count)}</td>
                      <td className={tdNum}>{formatPercent(t.achieved)}</td>
                      <td className={tdNum}>{points(t.gap)}</td>
                      <td className={td}>{t.breached ? <Badge tone="red">au-dessus du plafond</Badge> : Math.abs(t.gap) < 0.005 ? <Badge tone="green">atteint</Badge> : t.gap > 0 ? <Badge tone="blue">au-dessus</Badge> : <Badge tone="grey">en dessous</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {v.otherFinancing > 0 ? <p className="mt-2 text-xs text-slate-700">Dont {num(v.otherFinancing)} d&apos;un autre financement initial (aides de l&apos;État antérieures à 1977…), comptés dans le total mais dans aucune des trois lignes de financement.</p> : null}
            </div>
          )}
        </section>

        <section aria-labelledby="residences" className={section}>
          <h2 id="residences" className="text-base font-semibold">Répartition par résidence</h2>
          <p className="mt-1 text-sm text-slate-700">La Ville souhaite une répartition équilibrée sur les résidences du bailleur (RES-15).</p>
          {v.residences.length === 0 ? <p className="mt-3 text-sm text-slate-700">Aucun logement orienté en {v.year}.</p> : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="flux-residences">
                <caption className={caption}>
                  Logements orientés en {v.year} par résidence, la plus représentée d&apos;abord
                  {shown.length < v.residences.length ? ` (les ${shown.length} premières sur ${num(v.residences.length)})` : ""}
                </caption>
                <thead><tr className={headRow}><th scope="col" className={th}>Résidence</th><th scope="col" className={thNum}>Logements</th><th scope="col" className={thNum}>Part</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {shown.map((r) => (
                    <tr key={r.residence}>
                      <th scope="row" className={`${td} text-left font-normal`}>{r.residence}</th>
                      <td className={tdNum}>{num(r.count)}</td>
                      <td className={tdNum}>{formatPercent(r.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {v.residences.length > RESIDENCES_SHOWN ? (
                <p className="mt-2 text-sm">
                  {shown.length < v.residences.length
                    ? <Link className="text-brand-700 underline" href={`?annee=${v.year}&residences=toutes#residences`}>Afficher les {num(v.residences.length)} résidences</Link>
                    : <Link className="text-brand-700 underline" href={`?annee=${v.year}#residences`}>N&apos;afficher que les {RESIDENCES_SHOWN} premières</Link>}
                </p>
              ) : null}
            </div>
          )}
        </section>
        {v.assiette && Object.keys(v.assiette.soustraitsByCategory).length > 0 ? (
          <p className="text-xs text-slate-700">Soustraits de {v.year} (RES-3) : {Object.entries(v.assiette.soustraitsByCategory).map(([k, n]) => `${num(n)} ${SOUSTRAIT_LABELS[k] ?? k}`).join(", ")}.</p>
        ) : null}
      </div>
    </>
  );
}
