import { describe, expect, it } from "vitest";
import { aslliMeasureFacts, aslliMonthsDue, aslliSemesterTable, aslliStatusOn, type AslliCaseEvent } from "@/lib/domain";
import { expectDomainError } from "./helpers";

const request = (on: string): AslliCaseEvent => ({ type: "REQUEST", on, measuresInProgress: [] });
const commission = (on: string, purpose: "ACCESS" | "MAINTIEN", months: number, granted = true): AslliCaseEvent => ({ type: "COMMISSION", on, granted, purpose, months });
const facts = (events: AslliCaseEvent[]) => aslliMeasureFacts(events);

/** Eight measures; months due and rows below were worked out by hand. */
const m1 = facts([request("2024-11-01"), commission("2024-11-20", "MAINTIEN", 6)]); // Dec 2024 → May 2025
const m2 = facts([request("2025-03-01"), commission("2025-03-12", "ACCESS", 3), { type: "INTERRUPTION", on: "2025-05-16" }]); // Apr, May
const m3 = facts([request("2025-01-02"), commission("2025-01-08", "MAINTIEN", 6), { type: "SUSPENSION", on: "2025-03-10", endsOn: "2025-03-19" }]); // Feb → 10 Aug
const m4 = facts([request("2024-05-02"), commission("2024-05-15", "ACCESS", 3)]); // Jun → Aug 2024
const m5 = facts([request("2025-06-01"), commission("2025-06-20", "ACCESS", 3)]); // from July 2025
const m6 = facts([request("2025-01-03"), commission("2025-01-10", "ACCESS", 3), { type: "INTERRUPTION", on: "2025-03-15" }]); // Feb only
const m7 = facts([request("2024-09-01"), commission("2024-09-10", "MAINTIEN", 6), { type: "RENEWAL", on: "2025-03-15", months: 6 }]); // Oct 2024 → Sep 2025
const m8 = facts([request("2025-01-05"), commission("2025-01-20", "ACCESS", 3, false)]); // refused
const measures = [
  { householdNumber: "M-007", facts: m7 },
  { householdNumber: "M-001", facts: m1 },
  { householdNumber: "M-002", facts: m2 },
  { householdNumber: "M-003", facts: m3 },
  { householdNumber: "M-004", facts: m4 },
  { householdNumber: "M-005", facts: m5 },
  { householdNumber: "M-006", facts: m6 },
  { householdNumber: "M-008", facts: m8 },
];

