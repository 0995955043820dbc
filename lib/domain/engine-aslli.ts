import {
  ASLLI_DEFAULTS,
  aslliBilanDueOn,
  aslliCanRenew,
  aslliEnd,
  aslliPlanDueOn,
  aslliStart,
  assertAslliStartInWindow,
  assertNoAslliCumul,
} from "./aslli";
import { addDays, assertIso, assertOrdered, daysBetween, minIso, type IsoDate } from "./dates";
import { DEFAULT_SOON_DAYS } from "./deadline-status";
import { DomainError, unknownValue } from "./errors";
import { sortEvents, type AslliCaseEvent, type AslliPurpose } from "./events";
import { obligation, recurring, type Obligation } from "./obligation";
import { assertEventDates, rejectAfterEnd, rejectDuplicate, requireFact } from "./sequence";

export interface AslliMeasureFacts {
  requestedOn: IsoDate;
  commission: { on: IsoDate; granted: boolean; purpose: AslliPurpose; months: number } | null;
  startOn: IsoDate | null;
  renewals: { on: IsoDate; months: number }[];
  totalMonths: number;
  planSentOn: IsoDate | null;
  meetings: IsoDate[];
  suspensions: { on: IsoDate; endsOn: IsoDate }[];
  suspendedDays: number;
  interruptedOn: IsoDate | null;
  earlyEnd: { on: IsoDate; reason: "EARLY_END" | "CANCELLED" } | null;
  bilans: { on: IsoDate; purpose: "RENEWAL" | "END" }[];
  handoverOn: IsoDate | null;
  /** ASL-1/8: start + all months − 1 day + suspension days. */
  plannedEndOn: IsoDate | null;
  /** The last day of the measure: the interruption or early end if earlier than the planned end. */
  endOn: IsoDate | null;
}

/** ASL-1..14: reads a measure's events, refusing impossible sequences, a cumulation or more than 18 months. */
export function aslliMeasureFacts(events: readonly AslliCaseEvent[], maxMonths: number = ASLLI_DEFAULTS.maxMonths): AslliMeasureFacts {
  assertEventDates(events, "ASL-2");
  const sorted = sortEvents(events);
  const first = sorted[0];
  if (first === undefined) throw new DomainError("ASL-2", "INCOMPLETE", { missing: ["REQUEST"] });
  if (first.type !== "REQUEST") {
    throw new DomainError("ASL-2", "EVENT_BEFORE_PREREQUISITE", { event: first.type, on: first.on, requires: "REQUEST" });
  }
  assertNoAslliCumul(first.measuresInProgress);
  const f: AslliMeasureFacts = {
    requestedOn: first.on,
    commission: null,
    startOn: null,
    renewals: [],
    totalMonths: 0,
    planSentOn: null,
    meetings: [],
    suspensions: [],
    suspendedDays: 0,
    interruptedOn: null,
    earlyEnd: null,
    bilans: [],
    handoverOn: null,
    plannedEndOn: null,
    endOn: null,
  };
  const granted = (e: AslliCaseEvent) => requireFact(e, f.commission?.granted ? f.commission : null, "COMMISSION", "ASL-4");
  for (const e of sorted.slice(1)) {
    const stoppedOn = f.interruptedOn ?? f.earlyEnd?.on ?? (f.commission && !f.commission.granted ? f.commission.on : null);
    if (e.type !== "BILAN_SENT" && e.type !== "HANDOVER") rejectAfterEnd(e, stoppedOn, "ASL-14");
    switch (e.type) {
      case "REQUEST":
        rejectDuplicate(e, f.requestedOn, "ASL-2");
        break;
      case "COMMISSION":
        rejectDuplicate(e, f.commission?.on ?? null, "ASL-4");
        if (e.granted) aslliEnd(aslliStart(e.on), e.months, 0, maxMonths); // ASL-1: checks the duration
        f.commission = { on: e.on, granted: e.granted, purpose: e.purpose, months: e.months };
        f.totalMonths = e.granted ? e.months : 0;
        break;
      case "START": {
        const c = granted(e);
        rejectDuplicate(e, f.startOn, "ASL-4");
        assertAslliStartInWindow(c.on, e.on);
        f.startOn = e.on;
        break;
      }
      case "PLAN_SENT":
        granted(e);
        f.planSentOn = f.planSentOn ?? e.on;
        break;
      case "MEETING":
        granted(e);
        f.meetings.push(e.on);
        break;
      case "SUSPENSION":
        granted(e);
        assertOrdered(e.on, e.endsOn, "ASL-8");
        f.suspensions.push({ on: e.on, endsOn: e.endsOn });
        f.suspendedDays += daysBetween(e.on, e.endsOn, "ASL-8") + 1;
        break;
      case "INTERRUPTION":
        granted(e);
        f.interruptedOn = e.on;
        break;
      case "BILAN_SENT":
        granted(e);
        f.bilans.push({ on: e.on, purpose: e.purpose });
        break;
      case "RENEWAL":
        granted(e);
        if (!aslliCanRenew(f.totalMonths, e.months, maxMonths)) {
          throw new DomainError("ASL-1", "MAX_DURATION_EXCEEDED", { months: f.totalMonths + e.months, max: maxMonths });
        }
        f.renewals.push({ on: e.on, months: e.months });
        f.totalMonths += e.months;
        break;
      case "END":
        granted(e);
        f.earlyEnd = { on: e.on, reason: e.reason };
        break;
      case "HANDOVER":
        granted(e);
        f.handoverOn = f.handoverOn ?? e.on;
        break;
      default:
        unknownValue(e, "type", "ASL-14");
    }
  }
  if (f.commission?.granted) {
    f.startOn = f.startOn ?? aslliStart(f.commission.on);
    f.plannedEndOn = aslliEnd(f.startOn, f.totalMonths, f.suspendedDays, maxMonths);
    const stoppedOn = f.interruptedOn ?? f.earlyEnd?.on ?? null;
    f.endOn = stoppedOn === null ? f.plannedEndOn : minIso(stoppedOn, f.plannedEndOn);
  }
  return f;
}

