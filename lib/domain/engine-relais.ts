import { assertIso, type IsoDate } from "./dates";
import { DEFAULT_SOON_DAYS } from "./deadline-status";
import { DomainError, unknownValue } from "./errors";
import { sortEvents, type RelaisCaseEvent } from "./events";
import { obligation, option, recurring, type Obligation } from "./obligation";
import {
  RELAIS_DEFAULTS,
  relaisDiagnosticWindow,
  relaisFallbackOn,
  relaisSupportEnd,
  type RelaisOutcome,
} from "./relais";
import { assertEventDates, rejectAfterEnd, rejectDuplicate, requirePrior } from "./sequence";

/** Parameters of the relais convention a case follows (seed 000 values by default). */
export interface RelaisCaseParams {
  diagnosticOpensAfterDays: number;
  diagnosticWithinMonths: number;
  fallbackMonths: number;
  supportMonths: number;
  intermediateBilanMonths: number;
}

/** The facts of a relais case, read once from its events (also what REL-9 counts). */
export interface RelaisCaseFacts {
  referredOn: IsoDate;
  diagnosticOn: IsoDate | null;
  decision: { on: IsoDate; entry: boolean } | null;
  dwellingProposedOn: IsoDate | null;
  entryOn: IsoDate | null;
  contractSentOn: IsoDate | null;
  visits: IsoDate[];
  intermediateBilans: { on: IsoDate; period?: string }[];
  renewals: IsoDate[];
  finalBilans: IsoDate[];
  end: { on: IsoDate; outcome: RelaisOutcome } | null;
}

/** REL-1..8: reads a case's events, refusing impossible sequences (a visit before entry or after the end…). */
export function relaisCaseFacts(events: readonly RelaisCaseEvent[]): RelaisCaseFacts {
  assertEventDates(events, "REL-1");
  const sorted = sortEvents(events);
  const first = sorted[0];
  if (first === undefined) throw new DomainError("REL-1", "INCOMPLETE", { missing: ["REFERRAL"] });
  if (first.type !== "REFERRAL") {
    throw new DomainError("REL-1", "EVENT_BEFORE_PREREQUISITE", { event: first.type, on: first.on, requires: "REFERRAL" });
  }
  const f: RelaisCaseFacts = {
    referredOn: first.on,
    diagnosticOn: null,
    decision: null,
    dwellingProposedOn: null,
    entryOn: null,
    contractSentOn: null,
    visits: [],
    intermediateBilans: [],
    renewals: [],
    finalBilans: [],
    end: null,
  };
  for (const e of sorted.slice(1)) {
    // A "no" decision or the end closes the case; only the final bilan may still be sent.
    const closedOn = f.end?.on ?? (f.decision && !f.decision.entry ? f.decision.on : null);
    if (e.type !== "FINAL_BILAN_SENT") rejectAfterEnd(e, closedOn, "REL-8");
    switch (e.type) {
      case "REFERRAL":
        rejectDuplicate(e, f.referredOn, "REL-1");
        break;
      case "DIAGNOSTIC":
        rejectDuplicate(e, f.diagnosticOn, "REL-2");
        f.diagnosticOn = e.on;
        break;
      case "DECISION":
        requirePrior(e, f.diagnosticOn, "DIAGNOSTIC", "REL-4");
        rejectDuplicate(e, f.decision?.on ?? null, "REL-4");
        f.decision = { on: e.on, entry: e.entry };
        break;
      case "DWELLING_PROPOSED":
        requirePrior(e, f.decision?.entry ? f.decision.on : null, "DECISION", "REL-5");
        f.dwellingProposedOn = f.dwellingProposedOn ?? e.on;
        break;
      case "ENTRY":
        requirePrior(e, f.decision?.entry ? f.decision.on : null, "DECISION", "REL-6");
        rejectDuplicate(e, f.entryOn, "REL-6");
        f.entryOn = e.on;
        break;
      case "CONTRACT_SENT":
        requirePrior(e, f.entryOn, "ENTRY", "REL-6");
        f.contractSentOn = f.contractSentOn ?? e.on;
        break;
      case "VISIT":
        requirePrior(e, f.entryOn, "ENTRY", "REL-7");
        f.visits.push(e.on);
        break;
      case "INTERMEDIATE_BILAN_SENT":
        requirePrior(e, f.entryOn, "ENTRY", "REL-7");
        f.intermediateBilans.push(e.period === undefined ? { on: e.on } : { on: e.on, period: e.period });
        break;
      case "RENEWAL":
        requirePrior(e, f.entryOn, "ENTRY", "REL-6");
        f.renewals.push(e.on);
        break;
      case "FINAL_BILAN_SENT":
        requirePrior(e, f.entryOn, "ENTRY", "REL-8");
        f.finalBilans.push(e.on);
        break;
      case "END":
        f.end = { on: e.on, outcome: e.outcome };
        break;
      default:
        unknownValue(e, "type", "REL-8");
    }
  }
  return f;
}

