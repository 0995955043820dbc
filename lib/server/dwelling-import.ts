import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { IsoDate } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Role } from "@/lib/generated/prisma/client";
import { DWELLING_CSV_COLUMNS, ZDwellingFields, ZRegimeFields, type TDwellingFields, type TRegimeFields } from "@/lib/validation/dwellings";
import { resolveCaller } from "./access";
import { MSG, sameOrigin, type RequestContext } from "./action";
import { writeAudit } from "./audit";
import { today as clockToday } from "./clock";
import { readBodyWithLimit } from "./documents";
import { prisma, type Db, type Tx } from "./db";

// Issue 9 §1, RES-1..3 and RES-17: the import of a bailleur's dwellings from a CSV file (what Excel writes).
// Bytes → text (UTF-8 with or without BOM, else Windows-1252) → records (`;` or `,`, quotes) → columns by name →
// each line through the form's own schemas → one transaction of bulk statements (UNNEST of arrays, in chunks).

export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/** Only so many line errors go back to the browser; the count of wrong lines is always exact. */
export const MAX_REPORTED_ERRORS = 1000;
/** ADMIN and AGENT of a bailleur import its dwellings (READER: 403). */
export const DWELLING_IMPORT_ROLES: readonly Role[] = ["ADMIN", "AGENT"];
/** A new dwelling's initial regime holds from the start: the assiette of past years reads it too. */
export const INITIAL_REGIME_ON = "1900-01-01";

export const IMPORT_MSG = {
  empty: "Le fichier est vide.",
  tooLarge: "Le fichier dépasse 30 Mo : découpez-le en plusieurs fichiers.",
  notCsv: "Ce fichier n'est pas un fichier CSV (un classeur Excel ?) : dans Excel, « Enregistrer sous » → « CSV (séparateur : point-virgule) ».",
  noLines: "Le fichier ne contient aucune ligne de logement après la ligne d'en-tête.",
  notBailleur: "Seul un bailleur importe ses logements.",
  mode: "Mode d'import inconnu : « tout » ou « lignes-valides ».",
  rejected: "Aucun logement n'a été importé : corrigez les lignes signalées puis importez à nouveau le fichier, ou cochez « Importer les lignes valides et ignorer les autres ».",
  unreadable: "Aucun logement n'a été importé : le fichier n'a pas pu être lu (voir ci-dessous).",
  noValidLine: "Aucun logement n'a été importé : aucune ligne du fichier n'est valide.",
} as const;

export type ImportMode = "ALL_OR_NOTHING" | "VALID_LINES";
/** `line` counts the header as line 1 (the row number Excel shows). */
export type LineError = { line: number; messages: string[] };
export type ImportProgress = { phase: "lecture" | "enregistrement"; done: number; total: number };
export type ImportReport = {
  mode: ImportMode;
  /** Data lines read (blank lines aside). */
  total: number;
  created: number;
  /** Existing dwellings (same RPLS id) whose characteristics or regime changed. */
  updated: number;
  unchanged: number;
  /** Existing dwellings whose regime changed (a new dated DwellingRegime, source IMPORT, effective `today`). */
  regimeChanges: number;
  /** Wrong lines (at most MAX_REPORTED_ERRORS of them; `errorLines` is the exact count). */
  errors: LineError[];
  errorLines: number;
  /** Whether anything was written (false when ALL_OR_NOTHING met a wrong line, or the header is wrong). */
  written: boolean;
  encoding: "utf-8" | "windows-1252" | "utf-16le" | null;
  separator: ";" | "," | "\t" | null;
  /** Header cells that match no documented column (ignored). */
  ignoredColumns: string[];
};

// ---------------------------------------------------------------------------------------------------
// Bytes → text → records.

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: NonNullable<ImportReport["encoding"]> } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  try {
    // A BOM is dropped by the decoder (ignoreBOM: false).
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Node 20's TextDecoder("windows-1252") decodes as Latin-1 (0x80–0x9F come out as C1 controls, e.g. « œ »
    // as U+009C): those 32 bytes are mapped here, which is right whether or not the decoder does it itself.
    const text = new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] || c);
    return { text, encoding: "windows-1252" };
  }
}

