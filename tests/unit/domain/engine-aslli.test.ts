import { describe, expect, it } from "vitest";
import { aslliCaseObligations, type AslliCaseEvent } from "@/lib/domain";
import { expectDomainError, rows } from "./helpers";

const request: AslliCaseEvent = { type: "REQUEST", on: "2025-03-01", measuresInProgress: ["FSL"] };
const commission: AslliCaseEvent = { type: "COMMISSION", on: "2025-03-12", granted: true, purpose: "ACCESS", months: 3 };

describe("deadline engine — ASLLi measure (ASL-1..ASL-14)", () => {
  it("ASL-5 ASL-6 ASL-8 ASL-10 ASL-14: a 6-month maintien, suspended in April, renewed in July — worked out by hand on 10 July 2025", () => {
    const events: AslliCaseEvent[] = [
      { type: "REQUEST", on: "2024-12-02", measuresInProgress: [] },
      { type: "COMMISSION", on: "2024-12-10", granted: true, purpose: "MAINTIEN", months: 6 },
      { type: "PLAN_SENT", on: "2025-01-25" },
      ...["2025-01-08", "2025-01-22", "2025-02-05", "2025-03-04", "2025-03-18", "2025-05-06", "2025-05-20"].map((on): AslliCaseEvent => ({ type: "MEETING", on })),
      { type: "SUSPENSION", on: "2025-04-01", endsOn: "2025-04-30" },
      { type: "BILAN_SENT", on: "2025-06-25", purpose: "RENEWAL" },
      { type: "RENEWAL", on: "2025-07-01", months: 6 },
    ];
    // Start 1 Jan 2025; 6 months → 30 June, + 30 days of suspension → 30 July; renewed: 12 months + 30 days → 30 Jan 2026.
    expect(rows(aslliCaseObligations(events, "2025-07-10"))).toEqual([
      "ASL-5:plan 2025-01-01→2025-02-01 done:2025-01-25 done ASSOCIATION",
      "ASL-6:meetings:2025-01 2025-01-01→2025-01-31 done:2025-01-22 done ASSOCIATION",
      "ASL-6:meetings:2025-02 2025-02-01→2025-02-28 done:- overdue ASSOCIATION",
      "ASL-6:meetings:2025-03 2025-03-01→2025-03-31 done:2025-03-18 done ASSOCIATION",
      "ASL-6:meetings:2025-05 2025-05-01→2025-05-31 done:2025-05-20 done ASSOCIATION",
      "ASL-6:meetings:2025-06 2025-06-01→2025-06-30 done:- overdue ASSOCIATION",
      "ASL-6:meetings:2025-07 2025-07-01→2025-07-31 done:- upcoming ASSOCIATION",
      "ASL-6:meetings:2025-08 2025-08-01→2025-08-31 done:- upcoming ASSOCIATION",
      "ASL-10:bilan:1 2025-01-01→2025-07-31 done:2025-06-25 done ASSOCIATION",
      "ASL-10:bilan:2 2025-07-31→2026-02-28 done:- upcoming ASSOCIATION",
      "ASL-14:handover 2026-01-30→- done:- upcoming ASSOCIATION",
    ]);
    const [bilan1, bilan2] = aslliCaseObligations(events, "2025-07-10").filter((o) => o.rule === "ASL-10");
    expect([bilan1.messageKey, bilan2.messageKey]).toEqual(["aslli.bilanRenewal", "aslli.bilanEnd"]);
  });

  it("ASL-4 ASL-5 ASL-7 ASL-10: issue 7 — commission 12 March, start 1 April, plan due 1 May, interrupted 16 May", () => {
    const events: AslliCaseEvent[] = [
      request,
      commission,
      { type: "PLAN_SENT", on: "2025-04-28" },
      { type: "MEETING", on: "2025-04-03" },
      { type: "MEETING", on: "2025-04-17" },
      { type: "MEETING", on: "2025-05-06" },
      { type: "INTERRUPTION", on: "2025-05-16" },
      { type: "BILAN_SENT", on: "2025-06-10", purpose: "END" },
    ];
    expect(rows(aslliCaseObligations(events, "2025-06-20"))).toEqual([
      "ASL-5:plan 2025-04-01→2025-05-01 done:2025-04-28 done ASSOCIATION",
      "ASL-6:meetings:2025-04 2025-04-01→2025-04-30 done:2025-04-17 done ASSOCIATION",
      "ASL-6:meetings:2025-05 2025-05-01→2025-05-16 done:- overdue ASSOCIATION",
      "ASL-10:bilan:1 2025-04-01→2025-06-16 done:2025-06-10 done ASSOCIATION",
      "ASL-14:handover 2025-05-16→- done:- upcoming ASSOCIATION",
    ]);
    // Before the plan is sent: due 1 May.
    expect(rows(aslliCaseObligations([request, commission], "2025-04-28")).slice(0, 1)).toEqual(["ASL-5:plan 2025-04-01→2025-05-01 done:- due-soon ASSOCIATION"]);
  });

  it("ASL-10: a renewal requested in the last period's bilan is due within the month of the end", () => {
    const events: AslliCaseEvent[] = [request, commission, { type: "BILAN_SENT", on: "2025-06-20", purpose: "RENEWAL" }];
    const bilan = aslliCaseObligations(events, "2025-06-21").find((o) => o.rule === "ASL-10");
    expect(bilan).toMatchObject({ dueOn: "2025-06-30", messageKey: "aslli.bilanRenewal", doneOn: "2025-06-20" });
    const open = aslliCaseObligations([request, commission], "2025-06-21").find((o) => o.rule === "ASL-10");
    expect(open).toMatchObject({ dueOn: "2025-07-30", messageKey: "aslli.bilanEnd" });
  });

  it("ASL-1: renewals up to 18 months in all; a further one is refused", () => {
    const six: AslliCaseEvent = { type: "COMMISSION", on: "2024-12-10", granted: true, purpose: "MAINTIEN", months: 6 };
    const renewal = (on: string, months: number): AslliCaseEvent => ({ type: "RENEWAL", on, months });
    const early: AslliCaseEvent = { type: "REQUEST", on: "2024-12-01", measuresInProgress: [] };
    const ok = aslliCaseObligations([early, six, renewal("2025-06-20", 6), renewal("2025-12-20", 6)], "2026-01-05");
    expect(ok.find((o) => o.key === "ASL-14:handover")?.opensOn).toBe("2026-06-30");
    const e = expectDomainError(() => aslliCaseObligations([early, six, renewal("2025-06-20", 6), renewal("2025-12-20", 6), renewal("2026-06-20", 1)], "2026-06-25"), "ASL-1", "MAX_DURATION_EXCEEDED");
    expect(e.params).toEqual({ months: 19, max: 18 });
    expectDomainError(() => aslliCaseObligations([early, { ...six, months: 19 } as AslliCaseEvent], "2025-01-05"), "ASL-1", "MAX_DURATION_EXCEEDED");
  });

  it("ASL-3: a request for a household under a MASP is refused (issue 7)", () => {
    const e = expectDomainError(() => aslliCaseObligations([{ type: "REQUEST", on: "2025-03-01", measuresInProgress: ["MASP"] }], "2025-03-02"), "ASL-3", "CUMUL_FORBIDDEN");
    expect(e.params).toEqual({ measures: ["MASP"] });
  });

  it("ASL-4 ASL-5 ASL-14: refused, cancelled for want of a signed plan, or started later in the first month", () => {
    expect(aslliCaseObligations([request, { ...commission, granted: false } as AslliCaseEvent], "2025-04-01")).toEqual([]);
    expect(aslliCaseObligations([request], "2025-04-01")).toEqual([]);
    expectDomainError(() => aslliCaseObligations([request, { ...commission, granted: false } as AslliCaseEvent, { type: "PLAN_SENT", on: "2025-04-01" }], "2025-04-02"), "ASL-14", "EVENT_AFTER_END");
    const cancelled = aslliCaseObligations([request, commission, { type: "END", on: "2025-05-05", reason: "CANCELLED" }], "2025-05-10");
    expect(rows(cancelled)).toEqual(["ASL-5:plan 2025-04-01→2025-05-01 done:- overdue ASSOCIATION"]);
    const late = aslliCaseObligations([request, commission, { type: "START", on: "2025-04-14" }], "2025-04-15");
    expect(late[0]).toMatchObject({ key: "ASL-5:plan", opensOn: "2025-04-14", dueOn: "2025-05-14" });
    expectDomainError(() => aslliCaseObligations([request, commission, { type: "START", on: "2025-05-02" }], "2025-05-03"), "ASL-4", "START_OUT_OF_WINDOW");
    const handedOver = aslliCaseObligations([request, commission, { type: "END", on: "2025-05-20", reason: "EARLY_END" }, { type: "HANDOVER", on: "2025-05-28" }], "2025-06-01");
    expect(handedOver.find((o) => o.rule === "ASL-14")).toMatchObject({ opensOn: "2025-05-20", doneOn: "2025-05-28", deadlineStatus: "done" });
  });

  it("ASL-2 ASL-4 ASL-8 ASL-14: impossible sequences are refused", () => {
    expectDomainError(() => aslliCaseObligations([], "2025-04-01"), "ASL-2", "INCOMPLETE");
    expectDomainError(() => aslliCaseObligations([commission], "2025-04-01"), "ASL-2", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => aslliCaseObligations([request, { ...request, on: "2025-03-02" } as AslliCaseEvent], "2025-04-01"), "ASL-2", "EVENT_DUPLICATE");
    expectDomainError(() => aslliCaseObligations([request, commission, { ...commission, on: "2025-03-13" } as AslliCaseEvent], "2025-04-01"), "ASL-4", "EVENT_DUPLICATE");
    expectDomainError(() => aslliCaseObligations([request, { type: "PLAN_SENT", on: "2025-03-05" }], "2025-04-01"), "ASL-4", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => aslliCaseObligations([request, commission, { type: "START", on: "2025-04-01" }, { type: "START", on: "2025-04-02" }], "2025-04-03"), "ASL-4", "EVENT_DUPLICATE");
    expectDomainError(() => aslliCaseObligations([request, commission, { type: "SUSPENSION", on: "2025-04-10", endsOn: "2025-04-01" }], "2025-04-20"), "ASL-8", "END_BEFORE_START");
    const interrupted: AslliCaseEvent[] = [request, commission, { type: "INTERRUPTION", on: "2025-04-10" }];
    expectDomainError(() => aslliCaseObligations([...interrupted, { type: "MEETING", on: "2025-04-12" }], "2025-04-20"), "ASL-14", "EVENT_AFTER_END");
    expectDomainError(() => aslliCaseObligations([request, { type: "VISIT", on: "2025-03-05" } as never], "2025-04-01"), "ASL-14", "UNKNOWN_VALUE");
    expectDomainError(() => aslliCaseObligations([request], "2025-04-31"), "ASL-5", "INVALID_DATE");
    expectDomainError(() => aslliCaseObligations([{ ...request, on: "2025-02-29" } as AslliCaseEvent], "2025-04-01"), "ASL-2", "INVALID_DATE");
  });

  it("ASL-6: the minimum meetings a month is a convention parameter", () => {
    const events: AslliCaseEvent[] = [request, commission, { type: "MEETING", on: "2025-04-03" }];
    expect(aslliCaseObligations(events, "2025-04-10", { meetingsPerMonth: 1 }).find((o) => o.key === "ASL-6:meetings:2025-04")?.doneOn).toBe("2025-04-03");
    expect(aslliCaseObligations(events, "2025-04-10").find((o) => o.key === "ASL-6:meetings:2025-04")?.doneOn).toBeNull();
  });
});
