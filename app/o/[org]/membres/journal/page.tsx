import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { auditView, cleanFilters, ENTITY_LABELS, getCaller, requireRole } from "@/lib/server/access";
import { formatDateTime } from "@/lib/format";
import { PageHeader } from "@/components/ui/page-header";
import { ExportLinks } from "@/components/ui/report-table";

export const metadata: Metadata = { title: "Journal d'audit" };

const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
const td = "px-2 py-1.5 align-top";
const input = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm";

// Issue 14 §3: who did what, when, on the organisation's data — for its ADMINs; filters by person, entity, action and
// date; keyset pagination; CSV/Excel export of the filtered rows; every view is itself audited (lib/server/audit-view.ts).
export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { org } = await params;
  const q = await searchParams;
  const caller = await getCaller(org);
  requireRole(caller, ["ADMIN"]);
  const f = cleanFilters(q);
  const view = await auditView(caller, f, q.avant);
  if (!view) notFound();
  const base = `/o/${caller.org.slug}`;
  const query = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === "string")).toString();
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`${base}/membres`} className="text-brand-700 hover:underline">← Membres</Link></p>
      <PageHeader
        title="Journal d'audit"
        subtitle={<>Les actions des membres de {caller.org.name} et celles de toute personne sur ses ménages, leurs dossiers et ses conventions. Chaque consultation de ce journal y est elle-même inscrite.</>}
        actions={<ExportLinks base={`/api/o/${caller.org.slug}/membres/journal`} query={query} />}
      />
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filtres du journal">
        <div className="lg:col-span-2">
          <label htmlFor="personne" className="text-xs font-medium text-slate-700">Personne</label>
          <select id="personne" name="personne" defaultValue={f.personne ?? ""} className={input}>
            <option value="">Toutes</option>
            {view.persons.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.organisations})</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="entite" className="text-xs font-medium text-slate-700">Objet</label>
          <select id="entite" name="entite" defaultValue={f.entite ?? ""} className={input}>
            <option value="">Tous</option>
            {Object.entries(ENTITY_LABELS).sort((a, b) => a[1].localeCompare(b[1], "fr")).map(([k, label]) => <option key={k} value={k}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="text-xs font-medium text-slate-700">Action (début du code)</label>
          <input id="action" name="action" defaultValue={f.action ?? ""} placeholder="case., convention." aria-describedby="action-aide" className={input} />
          <p id="action-aide" className="sr-only">Par exemple case. pour les dossiers ou convention. pour les conventions.</p>
        </div>
        <div>
          <label htmlFor="du" className="text-xs font-medium text-slate-700">Du</label>
          <input id="du" name="du" type="date" defaultValue={f.du ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="au" className="text-xs font-medium text-slate-700">Au</label>
          <input id="au" name="au" type="date" defaultValue={f.au ?? ""} className={input} />
        </div>
        {f.objet ? <input type="hidden" name="objet" value={f.objet} /> : null}
        <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">Filtrer</button>
          <Link href={`${base}/membres/journal`} className="rounded-md border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100">Effacer les filtres</Link>
          {f.objet ? <span className="text-sm text-slate-700">Un seul objet : {f.objet}</span> : null}
        </div>
      </form>
      {view.rows.length === 0 ? <p className="text-sm text-slate-700">Aucun événement ne répond à ces filtres.</p> : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
            <caption className="sr-only">Événements du journal d&apos;audit, les plus récents d&apos;abord</caption>
            <thead className="bg-slate-50"><tr>
              <th scope="col" className={th}>Date et heure</th><th scope="col" className={th}>Personne</th><th scope="col" className={th}>Pour</th>
              <th scope="col" className={th}>Action</th><th scope="col" className={th}>Objet</th><th scope="col" className={th}>Champs</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {view.rows.map((r) => (
                <tr key={r.id}>
                  <td className={`${td} whitespace-nowrap`}>{formatDateTime(r.at)}</td>
                  <td className={td}>{r.personId ? <Link href={`?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), personne: r.personId })}`} className="hover:underline">{r.person}</Link> : r.person}</td>
                  <td className={td}>{r.organisation}</td>
                  <td className={`${td} font-mono text-xs`}>{r.action}</td>
                  <td className={td}>
                    {r.entityLabel}
                    {r.entityName ? <> : {r.href ? <Link href={r.href} className="text-brand-700 hover:underline">{r.entityName}</Link> : r.entityName}</> : null}
                    {r.entityId ? <> <Link href={`?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), entite: r.entityType, objet: r.entityId })}`} className="text-xs text-slate-700 underline">(son historique)</Link></> : null}
                  </td>
                  <td className={`${td} text-xs text-slate-700`}>{r.fields.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pagination du journal" className="mt-3 flex gap-2 text-sm">
        {q.avant ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={`?${query}`}>Les plus récents</Link> : null}
        {view.next ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={`?${query}${query ? "&" : ""}avant=${view.next}`} rel="next">Plus anciens</Link> : null}
      </nav>
    </>
  );
}
