import { assertIso, assertOrdered, type IsoDate } from "./dates";
import { DEFAULT_SOON_DAYS } from "./deadline-status";
import { DomainError, unknownValue } from "./errors";
import { sortEvents, type FnavdlAction, type FnavdlCaseEvent, type Intensity, type Prescriber } from "./events";
import {
  assertFnavdlProlongationAllowed,
  assertIntensityAllowed,
  bailGlissantNoticeDueOn,
  bailGlissantResumeWindow,
  fnavdlStartDueOn,
} from "./fnavdl";
import { obligation, option, type Obligation } from "./obligation";
import { assertEventDates, rejectAfterEnd, rejectDuplicate, requireFact, requirePrior } from "./sequence";

export interface FnavdlCaseParams {
  /** AVD-10: maximum delay in days from orientation to start; the seed leaves it blank (null: no fixed date). */
  startDelayDays: number | null;
}

/** The facts of an FNAVDL case, read once from its events (also what annex III counts). */
export interface FnavdlCaseFacts {
  dalo: boolean;
  prescribedOn: IsoDate;
  prescriber: Prescriber;
  bailGlissantReferral: boolean;
  consentOn: IsoDate | null;
  diagnosticOn: IsoDate | null;
  /** AVD-6/7: the prescription of the measure (a COMED decision, or a diagnostic concluding to support). */
  orientedOn: IsoDate | null;
  support: { startOn: IsoDate; action: FnavdlAction; intensity: Intensity; plannedEndOn: IsoDate } | null;
  evaluationSentOn: IsoDate | null;
  sublease: { startOn: IsoDate; examinationEndsOn: IsoDate; noticeOn: IsoDate | null; slidOn: IsoDate | null } | null;
  housingAccessOn: IsoDate | null;
  end: { on: IsoDate; reason: "COMPLETED" | "INTERRUPTED" | "REFUSED" } | null;
}

/** AVD-6..11: reads a case's events, refusing impossible sequences and a DALO prolongation without evaluation. */
export function fnavdlCaseFacts(events: readonly FnavdlCaseEvent[], dalo: boolean): FnavdlCaseFacts {
  assertEventDates(events, "AVD-6");
  const sorted = sortEvents(events);
  const first = sorted[0];
  if (first === undefined) throw new DomainError("AVD-6", "INCOMPLETE", { missing: ["PRESCRIPTION"] });
  if (first.type !== "PRESCRIPTION") {
    throw new DomainError("AVD-6", "EVENT_BEFORE_PREREQUISITE", { event: first.type, on: first.on, requires: "PRESCRIPTION" });
  }
  const f: FnavdlCaseFacts = {
    dalo,
    prescribedOn: first.on,
    prescriber: first.prescriber,
    bailGlissantReferral: first.bailGlissant,
    consentOn: null,
    diagnosticOn: null,
    orientedOn: first.measure !== null ? first.on : null,
    support: null,
    evaluationSentOn: null,
    sublease: null,
    housingAccessOn: null,
    end: null,
  };
  for (const e of sorted.slice(1)) {
    if (e.type !== "SURVEY") rejectAfterEnd(e, f.end?.on ?? null, "AVD-7");
    switch (e.type) {
      case "PRESCRIPTION":
        rejectDuplicate(e, f.prescribedOn, "AVD-6");
        break;
      case "CONSENT":
        f.consentOn = f.consentOn ?? e.on;
        break;
      case "DIAGNOSTIC":
        requirePrior(e, f.consentOn, "CONSENT", "AVD-6");
        rejectDuplicate(e, f.diagnosticOn, "AVD-7");
        f.diagnosticOn = e.on;
        if (e.supportNeeded) f.orientedOn = f.orientedOn ?? e.on;
        break;
      case "SUPPORT_START":
        requirePrior(e, f.orientedOn, "DIAGNOSTIC", "AVD-10");
        requirePrior(e, f.consentOn, "CONSENT", "AVD-10");
        rejectDuplicate(e, f.support?.startOn ?? null, "AVD-10");
        assertIntensityAllowed(e.action, e.intensity);
        assertOrdered(e.on, e.plannedEndOn, "AVD-7");
        f.support = { startOn: e.on, action: e.action, intensity: e.intensity, plannedEndOn: e.plannedEndOn };
        break;
      case "SUPPORT_CHANGE": {
        const support = requireFact(e, f.support, "SUPPORT_START", "AVD-8");
        assertIntensityAllowed(e.action, e.intensity);
        f.support = { ...support, action: e.action, intensity: e.intensity };
        break;
      }
      case "EVALUATION_SENT":
        f.evaluationSentOn = e.on;
        break;
      case "PROLONGATION": {
        const support = requireFact(e, f.support, "SUPPORT_START", "AVD-9");
        assertOrdered(support.startOn, e.plannedEndOn, "AVD-9");
        assertFnavdlProlongationAllowed({
          dalo,
          startOn: support.startOn,
          plannedEndOn: e.plannedEndOn,
          evaluationSentOn: f.evaluationSentOn,
          on: e.on,
        });
        f.support = { ...support, plannedEndOn: e.plannedEndOn };
        break;
      }
      case "SUBLEASE_START":
        requirePrior(e, f.support?.startOn ?? null, "SUPPORT_START", "AVD-11");
        rejectDuplicate(e, f.sublease?.startOn ?? null, "AVD-11");
        assertOrdered(e.on, e.examinationEndsOn, "AVD-11");
        f.sublease = { startOn: e.on, examinationEndsOn: e.examinationEndsOn, noticeOn: null, slidOn: null };
        break;
      case "BAILLEUR_NOTICE": {
        const sublease = requireFact(e, f.sublease, "SUBLEASE_START", "AVD-11");
        f.sublease = { ...sublease, noticeOn: sublease.noticeOn ?? e.on };
        break;
      }
      case "LEASE_SLID": {
        const sublease = requireFact(e, f.sublease, "SUBLEASE_START", "AVD-11");
        f.sublease = { ...sublease, slidOn: sublease.slidOn ?? e.on };
        f.housingAccessOn = f.housingAccessOn ?? e.on;
        break;
      }
      case "LEASE_SIGNED":
        f.housingAccessOn = f.housingAccessOn ?? e.on;
        break;
      case "SURVEY":
        break;
      case "END":
        f.end = { on: e.on, reason: e.reason };
        break;
      default:
        unknownValue(e, "type", "AVD-7");
    }
  }
  return f;
}

