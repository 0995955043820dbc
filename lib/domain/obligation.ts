import type { ResponsibleRole } from "./conventions";
import { fromDays, toDays, type IsoDate } from "./dates";
import { deadlineStatus, DEFAULT_SOON_DAYS, type DeadlineStatus } from "./deadline-status";
import type { RuleId } from "./errors";
import type { ObligationMessageKey } from "./messages";
import { assertPeriodKey, periodAtDay, type Period, type PeriodScheme } from "./periods";

/**
 * One thing someone must (or may) do by a date: a row of ARCHITECTURE.md's `Obligation` read
 * model. `key` is stable and unique within its owner (case, vacancy, programme or convention), so
 * the database can upsert by (owner, key) and delete the keys no longer returned.
 */
export interface Obligation {
  /** Stable id within the owner, e.g. `REL-7:visit:2025-W19`. */
  key: string;
  /** The DOMAIN.md rule that creates it. */
  rule: RuleId;
  /** Key of its French label in `OBLIGATION_LABELS`. */
  messageKey: ObligationMessageKey;
  /** From when it can be done. */
  opensOn: IsoDate;
  /** Due date (inclusive); null when the convention sets no fixed date — then never late (GEN-5). */
  dueOn: IsoDate | null;
  /** When the fulfilling event happened; null while open. */
  doneOn: IsoDate | null;
  /** Role of the party that must act (the database maps it to that party's organisation). */
  responsible: ResponsibleRole;
  /** Period key of a recurring obligation (`2025-W07`, `2025-03`, `2025-Q1`, `2025-S1`, `2025`, `Y1`…); null for a one-off. */
  period: string | null;
  /** An option ("may"), not a duty: no due date, never overdue; it disappears once `closesOn` has passed undone. */
  optional: boolean;
  /** Last day an option can be used; null when open-ended or not an option. */
  closesOn: IsoDate | null;
  /** Expected amount of a payment obligation, in cents; null otherwise or when unknown. */
  amountCents: number | null;
  /** Derived from the dates and `today`; the database derives the same in SQL and never stores it. */
  deadlineStatus: DeadlineStatus;
}

export type ObligationDraft = Omit<Obligation, "deadlineStatus" | "optional" | "closesOn" | "amountCents" | "doneOn" | "period"> &
  Partial<Pick<Obligation, "optional" | "closesOn" | "amountCents" | "doneOn" | "period">>;

/** Status of any obligation: without a due date it is done or upcoming, never late (GEN-5). */
export function obligationStatus(
  o: { dueOn: IsoDate | null; doneOn: IsoDate | null },
  today: IsoDate,
  soonDays: number = DEFAULT_SOON_DAYS,
): DeadlineStatus {
  if (o.dueOn === null) return o.doneOn === null ? "upcoming" : "done";
  return deadlineStatus({ dueOn: o.dueOn, doneOn: o.doneOn }, today, soonDays);
}

// The last day still "due soon" for (today, soonDays): computed once, then each status is two
// string comparisons (valid ISO dates order as strings). A one-entry memo of a pure function.
let memo = { today: "", soonDays: -1, limit: "" };
function soonLimit(today: IsoDate, soonDays: number): IsoDate {
  if (memo.today !== today || memo.soonDays !== soonDays) {
    deadlineStatus({ dueOn: today }, today, soonDays); // GEN-6: validates today and soonDays
    memo = { today, soonDays, limit: fromDays(toDays(today, "GEN-6") + soonDays) };
  }
  return memo.limit;
}

/** Same result as `deadlineStatus` for dates the engines computed (already valid). */
function fastStatus(dueOn: IsoDate | null, doneOn: IsoDate | null, today: IsoDate, soonDays: number): DeadlineStatus {
  const limit = soonLimit(today, soonDays);
  if (doneOn !== null) return "done";
  if (dueOn === null) return "upcoming";
  if (today > dueOn) return "overdue";
  return dueOn <= limit ? "due-soon" : "upcoming";
}

