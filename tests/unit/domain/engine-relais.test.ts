import { describe, expect, it } from "vitest";
import { relaisCaseObligations, type RelaisCaseEvent } from "@/lib/domain";
import { expectDomainError, rows } from "./helpers";

const referral: RelaisCaseEvent = { type: "REFERRAL", on: "2025-03-10" };
const diagnostic: RelaisCaseEvent = { type: "DIAGNOSTIC", on: "2025-03-28" };
const yes: RelaisCaseEvent = { type: "DECISION", on: "2025-04-04", entry: true };
const entry: RelaisCaseEvent = { type: "ENTRY", on: "2025-05-02" };

describe("deadline engine — relais case (REL-2..REL-8)", () => {
  it("REL-2 REL-4 REL-6 REL-7 REL-8: a full case of issue 6 (referral 10 March, entry 2 May), worked out by hand on 28 May 2025", () => {
    const events: RelaisCaseEvent[] = [
      referral,
      diagnostic,
      yes,
      entry,
      { type: "CONTRACT_SENT", on: "2025-05-10" },
      { type: "VISIT", on: "2025-05-06" },
      { type: "VISIT", on: "2025-05-13" },
      { type: "VISIT", on: "2025-05-21" },
    ];
    expect(rows(relaisCaseObligations(events, "2025-05-28"))).toEqual([
      "REL-2:diagnostic 2025-03-25→2025-04-10 done:2025-03-28 done ASSOCIATION",
      "REL-4:decision 2025-03-28→- done:2025-04-04 done PARTIES",
      "REL-6:contract 2025-05-02→- done:2025-05-10 done ASSOCIATION",
      "REL-7:visit:2025-W18 2025-05-02→2025-05-04 done:- overdue ASSOCIATION",
      "REL-7:visit:2025-W19 2025-05-05→2025-05-11 done:2025-05-06 done ASSOCIATION",
      "REL-7:visit:2025-W20 2025-05-12→2025-05-18 done:2025-05-13 done ASSOCIATION",
      "REL-7:visit:2025-W21 2025-05-19→2025-05-25 done:2025-05-21 done ASSOCIATION",
      "REL-7:visit:2025-W22 2025-05-26→2025-06-01 done:- due-soon ASSOCIATION",
      "REL-7:visit:2025-W23 2025-06-02→2025-06-08 done:- upcoming ASSOCIATION",
      "REL-7:intermediate-bilan:B1 2025-05-02→2025-08-01 done:- upcoming ASSOCIATION",
      "REL-7:intermediate-bilan:B2 2025-08-02→2025-11-01 done:- upcoming ASSOCIATION",
      "REL-8:final-bilan 2025-05-02→2026-05-01 done:- upcoming ASSOCIATION",
    ]);
  });

  it("REL-2: the diagnostic is due between day 15 and 1 month after the referral; overdue after", () => {
    expect(rows(relaisCaseObligations([referral], "2025-03-20"))).toEqual(["REL-2:diagnostic 2025-03-25→2025-04-10 done:- upcoming ASSOCIATION"]);
    expect(relaisCaseObligations([referral], "2025-04-10")[0].deadlineStatus).toBe("due-soon");
    expect(relaisCaseObligations([referral], "2025-04-11")[0].deadlineStatus).toBe("overdue");
    // Before day 15 is early but allowed.
    expect(relaisCaseObligations([referral, { type: "DIAGNOSTIC", on: "2025-03-12" }], "2025-03-12")[0].doneOn).toBe("2025-03-12");
  });

  it("REL-5: two months after the diagnostic without a dwelling, the Ville may propose one — an option, never late", () => {
    const waiting: RelaisCaseEvent[] = [{ type: "REFERRAL", on: "2025-01-06" }, { type: "DIAGNOSTIC", on: "2025-01-31" }, { type: "DECISION", on: "2025-02-10", entry: true }];
    const [, , fallback] = relaisCaseObligations(waiting, "2025-09-15");
    expect(fallback).toMatchObject({ key: "REL-5:fallback", opensOn: "2025-03-31", dueOn: null, optional: true, closesOn: null, deadlineStatus: "upcoming", responsible: "COMMUNE" });
    const proposed = relaisCaseObligations([...waiting, { type: "DWELLING_PROPOSED", on: "2025-04-20" }], "2025-04-25");
    expect(proposed.find((o) => o.key === "REL-5:fallback")).toMatchObject({ doneOn: "2025-04-20", deadlineStatus: "done" });
    // Entered without a proposal: the option is moot.
    const entered = relaisCaseObligations([...waiting, { type: "ENTRY", on: "2025-03-01" }], "2025-04-25");
    expect(entered.some((o) => o.key === "REL-5:fallback")).toBe(false);
  });

  it("REL-4 REL-8: a negative decision closes the case; nothing may follow", () => {
    const no: RelaisCaseEvent = { type: "DECISION", on: "2025-04-04", entry: false };
    expect(rows(relaisCaseObligations([referral, diagnostic, no], "2025-06-01"))).toEqual([
      "REL-2:diagnostic 2025-03-25→2025-04-10 done:2025-03-28 done ASSOCIATION",
      "REL-4:decision 2025-03-28→- done:2025-04-04 done PARTIES",
    ]);
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, no, { type: "ENTRY", on: "2025-05-02" }], "2025-06-01"), "REL-8", "EVENT_AFTER_END");
  });

  it("REL-6 REL-7 REL-8: a renewed support ended early — past misses stay, the rest goes, the final bilan may follow the end", () => {
    const events: RelaisCaseEvent[] = [
      { type: "REFERRAL", on: "2024-11-04" },
      { type: "DIAGNOSTIC", on: "2024-11-25" },
      { type: "DECISION", on: "2024-12-02", entry: true },
      { type: "ENTRY", on: "2025-01-15" },
      { type: "FINAL_BILAN_SENT", on: "2025-12-10" }, // before the renewal: not the final one
      { type: "RENEWAL", on: "2025-12-20" },
      { type: "END", on: "2026-06-30", outcome: "RELOGE" },
      { type: "FINAL_BILAN_SENT", on: "2026-07-05" },
    ];
    const out = relaisCaseObligations(events, "2026-07-10");
    const visits = out.filter((o) => o.rule === "REL-7" && o.key.includes("visit"));
    // ISO weeks 2025-W03 (13–19 Jan) to 2026-W26 (22–28 Jun): 50 + 26; the week of the end is moot.
    expect(visits).toHaveLength(76);
    expect([visits[0].key, visits[75].key]).toEqual(["REL-7:visit:2025-W03", "REL-7:visit:2026-W26"]);
    expect(visits.every((v) => v.deadlineStatus === "overdue")).toBe(true);
    expect(out.filter((o) => o.key.includes("intermediate")).map((o) => o.dueOn)).toEqual(["2025-04-14", "2025-07-14", "2025-10-14", "2026-01-14", "2026-04-14"]);
    expect(out.some((o) => o.key === "REL-6:contract")).toBe(false); // open, no date, case closed
    expect(rows(out.filter((o) => o.rule === "REL-8"))).toEqual(["REL-8:final-bilan 2025-01-15→2026-06-30 done:2026-07-05 done ASSOCIATION"]);
  });

  it("REL-6: renewals move the support's end; REL-7 the intermediate-bilan interval is a convention parameter", () => {
    const events = [referral, diagnostic, yes, entry, { type: "RENEWAL", on: "2026-04-20" } as RelaisCaseEvent];
    expect(relaisCaseObligations(events, "2026-04-21").find((o) => o.rule === "REL-8")?.dueOn).toBe("2027-05-01");
    const sixMonthly = relaisCaseObligations([referral, diagnostic, yes, entry], "2025-05-28", { intermediateBilanMonths: 6 });
    expect(sixMonthly.filter((o) => o.key.includes("intermediate")).map((o) => o.dueOn)).toEqual(["2025-11-01"]);
    const twoYears = relaisCaseObligations([referral, diagnostic, yes, entry], "2025-05-28", { supportMonths: 24 });
    expect(twoYears.find((o) => o.rule === "REL-8")?.dueOn).toBe("2027-05-01");
  });

  it("REL-1 REL-2 REL-4 REL-6 REL-7 REL-8: impossible sequences are refused (issue 6: a bilan before the entry, a visit after the end)", () => {
    expectDomainError(() => relaisCaseObligations([], "2025-06-01"), "REL-1", "INCOMPLETE");
    expectDomainError(() => relaisCaseObligations([diagnostic], "2025-06-01"), "REL-1", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, { type: "REFERRAL", on: "2025-03-11" }], "2025-06-01"), "REL-1", "EVENT_DUPLICATE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, { type: "DIAGNOSTIC", on: "2025-03-29" }], "2025-06-01"), "REL-2", "EVENT_DUPLICATE");
    expectDomainError(() => relaisCaseObligations([referral, yes], "2025-06-01"), "REL-4", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, { ...yes, on: "2025-04-05" }], "2025-06-01"), "REL-4", "EVENT_DUPLICATE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, { type: "DWELLING_PROPOSED", on: "2025-04-01" }], "2025-06-01"), "REL-5", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, entry], "2025-06-01"), "REL-6", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, entry, { ...entry, on: "2025-05-03" }], "2025-06-01"), "REL-6", "EVENT_DUPLICATE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, { type: "CONTRACT_SENT", on: "2025-04-10" }], "2025-06-01"), "REL-6", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, { type: "VISIT", on: "2025-04-10" }], "2025-06-01"), "REL-7", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, { type: "INTERMEDIATE_BILAN_SENT", on: "2025-04-10" }], "2025-06-01"), "REL-7", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, { type: "RENEWAL", on: "2025-04-10" }], "2025-06-01"), "REL-6", "EVENT_BEFORE_PREREQUISITE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, { type: "FINAL_BILAN_SENT", on: "2025-04-10" }], "2025-06-01"), "REL-8", "EVENT_BEFORE_PREREQUISITE");
    const ended: RelaisCaseEvent[] = [referral, diagnostic, yes, entry, { type: "END", on: "2025-06-01", outcome: "STOP" }];
    expectDomainError(() => relaisCaseObligations([...ended, { type: "VISIT", on: "2025-06-02" }], "2025-06-10"), "REL-8", "EVENT_AFTER_END");
    expectDomainError(() => relaisCaseObligations([referral, { type: "PHONE_CALL", on: "2025-03-11" } as never], "2025-06-01"), "REL-8", "UNKNOWN_VALUE");
    expectDomainError(() => relaisCaseObligations([{ type: "REFERRAL", on: "2025-02-30" }], "2025-06-01"), "REL-1", "INVALID_DATE");
    expectDomainError(() => relaisCaseObligations([referral], "2025-06-31"), "REL-2", "INVALID_DATE");
    expectDomainError(() => relaisCaseObligations([referral, diagnostic, yes, entry, { type: "INTERMEDIATE_BILAN_SENT", on: "2025-06-01", period: "Q2" }], "2025-06-10"), "REL-7", "INVALID_PERIOD");
  });

  it("REL-7: an intermediate bilan may name the interval it covers", () => {
    const events: RelaisCaseEvent[] = [referral, diagnostic, yes, entry, { type: "INTERMEDIATE_BILAN_SENT", on: "2025-08-05", period: "B1" }];
    const b1 = relaisCaseObligations(events, "2025-08-10").find((o) => o.key === "REL-7:intermediate-bilan:B1");
    expect(b1).toMatchObject({ doneOn: "2025-08-05", deadlineStatus: "done", period: "B1" });
  });
});
