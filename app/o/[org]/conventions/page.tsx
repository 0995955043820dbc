import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCaller, listConventions, listPartners, listPendingConfirmations } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { CONVENTION_KIND_LABEL, CONVENTION_STATUS_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { SortHeader } from "@/components/ui/sort-header";
import { Pagination } from "@/components/ui/pagination";
import { ConventionStatusBadge } from "@/components/conventions/status-badge";

export const metadata: Metadata = { title: "Conventions" };

const ZQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z.enum(["RELAIS", "RESERVATION_FLUX", "FNAVDL", "ASLLI", "CADRE"]).optional().catch(undefined),
  partenaire: z.string().max(40).optional().catch(undefined),
  statut: z.enum(["A_CONFIRMER", "PROJET", "REFUSEE", "A_VENIR", "EN_VIGUEUR", "DENONCEE", "ECHUE", "RESILIEE"]).optional().catch(undefined),
  tri: z.enum(["title", "kind", "startOn", "signedOn"]).optional().catch(undefined),
  ordre: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export default async function ConventionsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZQuery.parse(await searchParams);
  const sort = query.tri ?? "startOn";
  const dir = query.ordre ?? (sort === "title" || sort === "kind" ? "asc" : "desc");
  const now = today();
  const [{ rows, total, page, pageSize }, partners, pending] = await Promise.all([
    listConventions(caller, { q: query.q || undefined, kind: query.type, partner: query.partenaire, status: query.statut, sort, dir, page: query.page }, now),
    listPartners(caller),
    listPendingConfirmations(caller),
  ]);
  const keep = { q: query.q, type: query.type, partenaire: query.partenaire, statut: query.statut, tri: query.tri, ordre: query.ordre };
  const filtered = Boolean(query.q || query.type || query.partenaire || query.statut);
  return (
    <>
      <PageHeader
        title="Conventions"
        subtitle={`Les conventions dont ${caller.org.name} est partie.`}
        actions={caller.role === "ADMIN" ? <Link href={`/o/${caller.org.slug}/conventions/nouvelle`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Nouvelle convention</Link> : null}
      />
      {pending.length ? (
        <section aria-labelledby="a-confirmer" className="mb-6 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <h2 id="a-confirmer" className="font-semibold text-amber-950">Conventions en attente de votre confirmation ({pending.length})</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {pending.map((p) => (
              <li key={p.id}>
                <Link href={`/o/${caller.org.slug}/conventions/${p.id}`} className="font-medium text-brand-700 underline">{p.title}</Link>
                <span className="text-amber-950"> — {CONVENTION_KIND_LABEL[p.kind]}, proposée le {formatDate(p.createdAt)} par {p.parties.filter((x) => x.confirmedAt).map((x) => x.organisation.name).join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filtrer les conventions">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Rechercher</label>
          <input id="q" name="q" defaultValue={query.q} placeholder="Titre ou partenaire" className="mt-1 w-64 rounded-md border border-slate-400 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="type" className="block text-sm font-medium">Type</label>
          <select id="type" name="type" defaultValue={query.type ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
            <option value="">Tous les types</option>
            {Object.entries(CONVENTION_KIND_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="partenaire" className="block text-sm font-medium">Partenaire</label>
          <select id="partenaire" name="partenaire" defaultValue={query.partenaire ?? ""} className="mt-1 max-w-64 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
            <option value="">Tous les partenaires</option>
            {partners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="statut" className="block text-sm font-medium">Statut</label>
          <select id="statut" name="statut" defaultValue={query.statut ?? ""} className="mt-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
            <option value="">Tous les statuts</option>
            <option value="A_CONFIRMER">À confirmer par nous</option>
            {Object.entries(CONVENTION_STATUS_LABEL).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Filtrer</button>
        {filtered ? <Link href="?" className="py-2 text-sm text-brand-700 underline">Effacer les filtres</Link> : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState title={!filtered ? "Aucune convention pour le moment" : "Aucune convention ne correspond à ces filtres"} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Conventions de {caller.org.name}, {total} au total</caption>
            <thead className="bg-slate-50">
              <tr>
                <SortHeader label="Convention" field="title" sort={sort} dir={dir} params={keep} />
                <SortHeader label="Type" field="kind" sort={sort} dir={dir} params={keep} />
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">Partenaires</th>
                <SortHeader label="Signée le" field="signedOn" sort={sort} dir={dir} params={keep} />
                <SortHeader label="Début" field="startOn" sort={sort} dir={dir} params={keep} />
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">Fin en vigueur</th>
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">Statut</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => {
                const partners = c.parties.filter((p) => p.organisation.id !== caller.org.id);
                return (
                  <tr key={c.id} className="hover:bg-slate-50">
                    <td className="px-3 py-2">
                      <Link href={`/o/${caller.org.slug}/conventions/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.title}</Link>
                      {c.isDemo ? <span className="ml-2 text-xs text-slate-600">(démo)</span> : null}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{CONVENTION_KIND_LABEL[c.kind]}</td>
                    <td className="px-3 py-2">{partners.map((p) => p.organisation.name).join(", ")}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDate(c.signedOn)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDate(c.startOn)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDate(c.endOn)}</td>
                    <td className="px-3 py-2"><ConventionStatusBadge status={c.status} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} params={keep} />
    </>
  );
}
