import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/lib/server/access";
import { DWELLING_IMPORT_ROLES, MAX_IMPORT_BYTES, OPTIONAL_IMPORT_FIELDS } from "@/lib/server/dwelling-import";
import { DWELLING_CSV_COLUMNS, EXCLUSION_LABELS, SOUSTRAIT_LABELS } from "@/lib/validation/dwellings";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Importer des logements" };

// Issue 9 §1: the bailleur's staff (ADMIN, AGENT) import their dwellings from a CSV file; the page documents the
// columns, the upload goes to the streaming route handler /api/o/[org]/logements/import.
export default async function ImportDwellingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const back = (
    <Link href={`/o/${caller.org.slug}/logements`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">
      Retour aux logements
    </Link>
  );
  if (caller.org.kind !== "BAILLEUR" || !DWELLING_IMPORT_ROLES.includes(caller.role)) {
    return (
      <>
        <PageHeader title="Importer des logements" actions={back} />
        <EmptyState title={caller.org.kind !== "BAILLEUR" ? "Import réservé aux bailleurs" : "Votre rôle ne permet pas d'importer des logements"}>
          {caller.org.kind !== "BAILLEUR"
            ? "Seul un bailleur importe son patrimoine. Les logements des bailleurs avec lesquels votre organisation a une convention de réservation restent consultables depuis la page Logements."
            : "L'import est ouvert aux administrateurs et aux agents du bailleur. Demandez à un administrateur de votre organisation de le faire, ou de changer votre rôle."}
        </EmptyState>
      </>
    );
  }

  const header = DWELLING_CSV_COLUMNS.map(([name]) => name).join(";");
  return (
    <>
      <PageHeader
        title="Importer des logements"
        subtitle={`Le patrimoine de ${caller.org.name} depuis un fichier CSV : les logements nouveaux sont créés, ceux déjà connus (même identifiant RPLS) sont mis à jour.`}
        actions={back}
      />
      <div className="grid gap-6 xl:grid-cols-5">
        <section aria-labelledby="envoi" className="rounded-lg border border-slate-200 bg-white p-4 xl:col-span-2">
          <h2 id="envoi" className="mb-3 text-base font-semibold">Fichier à importer</h2>
          <ImportForm org={caller.org.slug} maxBytes={MAX_IMPORT_BYTES} />
        </section>

        <section aria-labelledby="format" className="xl:col-span-3">
          <h2 id="format" className="text-base font-semibold">Format du fichier</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
            <li>Un fichier CSV enregistré depuis Excel ou un tableur : encodage UTF-8 (avec ou sans BOM) ou Windows-1252, séparateur « ; » ou « , », 30&nbsp;Mo au plus (environ 150&nbsp;000 logements).</li>
            <li>Une première ligne d&apos;en-tête avec les noms de colonnes ci-dessous, dans n&apos;importe quel ordre (majuscules et accents indifférents) ; les autres colonnes sont ignorées.</li>
            <li>Nombres décimaux avec une virgule (54,30) ; avec le séparateur « , », mettez-les entre guillemets (&quot;54,30&quot;).</li>
            <li>Un logement déjà importé est reconnu par son identifiant RPLS. Un changement de régime lu dans le fichier est enregistré à la date de l&apos;import : l&apos;assiette au 1er janvier suivant en tient compte, celle des années passées ne change pas (RES-1 à RES-3).</li>
            <li>Par défaut, rien n&apos;est importé si une ligne est erronée : le rapport indique chaque ligne à corriger.</li>
          </ul>
          <p className="mt-3 text-sm text-slate-800">Ligne d&apos;en-tête à reprendre :</p>
          <pre tabIndex={0} aria-label="Ligne d&apos;en-tête attendue" className="mt-1 overflow-x-auto rounded-md bg-slate-100 p-2 text-xs text-slate-900 focus:outline-2 focus:outline-brand-700"><code>{header}</code></pre>

          <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="px-3 py-2 text-left font-medium text-slate-900">Colonnes du fichier</caption>
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2">Colonne</th>
                  <th scope="col" className="px-3 py-2">Contenu</th>
                  <th scope="col" className="px-3 py-2">Obligatoire</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {DWELLING_CSV_COLUMNS.map(([name, field, description]) => (
                  <tr key={name}>
                    <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-mono text-xs font-medium text-slate-900">{name}</th>
                    <td className="px-3 py-2 text-slate-800">{description}</td>
                    <td className="px-3 py-2 text-slate-800">{OPTIONAL_IMPORT_FIELDS.has(field) ? "Non" : "Oui"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <div className="mt-4 grid gap-4 text-sm md:grid-cols-2">
            <div>
              <h3 className="font-medium text-slate-900">Motifs d&apos;exclusion (régime EXCLUDED, RES-2)</h3>
              <dl className="mt-1 space-y-1 text-slate-800">
                {Object.entries(EXCLUSION_LABELS).map(([code, label]) => (
                  <div key={code}><dt className="inline font-mono text-xs">{code}</dt> <dd className="inline">: {label}</dd></div>
                ))}
              </dl>
            </div>
            <div>
              <h3 className="font-medium text-slate-900">Catégories de soustraction (régime SOUSTRAIT, RES-3)</h3>
              <dl className="mt-1 space-y-1 text-slate-800">
                {Object.entries(SOUSTRAIT_LABELS).map(([code, label]) => (
                  <div key={code}><dt className="inline font-mono text-xs">{code}</dt> <dd className="inline">: {label}</dd></div>
                ))}
              </dl>
              <p className="mt-1 text-slate-700">Une soustraction vaut pour l&apos;année indiquée (annee_soustraction) et cite son document de référence (CUS, CIA, convention ANRU, arrêté…).</p>
            </div>
          </div>
        </section>
      </div>
    </>
  );
}
