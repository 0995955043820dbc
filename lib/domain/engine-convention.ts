import {
  assertMayTerminate,
  conventionEndInForce,
  CONVENTION_KINDS,
  CONVENTION_TERMS,
  parametersInForce,
  renewalWindow,
  terminationEffectiveOn,
  TERMINATION_RULES,
  type ConventionKind,
  type ConventionTerm,
  type PartyRole,
  type Renewal,
} from "./conventions";
import { assertIso, type IsoDate } from "./dates";
import { DEFAULT_SOON_DAYS } from "./deadline-status";
import { DomainError, unknownValue } from "./errors";
import { sortEvents, type ConventionEvent, type ConventionParamValue, type MeetingKind } from "./events";
import { assertNonNegativeInt, assertOneOf, assertPositiveInt, assertRate } from "./numbers";
import { obligation, option, type Obligation } from "./obligation";
import { RELAIS_DEFAULTS } from "./relais";
import { rejectDuplicate, requirePrior } from "./sequence";

/** Parameters every kind has, flat so that an avenant (GEN-3) can change any of them. */
export interface CommonConventionParams {
  initialMonths: number;
  renewalKind: Renewal["kind"];
  renewalPeriodMonths: number | null;
  maxTotalMonths: number | null;
  noticeMonths: number;
}
export interface RelaisConventionParams extends CommonConventionParams {
  annualSubsidyCents: number;
  referralQuota: number;
}
export interface FnavdlConventionParams extends CommonConventionParams {
  /** AVD-2: 12 or 24 months; `extended` adds 12 (by avenant). `initialMonths` follows from them. */
  months: 12 | 24;
  extended: boolean;
  /** AVD-4: contribution of each 12-month period and advance rates (the seed leaves "XX %"). */
  firstPeriodContributionCents: number | null;
  secondPeriodContributionCents: number | null;
  advanceRate: number | null;
  secondYearFirstAdvanceRate: number | null;
  secondYearSecondAdvanceRate: number | null;
  /** GEN-6: steering committee frequency; the seed sets none, one a convention year by default. */
  steeringCommitteeMonths: number;
}
export type PlainConventionParams = CommonConventionParams;

export type ConventionInput =
  | { kind: "RELAIS"; startOn: IsoDate; params?: Partial<RelaisConventionParams> }
  | { kind: "RESERVATION_FLUX"; startOn: IsoDate; params?: Partial<PlainConventionParams> }
  | { kind: "FNAVDL"; startOn: IsoDate; params?: Partial<FnavdlConventionParams> }
  | { kind: "ASLLI"; startOn: IsoDate; params?: Partial<PlainConventionParams> }
  | { kind: "CADRE"; startOn: IsoDate; params?: Partial<PlainConventionParams> };

function commonDefaults(kind: ConventionKind): CommonConventionParams {
  const t = CONVENTION_TERMS[kind];
  return {
    initialMonths: t.initialMonths,
    renewalKind: t.renewal.kind,
    renewalPeriodMonths: t.renewal.kind === "TACIT" ? t.renewal.periodMonths : null,
    maxTotalMonths: t.renewal.kind === "TACIT" ? (t.renewal.maxTotalMonths ?? null) : null,
    noticeMonths: TERMINATION_RULES[kind].noticeMonths,
  };
}

/** The seed's parameters of each kind (GEN-1), before the convention's own values and avenants. */
export function conventionDefaults(kind: ConventionKind): Record<string, ConventionParamValue> {
  const common = commonDefaults(kind);
  switch (kind) {
    case "RELAIS":
      return { ...common, annualSubsidyCents: RELAIS_DEFAULTS.annualSubsidyCents, referralQuota: RELAIS_DEFAULTS.referralQuota };
    case "FNAVDL":
      return {
        ...common,
        months: 12,
        extended: false,
        firstPeriodContributionCents: null,
        secondPeriodContributionCents: null,
        advanceRate: null,
        secondYearFirstAdvanceRate: null,
        secondYearSecondAdvanceRate: null,
        steeringCommitteeMonths: 12,
      };
    case "RESERVATION_FLUX":
    case "ASLLI":
    case "CADRE":
      return { ...common };
  }
}

/** What a kind's engine receives: the resolved parameters in force at `today`, the events, the end in force. */
export interface ConventionContext {
  kind: ConventionKind;
  startOn: IsoDate;
  today: IsoDate;
  soonDays: number;
  events: ConventionEvent[];
  params: Record<string, ConventionParamValue>;
  /** End in force at `today` (GEN-2). */
  endOn: IsoDate;
  /** Last day recurring items may reach: after the next tacit renewal when one can still follow. */
  horizonOn: IsoDate;
}

function num(params: Record<string, ConventionParamValue>, key: string): number {
  const v = params[key];
  if (typeof v !== "number") throw new DomainError("GEN-3", "UNKNOWN_VALUE", { field: key, value: String(v) });
  return v;
}

