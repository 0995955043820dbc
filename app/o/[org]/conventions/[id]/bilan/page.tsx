import type { Metadata } from "next";
import Link from "next/link";
import { YearNav } from "@/components/reports/year-nav";
import { notFound } from "next/navigation";
import { getCaller } from "@/lib/server/access";
import { annualBilanView } from "@/lib/server/annual-bilan";
import { bilanTables } from "@/lib/server/annual-bilan-tables";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ExportLinks, ReportTableView } from "@/components/ui/report-table";
import { PrintButton } from "@/components/reports/print-button";
import { SendBilanForm, ValidateBilanForm } from "./bilan-forms";

export const metadata: Metadata = { title: "Bilan annuel" };

// The annual bilan of year N-1 (issue 11; RES-22, RES-3, RES-10, RES-13, RES-14, RES-23) of the bailleur of a réservation
// convention on its territory: aggregate counts by réservataire and by characteristic, soustraits, droits uniques,
// objective reached; downloadable as CSV and .xlsx, printable on A4. The bailleur marks it sent (the .xlsx goes to every
// réservataire's convention); each réservataire and the bailleur record the validation meeting. ACC-1: parties only.

const section = "rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0";

export default async function BilanPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ annee?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const wanted = (await searchParams).annee;
  const year = wanted && /^\d{4}$/.test(wanted) ? Number(wanted) : Number(now.slice(0, 4)) - 1;
  const v = await annualBilanView(caller, id, year, now);
  if (!v) notFound();
  const tables = bilanTables(v);
  const base = `/o/${caller.org.slug}/conventions/${v.convention.id}`;
  const mayWrite = caller.role === "ADMIN" || caller.role === "AGENT";
  const pending = v.follow.filter((f) => f.sending === null).length;
  return (
    <>
      <p className="mb-2 text-sm print:hidden"><Link href={base} className="text-brand-700 hover:underline">← {v.convention.title}</Link></p>
      <PageHeader
        title={`Bilan annuel ${v.year}`}
        subtitle={<>Bailleur : {v.bailleur.name} · Territoire : {v.territory} · à adresser à tous les réservataires au plus tard le {formatDate(v.dueOn)} (RES-22)</>}
        actions={<div className="flex flex-wrap gap-2 print:hidden"><ExportLinks base={`/api/o/${caller.org.slug}/conventions/${v.convention.id}/bilan`} query={`annee=${v.year}`} /><PrintButton /></div>}
      />
      <YearNav years={v.years} current={v.year} />
      {v.provisional ? <div className="mb-4"><Alert tone="info">L&apos;année {v.year} n&apos;est pas close : chiffres provisoires, à la date du {formatDate(now)}. Le bilan s&apos;envoie à partir du 1er janvier {v.year + 1}.</Alert></div> : null}
      <p className="mb-4 text-sm text-slate-700">
        Comptes agrégés par réservataire, sans aucune donnée sur les candidats ni les ménages : ce bilan est communiqué {v.reservataires.length > 1 ? `à chacun des ${v.reservataires.length} réservataires` : "au réservataire"} de {v.bailleur.name} sur {v.territory} (ACC-1).
      </p>

      <section aria-labelledby="suivi" className={`${section} mb-6 print:hidden`}>
        <h2 id="suivi" className="text-base font-semibold">Envoi et validation</h2>
        <table className="mt-2 min-w-full text-sm" data-testid="bilan-follow">
          <caption className="sr-only">Envoi du bilan {v.year} et réunion de validation, par réservataire</caption>
          <thead><tr className="text-left text-xs uppercase tracking-wide text-slate-700">
            <th scope="col" className="w-1/4 py-1 pr-3">Réservataire</th><th scope="col" className="w-2/5 py-1 pr-3">Bilan envoyé (RES-22)</th><th scope="col" className="py-1 pr-3">Réunion de validation (RES-23)</th>
          </tr></thead>
          <tbody className="divide-y divide-slate-100">
            {v.follow.map((f) => (
              <tr key={f.conventionId}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">{f.reservataire}</th>
                <td className="py-2 pr-3">
                  {f.sending ? (
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone="green">envoyé le {formatDate(f.sending.on)}</Badge>
                      {f.sending.documentId ? <a className="text-brand-700 hover:underline" href={`/api/o/${caller.org.slug}/documents/${f.sending.documentId}`}>{f.sending.fileName ?? "fichier"}</a> : null}
                    </span>
                  ) : v.provisional ? <Badge tone="grey">année en cours</Badge> : now > v.dueOn ? <Badge tone="red">en retard (dû le {formatDate(v.dueOn)})</Badge> : <Badge tone="blue">à envoyer avant le {formatDate(v.dueOn)}</Badge>}
                </td>
                <td className="py-2 pr-3">
                  {f.meeting ? <>Tenue le {formatDate(f.meeting.on)}{f.meeting.participants ? ` — ${f.meeting.participants}` : ""}</> : f.sending ? <>À tenir en {v.year + 1}</> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {v.myRole === "BAILLEUR" && mayWrite && !v.provisional && pending > 0 ? (
          <>
            <p className="mt-3 text-sm text-slate-700">Marquer le bilan comme envoyé joint le fichier Excel de ce bilan à la convention de chaque réservataire qui ne l&apos;a pas encore reçu, et remplit l&apos;obligation pour chacun.</p>
            <SendBilanForm org={caller.org.slug} conventionId={v.convention.id} year={v.year} today={now} reservataires={pending} />
          </>
        ) : null}
        {mayWrite && v.mine.sending && !v.mine.meeting ? (
          <div className="mt-4 border-t border-slate-200 pt-3">
            <h3 className="text-sm font-semibold">Réunion annuelle de validation avec {v.myRole === "BAILLEUR" ? v.mine.reservataire : v.bailleur.name}</h3>
            <ValidateBilanForm org={caller.org.slug} conventionId={v.convention.id} year={v.year} today={now} />
          </div>
        ) : null}
        {v.mine.meeting?.minutes ? <p className="mt-3 text-sm text-slate-700"><span className="font-medium">Relevé de décisions ({formatDate(v.mine.meeting.on)}) :</span> {v.mine.meeting.minutes}</p> : null}
      </section>

      <div className="space-y-6">
        {tables.map((t) => <ReportTableView key={t.title} table={t} testId={`bilan-${t.title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]+/g, "-")}`} />)}
      </div>
    </>
  );
}
