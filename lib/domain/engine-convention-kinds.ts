import type { PartyRole, ResponsibleRole } from "./conventions";
import { addMonths, parseIso, type IsoDate } from "./dates";
import { unknownValue, type RuleId } from "./errors";
import type { ConventionEvent, FnavdlReport, MeetingKind } from "./events";
import { avenantAnswerDueOn, budgetDeadline, fnavdlReportsDueOn, fnavdlSecondYearAdvances } from "./fnavdl";
import type { ObligationMessageKey } from "./messages";
import { applyRateCents } from "./numbers";
import { obligation, option, recurring, type Obligation, type ObligationDraft, type RecurringSpec } from "./obligation";
import type { PeriodScheme } from "./periods";
import { annualBilanDueOn } from "./reservation-vacancy";
import {
  commonObligations,
  conventionContext,
  meetingsOf,
  paramNumber,
  paramOptionalNumber,
  type ConventionContext,
  type ConventionInput,
} from "./engine-convention";

const yearOf = (on: IsoDate): number => parseIso(on, "GEN-1").y;

/** A one-off item of the convention, its status at the context's `today`. */
const item = (ctx: ConventionContext, draft: ObligationDraft): Obligation => obligation(draft, ctx.today, ctx.soonDays);

/** One item per period of `scheme`, from the start to the horizon (the next renewal included). */
function every(
  ctx: ConventionContext,
  spec: Pick<RecurringSpec, "scheme" | "rule" | "fulfilments" | "build"> & Partial<Pick<RecurringSpec, "dueOf">>,
): Obligation[] {
  return recurring({ from: ctx.startOn, to: ctx.horizonOn, today: ctx.today, ...spec }, ctx.soonDays);
}

/** GEN-6, REL-7, RES-23, CAD-2: a meeting of a kind once per period, due by the period's end. */
function meetings(
  ctx: ConventionContext,
  scheme: PeriodScheme,
  rule: RuleId,
  kind: MeetingKind,
  keyPrefix: string,
  messageKey: ObligationMessageKey,
  responsible: ResponsibleRole,
): Obligation[] {
  return every(ctx, {
    scheme,
    rule,
    fulfilments: meetingsOf(ctx, kind),
    build: (p) => ({ key: `${keyPrefix}:${p.key}`, rule, messageKey, responsible }),
  });
}

function paidOn(ctx: ConventionContext, schedule: string): IsoDate | null {
  return ctx.events.find((e) => e.type === "PAYMENT" && e.schedule === schedule)?.on ?? null;
}

/** RELAIS: annual bilan meeting (GEN-6), quarterly exchange (REL-7), yearly subsidy without fixed date (GEN-5). */
function relaisObligations(ctx: ConventionContext): Obligation[] {
  const amountCents = paramNumber(ctx, "annualSubsidyCents");
  const subsidies = ctx.events.flatMap((e) =>
    e.type === "PAYMENT" && e.schedule.startsWith("subsidy-") ? [{ on: e.on, period: e.schedule.slice("subsidy-".length) }] : [],
  );
  return [
    ...meetings(ctx, { unit: "YEAR" }, "GEN-6", "ANNUAL_BILAN", "GEN-6:annual-bilan", "convention.annualBilanMeeting", "COMMUNE"),
    ...meetings(ctx, { unit: "QUARTER" }, "REL-7", "QUARTERLY_EXCHANGE", "REL-7:exchange", "convention.quarterlyExchange", "ASSOCIATION"),
    // GEN-5: subject to the council's budget vote, so no fixed date: never "late".
    ...every(ctx, {
      scheme: { unit: "YEAR" },
      rule: "GEN-5",
      fulfilments: subsidies,
      dueOf: () => null,
      build: (p) => ({
        key: `GEN-5:payment:subsidy-${p.key}`,
        rule: "GEN-5",
        messageKey: "convention.subsidy",
        responsible: "COMMUNE",
        amountCents,
      }),
    }),
  ];
}