export function paramNumber(ctx: ConventionContext, key: string): number {
  return num(ctx.params, key);
}

export function paramOptionalNumber(ctx: ConventionContext, key: string): number | null {
  const v = ctx.params[key];
  return v === null ? null : num(ctx.params, key);
}

export function meetingsOf(ctx: ConventionContext, kind: MeetingKind): { on: IsoDate; period?: string }[] {
  return ctx.events.flatMap((e) => (e.type === "MEETING" && e.meetingKind === kind ? [e.period === undefined ? { on: e.on } : { on: e.on, period: e.period }] : []));
}

/** GEN-2/4: checks the events common to every kind; returns the signature date (null: a draft). */
function checkCommonEvents(kind: ConventionKind, events: ConventionEvent[], noticeMonths: number): IsoDate | null {
  let signedOn: IsoDate | null = null;
  const letters: { on: IsoDate; by: PartyRole }[] = [];
  const payments = new Set<string>();
  const refunds = new Set<string>();
  const requests: IsoDate[] = [];
  for (const e of events) {
    assertIso(e.on, "GEN-1");
    switch (e.type) {
      case "SIGNED":
        rejectDuplicate(e, signedOn, "GEN-1");
        signedOn = e.on;
        break;
      case "MISE_EN_DEMEURE":
        assertMayTerminate(kind, e.by);
        letters.push({ on: e.on, by: e.by });
        break;
      case "TERMINATED": {
        assertMayTerminate(kind, e.by);
        // GEN-4: only once a mise en demeure by that party has been left without effect for the notice.
        const ripe = letters.find((l) => l.by === e.by && terminationEffectiveOn(l.on, noticeMonths) <= e.on);
        requirePrior(e, ripe ? e.on : null, "MISE_EN_DEMEURE", "GEN-4");
        break;
      }
      case "AVENANT":
        assertIso(e.effectiveOn, "GEN-3");
        break;
      case "PAYMENT":
        assertNonNegativeInt(e.amountCents, "amountCents", "GEN-5");
        payments.add(e.schedule);
        break;
      case "PAYMENT_CONFIRMED":
        requirePrior(e, payments.has(e.schedule) ? e.on : null, "PAYMENT", "GEN-5");
        break;
      case "REFUND_CLAIMED":
        assertPositiveInt(e.amountCents, "amountCents", "GEN-5");
        if (e.dueOn !== null) assertIso(e.dueOn, "GEN-5");
        refunds.add(e.id);
        break;
      case "REFUND_PAID":
        requirePrior(e, refunds.has(e.id) ? e.on : null, "REFUND_CLAIMED", "GEN-5");
        break;
      case "AVENANT_REQUESTED":
        requests.push(e.on);
        break;
      case "AVENANT_ANSWERED":
        requirePrior(e, requests[0] ?? null, "AVENANT_REQUESTED", "AVD-15");
        break;
      case "SHARE_AGREED":
        assertRate(e.share, "share", "RES-11");
        break;
      case "DENOUNCED":
      case "MEETING":
      case "BUDGET_CHANGE_NOTIFIED":
      case "REPORT_SENT":
      case "FIGURES_SENT":
      case "SEMESTER_TABLE_SENT":
      case "SOUSTRAITS_DECLARED":
      case "ANNUAL_BILAN_SENT":
        break;
      default:
        unknownValue(e, "type", "GEN-1");
    }
  }
  return signedOn;
}

/** GEN-3: the convention's parameters in force at `at` (seed defaults, own values, then avenants). */
export function conventionParamsAt(input: ConventionInput, events: readonly ConventionEvent[], at: IsoDate): Record<string, ConventionParamValue> {
  assertOneOf(input.kind, CONVENTION_KINDS, "kind", "GEN-1");
  const base: Record<string, ConventionParamValue> = { ...conventionDefaults(input.kind) };
  for (const [key, value] of Object.entries(input.params ?? {})) {
    if (!(key in base)) throw new DomainError("GEN-3", "UNKNOWN_VALUE", { field: "parameter", value: key });
    base[key] = value as ConventionParamValue;
  }
  const avenants = events.flatMap((e) => (e.type === "AVENANT" ? [{ effectiveOn: e.effectiveOn, changes: e.changes }] : []));
  const params = parametersInForce(base, avenants, at);
  // AVD-2: the FNAVDL duration follows from its months and extension.
  if (input.kind === "FNAVDL") params.initialMonths = num(params, "months") + (params.extended === true ? 12 : 0);
  return params;
}

