// One shape for every report a partner downloads (issues 11 and 14): a titled table with typed columns,
// written as a page, as a French CSV (`;`, UTF-8 with BOM, decimal commas) or as an .xlsx (exceljs).
import { formatDate } from "@/lib/format";

export type ColumnKind = "text" | "int" | "decimal" | "percent" | "cents" | "date";
export type Column<K extends string = string> = { key: K; label: string; kind?: ColumnKind };
export type Cell = string | number | null | undefined;
export type ReportTable<K extends string = string> = {
  /** Sheet name in Excel (≤ 31 characters, no []:*?/\) and caption on the page. */
  title: string;
  columns: readonly Column<K>[];
  rows: readonly Record<K, Cell>[];
  /** A note printed under the table (source, rule ids, definitions). */
  note?: string;
};

const decimals = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, useGrouping: false });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const grouped = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const groupedEuros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

/** The cell as the CSV writes it: numbers with a decimal comma and no grouping, dates as JJ/MM/AAAA. */
export function csvCell(value: Cell, kind: ColumnKind = "text"): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") {
    if (kind === "cents") return euros.format(value / 100);
    if (kind === "percent") return decimals.format(Math.round(value * 1000) / 10);
    return decimals.format(value);
  }
  if (kind === "date" && /^\d{4}-\d{2}-\d{2}/.test(value)) return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  return value;
}

/** The cell as a page shows it: « 1 234,5 », « 12,5 % », « 11 400,00 € », « 12 mars 2025 ». */
export function displayCell(value: Cell, kind: ColumnKind = "text"): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") {
    if (kind === "cents") return groupedEuros.format(value / 100);
    if (kind === "percent") return percent.format(value);
    return grouped.format(value);
  }
  if (kind === "date") return formatDate(value);
  return value;
}

function quote(s: string): string {
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** French CSV: BOM, `;`, CRLF; several tables are separated by a blank line, each under its title. */
export function toCsv(tables: readonly ReportTable[]): string {
  const lines: string[] = [];
  tables.forEach((t, i) => {
    if (i > 0) lines.push("");
    if (tables.length > 1) lines.push(quote(t.title));
    lines.push(t.columns.map((c) => quote(c.label)).join(";"));
    for (const row of t.rows) lines.push(t.columns.map((c) => quote(csvCell(row[c.key], c.kind))).join(";"));
  });
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

const numFmt: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: "#,##0",
  decimal: "#,##0.00",
  percent: "0.0%",
  cents: '#,##0.00 "€"',
  date: "dd/mm/yyyy",
};

export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").slice(0, 31).trim() || "Feuille";
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** An .xlsx workbook, a sheet per table; numbers stay numbers (cents become euros), dates stay dates. */
export async function toXlsx(tables: readonly ReportTable[], meta: { creator: string; title: string }): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator;
  wb.title = meta.title;
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, taken));
    ws.columns = t.columns.map((c) => ({ header: c.label, key: c.key, width: Math.min(48, Math.max(12, c.label.length + 2)), style: numFmt[c.kind ?? "text"] ? { numFmt: numFmt[c.kind ?? "text"] } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    for (const row of t.rows) {
      ws.addRow(
        Object.fromEntries(
          t.columns.map((c) => {
            const v = row[c.key];
            if (v === null || v === undefined || v === "") return [c.key, null];
            if (c.kind === "cents" && typeof v === "number") return [c.key, v / 100];
            if (c.kind === "date" && typeof v === "string") return [c.key, new Date(`${v.slice(0, 10)}T00:00:00Z`)];
            return [c.key, v];
          }),
        ),
      );
    }
    if (t.note) {
      ws.addRow([]);
      ws.addRow([t.note]).font = { italic: true };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ExportFormat = "csv" | "xlsx";

/** The HTTP answer of an export route: attachment, right type, a file name in ASCII and in UTF-8. */
export async function exportResponse(format: ExportFormat, filename: string, tables: readonly ReportTable[], meta: { creator: string; title: string }): Promise<Response> {
  const ascii = filename.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._-]+/g, "-");
  const disposition = `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}.${format}`;
  if (format === "csv") {
    return new Response(toCsv(tables), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition, "cache-control": "no-store" } });
  }
  const body = await toXlsx(tables, meta);
  return new Response(new Uint8Array(body), {
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": disposition, "cache-control": "no-store" },
  });
}