/**
 * The deadline engine of an FNAVDL case: the diagnostic (AVD-7), the start within the
 * convention's delay (AVD-10), the planned end (AVD-7/9), the bailleur's notice to the préfet and
 * the post-glissement option (AVD-11). `dalo` is the convention's public (AVD-1).
 */
export function fnavdlCaseObligations(
  events: readonly FnavdlCaseEvent[],
  dalo: boolean,
  today: IsoDate,
  params: Partial<FnavdlCaseParams> = {},
  soonDays: number = DEFAULT_SOON_DAYS,
): Obligation[] {
  assertIso(today, "AVD-7");
  const startDelayDays = params.startDelayDays ?? null;
  const f = fnavdlCaseFacts(events, dalo);
  const out: Obligation[] = [];
  const endOn = f.end?.on ?? null;
  if (f.orientedOn === null || f.diagnosticOn !== null) {
    out.push(obligation({
      key: "AVD-7:diagnostic",
      rule: "AVD-7",
      messageKey: "fnavdl.diagnostic",
      opensOn: f.prescribedOn,
      dueOn: null,
      doneOn: f.diagnosticOn,
      responsible: "ASSOCIATION",
    }, today, soonDays));
  }
  if (f.orientedOn !== null) {
    const dueOn = startDelayDays === null ? null : fnavdlStartDueOn(f.orientedOn, startDelayDays);
    out.push(obligation({
      key: "AVD-10:start",
      rule: "AVD-10",
      messageKey: "fnavdl.supportStart",
      opensOn: f.orientedOn,
      dueOn,
      doneOn: f.support?.startOn ?? null,
      responsible: "ASSOCIATION",
    }, today, soonDays));
  }
  if (f.support !== null) {
    out.push(obligation({
      key: "AVD-7:support-end",
      rule: "AVD-7",
      messageKey: "fnavdl.supportEnd",
      opensOn: f.support.startOn,
      dueOn: f.support.plannedEndOn,
      doneOn: endOn,
      responsible: "ASSOCIATION",
    }, today, soonDays));
  }
  if (f.sublease !== null) {
    const dueOn = bailGlissantNoticeDueOn(f.sublease.examinationEndsOn);
    out.push(obligation({
      key: "AVD-11:notice",
      rule: "AVD-11",
      messageKey: "fnavdl.bailleurNotice",
      opensOn: f.sublease.startOn,
      dueOn,
      doneOn: f.sublease.noticeOn,
      responsible: "BAILLEUR",
    }, today, soonDays));
    if (f.sublease.slidOn !== null) {
      const w = bailGlissantResumeWindow(f.sublease.slidOn);
      out.push(...option({
        key: "AVD-11:resume",
        rule: "AVD-11",
        messageKey: "fnavdl.resumeOption",
        opensOn: w.opensOn,
        closesOn: w.closesOn,
        responsible: "BAILLEUR",
      }, today, soonDays));
    }
  }
  // Once ended, what was still open and not yet due is moot (the resume option outlives the end).
  if (endOn === null) return out;
  return out.filter((o) => o.doneOn !== null || o.key === "AVD-11:resume" || (o.dueOn !== null && o.dueOn < endOn));
}