export function obligation(d: ObligationDraft, today: IsoDate, soonDays: number): Obligation {
  const doneOn = d.doneOn ?? null;
  return {
    key: d.key,
    rule: d.rule,
    messageKey: d.messageKey,
    opensOn: d.opensOn,
    dueOn: d.dueOn,
    doneOn,
    responsible: d.responsible,
    period: d.period ?? null,
    optional: d.optional ?? false,
    closesOn: d.closesOn ?? null,
    amountCents: d.amountCents ?? null,
    deadlineStatus: fastStatus(d.dueOn, doneOn, today, soonDays),
  };
}

/** An option (REL-5, GEN-4, AVD-3, AVD-11): omitted once it has lapsed undone. */
export function option(draft: Omit<ObligationDraft, "dueOn" | "optional">, today: IsoDate, soonDays: number): Obligation[] {
  const closesOn = draft.closesOn ?? null;
  if (closesOn !== null && today > closesOn && (draft.doneOn ?? null) === null) return [];
  return [obligation({ ...draft, dueOn: null, optional: true, closesOn }, today, soonDays)];
}

export interface RecurringSpec {
  scheme: PeriodScheme;
  /** First and last day of activity (inclusive); `to` null when open-ended. */
  from: IsoDate;
  to: IsoDate | null;
  today: IsoDate;
  /** The events that fulfil the obligation (their `period`, else the period containing `on`). */
  fulfilments: readonly { on: IsoDate; period?: string }[];
  /** How many events a period needs (ASL-6: 2 meetings a month). */
  required?: number;
  rule: RuleId;
  build: (p: Period) => Omit<ObligationDraft, "opensOn" | "dueOn" | "doneOn" | "period">;
  /** Due date of a period other than its (clipped) last day (null: no fixed date, GEN-5). */
  dueOf?: (p: Period, lastDay: IsoDate) => IsoDate | null;
}

/**
 * One item per period, from the period containing `from` to the one containing `today`, plus the
 * next one (what is coming), never past `to`. Opens on the later of the period's start and `from`,
 * due on the earlier of its end and `to`. A period's item is done when enough of its events exist.
 */
export function recurring(spec: RecurringSpec, soonDays: number): Obligation[] {
  const required = spec.required ?? 1;
  const byKey = new Map<string, IsoDate[]>();
  for (const f of spec.fulfilments) {
    if (f.period !== undefined) assertPeriodKey(spec.scheme, f.period, spec.rule);
    const key = f.period ?? periodAtDay(spec.scheme, toDays(f.on, spec.rule), spec.rule).key;
    const dates = byKey.get(key);
    if (dates) dates.push(f.on);
    else byKey.set(key, [f.on]);
  }
  const out: Obligation[] = [];
  const from = toDays(spec.from, spec.rule);
  const to = spec.to === null ? Infinity : toDays(spec.to, spec.rule);
  const today = toDays(spec.today, spec.rule);
  if (to < from) return out;
  for (let p = periodAtDay(spec.scheme, from, spec.rule); p.start <= to; p = periodAtDay(spec.scheme, p.end + 1, spec.rule)) {
    const period: Period = { key: p.key, startOn: fromDays(p.start), endOn: fromDays(p.end) };
    const opensOn = p.start >= from ? period.startOn : spec.from;
    const lastDay = p.end <= to ? period.endOn : (spec.to as IsoDate);
    const dates = byKey.get(p.key);
    const doneOn = dates !== undefined && dates.length >= required ? dates.sort()[required - 1] : null;
    const dueOn = spec.dueOf ? spec.dueOf(period, lastDay) : lastDay;
    const b = spec.build(period);
    out.push(
      obligation(
        { key: b.key, rule: b.rule, messageKey: b.messageKey, opensOn, dueOn, doneOn, responsible: b.responsible, period: p.key, amountCents: b.amountCents ?? null },
        spec.today,
        soonDays,
      ),
    );
    if (p.start > today) break; // the next period after today is the last one shown
  }
  return out;
}
