"use client";

/** The printable A4 page is the page itself (print styles in app/globals.css). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 print:hidden">
      Imprimer (A4)
    </button>
  );
}