/** RESERVATION_FLUX: the items due on 28 February (RES-3, RES-11, RES-22) and the yearly validation meeting (RES-23). */
function reservationObligations(ctx: ConventionContext): Obligation[] {
  const out: Obligation[] = [];
  const first = yearOf(ctx.startOn);
  const last = yearOf(ctx.endOn);
  const doneFor = (type: "SHARE_AGREED" | "SOUSTRAITS_DECLARED" | "ANNUAL_BILAN_SENT", year: number) =>
    ctx.events.find((e) => e.type === type && e.year === year)?.on ?? null;
  for (let y = first; y <= last; y += 1) {
    const yearly = { opensOn: `${y}-01-01`, dueOn: annualBilanDueOn(y), period: String(y) };
    if (y > first) {
      // The first year's share and soustraits forecast are in the convention itself.
      const share = doneFor("SHARE_AGREED", y);
      const soustraits = doneFor("SOUSTRAITS_DECLARED", y);
      out.push(item(ctx, { key: `RES-11:share:${y}`, rule: "RES-11", messageKey: "reservation.share", ...yearly, doneOn: share, responsible: "PARTIES" }));
      out.push(item(ctx, { key: `RES-3:soustraits:${y}`, rule: "RES-3", messageKey: "reservation.soustraits", ...yearly, doneOn: soustraits, responsible: "BAILLEUR" }));
    }
    out.push(
      item(ctx, {
        key: `RES-22:bilan:${y}`,
        rule: "RES-22",
        messageKey: "reservation.annualBilan",
        opensOn: `${y + 1}-01-01`,
        dueOn: annualBilanDueOn(y + 1),
        doneOn: doneFor("ANNUAL_BILAN_SENT", y),
        responsible: "BAILLEUR",
        period: String(y),
      }),
    );
  }
  out.push(...meetings(ctx, { unit: "YEAR" }, "RES-23", "VALIDATION", "RES-23:validation", "reservation.validationMeeting", "PARTIES"));
  return out;
}

const REPORTS: readonly [FnavdlReport, ObligationMessageKey][] = [
  ["FINANCIAL", "fnavdl.reportFinancial"],
  ["ACCOUNTS", "fnavdl.reportAccounts"],
  ["ACTIVITY", "fnavdl.reportActivity"],
  ["FINAL_BILAN", "fnavdl.reportFinalBilan"],
];

/** AVD-4: the payment schedule, with amounts when the convention states contributions and rates ("XX %" in the seed). */
function fnavdlPayments(ctx: ConventionContext): Obligation[] {
  const { startOn } = ctx;
  const c1 = paramOptionalNumber(ctx, "firstPeriodContributionCents");
  const c2 = paramOptionalNumber(ctx, "secondPeriodContributionCents");
  const part = (c: number | null, rateKey: string) => {
    const rate = paramOptionalNumber(ctx, rateKey);
    return c === null || rate === null ? null : applyRateCents(c, rate);
  };
  const rest = (c: number | null, parts: (number | null)[]) =>
    c === null || parts.some((x) => x === null) ? null : c - parts.reduce<number>((s, x) => s + (x ?? 0), 0);
  const advance1 = part(c1, "advanceRate");
  type Payment = { schedule: string; messageKey: ObligationMessageKey; opensOn: IsoDate; dueOn: IsoDate | null; amountCents: number | null };
  const payments: Payment[] = [
    { schedule: "advance-1", messageKey: "fnavdl.advanceNotification", opensOn: startOn, dueOn: null, amountCents: advance1 },
    { schedule: "balance-1", messageKey: "fnavdl.balance", opensOn: startOn, dueOn: null, amountCents: rest(c1, [advance1]) },
  ];
  if (paramNumber(ctx, "months") === 24) {
    const { firstBy, secondOn } = fnavdlSecondYearAdvances(startOn);
    const anniversary = addMonths(startOn, 12, "AVD-4");
    const a = part(c2, "secondYearFirstAdvanceRate");
    const b = part(c2, "secondYearSecondAdvanceRate");
    payments.push(
      { schedule: "advance-2a", messageKey: "fnavdl.secondYearAdvance1", opensOn: anniversary, dueOn: firstBy, amountCents: a },
      { schedule: "advance-2b", messageKey: "fnavdl.secondYearAdvance2", opensOn: anniversary, dueOn: secondOn, amountCents: b },
      { schedule: "balance-2", messageKey: "fnavdl.balance", opensOn: anniversary, dueOn: null, amountCents: rest(c2, [a, b]) },
    );
  }
  return payments.map((p) =>
    item(ctx, {
      key: `AVD-4:payment:${p.schedule}`,
      rule: "AVD-4",
      messageKey: p.messageKey,
      opensOn: p.opensOn,
      dueOn: p.dueOn,
      doneOn: paidOn(ctx, p.schedule),
      responsible: "ETAT",
      amountCents: p.amountCents,
    }),
  );
}

