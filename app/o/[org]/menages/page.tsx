import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCaller } from "@/lib/server/access";
import { searchHouseholds, type HouseholdListRow } from "@/lib/server/households";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Ménages" };

const ZQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";

function composition(r: HouseholdListRow): string {
  const persons = r.persons === 1 ? "1 personne" : `${r.persons} personnes`;
  if (r.children === 0) return persons;
  return `${persons} dont ${r.children === 1 ? "1 enfant" : `${r.children} enfants`}`;
}

export default async function HouseholdsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZQuery.parse(await searchParams);
  const { rows, total, page, pageSize } = await searchHouseholds(caller, { q: query.q, page: query.page });
  const base = `/o/${caller.org.slug}`;
  const mayCreate = caller.role === "ADMIN" || caller.role === "AGENT";
  return (
    <>
      <PageHeader
        title="Ménages"
        subtitle={`Les ménages enregistrés par ${caller.org.name} et ceux des dossiers de ses conventions.`}
        actions={mayCreate ? <Link href={`${base}/menages/nouveau`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Nouveau ménage</Link> : null}
      />
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Rechercher un ménage">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Nom ou numéro unique (NUR)</label>
          <p id="q-aide" className="text-xs text-slate-600">Les accents et les majuscules sont ignorés.</p>
          <input id="q" name="q" type="search" defaultValue={query.q} aria-describedby="q-aide" className="mt-1 w-72 rounded-md border border-slate-400 px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Rechercher</button>
        {query.q ? <Link href="?" className="py-2 text-sm text-brand-700 underline">Effacer la recherche</Link> : null}
      </form>
      {rows.length === 0 ? (
        query.q ? <EmptyState title={`Aucun ménage ne correspond à « ${query.q} »`}>Vérifiez l&apos;orthographe du nom, ou cherchez par numéro unique.</EmptyState>
        : <EmptyState title="Aucun ménage pour le moment">{mayCreate ? "Enregistrez un ménage pour l'orienter ou suivre son dossier." : "Les ménages enregistrés par votre organisation, ou suivis dans les dossiers de ses conventions, apparaîtront ici."}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Ménages{query.q ? ` correspondant à « ${query.q} »` : ""}, {total} au total, par ordre alphabétique</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Ménage</th>
                <th scope="col" className={th}>Composition</th>
                <th scope="col" className={th}>NUR</th>
                <th scope="col" className={th}>Commune</th>
                <th scope="col" className={`${th} text-right`}>Dossiers</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2">
                    <Link href={`${base}/menages/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.lastName !== undefined ? <><span className="uppercase">{r.lastName}</span> {r.firstName}</> : `Ménage ${r.nur ?? ""}`.trim()}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{composition(r)}</td>
                  <td className="px-3 py-2 whitespace-nowrap font-mono">{r.nur ?? "—"}</td>
                  <td className="px-3 py-2">{r.commune ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.cases}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} params={{ q: query.q }} />
    </>
  );
}
