import { UTCDate } from "@date-fns/utc";
import { addMonths as dfAddMonths } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, endOfMonthsPeriod, isLeapYear, lastDayOfMonth, nextPeriod, periodOf } from "@/lib/domain";
import { assertOrdered, fromDays, parseIso, toDays } from "@/lib/domain/dates";
import { assertPeriodKey } from "@/lib/domain/periods";
import { expectDomainError } from "./helpers";

const isoArb = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("GEN-1 calendar arithmetic (every rule's dates)", () => {
  it("GEN-1: month arithmetic clamps to the month's end like date-fns addMonths (31 Jan + 1 month = end of Feb)", () => {
    expect(addMonths("2025-01-31", 1, "GEN-1")).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1, "GEN-1")).toBe("2024-02-29");
    expect(addMonths("2024-02-29", 12, "GEN-1")).toBe("2025-02-28");
    expect(addMonths("2024-03-31", -1, "GEN-1")).toBe("2024-02-29");
    expect(addMonths("2025-12-15", 1, "GEN-1")).toBe("2026-01-15");
    expect(addMonths("2025-01-15", -13, "GEN-1")).toBe("2023-12-15");
  });

  it("GEN-1: addMonths agrees with date-fns addMonths on UTC dates (property, any time zone)", () => {
    fc.assert(
      fc.property(isoArb, fc.integer({ min: -600, max: 600 }), (iso, n) => {
        const { y, m, d } = parseIso(iso, "GEN-1");
        const expected = dfAddMonths(new UTCDate(y, m - 1, d), n).toISOString().slice(0, 10);
        expect(addMonths(iso, n, "GEN-1")).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("GEN-1: day numbers round-trip and days between dates count calendar days (leap years included)", () => {
    fc.assert(
      fc.property(isoArb, (iso) => {
        expect(fromDays(toDays(iso, "GEN-1"))).toBe(iso);
      }),
    );
    expect(toDays("1970-01-01", "GEN-1")).toBe(0);
    expect(daysBetween("2024-02-28", "2024-03-01", "GEN-1")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01", "GEN-1")).toBe(1);
    expect(daysBetween("2025-03-01", "2025-02-28", "GEN-1")).toBe(-1);
    expect(addDays("2024-12-31", 1, "GEN-1")).toBe("2025-01-01");
    expect(addDays("1999-03-01", -1, "GEN-1")).toBe("1999-02-28");
  });

  it("GEN-1: leap years and month ends", () => {
    expect([1900, 2000, 2024, 2025].map(isLeapYear)).toEqual([false, true, true, false]);
    expect(lastDayOfMonth("2024-02-10", "GEN-1")).toBe("2024-02-29");
    expect(lastDayOfMonth("2100-02-10", "GEN-1")).toBe("2100-02-28");
    expect(endOfMonthsPeriod("2025-01-01", 12, "GEN-1")).toBe("2025-12-31");
    expect(endOfMonthsPeriod("2024-01-31", 1, "GEN-1")).toBe("2024-02-28");
  });

  it("GEN-1: invalid dates are refused with INVALID_DATE", () => {
    for (const bad of ["2025-02-29", "2025-13-01", "2025-00-10", "2025-1-01", "25-01-01", "2025/01/01", "abcd-ef-gh", "0999-01-01", ""]) {
      expectDomainError(() => parseIso(bad, "GEN-1"), "GEN-1", "INVALID_DATE");
    }
    expectDomainError(() => parseIso(20250101 as unknown as string, "REL-2"), "REL-2", "INVALID_DATE");
    expectDomainError(() => assertOrdered("2025-02-01", "2025-01-31", "ASL-8"), "ASL-8", "END_BEFORE_START");
  });
});

describe("GEN-6 periods of recurring obligations", () => {
  it("GEN-6: ISO weeks (Monday–Sunday, week 1 holds the first Thursday) across year ends", () => {
    expect(periodOf({ unit: "WEEK" }, "2025-02-12")).toEqual({ key: "2025-W07", startOn: "2025-02-10", endOn: "2025-02-16" });
    expect(periodOf({ unit: "WEEK" }, "2024-12-30").key).toBe("2025-W01");
    expect(periodOf({ unit: "WEEK" }, "2021-01-03")).toEqual({ key: "2020-W53", startOn: "2020-12-28", endOn: "2021-01-03" });
    expect(periodOf({ unit: "WEEK" }, "1969-12-31").key).toBe("1970-W01");
  });

  it("GEN-6: months, quarters, semesters, years and anchored periods", () => {
    expect(periodOf({ unit: "MONTH" }, "2024-02-10")).toEqual({ key: "2024-02", startOn: "2024-02-01", endOn: "2024-02-29" });
    expect(periodOf({ unit: "QUARTER" }, "2025-05-20")).toEqual({ key: "2025-Q2", startOn: "2025-04-01", endOn: "2025-06-30" });
    expect(periodOf({ unit: "SEMESTER" }, "2025-07-01")).toEqual({ key: "2025-S2", startOn: "2025-07-01", endOn: "2025-12-31" });
    expect(periodOf({ unit: "YEAR" }, "2025-07-01")).toEqual({ key: "2025", startOn: "2025-01-01", endOn: "2025-12-31" });
    const y = { unit: "ANCHORED" as const, anchor: "2024-01-31", months: 1, prefix: "P" };
    expect(periodOf(y, "2024-02-28")).toEqual({ key: "P1", startOn: "2024-01-31", endOn: "2024-02-28" });
    expect(periodOf(y, "2024-02-29")).toEqual({ key: "P2", startOn: "2024-02-29", endOn: "2024-03-30" });
    expect(periodOf(y, "2024-01-01").key).toBe("P0");
    expect(nextPeriod({ unit: "QUARTER" }, periodOf({ unit: "QUARTER" }, "2025-11-02")).key).toBe("2026-Q1");
  });

  it("GEN-6: an explicit period key must belong to the scheme (INVALID_PERIOD)", () => {
    assertPeriodKey({ unit: "SEMESTER" }, "2024-S2", "ASL-11");
    assertPeriodKey({ unit: "ANCHORED", anchor: "2025-01-01", months: 12, prefix: "Y" }, "Y2", "GEN-6");
    expectDomainError(() => assertPeriodKey({ unit: "SEMESTER" }, "2024-S3", "ASL-11"), "ASL-11", "INVALID_PERIOD");
    expectDomainError(() => assertPeriodKey({ unit: "WEEK" }, "2024-W54", "REL-7"), "REL-7", "INVALID_PERIOD");
    expectDomainError(() => assertPeriodKey({ unit: "ANCHORED", anchor: "2025-01-01", months: 12, prefix: "Y" }, "Y0", "GEN-6"), "GEN-6", "INVALID_PERIOD");
    expectDomainError(() => periodOf({ unit: "DECADE" } as never, "2025-01-01"), "GEN-6", "UNKNOWN_VALUE");
  });
});
