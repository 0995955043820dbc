import type { PartyRole } from "./conventions";
import type { IsoDate } from "./dates";
import type { RelaisOutcome } from "./relais";

/**
 * The dated facts the deadline engines read. Later issues store exactly these (one row per event,
 * the object as JSON): every event is a plain serialisable object with a `type`, the calendar date
 * `on` it happened (ISO `YYYY-MM-DD`) and its own fields — strings, numbers, booleans, arrays,
 * never `Date` objects. An optional `period` on a recurring event says which period's obligation
 * it fulfils (e.g. `2025-Q1`); without it, the period containing `on` is used.
 */

// ─── Relais case (seed 000, §3) ──────────────────────────────────────────────────────────────
export type RelaisCaseEvent =
  /** REL-1: the Ville refers the household (the e-mail's date; delays count from it). */
  | { type: "REFERRAL"; on: IsoDate }
  /** REL-2/3: the meeting with the household and its bilan diagnostic. */
  | { type: "DIAGNOSTIC"; on: IsoDate }
  /** REL-4: the joint decision, entry into relais housing or not (a "no" closes the case). */
  | { type: "DECISION"; on: IsoDate; entry: boolean }
  /** REL-5: the Ville proposes a vacant social dwelling of its réservations to the association. */
  | { type: "DWELLING_PROPOSED"; on: IsoDate }
  /** REL-6: entry into the relais dwelling; the support starts. */
  | { type: "ENTRY"; on: IsoDate }
  /** REL-6: the support contract signed by the household, sent to the Ville. */
  | { type: "CONTRACT_SENT"; on: IsoDate }
  /** REL-7: a meeting with the household, at home or at the association. */
  | { type: "VISIT"; on: IsoDate }
  /** REL-7: an intermediate bilan sent to the Ville. */
  | { type: "INTERMEDIATE_BILAN_SENT"; on: IsoDate; period?: string }
  /** REL-6: the support is renewed for another period (12 months by default). */
  | { type: "RENEWAL"; on: IsoDate }
  /** REL-8: the final bilan sent to the Ville. */
  | { type: "FINAL_BILAN_SENT"; on: IsoDate }
  /** REL-8: the support ends with its outcome. */
  | { type: "END"; on: IsoDate; outcome: RelaisOutcome };

// ─── FNAVDL case (seed 003, §5) ──────────────────────────────────────────────────────────────
export type Intensity = "LEGER" | "MOYEN" | "APPROFONDI";
export type FnavdlAction = "AVL" | "ADL" | "BAIL_GLISSANT";
export type Prescriber =
  | "COMMISSION_MEDIATION"
  | "SERVICES_ETAT"
  | "PDALHPD"
  | "CCAPEX"
  | "HEBERGEMENT"
  | "ACTION_LOGEMENT"
  | "BAILLEUR_SOCIAL";
export type SatisfactionAnswer =
  | "TRES_SATISFAISANT"
  | "PLUTOT_SATISFAISANT"
  | "PLUTOT_INSATISFAISANT"
  | "TRES_INSATISFAISANT"
  | "SANS_OPINION";

export type FnavdlCaseEvent =
  /**
   * AVD-6: a prescription (orientation). For DALO publics the commission de médiation's decision
   * is the prescription of the measure itself: it then carries `measure` and no diagnostic follows.
   */
  | {
      type: "PRESCRIPTION";
      on: IsoDate;
      prescriber: Prescriber;
      motivated: boolean;
      bailGlissant: boolean;
      measure: { intensity: Intensity; plannedMonths: number } | null;
    }
  /** AVD-6: the household's consent (the operator's action is subject to it). */
  | { type: "CONSENT"; on: IsoDate }
  /** AVD-7: the diagnostic; when support is needed it fixes intensity and duration and prescribes it. */
  | { type: "DIAGNOSTIC"; on: IsoDate; supportNeeded: boolean; intensity: Intensity | null; plannedMonths: number | null }
  /** AVD-10: the support starts (AVL, ADL or bail glissant) with its planned end. */
  | { type: "SUPPORT_START"; on: IsoDate; action: FnavdlAction; intensity: Intensity; plannedEndOn: IsoDate }
  /** AVD-1/8: AVL followed by ADL, or a change of intensity. */
  | { type: "SUPPORT_CHANGE"; on: IsoDate; action: FnavdlAction; intensity: Intensity }
  /** AVD-9: the evaluation proposing a prolongation, submitted to the diagnostic operator. */
  | { type: "EVALUATION_SENT"; on: IsoDate }
  /** AVD-9: the planned end moves later. */
  | { type: "PROLONGATION"; on: IsoDate; plannedEndOn: IsoDate }
  /** AVD-11: sublease (bail glissant) starts; the tripartite convention sets the examination period. */
  | { type: "SUBLEASE_START"; on: IsoDate; examinationEndsOn: IsoDate }
  /** AVD-11: the bailleur tells the préfet whether it offers the lease to the sub-tenant. */
  | { type: "BAILLEUR_NOTICE"; on: IsoDate; leaseOffered: boolean }
  /** AVD-11: the lease slides to the household (a lease signed: access to housing, AVD-13b 7). */
  | { type: "LEASE_SLID"; on: IsoDate }
  /** AVD-13b 7: a lease signed by the household ("accès au logement"). */
  | { type: "LEASE_SIGNED"; on: IsoDate }
  /** AVD-14: a satisfaction survey answer. */
  | { type: "SURVEY"; on: IsoDate; respondent: "HOUSEHOLD" | "BAILLEUR"; answer: SatisfactionAnswer }
  /** The support ends (completed, interrupted, or refused by the household). */
  | { type: "END"; on: IsoDate; reason: "COMPLETED" | "INTERRUPTED" | "REFUSED" };

