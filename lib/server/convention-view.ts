import "server-only";
import { conventionEndInForce, type IsoDate } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { ConventionStatus } from "@/lib/labels";
import type { RenewalKind } from "@/lib/generated/prisma/enums";

// Facts are stored, states are derived (ARCHITECTURE): end in force and status from the dates and today.
type ConventionFacts = {
  startOn: Date; initialMonths: number; renewalKind: RenewalKind;
  renewalPeriodMonths: number | null; renewalMaxTotalMonths: number | null;
  denouncedOn: Date | null; terminatedOn: Date | null;
};

export function renewalRule(c: ConventionFacts) {
  return c.renewalKind === "TACIT"
    ? { kind: "TACIT" as const, periodMonths: c.renewalPeriodMonths ?? 12, ...(c.renewalMaxTotalMonths ? { maxTotalMonths: c.renewalMaxTotalMonths } : {}) }
    : { kind: "NONE" as const };
}

/** GEN-1/2/4: the end in force at `today`, and the status a user reads. */
export function conventionState(c: ConventionFacts, today: IsoDate): { endOn: IsoDate; status: ConventionStatus } {
  const startOn = isoOf(c.startOn);
  const terminatedOn = c.terminatedOn ? isoOf(c.terminatedOn) : undefined;
  const denouncedOn = c.denouncedOn ? isoOf(c.denouncedOn) : undefined;
  const at = today < startOn ? startOn : today;
  const endOn = conventionEndInForce({ startOn, initialMonths: c.initialMonths, renewal: renewalRule(c), denouncedOn, terminatedOn }, at);
  let status: ConventionStatus;
  if (terminatedOn && terminatedOn <= today) status = "RESILIEE";
  else if (today < startOn) status = "A_VENIR";
  else if (today > endOn) status = "ECHUE";
  else if (denouncedOn) status = "DENONCEE";
  else status = "EN_VIGUEUR";
  return { endOn, status };
}

