import { describe, expect, it } from "vitest";
import { formatCents, formatDate, formatMonths } from "@/lib/format";

describe("French formatting at the edge", () => {
  it("dates read « 12 mars 2025 », and the first of the month « 1er »", () => {
    expect(formatDate("2025-03-12")).toBe("12 mars 2025");
    expect(formatDate("2024-01-01")).toBe("1er janvier 2024");
    expect(formatDate(new Date("2026-12-31T00:00:00Z"))).toBe("31 décembre 2026");
    expect(formatDate(null)).toBe("—");
  });
  it("amounts read « 11 400,00 € » with French separators (narrow no-break spaces)", () => {
    expect(formatCents(1_140_000)).toBe("11\u202f400,00\u00a0€");
  });
  it("durations in years or months", () => {
    expect(formatMonths(12)).toBe("1 an");
    expect(formatMonths(36)).toBe("3 ans");
    expect(formatMonths(18)).toBe("18 mois");
  });
});
