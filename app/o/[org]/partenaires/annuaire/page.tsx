import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, searchOrganisations } from "@/lib/server/access";
import { ZDirectoryQuery, ORG_KINDS } from "@/lib/validation/organisations";
import { ORG_KIND_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { RegisterOrganisationForm } from "./register-form";

export const metadata: Metadata = { title: "Annuaire des organisations" };

export default async function DirectoryPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZDirectoryQuery.parse(await searchParams);
  const { rows, total, page, pageSize } = await searchOrganisations(caller, { q: query.q, kind: query.type, page: query.page });
  const keep = { q: query.q, type: query.type };
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/partenaires`} className="text-brand-700 hover:underline">← Partenaires</Link></p>
      <PageHeader title="Annuaire des organisations" subtitle="Toutes les organisations inscrites sur la plateforme : nom, type, commune et SIRET." />
      <div className="grid gap-6 xl:grid-cols-3">
        <section aria-labelledby="recherche" className="xl:col-span-2">
          <h2 id="recherche" className="sr-only">Rechercher</h2>
          <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Rechercher une organisation">
            <div>
              <label htmlFor="q" className="block text-sm font-medium">Nom, commune ou SIRET</label>
              <input id="q" name="q" defaultValue={query.q} className="mt-1 w-72 rounded-md border border-slate-400 px-3 py-2 text-sm" />
            </div>
            <div>
              <label htmlFor="type" className="block text-sm font-medium">Type</label>
              <select id="type" name="type" defaultValue={query.type ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
                <option value="">Tous les types</option>
                {ORG_KINDS.map((k) => <option key={k} value={k}>{ORG_KIND_LABEL[k]}</option>)}
              </select>
            </div>
            <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Rechercher</button>
          </form>
          {rows.length === 0 ? <EmptyState title="Aucune organisation ne correspond à cette recherche" /> : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Organisations trouvées : {total}</caption>
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-700">
                  <tr><th scope="col" className="px-3 py-2">Organisation</th><th scope="col" className="px-3 py-2">Type</th><th scope="col" className="px-3 py-2">Commune</th><th scope="col" className="px-3 py-2">SIRET</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((o) => (
                    <tr key={o.id}>
                      <td className="px-3 py-2 font-medium">{o.name}</td>
                      <td className="px-3 py-2">{ORG_KIND_LABEL[o.kind]}</td>
                      <td className="px-3 py-2">{[o.postcode, o.commune].filter(Boolean).join(" ") || "—"}</td>
                      <td className="px-3 py-2 font-mono text-xs">{o.siret ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} pageSize={pageSize} total={total} params={keep} />
        </section>
        {caller.role === "ADMIN" ? (
          <section aria-labelledby="inscrire" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="inscrire" className="mb-1 text-base font-semibold">Inscrire une organisation partenaire</h2>
            <p className="mb-3 text-sm text-slate-700">Si elle n&apos;est pas dans l&apos;annuaire. Son administrateur reçoit un lien à usage unique.</p>
            <RegisterOrganisationForm org={caller.org.slug} />
          </section>
        ) : null}
      </div>
    </>
  );
}
