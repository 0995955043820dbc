import Link from "next/link";

/** The years of a yearly page (flux, bilan) as links, the current one marked; `?annee=` keeps the rest of the URL out. */
export function YearNav({ years, current }: { years: readonly number[]; current: number }) {
  return (
    <nav aria-label="Année" className="mb-4 flex flex-wrap gap-2 print:hidden">
      {years.map((y) => (
        <Link key={y} href={`?annee=${y}`} aria-current={y === current ? "page" : undefined}
          className={`rounded-md border px-3 py-1.5 text-sm tabular-nums ${y === current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
          {y}
        </Link>
      ))}
    </nav>
  );
}
