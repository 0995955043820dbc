import Link from "next/link";

// The period picker of a report page (issue 14): the convention's named periods as links, and free dates in a GET form.

export type PickerPeriod = { key: string; label: string; from: string; to: string };

export function PeriodPicker({ periods, current, param = "periode", custom, dates }: {
  periods: readonly PickerPeriod[];
  /** The key of the period shown ("dates" for free dates). */
  current: string;
  param?: string;
  /** Offer free dates (du, au) besides the named periods. */
  custom?: boolean;
  dates?: { from: string; to: string };
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-4 print:hidden">
      <nav aria-label="Période du rapport" className="flex flex-wrap gap-2">
        {periods.map((p) => (
          <Link key={p.key} href={`?${param}=${encodeURIComponent(p.key)}`} aria-current={p.key === current ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm ${p.key === current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
            {p.label}
          </Link>
        ))}
      </nav>
      {custom ? (
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Dates choisies">
          <div>
            <label htmlFor="du" className="block text-xs font-medium text-slate-700">Du</label>
            <input id="du" name="du" type="date" required defaultValue={current === "dates" ? dates?.from : undefined} className="rounded-md border border-slate-400 px-2 py-1" />
          </div>
          <div>
            <label htmlFor="au" className="block text-xs font-medium text-slate-700">Au</label>
            <input id="au" name="au" type="date" required defaultValue={current === "dates" ? dates?.to : undefined} className="rounded-md border border-slate-400 px-2 py-1" />
          </div>
          <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100">Afficher</button>
        </form>
      ) : null}
    </div>
  );
}