/** Windows-1252 bytes 0x80–0x9F (WHATWG Encoding); the five unassigned ones stay as they are. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** The separator of the header line: the most frequent of `;`, `,` and tab outside quotes (`;` wins ties). */
export function detectSeparator(text: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === ";" || c === "," || c === "\t")) counts[c]++;
  }
  if (counts[";"] >= counts[","] && counts[";"] >= counts["\t"] && counts[";"] > 0) return ";";
  return counts["\t"] > counts[","] ? "\t" : ",";
}

/**
 * RFC 4180 records: quoted fields may hold the separator, line breaks and doubled quotes; CRLF, LF or CR end a
 * record. Each record carries the number of the line it starts on (1-based), so that messages name Excel's row.
 */
export function parseCsv(text: string, sep: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  const n = text.length;
  const S = sep.charCodeAt(0), Q = 34, LF = 10, CR = 13;
  let i = 0, line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === Q) {
        // Quoted field.
        let value = "";
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) { value += text.slice(from); i = n; break; }
          if (text.charCodeAt(q + 1) === Q) { value += text.slice(from, q + 1); from = q + 2; continue; }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === LF) line++;
        // Anything between the closing quote and the separator is kept (lenient, as spreadsheets are).
        let j = i;
        while (j < n) { const c = text.charCodeAt(j); if (c === S || c === LF || c === CR) break; j++; }
        if (j > i) value += text.slice(i, j);
        cells.push(value);
        i = j;
      } else {
        let j = i;
        while (j < n) { const c = text.charCodeAt(j); if (c === S || c === LF || c === CR) break; j++; }
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === S) { i++; if (i >= n) { cells.push(""); break; } continue; }
      // End of record.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    out.push({ line: start, cells });
  }
  return out;
}

const normalise = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");

type Field = (typeof DWELLING_CSV_COLUMNS)[number][1];
const HEADER_ALIASES: Record<string, Field> = {};
for (const [name, field] of DWELLING_CSV_COLUMNS) {
  HEADER_ALIASES[normalise(name)] = field;
  HEADER_ALIASES[normalise(field)] = field;
}
Object.assign(HEADER_ALIASES, { identifiant_rpls: "rplsId", numero_dans_la_voie: "addressNumber", periode_de_construction: "constructionPeriod", annee_de_premiere_location: "firstLettingYear", classe_dpe: "dpeClass", motif_categorie: "reason" });
/** Columns that may be absent: the number in the street, and the regime (in the flux by default). */
export const OPTIONAL_IMPORT_FIELDS: ReadonlySet<string> = new Set(["addressNumber", "regime", "reason", "year", "reference"]);
const REQUIRED_COLUMNS = DWELLING_CSV_COLUMNS.filter(([, field]) => !OPTIONAL_IMPORT_FIELDS.has(field));

const LABELS: Record<string, string> = {
  rplsId: "Identifiant RPLS", residence: "Résidence", addressNumber: "Numéro", street: "Voie", commune: "Commune", postcode: "Code postal",
  financing: "Financement", typology: "Typologie", surface: "Surface", qpv: "QPV", constructionPeriod: "Période de construction", rent: "Loyer",
  charges: "Charges", dpeClass: "Classe DPE", pmr: "Accessible PMR", classification: "Classement", firstLettingYear: "Année de première location",
  regime: "Régime", reason: "Motif", category: "Motif", year: "Année de soustraction", reference: "Référence",
};

/** The schemas' own messages are French (« Libellé : … »); the few zod defaults left are rewritten here. */
function frenchMessages(error: z.ZodError): string[] {
  return error.issues.map((iss) => {
    if (iss.message.includes(" : ")) return iss.message;
    const label = LABELS[String(iss.path[0] ?? "")] ?? "Valeur";
    if (iss.code === "too_big") return `${label} : ${iss.origin === "string" ? `${iss.maximum} caractères au plus` : `au plus ${iss.maximum}`}.`;
    if (iss.code === "too_small") return `${label} : ${iss.origin === "string" ? `au moins ${iss.minimum} caractère(s)` : `au moins ${iss.minimum}`}.`;
    return `${label} : valeur non reconnue.`;
  });
}

