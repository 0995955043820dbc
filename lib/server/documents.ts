import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Role } from "@/lib/generated/prisma/client";
import {
  DOCUMENT_MSG, MAX_DOCUMENT_BYTES, ZDocumentUploadMeta, metaFromQuery, type DocumentCategory, type DocumentRow,
} from "@/lib/validation/documents";
import { caseScope, conventionScope, partyCaseScope, resolveCaller, type Caller } from "./access";
import { MSG, sameOrigin, zodFieldErrors, type FieldErrors, type RequestContext } from "./action";
import { writeAudit } from "./audit";
import { prisma, withTx, type Db } from "./db";
import { blobStore } from "./storage";

export { DOCUMENT_MSG, MAX_DOCUMENT_BYTES };

/** ADMIN and AGENT of a party attach documents; a READER lists and downloads them. */
export const DOCUMENT_UPLOAD_ROLES: readonly Role[] = ["ADMIN", "AGENT"];
export const canUploadDocuments = (caller: Pick<Caller, "role">): boolean => DOCUMENT_UPLOAD_ROLES.includes(caller.role);

// ---------------------------------------------------------------------------------------------------
// Content sniffing: the first bytes decide what a file is; its name must agree; Content-Type is ignored.

export const DOCUMENT_KINDS = {
  pdf: { mimeType: "application/pdf", extensions: [".pdf"] },
  png: { mimeType: "image/png", extensions: [".png"] },
  jpeg: { mimeType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  docx: { mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: [".docx"] },
  xlsx: { mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"] },
  odt: { mimeType: "application/vnd.oasis.opendocument.text", extensions: [".odt"] },
  ods: { mimeType: "application/vnd.oasis.opendocument.spreadsheet", extensions: [".ods"] },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

const sig = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const EXECUTABLES = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // MZ: DOS / Windows PE
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (and Java classes)
  sig("#!"), // shebang scripts
];
const PDF = sig("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(b: Uint8Array, s: readonly number[], at = 0): boolean {
  return b.length >= at + s.length && s.every((x, i) => b[at + i] === x);
}

/** ODF puts an uncompressed `mimetype` entry first; OOXML has `[Content_Types].xml` and a main part. */
function zipKind(b: Uint8Array): DocumentKind | null {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const nameLen = buf.length >= 30 ? buf.readUInt16LE(26) : 0;
  if (nameLen === 8 && buf.toString("latin1", 30, 38) === "mimetype" && buf.readUInt16LE(8) === 0) {
    const start = 38 + buf.readUInt16LE(28);
    const mime = buf.toString("latin1", start, Math.min(buf.length, start + buf.readUInt32LE(18)));
    if (mime === DOCUMENT_KINDS.odt.mimeType) return "odt";
    if (mime === DOCUMENT_KINDS.ods.mimeType) return "ods";
    return null;
  }
  // Macro-enabled Office files (vbaProject.bin) are not documents we keep, whatever their name.
  if (!buf.includes("[Content_Types].xml") || buf.includes("vbaProject.bin")) return null;
  if (buf.includes("word/document.xml")) return "docx";
  if (buf.includes("xl/workbook.xml")) return "xlsx";
  return null;
}

export function detectKind(b: Uint8Array): DocumentKind | "executable" | null {
  if (EXECUTABLES.some((s) => startsWith(b, s))) return "executable";
  if (startsWith(b, PDF)) return "pdf";
  if (startsWith(b, PNG)) return "png";
  if (startsWith(b, JPEG)) return "jpeg";
  if (startsWith(b, ZIP)) return zipKind(b);
  return null;
}

export type SniffResult = { ok: true; kind: DocumentKind; mimeType: string } | { ok: false; message: string };

export function sniffDocument(bytes: Uint8Array, fileName: string): SniffResult {
  if (bytes.length === 0) return { ok: false, message: DOCUMENT_MSG.empty };
  const kind = detectKind(bytes);
  if (kind === "executable") return { ok: false, message: DOCUMENT_MSG.executable };
  if (!kind) return { ok: false, message: DOCUMENT_MSG.unknown };
  const dot = fileName.lastIndexOf(".");
  const ext = dot >= 0 ? fileName.slice(dot).toLowerCase() : "";
  if (!(DOCUMENT_KINDS[kind].extensions as readonly string[]).includes(ext)) return { ok: false, message: DOCUMENT_MSG.mismatch };
  return { ok: true, kind, mimeType: DOCUMENT_KINDS[kind].mimeType };
}

// ---------------------------------------------------------------------------------------------------
// The body, counted as it arrives: never more than `limit` bytes held; past it, the stream is cancelled.

export type LimitedBody = { ok: true; bytes: Uint8Array; sha256: string } | { ok: false };

export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limit: number): Promise<LimitedBody> {
  const hash = createHash("sha256");
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (total + value.byteLength > limit) {
        await reader.cancel().catch(() => {});
        return { ok: false };
      }
      chunks.push(value);
      hash.update(value);
      total += value.byteLength;
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks.splice(0)) { bytes.set(c, at); at += c.byteLength; }
  return { ok: true, bytes, sha256: hash.digest("hex") };
}

