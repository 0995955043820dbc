import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { csvCell, displayCell, sheetName, toCsv, toXlsx, type ReportTable } from "@/lib/export/table";

const table: ReportTable = {
  title: "Bilan 2025 : attributions",
  columns: [
    { key: "label", label: "Réservataire" },
    { key: "n", label: "Logements", kind: "int" },
    { key: "share", label: "Part", kind: "percent" },
    { key: "amount", label: "Montant", kind: "cents" },
    { key: "on", label: "Date", kind: "date" },
  ],
  rows: [
    { label: "Ville de Choisy-le-Roi; Hôtel de ville", n: 1234, share: 0.125, amount: 1140000, on: "2025-03-12" },
    { label: 'Préfecture "contingent"', n: 0, share: null, amount: 5, on: null },
  ],
};

describe("French exports (issues 11 and 14)", () => {
  it("writes cells the French way: decimal comma, no grouping, dates JJ/MM/AAAA", () => {
    expect(csvCell(1234.5, "decimal")).toBe("1234,5");
    expect(csvCell(0.125, "percent")).toBe("12,5");
    expect(csvCell(1140000, "cents")).toBe("11400,00");
    expect(csvCell("2025-03-12", "date")).toBe("12/03/2025");
    expect(csvCell(null)).toBe("");
    expect(displayCell(1140000, "cents")).toBe("11\u202f400,00\u00a0€");
    expect(displayCell("2025-03-01", "date")).toBe("1er mars 2025");
  });

  it("starts the CSV with a BOM, separates with ; and quotes what needs it", () => {
    const csv = toCsv([table]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Réservataire;Logements;Part;Montant;Date");
    expect(lines[1]).toBe('"Ville de Choisy-le-Roi; Hôtel de ville";1234;12,5;11400,00;12/03/2025');
    expect(lines[2]).toBe('"Préfecture ""contingent""";0;;0,05;');
  });

  it("keeps numbers as numbers and dates as dates in the .xlsx", async () => {
    const buf = await toXlsx([table, { ...table, title: table.title }], { creator: "test", title: "t" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bilan 2025 attributions", "Bilan 2025 attributions 2"]);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A2").value).toBe("Ville de Choisy-le-Roi; Hôtel de ville");
    expect(ws.getCell("B2").value).toBe(1234);
    expect(ws.getCell("D2").value).toBe(11400);
    expect((ws.getCell("E2").value as Date).toISOString().slice(0, 10)).toBe("2025-03-12");
  });

  it("makes unique Excel sheet names of at most 31 characters", () => {
    const taken = new Set<string>();
    expect(sheetName("A/B", taken)).toBe("A B");
    expect(sheetName("a/b", taken)).toBe("a b 2");
    expect(sheetName("x".repeat(40), taken)).toHaveLength(31);
  });
});