/** GEN-1/2/4: the convention's term at `at`: start, duration and renewal then in force, denunciation, termination. */
export function conventionTermAt(input: ConventionInput, events: readonly ConventionEvent[], at: IsoDate): ConventionTerm {
  const params = conventionParamsAt(input, events, at);
  const sorted = sortEvents(events);
  assertOneOf(String(params.renewalKind), ["NONE", "TACIT"], "renewalKind", "GEN-1");
  const renewal: Renewal =
    params.renewalKind === "TACIT"
      ? {
          kind: "TACIT",
          periodMonths: num(params, "renewalPeriodMonths"),
          ...(params.maxTotalMonths === null ? {} : { maxTotalMonths: num(params, "maxTotalMonths") }),
        }
      : { kind: "NONE" };
  const denounced = sorted.find((e) => e.type === "DENOUNCED");
  const terminated = sorted.find((e) => e.type === "TERMINATED");
  return {
    startOn: input.startOn,
    initialMonths: num(params, "initialMonths"),
    renewal,
    ...(denounced ? { denouncedOn: denounced.on } : {}),
    ...(terminated ? { terminatedOn: terminated.on } : {}),
  };
}

/** GEN-1/2/4: the end in force at `at`, from the parameters then in force and the events. */
export function conventionEndAt(input: ConventionInput, events: readonly ConventionEvent[], at: IsoDate): IsoDate {
  return conventionEndInForce(conventionTermAt(input, events, at), at);
}

/** Who receives each kind's payments (GEN-5: the receiving party confirms them). */
const PAYEE: Readonly<Record<ConventionKind, PartyRole>> = {
  RELAIS: "ASSOCIATION",
  RESERVATION_FLUX: "BAILLEUR",
  FNAVDL: "ASSOCIATION",
  ASLLI: "ASSOCIATION",
  CADRE: "FEDERATION",
};

/** GEN-4 termination options, GEN-5 payment confirmations and refunds owed, common to every kind. */
export function commonObligations(ctx: ConventionContext): Obligation[] {
  const out: Obligation[] = [];
  const terminated = ctx.events.find((e) => e.type === "TERMINATED");
  const schedules = new Set<string>();
  for (const e of ctx.events) {
    if (e.type === "MISE_EN_DEMEURE") {
      const doneOn = terminated !== undefined && terminated.by === e.by ? terminated.on : null;
      const draft = {
        key: `GEN-4:termination:${e.by}:${e.on}`,
        rule: "GEN-4" as const,
        messageKey: "convention.terminationOption" as const,
        opensOn: terminationEffectiveOn(e.on, num(ctx.params, "noticeMonths")),
        closesOn: ctx.endOn,
        doneOn,
        responsible: e.by,
      };
      out.push(...option(draft, ctx.today, ctx.soonDays));
    } else if (e.type === "REFUND_CLAIMED") {
      // GEN-5, AVD-16: the payee owes the refund; late only when the claim sets a date.
      const paid = ctx.events.find((r) => r.type === "REFUND_PAID" && r.id === e.id);
      out.push(obligation({
        key: `GEN-5:refund:${e.id}`,
        rule: "GEN-5",
        messageKey: "convention.refund",
        opensOn: e.on,
        dueOn: e.dueOn,
        doneOn: paid?.on ?? null,
        responsible: PAYEE[ctx.kind],
        amountCents: e.amountCents,
      }, ctx.today, ctx.soonDays));
    } else if (e.type === "PAYMENT" && !schedules.has(e.schedule)) {
      // One confirmation per scheduled payment, for the sum of its instalments.
      schedules.add(e.schedule);
      const confirmed = ctx.events.find((c) => c.type === "PAYMENT_CONFIRMED" && c.schedule === e.schedule);
      const amountCents = ctx.events.reduce((sum, p) => (p.type === "PAYMENT" && p.schedule === e.schedule ? sum + p.amountCents : sum), 0);
      out.push(obligation({
        key: `GEN-5:confirm:${e.schedule}`,
        rule: "GEN-5",
        messageKey: "convention.paymentConfirmation",
        opensOn: e.on,
        dueOn: null,
        doneOn: confirmed?.on ?? null,
        responsible: PAYEE[ctx.kind],
        amountCents,
      }, ctx.today, ctx.soonDays));
    }
  }
  return out;
}

/** Builds the context a kind's engine needs; null for a draft (not signed: no obligations yet). */
export function conventionContext(
  input: ConventionInput,
  events: readonly ConventionEvent[],
  today: IsoDate,
  soonDays: number = DEFAULT_SOON_DAYS,
): ConventionContext | null {
  assertOneOf(input.kind, CONVENTION_KINDS, "kind", "GEN-1");
  assertIso(today, "GEN-1");
  assertIso(input.startOn, "GEN-1");
  const sorted = sortEvents(events);
  const params = conventionParamsAt(input, sorted, today);
  const signedOn = checkCommonEvents(input.kind, sorted, num(params, "noticeMonths"));
  if (signedOn === null) return null;
  const term = conventionTermAt(input, sorted, today);
  const window = renewalWindow(term, today);
  return {
    kind: input.kind,
    startOn: input.startOn,
    today,
    soonDays,
    events: sorted,
    params,
    endOn: window.periodEndOn,
    horizonOn: window.nextPeriodEndOn ?? window.periodEndOn,
  };
}
