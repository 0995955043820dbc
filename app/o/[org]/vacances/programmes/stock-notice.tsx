/** RES-21, RES-13: stated on every programme page — the first lettings are in stock, outside the flux count. */
export function StockNotice() {
  return (
    <p className="mb-4 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900" data-testid="stock-notice">
      Les premières mises en location d&apos;un programme neuf (ou d&apos;une acquisition) se font <strong>en stock</strong>, sur les droits de
      réservation initiaux, après concertation organisée par le bailleur : elles sont <strong>hors du décompte du flux</strong> et ne
      consomment <strong>aucun droit unique</strong> <span className="font-mono text-xs">(RES-21, RES-13)</span>.
    </p>
  );
}
