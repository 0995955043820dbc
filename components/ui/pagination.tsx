import Link from "next/link";

export function Pagination({ page, pageSize, total, params }: { page: number; pageSize: number; total: number; params: Record<string, string | undefined> }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => `?${new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter(([, v]) => v) as [string, string][])}`;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-700">
      <p>{total === 0 ? "Aucun résultat" : `${from} à ${to} sur ${total}`}</p>
      {pages > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={href(page - 1)}>Précédente</Link> : null}
          <span aria-current="page" className="px-2 py-1">Page {page} / {pages}</span>
          {page < pages ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={href(page + 1)}>Suivante</Link> : null}
        </div>
      ) : null}
    </nav>
  );
}