/**
 * The deadline engine of an ASLLi measure: the signed plan within the month after the start
 * (ASL-5), two meetings in each month of the measure (ASL-6, months wholly suspended excepted,
 * ASL-8), a bilan at the end of each measure period — for renewal or for the end (ASL-10) — and the
 * hand-over at the end (ASL-14).
 */
export function aslliCaseObligations(
  events: readonly AslliCaseEvent[],
  today: IsoDate,
  params: Partial<{ maxMonths: number; meetingsPerMonth: number }> = {},
  soonDays: number = DEFAULT_SOON_DAYS,
): Obligation[] {
  assertIso(today, "ASL-5");
  const f = aslliMeasureFacts(events, params.maxMonths ?? ASLLI_DEFAULTS.maxMonths);
  if (f.commission === null || !f.commission.granted || f.startOn === null || f.endOn === null) return [];
  const { startOn, endOn } = f;
  const cancelled = f.earlyEnd?.reason === "CANCELLED";
  const out: Obligation[] = [];
  out.push(obligation({
    key: "ASL-5:plan",
    rule: "ASL-5",
    messageKey: "aslli.plan",
    opensOn: startOn,
    dueOn: aslliPlanDueOn(startOn),
    doneOn: f.planSentOn,
    responsible: "ASSOCIATION",
  }, today, soonDays));
  if (cancelled) return out.filter((o) => o.doneOn !== null || (o.dueOn !== null && o.dueOn < endOn));

  const suspended = (from: IsoDate, to: IsoDate) => f.suspensions.some((s) => s.on <= from && s.endsOn >= to);
  const meetings = recurring(
    {
      scheme: { unit: "MONTH" },
      from: startOn,
      to: endOn,
      today,
      fulfilments: f.meetings.map((on) => ({ on })),
      required: params.meetingsPerMonth ?? ASLLI_DEFAULTS.meetingsPerMonth,
      rule: "ASL-6",
      build: (p) => ({ key: `ASL-6:meetings:${p.key}`, rule: "ASL-6", messageKey: "aslli.meetings", responsible: "ASSOCIATION" }),
    },
    soonDays,
  );
  out.push(...meetings.filter((m) => m.dueOn === null || !suspended(m.opensOn, m.dueOn)));

  // ASL-10: one bilan per measure period (the initial decision, then each renewal), in order.
  const periodMonths = [f.commission.months, ...f.renewals.map((r) => r.months)];
  let cumulative = 0;
  periodMonths.forEach((months, i) => {
    cumulative += months;
    const last = i === periodMonths.length - 1;
    const periodEnd = last ? endOn : aslliEnd(startOn, cumulative, f.suspendedDays, params.maxMonths);
    const sent = f.bilans[i] ?? null;
    const purpose = !last || (sent?.purpose === "RENEWAL" && f.interruptedOn === null && f.earlyEnd === null) ? "RENEWAL" : "END";
    out.push(
      obligation(
        {
          key: `ASL-10:bilan:${i + 1}`,
          rule: "ASL-10",
          messageKey: purpose === "RENEWAL" ? "aslli.bilanRenewal" : "aslli.bilanEnd",
          opensOn: i === 0 ? startOn : addDays(aslliEnd(startOn, cumulative - months, f.suspendedDays, params.maxMonths), 1, "ASL-10"),
          dueOn: aslliBilanDueOn(periodEnd, purpose),
          doneOn: sent?.on ?? null,
          responsible: "ASSOCIATION",
        },
        today,
        soonDays,
      ),
    );
  });
  out.push(obligation({
    key: "ASL-14:handover",
    rule: "ASL-14",
    messageKey: "aslli.handover",
    opensOn: endOn,
    dueOn: null,
    doneOn: f.handoverOn,
    responsible: "ASSOCIATION",
  }, today, soonDays));
  return out;
}