const REGIME_ALIASES: Record<string, string> = { "": "FLUX", flux: "FLUX", dans_le_flux: "FLUX", excluded: "EXCLUDED", exclu: "EXCLUDED", exclus: "EXCLUDED", exclu_du_flux: "EXCLUDED", soustrait: "SOUSTRAIT", soustraits: "SOUSTRAIT" };
const code = (s: string) => normalise(s).toUpperCase();

export type ParsedLine = { line: number; fields: TDwellingFields; regime: TRegimeFields };
export type ParsedFile = {
  encoding: NonNullable<ImportReport["encoding"]>; separator: NonNullable<ImportReport["separator"]>; ignoredColumns: string[];
  total: number; lines: ParsedLine[]; errors: LineError[];
};

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads a whole file: a header error is one error on line 1 (nothing else is read); otherwise each line is
 * either parsed (with the form's schemas) or reported with its French messages. A RPLS id met twice is an error
 * on the later line.
 */
export function parseDwellingFile(bytes: Uint8Array, onProgress?: (p: ImportProgress) => void): ParsedFile | { headerError: LineError; encoding: ParsedFile["encoding"] | null; separator: ParsedFile["separator"] | null } {
  if (bytes.length === 0) return { headerError: { line: 1, messages: [IMPORT_MSG.empty] }, encoding: null, separator: null };
  if ([ZIP, OLE].some((sig) => sig.every((b, i) => bytes[i] === b))) return { headerError: { line: 1, messages: [IMPORT_MSG.notCsv] }, encoding: null, separator: null };
  const { text, encoding } = decodeCsvBytes(bytes);
  const separator = detectSeparator(text);
  const records = parseCsv(text, separator);
  const header = records[0]?.cells ?? [];
  if (header.every((c) => c.trim() === "")) return { headerError: { line: 1, messages: [IMPORT_MSG.empty] }, encoding, separator };

  // Header cells → fields, by name (case, accents, spaces and punctuation aside), in any order.
  const index = new Map<Field, number>();
  const ignoredColumns: string[] = [];
  const headerMessages: string[] = [];
  header.forEach((cell, i) => {
    const field = HEADER_ALIASES[normalise(cell)];
    if (!field) { if (cell.trim()) ignoredColumns.push(cell.trim()); return; }
    if (index.has(field)) headerMessages.push(`La colonne « ${cell.trim()} » figure deux fois dans l'en-tête.`);
    else index.set(field, i);
  });
  const missing = REQUIRED_COLUMNS.filter(([, field]) => !index.has(field)).map(([name]) => name);
  if (missing.length) {
    headerMessages.unshift(
      `${missing.length > 1 ? "Colonnes obligatoires absentes" : "Colonne obligatoire absente"} de la ligne d'en-tête : ${missing.join(", ")}. ` +
        `Séparateur lu : « ${separator === "\t" ? "tabulation" : separator} ». Les colonnes attendues sont décrites sur la page d'import.`,
    );
  }
  if (headerMessages.length) return { headerError: { line: 1, messages: headerMessages }, encoding, separator };

  const lines: ParsedLine[] = [];
  const errors: LineError[] = [];
  const seen = new Map<string, number>();
  const width = header.length;
  const cols = [...index.entries()];
  let total = 0;
  for (let r = 1; r < records.length; r++) {
    const { line, cells } = records[r];
    if (cells.every((c) => c.trim() === "")) continue; // blank lines, and Excel's rows of empty cells
    total++;
    if (total % 5000 === 0) onProgress?.({ phase: "lecture", done: total, total: records.length - 1 });
    const messages: string[] = [];
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== "")) {
      messages.push(`La ligne compte ${cells.length} valeurs pour ${width} colonnes.${separator === "," ? " Avec le séparateur « , », mettez les nombres décimaux entre guillemets (\"54,30\")." : ""}`);
    }
    const raw: Record<string, string> = {};
    for (const [field, at] of cols) raw[field] = cells[at] ?? "";
    const rpls = (raw.rplsId ?? "").trim().toUpperCase().replace(/\s+/g, "");
    const first = rpls ? seen.get(rpls) : undefined;
    if (first !== undefined) messages.push(`Identifiant RPLS : « ${rpls} » figure déjà ligne ${first} du fichier.`);
    else if (rpls) seen.set(rpls, line);

    const fields = ZDwellingFields.safeParse(raw);
    if (!fields.success) messages.push(...frenchMessages(fields.error));
    const kind = REGIME_ALIASES[normalise(raw.regime ?? "")] ?? (raw.regime ?? "");
    const motif = code(raw.reason ?? "");
    const regime = ZRegimeFields.safeParse({
      regime: kind, reason: kind === "EXCLUDED" ? motif : "", category: kind === "SOUSTRAIT" ? motif : "", year: (raw.year ?? "").trim(), reference: raw.reference ?? "",
    });
    if (!regime.success) messages.push(...frenchMessages(regime.error));
    if (messages.length || !fields.success || !regime.success) errors.push({ line, messages });
    else lines.push({ line, fields: fields.data, regime: regime.data });
  }
  return { encoding, separator, ignoredColumns, total, lines, errors };
}

