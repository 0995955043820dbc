import Link from "next/link";

/** A sortable column header: a link that keeps the other query parameters (works without JavaScript). */
export function SortHeader({ label, field, sort, dir, params }: { label: string; field: string; sort: string; dir: "asc" | "desc"; params: Record<string, string | undefined> }) {
  const active = sort === field;
  const nextDir = active && dir === "asc" ? "desc" : "asc";
  const qs = new URLSearchParams(Object.entries({ ...params, tri: field, ordre: nextDir, page: undefined }).filter(([, v]) => v) as [string, string][]);
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
      <Link href={`?${qs}`} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}
