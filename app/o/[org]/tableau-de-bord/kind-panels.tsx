import Link from "next/link";
import { formatDate, formatPercent } from "@/lib/format";
import type { KindPanels, Listed, VacancyLine } from "@/lib/server/dashboard-kinds";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { Countdown } from "../vacances/outcome-badge";

const box = "rounded-lg border border-slate-200 bg-white p-4";
const h2 = "text-base font-semibold";

function Panel({ id, title, rule, children }: { id: string; title: string; rule?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={box} data-testid={`panel-${id}`}>
      <h2 id={id} className={h2}>{title} {rule ? <span className="font-mono text-xs font-normal text-slate-500">{rule}</span> : null}</h2>
      {children}
    </section>
  );
}

function VacancyList({ list, base, today, empty, show }: { list: Listed<VacancyLine>; base: string; today: string; empty: string; show: "due" | "on" }) {
  if (list.total === 0) return <p className="mt-2 text-sm text-slate-700">{empty}</p>;
  return (
    <>
      <p className="mt-1 text-sm text-slate-700"><span className="text-2xl font-semibold tabular-nums text-slate-900">{list.total}</span> {list.total > list.rows.length ? `(les ${list.rows.length} premières)` : ""}</p>
      <ul className="mt-2 divide-y divide-slate-100 text-sm">
        {list.rows.map((v) => (
          <li key={v.vacancyId} className="flex items-center justify-between gap-2 py-1.5">
            <span className="min-w-0">
              <Link href={`${base}/vacances/${v.vacancyId}`} className="font-medium text-brand-700 hover:underline">{v.label}</Link>
              {v.party ? <span className="block truncate text-xs text-slate-600">{v.party}</span> : null}
            </span>
            <span className="shrink-0 whitespace-nowrap text-right text-xs">
              {show === "due" && v.dueOn ? <>{formatDate(v.dueOn)} <Countdown dueOn={v.dueOn} today={today} /></> : v.designated ? "candidats désignés" : formatDate(v.on)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The panels of the organisation's kind (issue 12). */
export function KindPanelsView({ panels, base, today }: { panels: KindPanels; base: string; today: string }) {
  switch (panels.kind) {
    case "COMMUNE":
      return (
        <>
          <Panel id="designations" title="Désignations à faire sous 7 jours" rule="RES-18">
            <VacancyList list={panels.designationsDue} base={base} today={today} show="due" empty="Aucune désignation attendue dans les 7 jours." />
          </Panel>
          <Panel id="caduques" title="Vacances caduques ce mois-ci" rule="RES-13">
            <p className="mt-1 text-xs text-slate-600">Sans candidat à 30 jours : décomptées comme équivalents et rendues au bailleur.</p>
            <VacancyList list={panels.lapsedThisMonth} base={base} today={today} show="on" empty="Aucune vacance caduque ce mois-ci." />
          </Panel>
          <Panel id="flux" title="Flux et droits uniques" rule="RES-10 · RES-14">
            {panels.reservations.length === 0 ? <p className="mt-2 text-sm text-slate-700">Aucune convention de réservation signée.</p> : (
              <ul className="mt-2 space-y-3 text-sm">
                {panels.reservations.map((r) => (
                  <li key={r.conventionId} data-testid="reservation-line">
                    <p className="font-medium">{r.bailleur ?? r.title}</p>
                    <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-0.5 text-slate-800">
                      <dt>Décomptés en {r.year}</dt><dd className="text-right tabular-nums font-semibold">{r.counted}</dd>
                      <dt className="pl-3 text-slate-600">dont baux signés</dt><dd className="text-right tabular-nums">{r.leases}</dd>
                      <dt className="pl-3 text-slate-600">dont équivalents</dt><dd className="text-right tabular-nums">{r.equivalents}</dd>
                      <dt>Part convenue {r.year}</dt><dd className="text-right tabular-nums">{r.share === null ? "non fixée" : formatPercent(r.share)}</dd>
                      <dt>Objectif {r.year}</dt><dd className="text-right tabular-nums" data-testid="flux-objective">{r.objective === null ? "—" : r.objective}</dd>
                      <dt>Avancement</dt><dd className="text-right tabular-nums font-semibold" data-testid="flux-progress">{r.progress === null ? "—" : formatPercent(r.progress)}</dd>
                      <dt>Droits uniques au 1er janvier</dt><dd className="text-right tabular-nums">{r.droits ? r.droits.jan1 : "—"}</dd>
                      <dt>Droits uniques à ce jour</dt><dd className="text-right tabular-nums font-semibold" data-testid="droits-now">{r.droits ? r.droits.now : "—"}</dd>
                    </dl>
                    {r.droits?.provisional ? <p className="mt-1 text-xs text-amber-800">Stock provisoire : la conversion n&apos;est pas enregistrée.</p> : null}
                    <p className="mt-1 flex gap-3 text-xs">
                      <Link href={`${base}/conventions/${r.conventionId}/flux`} className="text-brand-700 hover:underline">Flux de l&apos;année</Link>
                      <Link href={`${base}/conventions/${r.conventionId}/droits`} className="text-brand-700 hover:underline">Droits uniques</Link>
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {panels.moreReservations > 0 ? <p className="mt-2 text-xs text-slate-600"><Link href={`${base}/conventions?kind=RESERVATION_FLUX`} className="text-brand-700 hover:underline">Autres conventions de réservation</Link></p> : null}
          </Panel>
        </>
      );
    case "ASSOCIATION":
      return (
        <Panel id="file-active" title="File active" rule="REL-9 · AVD-13">
          <p className="mt-1 text-xs text-slate-600">Ménages suivis aujourd&apos;hui (accompagnement commencé, dossier ouvert), face aux objectifs des conventions.</p>
          {panels.activeFile.length === 0 ? <p className="mt-2 text-sm text-slate-700">Aucune convention d&apos;accompagnement signée.</p> : (
            <table className="mt-2 w-full text-sm">
              <caption className="sr-only">File active par convention</caption>
              <thead><tr className="text-left text-xs uppercase tracking-wide text-slate-700"><th scope="col" className="py-1">Convention</th><th scope="col" className="py-1 pl-3 text-right">Suivis</th><th scope="col" className="py-1 pl-3 text-right">Objectif</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {panels.activeFile.map((c) => (
                  <tr key={c.conventionId} data-testid="active-file-line">
                    <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                      <Link href={`${base}/conventions/${c.conventionId}`} className="text-brand-700 hover:underline">{c.title}</Link>
                      <span className="block text-xs text-slate-600">{CONVENTION_KIND_LABEL[c.kind as keyof typeof CONVENTION_KIND_LABEL]}{c.waiting ? ` · ${c.waiting} en attente de démarrage` : ""}</span>
                    </th>
                    <td className="py-1.5 text-right font-semibold tabular-nums">{c.active}</td>
                    <td className="py-1.5 text-right tabular-nums">{c.objective === null ? "—" : <span title={c.objectiveLabel ?? undefined}>{c.objective}<span className="sr-only"> {c.objectiveLabel}</span></span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      );
    case "BAILLEUR":
      return (
        <>
          <Panel id="vacances-ouvertes" title="Vacances ouvertes" rule="RES-18">
            <VacancyList list={panels.openVacancies} base={base} today={today} show="due" empty="Aucune vacance ouverte." />
          </Panel>
          <Panel id="caleol" title="Décisions de CALEOL à enregistrer" rule="RES-20">
            <VacancyList list={panels.caleolToRecord} base={base} today={today} show="on" empty="Aucune décision en attente." />
          </Panel>
        </>
      );
    case "DEPARTEMENT":
      return (
        <Panel id="demandes-aslli" title="Demandes ASLLi en attente de la commission" rule="ASL-2">
          {panels.aslliRequests.total === 0 ? <p className="mt-2 text-sm text-slate-700">Aucune demande en attente.</p> : (
            <>
              <p className="mt-1 text-2xl font-semibold tabular-nums">{panels.aslliRequests.total}</p>
              <ul className="mt-2 divide-y divide-slate-100 text-sm">
                {panels.aslliRequests.rows.map((r) => (
                  <li key={r.caseId} className="flex justify-between gap-2 py-1.5">
                    <Link href={`${base}/dossiers/${r.caseId}`} className="font-medium text-brand-700 hover:underline">{r.householdName}</Link>
                    <span className="whitespace-nowrap text-xs text-slate-700">demande du {formatDate(r.requestedOn)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Panel>
      );
    case "OTHER":
      return null;
  }
}
