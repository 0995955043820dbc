import { Badge, type Tone } from "@/components/ui/badge";
import type { DeadlineStatus } from "@/lib/domain";

const LABEL: Record<DeadlineStatus, string> = { done: "Fait", upcoming: "À venir", "due-soon": "Échéance proche", overdue: "En retard" };
const TONE: Record<DeadlineStatus, Tone> = { done: "green", upcoming: "grey", "due-soon": "amber", overdue: "red" };

export function ObligationStatusBadge({ status, optional }: { status: DeadlineStatus; optional?: boolean }) {
  if (optional && status !== "done") return <Badge tone="blue">Possible</Badge>;
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