describe("months due (ASL-11b, ASL-7)", () => {
  it("ASL-11b ASL-7: each month from start to end; interrupted on the 16th → that month due and no later one (issue 7)", () => {
    expect(aslliMonthsDue(m2)).toEqual(["2025-04", "2025-05"]);
    expect(aslliMonthsDue(m6)).toEqual(["2025-02"]); // interrupted on the 15th: March not due
    expect(aslliMonthsDue(m1)).toEqual(["2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05"]);
    expect(aslliMonthsDue(m3)).toEqual(["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]);
    expect(aslliMonthsDue(m8)).toEqual([]);
  });

  it("ASL-11b ASL-14 ASL-5: an early end follows the 15th rule; a cancelled measure is owed nothing", () => {
    const early = facts([request("2025-03-01"), commission("2025-03-12", "MAINTIEN", 6), { type: "END", on: "2025-06-20", reason: "EARLY_END" }]);
    expect(aslliMonthsDue(early)).toEqual(["2025-04", "2025-05", "2025-06"]);
    const cancelled = facts([request("2025-03-01"), commission("2025-03-12", "ACCESS", 3), { type: "END", on: "2025-05-02", reason: "CANCELLED" }]);
    expect(aslliMonthsDue(cancelled)).toEqual([]);
  });
});

describe("semester table (ASL-11)", () => {
  it("ASL-11 ASL-11b ASL-8: first semester 2025 — one row per measure active, months due in the semester, amount", () => {
    const t = aslliSemesterTable(measures, "2025-S1", 30_000);
    expect(t.period).toBe("2025-S1");
    expect(t.dueOn).toBe("2025-06-30");
    expect(t.rows).toEqual([
      { householdNumber: "M-001", purpose: "MAINTIEN", commissionOn: "2024-11-20", startOn: "2024-12-01", plannedEndOn: "2025-05-31", renewals: 0, suspensionDays: 0, interruptedOn: null, endOn: "2025-05-31", monthsDue: 5, status: "TERMINEE" },
      { householdNumber: "M-002", purpose: "ACCESS", commissionOn: "2025-03-12", startOn: "2025-04-01", plannedEndOn: "2025-06-30", renewals: 0, suspensionDays: 0, interruptedOn: "2025-05-16", endOn: "2025-05-16", monthsDue: 2, status: "INTERROMPUE" },
      { householdNumber: "M-003", purpose: "MAINTIEN", commissionOn: "2025-01-08", startOn: "2025-02-01", plannedEndOn: "2025-08-10", renewals: 0, suspensionDays: 10, interruptedOn: null, endOn: null, monthsDue: 5, status: "EN_COURS" },
      { householdNumber: "M-006", purpose: "ACCESS", commissionOn: "2025-01-10", startOn: "2025-02-01", plannedEndOn: "2025-04-30", renewals: 0, suspensionDays: 0, interruptedOn: "2025-03-15", endOn: "2025-03-15", monthsDue: 1, status: "INTERROMPUE" },
      { householdNumber: "M-007", purpose: "MAINTIEN", commissionOn: "2024-09-10", startOn: "2024-10-01", plannedEndOn: "2025-09-30", renewals: 1, suspensionDays: 0, interruptedOn: null, endOn: null, monthsDue: 6, status: "EN_COURS" },
    ]);
    expect(t.monthsDue).toBe(19);
    expect(t.amountDueCents).toBe(570_000);
  });

  it("ASL-11 ASL-11b: second semester 2024, without a unit price", () => {
    const t = aslliSemesterTable(measures, "2024-S2");
    expect(t.dueOn).toBe("2024-12-31");
    expect(t.rows.map((r) => [r.householdNumber, r.monthsDue, r.status])).toEqual([
      ["M-001", 1, "EN_COURS"],
      ["M-004", 2, "TERMINEE"],
      ["M-007", 3, "EN_COURS"],
    ]);
    expect(t.monthsDue).toBe(6);
    expect(t.amountDueCents).toBeNull();
  });

  it("ASL-11: a measure's status on a day", () => {
    expect(aslliStatusOn(m3, "2025-01-20")).toBe("A_VENIR");
    expect(aslliStatusOn(m3, "2025-03-15")).toBe("SUSPENDUE");
    expect(aslliStatusOn(m3, "2025-03-20")).toBe("EN_COURS");
    const early = facts([request("2025-03-01"), commission("2025-03-12", "MAINTIEN", 6), { type: "END", on: "2025-06-20", reason: "EARLY_END" }]);
    expect(aslliStatusOn(early, "2025-06-20")).toBe("ARRETEE");
    const cancelled = facts([request("2025-03-01"), commission("2025-03-12", "ACCESS", 3), { type: "END", on: "2025-05-02", reason: "CANCELLED" }]);
    expect(aslliStatusOn(cancelled, "2025-06-30")).toBe("ANNULEE");
    expect(aslliStatusOn(m8, "2025-06-30")).toBe("A_VENIR");
    expectDomainError(() => aslliStatusOn(m3, "2025-06-31"), "ASL-11", "INVALID_DATE");
  });

  it("ASL-11 ASL-11b: a bad period or unit price is refused", () => {
    expectDomainError(() => aslliSemesterTable(measures, "2025-S3"), "ASL-11", "INVALID_PERIOD");
    expectDomainError(() => aslliSemesterTable(measures, "2025-Q1"), "ASL-11", "INVALID_PERIOD");
    expectDomainError(() => aslliSemesterTable(measures, "2025-S1", -5), "ASL-11b", "NEGATIVE");
  });
});
