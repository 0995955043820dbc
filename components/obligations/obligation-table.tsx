import { obligationLabel, obligationStatus, type IsoDate, type ObligationMessageKey } from "@/lib/domain";
import { formatCents, formatDate, isoOf } from "@/lib/format";
import { ObligationStatusBadge } from "./obligation-status";
import { RuleBadge } from "./rule-badge";

export type ObligationRow = {
  id: string; key: string; rule: string; messageKey: string; periodKey: string | null; opensOn: Date; dueOn: Date | null; doneOn: Date | null; closesOn: Date | null;
  optional: boolean; amountCents: number | null; responsibleOrganisationId: string | null; responsibleRole: string;
};

/** Who acts when no party of the convention holds the role (AVD-11: the bailleur, outside the FNAVDL convention). */
const ROLE_WHO: Record<string, string> = { BAILLEUR: "Le bailleur", ETAT: "L'État", DEPARTEMENT: "Le Département", COMMUNE: "La Ville", ASSOCIATION: "L'association", RESERVATAIRE: "Le réservataire" };

/** Obligations with their status derived from the dates and today (never stored), soonest first. */
export function ObligationTable({ rows, today, orgNames, caption, renderAction }: {
  rows: ObligationRow[]; today: IsoDate; orgNames: Record<string, string>; caption: string;
  /** What the caller may do on a row (« marquer comme fait »…), rendered in a last column. */
  renderAction?: (o: ObligationRow) => React.ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Obligation</th>
            <th scope="col" className="px-3 py-2">Période</th>
            <th scope="col" className="px-3 py-2">À partir du</th>
            <th scope="col" className="px-3 py-2">Échéance</th>
            <th scope="col" className="px-3 py-2">Qui</th>
            <th scope="col" className="px-3 py-2">Statut</th>
            {renderAction ? <th scope="col" className="px-3 py-2"><span className="sr-only">Action</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((o) => {
            const status = obligationStatus({ dueOn: o.dueOn ? isoOf(o.dueOn) : null, doneOn: o.doneOn ? isoOf(o.doneOn) : null }, today);
            return (
              <tr key={o.id} data-rule={o.rule} data-status={status} className={status === "overdue" ? "bg-red-50" : status === "due-soon" ? "bg-amber-50" : undefined}>
                <td className="px-3 py-2">
                  {obligationLabel(o.messageKey as ObligationMessageKey)}
                  {o.amountCents !== null ? <span className="text-slate-700"> — {formatCents(o.amountCents)}</span> : null}
                  <span className="ml-2"><RuleBadge rule={o.rule} id={`regle-${o.id}`} /></span>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{o.periodKey ?? "—"}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDate(o.opensOn)}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {o.dueOn ? formatDate(o.dueOn) : o.closesOn ? `jusqu'au ${formatDate(o.closesOn)}` : "sans date fixe"}
                  {o.doneOn ? <span className="block text-xs text-slate-600">fait le {formatDate(o.doneOn)}</span> : null}
                </td>
                <td className="px-3 py-2">{o.responsibleOrganisationId ? orgNames[o.responsibleOrganisationId] ?? "—" : ROLE_WHO[o.responsibleRole] ?? "Les parties"}</td>
                <td className="px-3 py-2"><ObligationStatusBadge status={status} optional={o.optional} /></td>
                {renderAction ? <td className="px-3 py-2 align-top">{renderAction(o)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