// ---------------------------------------------------------------------------------------------------
// Reads, scoped through the convention's parties (ACC-1).

const parisDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The convention's documents, newest first; null when the caller's organisation is not a party (404). */
export async function listDocuments(caller: Caller, conventionId: string, db: Db = prisma): Promise<DocumentRow[] | null> {
  const c = await db.convention.findFirst({
    where: { AND: [{ id: conventionId }, conventionScope(caller)] },
    select: {
      documents: {
        where: { caseId: null },
        select: { id: true, fileName: true, category: true, mimeType: true, sizeBytes: true, createdAt: true, uploadedByOrgId: true, avenant: { select: { number: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      },
    },
  });
  if (!c) return null;
  const orgIds = [...new Set(c.documents.map((d) => d.uploadedByOrgId))];
  const orgs = orgIds.length ? await db.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [];
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return c.documents.map((d) => ({
    id: d.id, fileName: d.fileName, category: d.category as DocumentCategory, mimeType: d.mimeType, sizeBytes: d.sizeBytes,
    createdOn: parisDate.format(d.createdAt), uploadedByOrgName: orgName.get(d.uploadedByOrgId) ?? "—", avenantNumber: d.avenant?.number ?? null,
  }));
}

/** The convention's avenants a document may be attached to (empty for a non-party). */
export async function listDocumentAvenants(caller: Caller, conventionId: string, db: Db = prisma): Promise<{ id: string; number: number }[]> {
  return db.avenant.findMany({ where: { conventionId, convention: conventionScope(caller) }, select: { id: true, number: true }, orderBy: { number: "asc" } });
}

export type DownloadableDocument = { id: string; conventionId: string; fileName: string; mimeType: string; sizeBytes: number; bytes: Uint8Array };

/** A document of a convention the caller's organisation is party to, with its bytes; null otherwise (404). */
export async function findDocumentForDownload(caller: Caller, documentId: string, db: Db = prisma): Promise<DownloadableDocument | null> {
  const d = await db.document.findFirst({
    where: { id: documentId, convention: conventionScope(caller) },
    select: { id: true, conventionId: true, caseId: true, uploadedByOrgId: true, fileName: true, mimeType: true, sizeBytes: true, storageKey: true },
  });
  if (!d) return null;
  if (d.caseId && !(await mayReadCaseDocuments(caller, d.caseId, d.uploadedByOrgId, db))) return null;
  const bytes = await blobStore(db).get(d.storageKey);
  if (!bytes) {
    console.error(`[documents] contenu manquant pour le document ${d.id}`);
    return null;
  }
  return { id: d.id, conventionId: d.conventionId, fileName: d.fileName, mimeType: d.mimeType, sizeBytes: d.sizeBytes, bytes };
}

/** ACC-2: the party the texts address a case's documents to: the Ville (REL-6..8), the Service Logement (ASL-5, ASL-10). */
const DOCUMENT_RECIPIENT: Partial<Record<string, string>> = { RELAIS: "COMMUNE", ASLLI: "DEPARTEMENT" };

/**
 * ACC-2: a case's documents (signed contract, plan, bilans) are seen by the organisation that filed them, by the
 * party they are addressed to (DOCUMENT_RECIPIENT) and by the case's referents — never by the other parties.
 */
async function caseDocumentRule(caller: Caller, caseId: string, db: Db): Promise<((uploadedByOrgId: string) => boolean) | null> {
  const c = await db.case.findFirst({
    where: { AND: [{ id: caseId }, caseScope(caller)] },
    select: { kind: true, referents: { select: { personId: true } }, convention: { select: { parties: { select: { organisationId: true, partyRole: true } } } } },
  });
  if (!c) return null;
  const recipient = DOCUMENT_RECIPIENT[c.kind];
  const everything = c.convention.parties.some((p) => p.partyRole === recipient && p.organisationId === caller.org.id) || c.referents.some((r) => r.personId === caller.personId);
  return (uploadedByOrgId) => everything || uploadedByOrgId === caller.org.id;
}

async function mayReadCaseDocuments(caller: Caller, caseId: string, uploadedByOrgId: string, db: Db): Promise<boolean> {
  return (await caseDocumentRule(caller, caseId, db))?.(uploadedByOrgId) ?? false;
}

/** A case's documents the caller may see; null when the case is not visible (404). Three queries. */
export async function listCaseDocuments(caller: Caller, caseId: string, db: Db = prisma): Promise<DocumentRow[] | null> {
  const rule = await caseDocumentRule(caller, caseId, db);
  if (!rule) return null;
  const docs = await db.document.findMany({
    where: { caseId }, select: { id: true, fileName: true, category: true, mimeType: true, sizeBytes: true, createdAt: true, uploadedByOrgId: true }, orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const visible = docs.filter((d) => rule(d.uploadedByOrgId));
  const orgs = await db.organisation.findMany({ where: { id: { in: [...new Set(visible.map((d) => d.uploadedByOrgId))] } }, select: { id: true, name: true } });
  return visible.map((d) => ({
    id: d.id, fileName: d.fileName, category: d.category as DocumentCategory, mimeType: d.mimeType, sizeBytes: d.sizeBytes,
    createdOn: parisDate.format(d.createdAt), uploadedByOrgName: orgs.find((o) => o.id === d.uploadedByOrgId)?.name ?? "—", avenantNumber: null,
  }));
}

// ---------------------------------------------------------------------------------------------------
// The route handlers' cores: app/api/o/[org]/… only builds the RequestContext and calls these.

const reply = (status: number, message: string, fieldErrors?: FieldErrors) =>
  Response.json(fieldErrors ? { message, fieldErrors } : { message }, { status, headers: { "Cache-Control": "no-store" } });
const notFound = () => reply(404, MSG.notFound);

function unexpected(e: unknown): Response {
  const ref = randomUUID().slice(0, 8);
  console.error(`[documents] réf. ${ref}`, e);
  return reply(500, `${MSG.error} ${ref}.`);
}

/**
 * POST /api/o/[org]/conventions/[id]/documents?categorie=…&nom=…[&avenant=…], body = the file's bytes;
 * POST /api/o/[org]/dossiers/[id]/documents for a case's document (`target: "case"`).
 */
export async function handleDocumentUpload(rc: RequestContext, route: { org: string; id: string }, req: Request, target: "convention" | "case" = "convention"): Promise<Response> {
  try {
    if (!rc.session) return reply(401, MSG.signedOut);
    if (!sameOrigin(rc)) return reply(403, MSG.origin);
    const caller = await resolveCaller(rc.session, route.org);
    if (!caller) return notFound();
    const theCase = target === "case" ? await prisma.case.findFirst({ where: { AND: [{ id: route.id }, partyCaseScope(caller)] }, select: { id: true, conventionId: true } }) : null;
    if (target === "case" && !theCase) return notFound();
    const convention = theCase ? { id: theCase.conventionId } : await prisma.convention.findFirst({ where: { AND: [{ id: route.id }, conventionScope(caller)] }, select: { id: true } });
    if (!convention) return notFound();
    if (!canUploadDocuments(caller)) return reply(403, MSG.forbidden);

    const parsed = ZDocumentUploadMeta.safeParse(metaFromQuery(new URL(req.url).searchParams));
    if (!parsed.success) return reply(400, MSG.invalid, zodFieldErrors(parsed.error));
    const meta = parsed.data;
    if (meta.avenantId && !(await prisma.avenant.findFirst({ where: { id: meta.avenantId, conventionId: convention.id }, select: { id: true } }))) {
      return reply(400, DOCUMENT_MSG.avenant, { avenantId: [DOCUMENT_MSG.avenant] });
    }

    // A declared length past the limit is refused before reading; the counter below holds either way.
    const declared = Number(req.headers.get("content-length") ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES) return reply(413, DOCUMENT_MSG.tooLarge, { file: [DOCUMENT_MSG.tooLarge] });
    const body = await readBodyWithLimit(req.body, MAX_DOCUMENT_BYTES);
    if (!body.ok) return reply(413, DOCUMENT_MSG.tooLarge, { file: [DOCUMENT_MSG.tooLarge] });
    const sniffed = sniffDocument(body.bytes, meta.fileName);
    if (!sniffed.ok) return reply(body.bytes.length === 0 ? 400 : 415, sniffed.message, { file: [sniffed.message] });

    const key = `documents/${convention.id}/${randomUUID()}`;
    let doc: { id: string; fileName: string; sizeBytes: number };
    try {
      doc = await withTx({ personId: caller.personId, organisationId: caller.org.id }, async (tx) => {
        await blobStore(tx).put(key, body.bytes);
        const d = await tx.document.create({
          data: {
            conventionId: convention.id, caseId: theCase?.id ?? null, avenantId: theCase ? null : meta.avenantId ?? null, category: meta.category, fileName: meta.fileName,
            mimeType: sniffed.mimeType, sizeBytes: body.bytes.length, sha256: body.sha256, storageKey: key,
            uploadedById: caller.personId, uploadedByOrgId: caller.org.id,
          },
          select: { id: true, fileName: true, sizeBytes: true },
        });
        const fields = ["category", "fileName", "mimeType", "sizeBytes", "sha256", ...(meta.avenantId ? ["avenantId"] : [])];
        await writeAudit(tx, { actorId: caller.personId, organisationId: caller.org.id, action: "document.upload", entityType: "Document", entityId: d.id, fields });
        return d;
      });
    } catch (e) {
      // A store outside PostgreSQL (S3) does not roll back with the transaction.
      await blobStore().delete(key).catch(() => {});
      throw e;
    }
    return Response.json(doc, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return unexpected(e);
  }
}

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** GET /api/o/[org]/documents/[docId]: the bytes for a party, 404 for anyone else (as for a missing document). */
export async function handleDocumentDownload(rc: RequestContext, route: { org: string; docId: string }): Promise<Response> {
  try {
    if (!rc.session) return reply(401, MSG.signedOut);
    const caller = await resolveCaller(rc.session, route.org);
    if (!caller) return notFound();
    const doc = await findDocumentForDownload(caller, route.docId);
    if (!doc) return notFound();
    await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) =>
      writeAudit(tx, { actorId: caller.personId, organisationId: caller.org.id, action: "document.download", entityType: "Document", entityId: doc.id }),
    );
    return new Response(doc.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        "Content-Type": doc.mimeType,
        "Content-Length": String(doc.bytes.byteLength),
        "Content-Disposition": contentDisposition(doc.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    return unexpected(e);
  }
}