// ─── ASLLi measure (seed 004, §6) ────────────────────────────────────────────────────────────
export type AslliPurpose = "ACCESS" | "MAINTIEN";

export type AslliCaseEvent =
  /** ASL-2/3: the request by a social worker, with the supports in progress (ASL-3 check). */
  | { type: "REQUEST"; on: IsoDate; measuresInProgress: string[] }
  /** ASL-1/4: the commission's decision; when granted, the measure's purpose and duration. */
  | { type: "COMMISSION"; on: IsoDate; granted: boolean; purpose: AslliPurpose; months: number }
  /** ASL-4: the actual start when not the 1st of the following month (at the latest that month). */
  | { type: "START"; on: IsoDate }
  /** ASL-5: the signed plan d'intervention sent to the Service Logement. */
  | { type: "PLAN_SENT"; on: IsoDate }
  /** ASL-6: a meeting with the household. */
  | { type: "MEETING"; on: IsoDate }
  /** ASL-8: a suspension for force majeure, from `on` to `endsOn` inclusive. */
  | { type: "SUSPENSION"; on: IsoDate; endsOn: IsoDate }
  /** ASL-7: the measure is interrupted (household not keeping to the plan). */
  | { type: "INTERRUPTION"; on: IsoDate }
  /** ASL-10: the bilan sent, for a renewal request or for the end. */
  | { type: "BILAN_SENT"; on: IsoDate; purpose: "RENEWAL" | "END" }
  /** ASL-1: the measure is renewed for `months` more (18 months at most in all). */
  | { type: "RENEWAL"; on: IsoDate; months: number }
  /** ASL-14: early end on non-adherence or prolonged absence, or cancellation (ASL-5). */
  | { type: "END"; on: IsoDate; reason: "EARLY_END" | "CANCELLED" }
  /** ASL-14: hand-over to the social worker who asked for the measure. */
  | { type: "HANDOVER"; on: IsoDate };

// ─── Vacancy (seed 002 §V, §4.5) ─────────────────────────────────────────────────────────────
export type CaleolDecision = "ATTRIBUTION" | "ATTRIBUTION_RANKED" | "ATTRIBUTION_CONDITIONAL" | "NON_ATTRIBUTION" | "INADMISSIBLE";

export type VacancyEvent =
  /** RES-17/18: the bailleur declares the vacancy to the réservataire. */
  | { type: "DECLARED"; on: IsoDate }
  /** RES-18/19: the réservataire designates its candidates. */
  | {
      type: "DESIGNATION"; on: IsoDate; candidates: number; dalo: boolean; subsidisedD331_25_1: boolean;
      /** REL-5: proposed to the association for relais housing (the association is the tenant, one candidate). */
      relaisUse?: boolean;
    }
  /** RES-19: the reasoned letter to the CALEOL when fewer than 3 candidates. */
  | { type: "REASONED_LETTER"; on: IsoDate }
  /** RES-20: the CALEOL's decision for each candidate (rank 1–3 for an attribution by rank). */
  | { type: "CALEOL"; on: IsoDate; decisions: { candidate: string; decision: CaleolDecision; rank: number | null }[] }
  /** RES-20: the candidate's acceptance or refusal of the dwelling attributed. */
  | { type: "CANDIDATE_ANSWER"; on: IsoDate; candidate: string; accepted: boolean }
  /** RES-13: the lease signed. */
  | { type: "LEASE_SIGNED"; on: IsoDate; candidate: string }
  /** The bailleur withdraws the vacancy (not counted). */
  | { type: "WITHDRAWN"; on: IsoDate };

