import { assertIso, maxIso, type IsoDate } from "./dates";
import { DEFAULT_SOON_DAYS } from "./deadline-status";
import { DomainError, unknownValue } from "./errors";
import { sortEvents, type NewProgrammeEvent, type VacancyEvent } from "./events";
import { obligation, type Obligation } from "./obligation";
import {
  candidatesRequired,
  isAttribution,
  newProgrammeFirstListDueOn,
  secondListDueOn,
  VACANCY_DEFAULTS,
  vacancyState,
} from "./reservation-vacancy";
import { assertEventDates, rejectDuplicate, requirePrior } from "./sequence";

/**
 * The deadline engine of a vacancy: the designation within 30 days (RES-18; once lapsed the
 * vacancy is counted as an equivalent and back with the bailleur, so the item goes), the reasoned
 * letter when fewer than 3 candidates (RES-19), the CALEOL decision and the lease to record
 * (RES-20, RES-13; no fixed date in the seed). A new designation after "none retained" opens a
 * new round (keys end with the round number).
 */
export function vacancyObligations(
  events: readonly VacancyEvent[],
  today: IsoDate,
  params: Partial<{ designationDays: number }> = {},
  soonDays: number = DEFAULT_SOON_DAYS,
): Obligation[] {
  const state = vacancyState(events, today, params.designationDays ?? VACANCY_DEFAULTS.designationDays);
  const out: Obligation[] = [];
  if (state.outcome === "NO_CANDIDATE_30D") return out;
  const sorted = sortEvents(events);
  const designations = sorted.filter((e) => e.type === "DESIGNATION");
  if (designations.length === 0) {
    out.push(obligation({
      key: "RES-18:designation",
      rule: "RES-18",
      messageKey: "vacancy.designation",
      opensOn: state.declaredOn,
      dueOn: state.designationDueOn,
      doneOn: null,
      responsible: "RESERVATAIRE",
    }, today, soonDays));
  }
  designations.forEach((d, i) => {
    const round = i + 1;
    const next = designations[i + 1]?.on ?? null;
    const inRound = sorted.filter((e) => e.on >= d.on && (next === null || e.on < next));
    if (round === 1) {
      out.push(obligation({
        key: "RES-18:designation",
        rule: "RES-18",
        messageKey: "vacancy.designation",
        opensOn: state.declaredOn,
        dueOn: state.designationDueOn,
        doneOn: d.on,
        responsible: "RESERVATAIRE",
      }, today, soonDays));
    }
    if (d.candidates < candidatesRequired(d)) {
      const letter = inRound.find((e) => e.type === "REASONED_LETTER");
      out.push(obligation({
        key: `RES-19:letter:${round}`,
        rule: "RES-19",
        messageKey: "vacancy.reasonedLetter",
        opensOn: d.on,
        dueOn: round === 1 ? maxIso(d.on, state.designationDueOn) : null,
        doneOn: letter?.on ?? null,
        responsible: "RESERVATAIRE",
      }, today, soonDays));
    }
    const caleol = inRound.find((e) => e.type === "CALEOL");
    out.push(obligation({
      key: `RES-20:caleol:${round}`,
      rule: "RES-20",
      messageKey: "vacancy.caleol",
      opensOn: d.on,
      dueOn: null,
      doneOn: caleol?.on ?? null,
      responsible: "BAILLEUR",
    }, today, soonDays));
    if (caleol?.type === "CALEOL" && caleol.decisions.some((x) => isAttribution(x.decision))) {
      const accepted = inRound.find((e) => e.type === "CANDIDATE_ANSWER" && e.accepted);
      if (accepted !== undefined) {
        const lease = inRound.find((e) => e.type === "LEASE_SIGNED");
        out.push(obligation({
          key: `RES-13:lease:${round}`,
          rule: "RES-13",
          messageKey: "vacancy.lease",
          opensOn: accepted.on,
          dueOn: null,
          doneOn: lease?.on ?? null,
          responsible: "BAILLEUR",
        }, today, soonDays));
      }
    }
  });
  // A withdrawn or refused vacancy leaves only what was done.
  if (state.outcome === "WITHDRAWN" || state.outcome === "REFUSED_AFTER_CALEOL") return out.filter((o) => o.doneOn !== null);
  return out;
}

/**
 * RES-21: a new programme's first list within 30 days of receiving the notification, and after
 * each failure notified, another list within 15 days (first lettings, outside the flux count).
 */
export function newProgrammeObligations(
  events: readonly NewProgrammeEvent[],
  today: IsoDate,
  soonDays: number = DEFAULT_SOON_DAYS,
): Obligation[] {
  assertIso(today, "RES-21");
  assertEventDates(events, "RES-21");
  const sorted = sortEvents(events);
  let notifiedOn: IsoDate | null = null;
  const lists: { opensOn: IsoDate; dueOn: IsoDate; doneOn: IsoDate | null }[] = [];
  for (const e of sorted) {
    switch (e.type) {
      case "NOTIFICATION_RECEIVED":
        rejectDuplicate(e, notifiedOn, "RES-21");
        notifiedOn = e.on;
        lists.push({ opensOn: e.on, dueOn: newProgrammeFirstListDueOn(e.on), doneOn: null });
        break;
      case "LIST_SENT": {
        requirePrior(e, notifiedOn, "NOTIFICATION_RECEIVED", "RES-21");
        const open = lists.find((l) => l.doneOn === null);
        if (open === undefined) throw new DomainError("RES-21", "EVENT_DUPLICATE", { event: e.type, on: e.on });
        open.doneOn = e.on;
        break;
      }
      case "FAILURE_NOTIFIED":
        requirePrior(e, lists[lists.length - 1]?.doneOn ?? null, "LIST_SENT", "RES-21");
        lists.push({ opensOn: e.on, dueOn: secondListDueOn(e.on), doneOn: null });
        break;
      case "COMMISSIONING_POSTPONED":
        assertIso(e.commissioningOn, "RES-21");
        break;
      default:
        unknownValue(e, "type", "RES-21");
    }
  }
  return lists.map((l, i) =>
    obligation(
      {
        key: `RES-21:list:${i + 1}`,
        rule: "RES-21",
        messageKey: i === 0 ? "programme.firstList" : "programme.secondList",
        ...l,
        responsible: "RESERVATAIRE",
      },
      today,
      soonDays,
    ),
  );
}
