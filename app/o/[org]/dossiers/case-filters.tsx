import Link from "next/link";
import type { CaseListOptions } from "@/lib/server/case-list";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";

export type CaseFilterValues = { convention?: string; type?: string; statut?: string; referent?: string; retard?: boolean };

const field = "mt-1 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";

/** The list's filters: a plain GET form (works without JavaScript; the URL can be bookmarked). */
export function CaseFilters({ options, values, active }: { options: CaseListOptions; values: CaseFilterValues; active: boolean }) {
  const kinds = [...new Set(options.conventions.map((c) => c.kind))];
  const byOrg = new Map<string, { name: string; persons: CaseListOptions["referents"] }>();
  for (const p of options.referents) {
    const g = byOrg.get(p.organisationId) ?? { name: p.organisationName, persons: [] };
    g.persons.push(p);
    byOrg.set(p.organisationId, g);
  }
  return (
    <form className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filtrer les dossiers">
      <div>
        <label htmlFor="convention" className="block text-sm font-medium">Convention</label>
        <select id="convention" name="convention" defaultValue={values.convention ?? ""} className={`${field} max-w-72`}>
          <option value="">Toutes les conventions</option>
          {options.conventions.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="type" className="block text-sm font-medium">Type</label>
        <select id="type" name="type" defaultValue={values.type ?? ""} className={field}>
          <option value="">Tous les types</option>
          {kinds.map((k) => <option key={k} value={k}>{CONVENTION_KIND_LABEL[k]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="statut" className="block text-sm font-medium">Statut</label>
        <select id="statut" name="statut" defaultValue={values.statut ?? ""} className={field}>
          <option value="">En cours et clos</option>
          <option value="en-cours">En cours</option>
          <option value="clos">Clos</option>
        </select>
      </div>
      <div>
        <label htmlFor="referent" className="block text-sm font-medium">Référent</label>
        <select id="referent" name="referent" defaultValue={values.referent ?? ""} className={`${field} max-w-64`}>
          <option value="">Tous les référents</option>
          {[...byOrg.entries()].map(([id, g]) => (
            <optgroup key={id} label={g.name}>
              {g.persons.map((p) => <option key={p.personId} value={p.personId}>{p.firstName} {p.lastName}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 py-2">
        <input id="retard" name="retard" type="checkbox" value="1" defaultChecked={values.retard} className="h-4 w-4 rounded border-slate-400" />
        <label htmlFor="retard" className="text-sm font-medium">En retard uniquement</label>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Filtrer</button>
      {active ? <Link href="?" className="py-2 text-sm text-brand-700 underline">Effacer les filtres</Link> : null}
    </form>
  );
}