/** FNAVDL: budget-change options (AVD-3), payments (AVD-4), reports (AVD-5), steering committees (GEN-6, AVD-17), avenant answers (AVD-15). */
function fnavdlObligations(ctx: ConventionContext): Obligation[] {
  const out: Obligation[] = [];
  const { startOn, today, soonDays } = ctx;
  const years = Math.ceil(paramNumber(ctx, "initialMonths") / 12);
  for (let n = 1; n <= years; n += 1) {
    const opensOn = addMonths(startOn, 12 * (n - 1), "AVD-3");
    const closesOn = budgetDeadline(startOn, n);
    const notified = ctx.events.find((e) => e.type === "BUDGET_CHANGE_NOTIFIED" && e.on >= opensOn && e.on <= closesOn);
    const draft = { key: `AVD-3:budget-change:${n}`, rule: "AVD-3" as const, messageKey: "fnavdl.budgetChangeOption" as const };
    out.push(...option({
      ...draft,
      opensOn,
      closesOn,
      doneOn: notified?.on ?? null,
      responsible: "ASSOCIATION",
      period: `Y${n}`,
    }, today, soonDays));
  }
  out.push(...fnavdlPayments(ctx));
  const reportsDue = fnavdlReportsDueOn(ctx.endOn);
  for (const [report, messageKey] of REPORTS) {
    const sent = ctx.events.find((e) => e.type === "REPORT_SENT" && e.report === report);
    const key = `AVD-5:report:${report.toLowerCase()}`;
    out.push(item(ctx, { key, rule: "AVD-5", messageKey, opensOn: ctx.endOn, dueOn: reportsDue, doneOn: sent?.on ?? null, responsible: "ASSOCIATION" }));
  }
  const months = paramNumber(ctx, "steeringCommitteeMonths");
  const scheme: PeriodScheme = { unit: "ANCHORED", anchor: startOn, months, prefix: months === 12 ? "Y" : "C" };
  const committees = meetings(ctx, scheme, "GEN-6", "STEERING_COMMITTEE", "GEN-6:steering", "fnavdl.steeringCommittee", "ETAT");
  out.push(...committees);
  // AVD-17: the figures go to the State before each committee: due on the committee's day at the latest.
  const heldOn = new Map(committees.map((c) => [c.period, c.doneOn]));
  const figures = ctx.events.flatMap((e) => (e.type === "FIGURES_SENT" ? [e.period === undefined ? { on: e.on } : { on: e.on, period: e.period }] : []));
  out.push(
    ...every(ctx, {
      scheme,
      rule: "AVD-17",
      fulfilments: figures,
      dueOf: (p, lastDay) => heldOn.get(p.key) ?? lastDay,
      build: (p) => ({
        key: `AVD-17:figures:${p.key}`,
        rule: "AVD-17",
        messageKey: "fnavdl.figures",
        responsible: "ASSOCIATION",
      }),
    }),
  );
  out.push(...avenantAnswers(ctx));
  return out;
}

/** AVD-15: the other party answers an avenant request within 2 months. */
function avenantAnswers(ctx: ConventionContext): Obligation[] {
  const other = (by: PartyRole): PartyRole => (by === "ETAT" ? "ASSOCIATION" : "ETAT");
  return ctx.events.flatMap((e: ConventionEvent) => {
    if (e.type !== "AVENANT_REQUESTED") return [];
    const answer = ctx.events.find((a) => a.type === "AVENANT_ANSWERED" && a.by === other(e.by) && a.on >= e.on);
    return [
      item(ctx, {
        key: `AVD-15:answer:${e.by}:${e.on}`,
        rule: "AVD-15",
        messageKey: "fnavdl.avenantAnswer",
        opensOn: e.on,
        dueOn: avenantAnswerDueOn(e.on),
        doneOn: answer?.on ?? null,
        responsible: other(e.by),
      }),
    ];
  });
}

/** ASLLI: the semester tracking table at the end of each semester (ASL-11). */
function aslliObligations(ctx: ConventionContext): Obligation[] {
  const tables = ctx.events.flatMap((e) => (e.type === "SEMESTER_TABLE_SENT" ? [{ on: e.on, period: e.period }] : []));
  return every(ctx, {
    scheme: { unit: "SEMESTER" },
    rule: "ASL-11",
    fulfilments: tables,
    dueOf: (p) => p.endOn,
    build: (p) => ({
      key: `ASL-11:table:${p.key}`,
      rule: "ASL-11",
      messageKey: "aslli.semesterTable",
      responsible: "ASSOCIATION",
    }),
  });
}

/** CADRE: a meeting of the signatories once per semester (CAD-2). */
function cadreObligations(ctx: ConventionContext): Obligation[] {
  return meetings(ctx, { unit: "SEMESTER" }, "CAD-2", "SEMESTER", "CAD-2:meeting", "cadre.semesterMeeting", "PARTIES");
}

/**
 * The deadline engine of a convention: from its kind, parameters (GEN-3: as in force at `today`),
 * events and `today`, every obligation of the convention itself. A draft (no SIGNED event) has none.
 */
export function conventionObligations(input: ConventionInput, events: readonly ConventionEvent[], today: IsoDate, soonDays?: number): Obligation[] {
  const ctx = conventionContext(input, events, today, soonDays);
  if (ctx === null) return [];
  return [...kindObligations(ctx), ...commonObligations(ctx)];
}

function kindObligations(ctx: ConventionContext): Obligation[] {
  const kind = ctx.kind;
  switch (kind) {
    case "RELAIS":
      return relaisObligations(ctx);
    case "RESERVATION_FLUX":
      return reservationObligations(ctx);
    case "FNAVDL":
      return fnavdlObligations(ctx);
    case "ASLLI":
      return aslliObligations(ctx);
    case "CADRE":
      return cadreObligations(ctx);
  }
  return unknownValue(kind, "kind", "GEN-1");
}
