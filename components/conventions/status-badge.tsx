import { Badge, type Tone } from "@/components/ui/badge";
import { CONVENTION_STATUS_LABEL, type ConventionStatus } from "@/lib/labels";

const TONE: Record<ConventionStatus, Tone> = { PROJET: "amber", REFUSEE: "red", A_VENIR: "blue", EN_VIGUEUR: "green", DENONCEE: "amber", ECHUE: "grey", RESILIEE: "red" };

export function ConventionStatusBadge({ status }: { status: ConventionStatus }) {
  return <Badge tone={TONE[status]}>{CONVENTION_STATUS_LABEL[status]}</Badge>;
}