/** RES-21: a new programme's first lettings (outside the flux count). */
export type NewProgrammeEvent =
  | { type: "NOTIFICATION_RECEIVED"; on: IsoDate }
  | { type: "LIST_SENT"; on: IsoDate }
  | { type: "FAILURE_NOTIFIED"; on: IsoDate }
  | { type: "COMMISSIONING_POSTPONED"; on: IsoDate; commissioningOn: IsoDate };

// ─── Convention (§2, and the convention-level rules of §3–§7) ────────────────────────────────
export type MeetingKind = "ANNUAL_BILAN" | "QUARTERLY_EXCHANGE" | "VALIDATION" | "STEERING_COMMITTEE" | "SEMESTER" | "THEMATIC";
export type FnavdlReport = "FINANCIAL" | "ACCOUNTS" | "ACTIVITY" | "FINAL_BILAN";
export type ConventionParamValue = string | number | boolean | null;

export type ConventionEvent =
  /** GEN-1: signed (FNAVDL: the duration runs from it); without it the convention is a draft. */
  | { type: "SIGNED"; on: IsoDate }
  /** GEN-2, CAD-3: denounced by registered letter (no tacit renewal after the running period). */
  | { type: "DENOUNCED"; on: IsoDate; by: PartyRole }
  /** GEN-4: a mise en demeure sent; termination possible once the notice has run. */
  | { type: "MISE_EN_DEMEURE"; on: IsoDate; by: PartyRole }
  /** GEN-4: the decision to terminate; `on` is the last day in force. */
  | { type: "TERMINATED"; on: IsoDate; by: PartyRole }
  /** GEN-3: an avenant; its named parameter changes apply from `effectiveOn`. */
  | { type: "AVENANT"; on: IsoDate; effectiveOn: IsoDate; changes: Record<string, ConventionParamValue> }
  /** AVD-15: an avenant requested by registered letter; the other party answers within 2 months. */
  | { type: "AVENANT_REQUESTED"; on: IsoDate; by: PartyRole }
  | { type: "AVENANT_ANSWERED"; on: IsoDate; by: PartyRole }
  /** GEN-6, REL-7, RES-23, CAD-2: a meeting held. */
  | { type: "MEETING"; on: IsoDate; meetingKind: MeetingKind; period?: string }
  /** GEN-5: a payment recorded by the paying party; `schedule` is the obligation's payment id. */
  | { type: "PAYMENT"; on: IsoDate; schedule: string; amountCents: number }
  /** GEN-5: the receiving party confirms it. */
  | { type: "PAYMENT_CONFIRMED"; on: IsoDate; schedule: string }
  /**
   * GEN-5, AVD-16: the paying party claims a refund (unspent sums after a withdrawal, non-performance,
   * a contribution above the cost); `id` names the claim, `dueOn` is the date the letter sets, if any.
   */
  | { type: "REFUND_CLAIMED"; on: IsoDate; id: string; amountCents: number; reason: string; dueOn: IsoDate | null }
  /** GEN-5: the receiving party refunds the claim. */
  | { type: "REFUND_PAID"; on: IsoDate; id: string }
  /** AVD-3: budget changes notified in writing. */
  | { type: "BUDGET_CHANGE_NOTIFIED"; on: IsoDate }
  /** AVD-5: a justificatif or the final bilan sent. */
  | { type: "REPORT_SENT"; on: IsoDate; report: FnavdlReport }
  /** AVD-17: figures sent before a steering committee (`period`: the committee's, e.g. `Y1`). */
  | { type: "FIGURES_SENT"; on: IsoDate; period?: string }
  /** ASL-11: the semester tracking table sent (`period`: e.g. `2024-S1`). */
  | { type: "SEMESTER_TABLE_SENT"; on: IsoDate; period: string }
  /** RES-11: the share of year `year` agreed by both parties. */
  | { type: "SHARE_AGREED"; on: IsoDate; year: number; share: number }
  /** RES-3: soustraits forecast for `year` and rehousings of `year − 1` declared. */
  | { type: "SOUSTRAITS_DECLARED"; on: IsoDate; year: number }
  /** RES-22: the annual bilan of `year` sent to all réservataires. */
  | { type: "ANNUAL_BILAN_SENT"; on: IsoDate; year: number };

export type CaseEvent = RelaisCaseEvent | FnavdlCaseEvent | AslliCaseEvent;

/** Events sorted by date, stable for equal dates (the order they were recorded in). */
export function sortEvents<E extends { on: IsoDate }>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.on < b.e.on ? -1 : a.e.on > b.e.on ? 1 : a.i - b.i))
    .map((x) => x.e);
}