// ---------------------------------------------------------------------------------------------------
// Writing: one transaction, bulk statements.

type ExistingRow = {
  id: string; rplsId: string; residence: string; addressNumber: string; street: string; commune: string; postcode: string; financing: string;
  typology: string; surfaceCentiM2: number; qpv: boolean; constructionPeriod: string; rentCents: number; chargesCents: number; dpeClass: string;
  pmr: boolean; classification: number; firstLettingYear: number;
};
type RegimeDbRow = { dwellingId: string; kind: string; effectiveOn: Date; reason: string | null; category: string | null; year: number | null; createdAt: Date };
type NewRegime = { dwellingId: string; kind: string; effectiveOn: string; reason: string | null; category: string | null; year: number | null; reference: string | null };

/** The stored columns of a parsed line, in the order of DWELLING_COLUMNS. */
const DWELLING_COLUMNS = [
  ["residence", "text"], ["addressNumber", "text"], ["street", "text"], ["commune", "text"], ["postcode", "text"], ["financing", "text"], ["typology", "text"],
  ["surfaceCentiM2", "int4"], ["qpv", "bool"], ["constructionPeriod", "text"], ["rentCents", "int4"], ["chargesCents", "int4"], ["dpeClass", "text"],
  ["pmr", "bool"], ["classification", "int4"], ["firstLettingYear", "int4"],
] as const;
type StoredColumn = (typeof DWELLING_COLUMNS)[number][0];
function stored(f: TDwellingFields): Record<StoredColumn, string | number | boolean> {
  return {
    residence: f.residence, addressNumber: f.addressNumber, street: f.street, commune: f.commune, postcode: f.postcode, financing: f.financing, typology: f.typology,
    surfaceCentiM2: f.surface, qpv: f.qpv, constructionPeriod: f.constructionPeriod, rentCents: f.rent, chargesCents: f.charges, dpeClass: f.dpeClass,
    pmr: f.pmr, classification: f.classification, firstLettingYear: f.firstLettingYear,
  };
}

const CHUNK = 5000;
const q = (name: string) => `"${name}"`;

/** The lasting regime (FLUX / EXCLUDED) in force on `today`: the last change effective on or before it, by recording order. */
function lastingOn(rows: readonly RegimeDbRow[], today: IsoDate): { kind: string; reason: string | null } {
  let best: RegimeDbRow | null = null;
  for (const r of rows) {
    if (r.kind === "SOUSTRAIT") continue;
    const on = isoOf(r.effectiveOn);
    if (on > today) continue;
    if (!best) { best = r; continue; }
    const bestOn = isoOf(best.effectiveOn);
    if (on > bestOn || (on === bestOn && r.createdAt.getTime() >= best.createdAt.getTime())) best = r;
  }
  return best ? { kind: best.kind, reason: best.reason } : { kind: "FLUX", reason: null };
}

