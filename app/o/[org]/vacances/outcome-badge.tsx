import type { VacancyOutcome } from "@/lib/domain";
import { OUTCOME_LABELS } from "@/lib/validation/vacancies";
import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<VacancyOutcome, Tone> = { PENDING: "blue", LEASE_SIGNED: "green", NO_CANDIDATE_30D: "amber", REFUSED_AFTER_CALEOL: "amber", NONE_RETAINED: "grey", WITHDRAWN: "grey" };

export function OutcomeBadge({ outcome }: { outcome: VacancyOutcome }) {
  return <Badge tone={TONE[outcome]}>{OUTCOME_LABELS[outcome]}</Badge>;
}

/** RES-18: « J-12 » before the designation due date, « J+3 » (red) once overdue. */
export function Countdown({ dueOn, today }: { dueOn: string; today: string }) {
  const days = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const label = days >= 0 ? `J-${days}` : `J+${-days}`;
  const text = days >= 0 ? `${days} jour${days > 1 ? "s" : ""} restant${days > 1 ? "s" : ""}` : `en retard de ${-days} jour${-days > 1 ? "s" : ""}`;
  return <span className={`font-mono tabular-nums ${days < 0 ? "font-semibold text-red-700" : days <= 7 ? "text-amber-800" : ""}`}><span aria-hidden="true">{label}</span><span className="sr-only">{text}</span></span>;
}