/**
 * The deadline engine of a relais case: the diagnostic window (REL-2), the joint decision (REL-4),
 * the Ville's fallback option (REL-5), the contract (REL-6), weekly visits and intermediate bilans
 * (REL-7, one item per period) and the final bilan at the support's end (REL-6/8).
 */
export function relaisCaseObligations(
  events: readonly RelaisCaseEvent[],
  today: IsoDate,
  params: Partial<RelaisCaseParams> = {},
  soonDays: number = DEFAULT_SOON_DAYS,
): Obligation[] {
  assertIso(today, "REL-2");
  const p: RelaisCaseParams = { ...RELAIS_DEFAULTS, ...params };
  const f = relaisCaseFacts(events);
  const closedOn = f.end?.on ?? (f.decision && !f.decision.entry ? f.decision.on : null);
  const out: Obligation[] = [];
  // Once the case is closed, what was still open and not yet due is moot; past misses stay.
  // The final bilan stays: it may be sent after the end (REL-8).
  const finish = () =>
    closedOn === null
      ? out
      : out.filter((o) => o.doneOn !== null || o.key === "REL-8:final-bilan" || (o.dueOn !== null && o.dueOn < closedOn));

  const window = relaisDiagnosticWindow(f.referredOn, p.diagnosticOpensAfterDays, p.diagnosticWithinMonths);
  out.push(obligation({
    key: "REL-2:diagnostic",
    rule: "REL-2",
    messageKey: "relais.diagnostic",
    ...window,
    doneOn: f.diagnosticOn,
    responsible: "ASSOCIATION",
  }, today, soonDays));
  if (f.diagnosticOn === null) return finish();

  out.push(obligation({
    key: "REL-4:decision",
    rule: "REL-4",
    messageKey: "relais.decision",
    opensOn: f.diagnosticOn,
    dueOn: null,
    doneOn: f.decision?.on ?? null,
    responsible: "PARTIES",
  }, today, soonDays));
  if (!f.decision?.entry) return finish();

  // REL-5: an option for the Ville, relevant while the household waits for a dwelling.
  const fallbackOn = relaisFallbackOn(f.diagnosticOn, p.fallbackMonths);
  if (f.dwellingProposedOn !== null || f.entryOn === null) {
    out.push(...option({
      key: "REL-5:fallback",
      rule: "REL-5",
      messageKey: "relais.fallbackOption",
      opensOn: fallbackOn,
      doneOn: f.dwellingProposedOn,
      responsible: "COMMUNE",
    }, today, soonDays));
  }
  if (f.entryOn === null) return finish();
  const entryOn = f.entryOn;

  out.push(obligation({
    key: "REL-6:contract",
    rule: "REL-6",
    messageKey: "relais.contract",
    opensOn: entryOn,
    dueOn: null,
    doneOn: f.contractSentOn,
    responsible: "ASSOCIATION",
  }, today, soonDays));
  const supportEnd = relaisSupportEnd(entryOn, f.renewals.length, p.supportMonths);
  const lastDay = f.end !== null && f.end.on < supportEnd ? f.end.on : supportEnd;

  out.push(
    ...recurring(
      {
        scheme: { unit: "WEEK" },
        from: entryOn,
        to: lastDay,
        today,
        fulfilments: f.visits.map((on) => ({ on })),
        rule: "REL-7",
        build: (period) => ({
          key: `REL-7:visit:${period.key}`,
          rule: "REL-7",
          messageKey: "relais.weeklyVisit",
          responsible: "ASSOCIATION",
        }),
      },
      soonDays,
    ),
  );
  // REL-7: intermediate bilans every N months from entry; the last interval is the final bilan's.
  const bilans = recurring(
    {
      scheme: { unit: "ANCHORED", anchor: entryOn, months: p.intermediateBilanMonths, prefix: "B" },
      from: entryOn,
      to: lastDay,
      today,
      fulfilments: f.intermediateBilans,
      rule: "REL-7",
      build: (period) => ({
        key: `REL-7:intermediate-bilan:${period.key}`,
        rule: "REL-7",
        messageKey: "relais.intermediateBilan",
        responsible: "ASSOCIATION",
      }),
    },
    soonDays,
  );
  out.push(...bilans.filter((b) => b.dueOn !== null && b.dueOn < lastDay));

  const lastRenewal = f.renewals.length > 0 ? f.renewals[f.renewals.length - 1] : null;
  const finalBilanOn = f.finalBilans.find((on) => lastRenewal === null || on >= lastRenewal) ?? null;
  out.push(obligation({
    key: "REL-8:final-bilan",
    rule: "REL-8",
    messageKey: "relais.finalBilan",
    opensOn: entryOn,
    dueOn: lastDay,
    doneOn: finalBilanOn,
    responsible: "ASSOCIATION",
  }, today, soonDays));
  return finish();
}