/** The regime rows a line asks for, given the dwelling's history (empty when it already says so). */
function regimeChangesFor(dwellingId: string, r: TRegimeFields, history: readonly RegimeDbRow[], today: IsoDate): NewRegime[] {
  const out: NewRegime[] = [];
  const lasting = lastingOn(history, today);
  const base = { dwellingId, effectiveOn: today, reason: null, category: null, year: null, reference: null };
  if (r.regime === "EXCLUDED") {
    if (lasting.kind !== "EXCLUDED" || lasting.reason !== r.reason) out.push({ ...base, kind: "EXCLUDED", reason: r.reason });
    return out;
  }
  // FLUX, or a soustraction (which is only ever made of a dwelling in the flux).
  if (lasting.kind === "EXCLUDED") out.push({ ...base, kind: "FLUX" });
  if (r.regime === "SOUSTRAIT" && typeof r.year === "number") {
    const year = r.year;
    const known = history.some((h) => h.kind === "SOUSTRAIT" && h.year === year && h.category === r.category);
    if (!known) out.push({ ...base, kind: "SOUSTRAIT", category: r.category, year, reference: r.reference });
  }
  return out;
}

function initialRegime(dwellingId: string, r: TRegimeFields): NewRegime {
  return {
    dwellingId, kind: r.regime, effectiveOn: INITIAL_REGIME_ON,
    reason: r.regime === "EXCLUDED" ? r.reason : null,
    category: r.regime === "SOUSTRAIT" ? r.category : null,
    year: r.regime === "SOUSTRAIT" && typeof r.year === "number" ? r.year : null,
    reference: r.regime === "SOUSTRAIT" ? r.reference : null,
  };
}

