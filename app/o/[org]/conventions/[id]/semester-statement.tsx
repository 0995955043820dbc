import Link from "next/link";
import type { AslliStatus, AslliTableRow } from "@/lib/domain";
import { formatCents, formatDate } from "@/lib/format";

const STATUS: Record<AslliStatus, string> = {
  A_VENIR: "À venir", EN_COURS: "En cours", SUSPENDUE: "Suspendue", INTERROMPUE: "Interrompue", ARRETEE: "Arrêtée", ANNULEE: "Annulée", TERMINEE: "Terminée",
};
const th = "px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
const td = "px-2 py-1.5 whitespace-nowrap";

/** ASL-11 annex 1c: one row per measure active in the semester (household number, no name); ASL-11b months due. */
export function SemesterStatement({ table, periods, base }: {
  table: { period: string; dueOn: string; rows: AslliTableRow[]; monthsDue: number; amountDueCents: number | null; unitPriceCents: number | null };
  periods: string[]; base: string;
}) {
  return (
    <section aria-labelledby="semestre" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="semestre" className="text-base font-semibold">Tableau semestriel des mesures <span className="font-mono text-xs text-slate-500">ASL-11, ASL-11b</span></h2>
        <nav aria-label="Semestre" className="flex gap-1 text-sm">
          {periods.map((p) => (
            <Link key={p} href={`${base}?semestre=${p}#semestre`} aria-current={p === table.period ? "page" : undefined}
              className={`rounded border px-2 py-0.5 ${p === table.period ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 hover:bg-slate-50"}`}>
              {p.replace("-S", " – semestre ")}
            </Link>
          ))}
        </nav>
      </div>
      <p className="mb-2 text-sm text-slate-700">À transmettre au Service Logement au plus tard le {formatDate(table.dueOn)}. Calculé à partir des mesures enregistrées ; le ménage n&apos;y figure que par son numéro.</p>
      {table.rows.length === 0 ? <p className="text-sm text-slate-600">Aucune mesure active ce semestre.</p> : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="semester-table">
            <caption className="sr-only">Mesures actives au semestre {table.period}</caption>
            <thead className="bg-slate-50"><tr>
              <th scope="col" className={th}>N° ménage</th><th scope="col" className={th}>Objet</th><th scope="col" className={th}>Commission</th>
              <th scope="col" className={th}>Début</th><th scope="col" className={th}>Fin prévue</th><th scope="col" className={th}>Renouv.</th>
              <th scope="col" className={th}>Jours de suspension</th><th scope="col" className={th}>Interruption</th><th scope="col" className={th}>Fin</th>
              <th scope="col" className={th}>Mois dus</th><th scope="col" className={th}>Statut</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {table.rows.map((r) => (
                <tr key={r.householdNumber}>
                  <th scope="row" className={`${td} text-left font-mono font-normal`}>{r.householdNumber}</th>
                  <td className={td}>{r.purpose === "ACCESS" ? "Accès" : "Maintien"}</td>
                  <td className={td}>{formatDate(r.commissionOn)}</td>
                  <td className={td}>{formatDate(r.startOn)}</td>
                  <td className={td}>{formatDate(r.plannedEndOn)}</td>
                  <td className={td}>{r.renewals}</td>
                  <td className={td}>{r.suspensionDays}</td>
                  <td className={td}>{r.interruptedOn ? formatDate(r.interruptedOn) : "—"}</td>
                  <td className={td}>{r.endOn ? formatDate(r.endOn) : "—"}</td>
                  <td className={td}>{r.monthsDue}</td>
                  <td className={td}>{STATUS[r.status]}</td>
                </tr>
              ))}
            </tbody>
            <tfoot><tr className="font-semibold">
              <th scope="row" colSpan={9} className={`${td} text-right`}>Total du semestre</th>
              <td className={td} data-testid="semester-months">{table.monthsDue}</td><td className={td} />
            </tr></tfoot>
          </table>
        </div>
      )}
      <p className="mt-2 text-sm">
        Montant dû au titre du semestre :{" "}
        {table.amountDueCents !== null ? <strong data-testid="semester-amount">{table.monthsDue} mois × {formatCents(table.unitPriceCents!)} = {formatCents(table.amountDueCents)}</strong> : "prix du mois-mesure non renseigné dans la convention"}
      </p>
    </section>
  );
}
