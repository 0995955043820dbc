// Tailwind classes shared by the pages' own tables (not the ReportTableView of the reports).

/** A white card around a section of a page. */
export const section = "rounded-lg border border-slate-200 bg-white p-4";

/** A compact table inside a section card (droits, flux): numbers right-aligned, a caption above. */
export const inCard = {
  th: "py-1 pr-3",
  thNum: "py-1 pr-3 text-right",
  td: "py-2 pr-3",
  tdNum: "py-2 pr-3 text-right tabular-nums",
  caption: "mb-2 text-left text-sm text-slate-700",
  headRow: "text-left text-xs uppercase tracking-wide text-slate-700",
} as const;

/** A table of its own (a vacancy's, a programme's steps): padded cells, upper-case headers. */
export const padded = {
  th: "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700",
  td: "px-3 py-2",
} as const;
