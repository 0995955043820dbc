import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCaller, listSharedCases } from "@/lib/server/access";
import { caseListOptions, listCases, type CaseListRow } from "@/lib/server/case-list";
import { today } from "@/lib/server/clock";
import { obligationLabel, obligationStatus, type IsoDate } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ObligationStatusBadge } from "@/components/obligations/obligation-status";
import { CaseFilters } from "./case-filters";

export const metadata: Metadata = { title: "Dossiers" };

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const ZQuery = z.object({
  convention: id.optional().catch(undefined),
  type: z.enum(["RELAIS", "RESERVATION_FLUX", "FNAVDL", "ASLLI", "CADRE"]).optional().catch(undefined),
  statut: z.enum(["en-cours", "clos"]).optional().catch(undefined),
  referent: id.optional().catch(undefined),
  retard: z.literal("1").optional().catch(undefined),
  apres: z.string().max(200).optional().catch(undefined),
});

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";

export default async function CasesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const raw = await searchParams;
  const query = ZQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const now = today();
  const filters = {
    convention: query.convention,
    kind: query.type,
    status: query.statut === "clos" ? ("CLOSED" as const) : query.statut === "en-cours" ? ("OPEN" as const) : undefined,
    referent: query.referent,
    overdue: query.retard === "1",
  };
  const [page, options, shared] = await Promise.all([listCases(caller, { ...filters, after: query.apres }, now), caseListOptions(caller), query.apres ? Promise.resolve([]) : listSharedCases(caller)]);
  const keep = { convention: query.convention, type: query.type, statut: query.statut, referent: query.referent, retard: query.retard };
  const href = (extra: Record<string, string | undefined>) =>
    `?${new URLSearchParams(Object.entries({ ...keep, ...extra }).filter((e): e is [string, string] => Boolean(e[1])))}`;
  const filtered = Object.values(keep).some(Boolean);
  const base = `/o/${caller.org.slug}/dossiers`;

  return (
    <>
      <PageHeader
        title="Dossiers"
        subtitle={`Les ménages suivis dans les conventions dont ${caller.org.name} est partie, de la prochaine échéance la plus proche à la plus lointaine.`}
        actions={caller.role !== "READER" ? <Link href={`${base}/nouveau`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Nouveau dossier</Link> : null}
      />
      <CaseFilters options={options} values={{ ...keep, retard: filters.overdue }} active={filtered} />
      {page.rows.length === 0 ? (
        query.apres ? (
          <EmptyState title="Aucun autre dossier après ceux déjà affichés">
            <Link href={href({})} className="text-brand-700 underline">Revenir au début de la liste</Link>
          </EmptyState>
        ) : filtered ? (
          <EmptyState title="Aucun dossier ne correspond à ces filtres">Modifiez ou effacez les filtres pour voir d&apos;autres dossiers.</EmptyState>
        ) : (
          <EmptyState title="Aucun dossier pour le moment">
            Les dossiers des ménages orientés et accompagnés dans le cadre de vos conventions apparaîtront ici, avec leurs prochaines échéances.
          </EmptyState>
        )
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">
              Dossiers de {caller.org.name}{filtered ? " (filtrés)" : ""}, triés par prochaine échéance, la plus proche en premier ; {page.pageSize} par page.
            </caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>Ménage</th>
                <th scope="col" className={th}>Convention</th>
                <th scope="col" className={th}>Prochaine échéance</th>
                <th scope="col" className={th}>Référents</th>
                <th scope="col" className={th}>Dossier</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((r) => <CaseRow key={r.id} row={r} base={base} today={now} />)}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pagination" className="mt-3 flex items-center justify-between gap-2 text-sm text-slate-700">
        <p>{page.rows.length ? `${page.rows.length} dossier${page.rows.length > 1 ? "s" : ""} sur cette page` : ""}</p>
        <div className="flex gap-2">
          {query.apres ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={href({})}>Première page</Link> : null}
          {page.hasMore && page.nextCursor ? (
            <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={href({ apres: page.nextCursor })} rel="next">Page suivante</Link>
          ) : null}
        </div>
      </nav>
      {shared.length ? (
        <section aria-labelledby="transmis" className="mt-6">
          <h2 id="transmis" className="mb-2 text-base font-semibold">Dossiers transmis à votre organisation</h2>
          <p className="mb-2 text-sm text-slate-700">Diagnostics FNAVDL qu&apos;une autre association vous a adressés comme opérateur de l&apos;accompagnement (AVD-7).</p>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {shared.map((c) => <li key={c.id} className="px-3 py-2"><Link href={`${base}/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link> <span className="text-slate-600">— {c.conventionTitle}</span></li>)}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function CaseRow({ row: r, base, today: now }: { row: CaseListRow; base: string; today: IsoDate }) {
  const status = r.nextDueOn ? obligationStatus({ dueOn: r.nextDueOn, doneOn: null }, now) : null;
  return (
    <tr className="align-top hover:bg-slate-50">
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <Link href={`${base}/${r.id}`} className="font-medium text-brand-700 hover:underline">
          {r.householdLastName.toLocaleUpperCase("fr-FR")} {r.householdFirstName}
        </Link>
      </th>
      <td className="px-3 py-2">
        <span className="block">{r.conventionTitle}</span>
        <span className="text-xs text-slate-600">{CONVENTION_KIND_LABEL[r.conventionKind]}</span>
      </td>
      <td className="px-3 py-2">
        {r.nextDueOn && status ? (
          <div className="flex flex-col items-start gap-1">
            <span className="flex flex-wrap items-center gap-2">
              <span className="whitespace-nowrap">{formatDate(r.nextDueOn)}</span>
              <ObligationStatusBadge status={status} />
            </span>
            {r.nextMessageKey ? <span className="text-xs text-slate-600">{obligationLabel(r.nextMessageKey)}</span> : null}
          </div>
        ) : (
          <span className="text-slate-600">Aucune échéance ouverte</span>
        )}
      </td>
      <td className="px-3 py-2">
        {r.referents.length ? (
          <ul className="space-y-0.5">
            {r.referents.map((p) => (
              <li key={p.organisationId}>
                {p.firstName} {p.lastName} <span className="text-xs text-slate-600">({p.organisationName})</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-600">Aucun référent désigné</span>
        )}
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{r.closedOn ? `Clos le ${formatDate(r.closedOn)}` : "En cours"}</td>
    </tr>
  );
}
