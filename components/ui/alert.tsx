/** A message region announced to screen readers (not role="alert": Next already has one on the page). */
export function Alert({ tone = "error", children, id }: { tone?: "error" | "success" | "info"; children: React.ReactNode; id?: string }) {
  const cls = tone === "error" ? "border-red-700 bg-red-50 text-red-900" : tone === "success" ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-brand-600 bg-brand-50 text-brand-800";
  return (
    <div id={id} role="status" aria-live="polite" className={`rounded-md border-l-4 px-4 py-3 text-sm ${cls}`} data-testid={`alert-${tone}`}>
      {children}
    </div>
  );
}