async function inTransaction<T>(db: Db, who: { personId: string; organisationId: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const run = async (tx: Tx) => {
    await tx.$executeRaw`SELECT set_config('app.person_id', ${who.personId}, true), set_config('app.org_id', ${who.organisationId}, true)`;
    return fn(tx);
  };
  if ("$transaction" in db && typeof db.$transaction === "function") {
    return (db as typeof prisma).$transaction(run, { timeout: 600_000, maxWait: 30_000 });
  }
  return run(db as Tx);
}

export type ImportInput = {
  bailleurOrgId: string;
  personId: string;
  today: IsoDate;
  bytes: Uint8Array;
  mode: ImportMode;
  onProgress?: (p: ImportProgress) => void;
};

/**
 * Imports a bailleur's dwellings. ALL_OR_NOTHING writes nothing when a line is wrong; VALID_LINES writes the
 * good lines and reports the others. A known RPLS id updates its dwelling (version + 1 when a characteristic
 * changed) and records a regime change effective `today` only when the line's regime differs; a new dwelling gets
 * its regime from the start. One transaction, a few dozen statements for 100 000 lines; one audit event.
 */
export async function importDwellings(db: Db, input: ImportInput): Promise<ImportReport> {
  const { bailleurOrgId, personId, today, mode, onProgress } = input;
  const parsed = parseDwellingFile(input.bytes, onProgress);
  const report: ImportReport = {
    mode, total: 0, created: 0, updated: 0, unchanged: 0, regimeChanges: 0, errors: [], errorLines: 0, written: false,
    encoding: parsed.encoding, separator: parsed.separator, ignoredColumns: [],
  };
  if ("headerError" in parsed) return { ...report, errors: [parsed.headerError], errorLines: 1 };
  report.total = parsed.total;
  report.ignoredColumns = parsed.ignoredColumns;
  report.errorLines = parsed.errors.length;
  report.errors = parsed.errors.slice(0, MAX_REPORTED_ERRORS);
  if (parsed.total === 0) return { ...report, errors: [{ line: 2, messages: [IMPORT_MSG.noLines] }], errorLines: 1 };
  if (parsed.errors.length && mode === "ALL_OR_NOTHING") return report;
  const lines = parsed.lines;
  if (lines.length === 0) return report;

  const counts = await inTransaction(db, { personId, organisationId: bailleurOrgId }, async (tx) => {
    // Two imports of one bailleur run one after the other (the second sees the first's dwellings).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dwelling-import'), hashtext(${bailleurOrgId}))`;
    const rplsIds = lines.map((l) => l.fields.rplsId);
    const existing = await tx.$queryRawUnsafe<ExistingRow[]>(
      `SELECT "id", "rplsId", ${DWELLING_COLUMNS.map(([c]) => q(c)).join(", ")} FROM "Dwelling" WHERE "bailleurOrgId" = $1 AND "rplsId" = ANY($2::text[])`,
      bailleurOrgId, rplsIds,
    );
    const byRpls = new Map(existing.map((d) => [d.rplsId, d]));
    const history = new Map<string, RegimeDbRow[]>();
    if (existing.length) {
      const rows = await tx.$queryRawUnsafe<RegimeDbRow[]>(
        `SELECT r."dwellingId", r."kind", r."effectiveOn", r."reason", r."category", r."year", r."createdAt" FROM "DwellingRegime" r
         JOIN "Dwelling" d ON d."id" = r."dwellingId" WHERE d."bailleurOrgId" = $1 AND d."rplsId" = ANY($2::text[])`,
        bailleurOrgId, rplsIds,
      );
      for (const r of rows) {
        const list = history.get(r.dwellingId);
        if (list) list.push(r);
        else history.set(r.dwellingId, [r]);
      }
    }

    const creates: { id: string; rplsId: string; values: Record<StoredColumn, string | number | boolean> }[] = [];
    const updates: { id: string; values: Record<StoredColumn, string | number | boolean> }[] = [];
    const regimes: NewRegime[] = [];
    let unchanged = 0, updated = 0, regimeChanges = 0;
    for (const l of lines) {
      const values = stored(l.fields);
      const d = byRpls.get(l.fields.rplsId);
      if (!d) {
        const id = randomUUID();
        creates.push({ id, rplsId: l.fields.rplsId, values });
        regimes.push(initialRegime(id, l.regime));
        continue;
      }
      const changed = DWELLING_COLUMNS.some(([c]) => d[c] !== values[c]);
      if (changed) updates.push({ id: d.id, values });
      const change = regimeChangesFor(d.id, l.regime, history.get(d.id) ?? [], today);
      regimes.push(...change);
      if (change.length) regimeChanges++;
      if (changed || change.length) updated++;
      else unchanged++;
    }

    const work = creates.length + updates.length + regimes.length;
    let done = 0;
    const step = (n: number) => { done += n; onProgress?.({ phase: "enregistrement", done, total: work }); };
    const cols = DWELLING_COLUMNS.map(([c]) => q(c)).join(", ");
    const unnestArgs = DWELLING_COLUMNS.map(([, t], i) => `$${i + 3}::${t}[]`).join(", ");
    for (let at = 0; at < creates.length; at += CHUNK) {
      const part = creates.slice(at, at + CHUNK);
      await tx.$executeRawUnsafe(
        `INSERT INTO "Dwelling" ("id", "bailleurOrgId", "rplsId", ${cols}, "version", "updatedAt")
         SELECT u.id, $${DWELLING_COLUMNS.length + 3}, u.rpls, ${DWELLING_COLUMNS.map(([c]) => `u.${q(c)}`).join(", ")}, 0, now()
         FROM unnest($1::text[], $2::text[], ${unnestArgs}) AS u(id, rpls, ${cols})`,
        part.map((c) => c.id), part.map((c) => c.rplsId), ...DWELLING_COLUMNS.map(([c]) => part.map((p) => p.values[c])), bailleurOrgId,
      );
      step(part.length);
    }
    for (let at = 0; at < updates.length; at += CHUNK) {
      const part = updates.slice(at, at + CHUNK);
      await tx.$executeRawUnsafe(
        `UPDATE "Dwelling" d SET ${DWELLING_COLUMNS.map(([c]) => `${q(c)} = u.${q(c)}`).join(", ")}, "version" = d."version" + 1, "updatedAt" = now()
         FROM unnest($1::text[], ${DWELLING_COLUMNS.map(([, t], i) => `$${i + 2}::${t}[]`).join(", ")}) AS u(id, ${cols})
         WHERE d."id" = u.id`,
        part.map((u) => u.id), ...DWELLING_COLUMNS.map(([c]) => part.map((p) => p.values[c])),
      );
      step(part.length);
    }
    for (let at = 0; at < regimes.length; at += CHUNK) {
      const part = regimes.slice(at, at + CHUNK);
      await tx.$executeRawUnsafe(
        `INSERT INTO "DwellingRegime" ("id", "dwellingId", "kind", "effectiveOn", "reason", "category", "year", "reference", "source", "recordedById")
         SELECT u.id, u.dwelling, u.kind, u.on, u.reason, u.category, u.year, u.reference, 'IMPORT', $9
         FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::int4[], $8::text[]) AS u(id, dwelling, kind, "on", reason, category, year, reference)`,
        part.map(() => randomUUID()), part.map((r) => r.dwellingId), part.map((r) => r.kind), part.map((r) => r.effectiveOn),
        part.map((r) => r.reason), part.map((r) => r.category), part.map((r) => r.year), part.map((r) => r.reference), personId,
      );
      step(part.length);
    }
    const result = { created: creates.length, updated, unchanged, regimeChanges };
    await writeAudit(tx, {
      actorId: personId, organisationId: bailleurOrgId, action: "dwelling.import", entityType: "Dwelling", entityId: null,
      fields: (["created", "updated", "unchanged", "regimeChanges"] as const).filter((k) => result[k] > 0),
    });
    return result;
  });
  return { ...report, ...counts, written: true };
}

// ---------------------------------------------------------------------------------------------------
// POST /api/o/[org]/logements/import?mode=tout|lignes-valides, body = the file's bytes.

const reply = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export const IMPORT_MODES: Record<string, ImportMode> = { tout: "ALL_OR_NOTHING", "lignes-valides": "VALID_LINES" };

export async function handleDwellingImport(rc: RequestContext, route: { org: string }, req: Request, today: IsoDate = clockToday()): Promise<Response> {
  try {
    if (!rc.session) return reply(401, { message: MSG.signedOut });
    if (!sameOrigin(rc)) return reply(403, { message: MSG.origin });
    const caller = await resolveCaller(rc.session, route.org);
    if (!caller) return reply(404, { message: MSG.notFound });
    if (caller.org.kind !== "BAILLEUR") return reply(403, { message: IMPORT_MSG.notBailleur });
    if (!DWELLING_IMPORT_ROLES.includes(caller.role)) return reply(403, { message: MSG.forbidden });
    const mode = IMPORT_MODES[new URL(req.url).searchParams.get("mode") ?? "tout"];
    if (!mode) return reply(400, { message: IMPORT_MSG.mode });

    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return reply(413, { message: IMPORT_MSG.tooLarge });
    const body = await readBodyWithLimit(req.body, MAX_IMPORT_BYTES);
    if (!body.ok) return reply(413, { message: IMPORT_MSG.tooLarge });
    if (body.bytes.length === 0) return reply(400, { message: IMPORT_MSG.empty });

    const report = await importDwellings(prisma, { bailleurOrgId: caller.org.id, personId: caller.personId, today, bytes: body.bytes, mode });
    if (!report.written && report.errorLines > 0) {
      const message = report.total === 0 ? IMPORT_MSG.unreadable : mode === "VALID_LINES" ? IMPORT_MSG.noValidLine : IMPORT_MSG.rejected;
      return reply(422, { message, ...report });
    }
    return reply(200, { message: importSummary(report), ...report });
  } catch (e) {
    const ref = randomUUID().slice(0, 8);
    console.error(`[logements/import] réf. ${ref}`, e);
    return reply(500, { message: `${MSG.error} ${ref}.` });
  }
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;

/** « 12 logements créés, 3 mis à jour, 85 inchangés ; 2 lignes ignorées. » */
export function importSummary(r: Pick<ImportReport, "created" | "updated" | "unchanged" | "errorLines" | "regimeChanges">): string {
  const parts = [plural(r.created, "logement créé", "logements créés"), plural(r.updated, "mis à jour", "mis à jour"), plural(r.unchanged, "inchangé", "inchangés")];
  const regime = r.regimeChanges ? ` (dont ${plural(r.regimeChanges, "changement de régime", "changements de régime")})` : "";
  const ignored = r.errorLines ? ` ; ${plural(r.errorLines, "ligne ignorée", "lignes ignorées")}` : "";
  return `Import terminé : ${parts.join(", ")}${regime}${ignored}.`;
}
