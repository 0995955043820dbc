import { displayCell, type ReportTable } from "@/lib/export/table";

/** A report's table on the page (and on paper): caption, right-aligned numbers, French formats. */
export function ReportTableView({ table, testId }: { table: ReportTable; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-300 bg-white print:overflow-visible print:border-0" data-testid={testId}>
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left font-semibold text-slate-900">{table.title}</caption>
        <thead className="bg-slate-100 text-left text-slate-800">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-medium ${c.kind && c.kind !== "text" && c.kind !== "date" ? "text-right" : ""}`}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-200">
              {table.columns.map((c, j) => {
                const Tag = j === 0 ? "th" : "td";
                return (
                  <Tag key={c.key} {...(j === 0 ? { scope: "row" } : {})} className={`px-3 py-1.5 ${j === 0 ? "text-left font-normal" : ""} ${c.kind && c.kind !== "text" && c.kind !== "date" ? "text-right tabular-nums" : ""}`}>
                    {displayCell(row[c.key], c.kind)}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note ? <p className="px-3 py-2 text-xs text-slate-700">{table.note}</p> : null}
    </div>
  );
}

/** The three ways out of a report page: CSV, Excel, print (A4). `base` is the export route without its query. */
export function ExportLinks({ base, query }: { base: string; query: string }) {
  const q = query ? `&${query}` : "";
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <a className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" href={`${base}?format=csv${q}`} download>Télécharger en CSV</a>
      <a className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100" href={`${base}?format=xlsx${q}`} download>Télécharger en Excel (.xlsx)</a>
    </div>
  );
}
