"use client";

/** Prints the report page on A4 (the app's header and the report's controls are hidden by the print styles). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 print:hidden">
      Imprimer (A4)
    </button>
  );
}
