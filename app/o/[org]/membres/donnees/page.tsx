import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, memberReadLog, organisationSettings, requireRole } from "@/lib/server/access";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { RetentionForm } from "./retention-form";

export const metadata: Metadata = { title: "Protection des données" };

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";

export default async function DataProtectionPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ avant?: string }> }) {
  const { org } = await params;
  const { avant } = await searchParams;
  const caller = await getCaller(org);
  requireRole(caller, ["ADMIN"]);
  const [settings, log] = await Promise.all([
    organisationSettings(caller),
    memberReadLog(caller, avant),
  ]);
  const base = `/o/${caller.org.slug}`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`${base}/membres`} className="text-brand-700 hover:underline">← Membres</Link></p>
      <PageHeader title="Protection des données" subtitle={`Conservation des données des ménages de ${caller.org.name} et consultations du détail social par vos membres.`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="conservation" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="conservation" className="mb-2 text-base font-semibold">Durée de conservation</h2>
          <p className="mb-3 text-sm text-slate-700">
            Passé ce délai après le dernier contact d&apos;un ménage dont tous les dossiers sont clos, son identité, son numéro unique,
            les écrits et les documents de ses dossiers sont effacés chaque nuit ; restent un pseudonyme et les dates, pour les bilans des années passées.
          </p>
          <RetentionForm org={caller.org.slug} months={settings.retentionMonths} />
        </section>
        <section aria-labelledby="consultations" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="consultations" className="mb-2 text-base font-semibold">Consultations du détail social par vos membres</h2>
          <p className="mb-3 text-sm text-slate-700">Chaque affichage du détail social d&apos;un dossier, par une personne de votre organisation. Conservées 12 mois.</p>
          {log && log.rows.length ? (
            <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="member-reads">
              <caption className="sr-only">Consultations du détail social par les membres de {caller.org.name}, les plus récentes d&apos;abord</caption>
              <thead><tr><th scope="col" className={th}>Date et heure</th><th scope="col" className={th}>Personne</th><th scope="col" className={th}>Ménage</th><th scope="col" className={th}>Dossier</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {log.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(r.at)}</td>
                    <td className="px-3 py-1.5">{r.person}</td>
                    <td className="px-3 py-1.5">{r.household ?? "—"}</td>
                    <td className="px-3 py-1.5">{r.caseId ? <Link href={`${base}/dossiers/${r.caseId}`} className="text-brand-700 hover:underline">{r.caseLabel}</Link> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="text-sm text-slate-700">Aucune consultation enregistrée.</p>}
          <nav aria-label="Pagination des consultations" className="mt-2 flex gap-2 text-sm">
            {avant ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={`${base}/membres/donnees`}>Les plus récentes</Link> : null}
            {log?.next ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={`${base}/membres/donnees?avant=${log.next}`} rel="next">Plus anciennes</Link> : null}
          </nav>
        </section>
      </div>
    </>
  );
}
