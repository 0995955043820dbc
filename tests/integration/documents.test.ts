import { GENERATED_DOCUMENT_CATEGORIES } from "@/lib/validation/documents";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG } from "@/lib/server/action";
import { resolveCaller } from "@/lib/server/access";
import {
  DOCUMENT_MSG, MAX_DOCUMENT_BYTES, contentDisposition, detectKind, handleDocumentDownload, handleDocumentUpload, listDocuments, sniffDocument,
} from "@/lib/server/documents";
import { uploadQuery } from "@/lib/validation/documents";
import { rc, seeded } from "./helpers";

// The route handlers of app/api/o/[org]/… are one line each over these cores (they build the RequestContext
// from next/headers and the next-auth session); the cores are called here with a RequestContext built by hand.

let s: Awaited<ReturnType<typeof seeded>>;
beforeAll(async () => { s = await seeded(); });
afterAll(async () => { await s.db.$disconnect(); });

const enc = (t: string) => new TextEncoder().encode(t);
const PDF = enc("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);
const PE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, ...new Array(50).fill(0)]);

/** A minimal local-file-header zip: enough for the sniffer, which reads names, not contents. */
function zipOf(entries: { name: string; data: string }[]): Uint8Array {
  const parts = entries.map(({ name, data }) => {
    const n = Buffer.from(name, "latin1"), d = Buffer.from(data, "latin1"), h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0); h.writeUInt16LE(20, 4); h.writeUInt16LE(0, 8);
    h.writeUInt32LE(d.length, 18); h.writeUInt32LE(d.length, 22); h.writeUInt16LE(n.length, 26); h.writeUInt16LE(0, 28);
    return Buffer.concat([h, n, d]);
  });
  return new Uint8Array(Buffer.concat(parts));
}

const ORIGIN = "http://localhost:3000";
function uploadRequest(body: BodyInit | null, meta: { category?: string; fileName: string; avenantId?: string }, headers: Record<string, string> = {}) {
  const url = `${ORIGIN}/api/o/x/conventions/y/documents?${uploadQuery({ category: meta.category ?? "SIGNED_CONVENTION", fileName: meta.fileName, avenantId: meta.avenantId })}`;
  return new Request(url, { method: "POST", body, headers: { "content-type": "application/pdf", ...headers }, duplex: "half" } as RequestInit);
}
const upload = (email: string | null, org: string, conventionId: string, req: Request, origin: string | null = ORIGIN) =>
  handleDocumentUpload({ ...rc(email ? s.person(email) : null), origin }, { org, id: conventionId }, req);
const download = (email: string, org: string, docId: string) => handleDocumentDownload(rc(s.person(email)), { org, docId });
const counts = async () => ({ documents: await s.db.document.count(), blobs: await s.db.storedBlob.count(), audits: await s.db.auditEvent.count({ where: { action: "document.upload" } }) });
const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;

describe("documents: content sniffing", () => {
  it("recognises PDF, PNG, JPEG, OOXML and ODF by their bytes, and refuses executables and unknown content", () => {
    expect(detectKind(PDF)).toBe("pdf");
    expect(detectKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(detectKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe("jpeg");
    expect(detectKind(zipOf([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w/>" }]))).toBe("docx");
    expect(detectKind(zipOf([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.xml", data: "<x/>" }]))).toBe("xlsx");
    expect(detectKind(zipOf([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text" }, { name: "content.xml", data: "" }]))).toBe("odt");
    expect(detectKind(zipOf([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }]))).toBe("ods");
    for (const exe of [ELF, PE, Uint8Array.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0]), enc("#!/bin/sh\nrm -rf /\n")]) expect(detectKind(exe)).toBe("executable");
    // A Java archive or a macro-enabled workbook is a zip, but not a document we keep.
    expect(detectKind(zipOf([{ name: "META-INF/MANIFEST.MF", data: "Main-Class: X" }]))).toBeNull();
    expect(detectKind(zipOf([{ name: "[Content_Types].xml", data: "" }, { name: "xl/workbook.xml", data: "" }, { name: "xl/vbaProject.bin", data: "" }]))).toBeNull();
    expect(detectKind(enc("<html><script>alert(1)</script></html>"))).toBeNull();
  });

  it("requires the file name's extension to agree with the content", () => {
    expect(sniffDocument(PDF, "Convention signée.PDF")).toEqual({ ok: true, kind: "pdf", mimeType: "application/pdf" });
    expect(sniffDocument(PDF, "convention.docx")).toEqual({ ok: false, message: DOCUMENT_MSG.mismatch });
    expect(sniffDocument(PDF, "convention")).toEqual({ ok: false, message: DOCUMENT_MSG.mismatch });
    expect(sniffDocument(ELF, "convention.pdf")).toEqual({ ok: false, message: DOCUMENT_MSG.executable });
    expect(sniffDocument(new Uint8Array(0), "vide.pdf")).toEqual({ ok: false, message: DOCUMENT_MSG.empty });
  });

  it("gives the download an ASCII fallback name and the exact UTF-8 name", () => {
    expect(contentDisposition("Convention signée (2025).pdf")).toBe(`attachment; filename="Convention signee (2025).pdf"; filename*=UTF-8''Convention%20sign%C3%A9e%20%282025%29.pdf`);
    expect(contentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});

describe("documents: upload and download by the parties only", () => {
  it("a party uploads a PDF; the other party lists it and downloads the same bytes; one audit event with field names only", async () => {
    const relais = s.convention("RELAIS");
    const before = await counts();
    const res = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { fileName: "Convention signée.pdf" }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; fileName: string; sizeBytes: number };
    expect(body).toEqual({ id: expect.any(String), fileName: "Convention signée.pdf", sizeBytes: PDF.length });
    expect(await counts()).toEqual({ documents: before.documents + 1, blobs: before.blobs + 1, audits: before.audits + 1 });

    const stored = await s.db.document.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored).toMatchObject({ conventionId: relais, category: "SIGNED_CONVENTION", mimeType: "application/pdf", sha256: createHash("sha256").update(PDF).digest("hex"), uploadedByOrgId: s.org("choisy-le-roi") });

    const audit = await s.db.auditEvent.findMany({ where: { entityType: "Document", entityId: body.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "document.upload", actorId: s.person("admin@choisy-le-roi.demo").id, organisationId: s.org("choisy-le-roi") });
    expect(audit[0].fields).toEqual(["category", "fileName", "mimeType", "sizeBytes", "sha256"]);
    expect(audit[0].fields.join(" ")).not.toMatch(/Convention signée|SIGNED_CONVENTION|application\/pdf|[0-9a-f]{64}/);

    for (const [email, org] of [["agent@aumv.demo", "aumv"], ["lecteur@aumv.demo", "aumv"], ["admin@choisy-le-roi.demo", "choisy-le-roi"]] as const) {
      const rows = await listDocuments(await caller(email, org), relais);
      expect(rows?.find((r) => r.id === body.id)).toMatchObject({ fileName: "Convention signée.pdf", category: "SIGNED_CONVENTION", sizeBytes: PDF.length, uploadedByOrgName: "Ville de Choisy-le-Roi", avenantNumber: null });
      const dl = await download(email, org, body.id);
      expect(dl.status).toBe(200);
      expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF);
      expect(dl.headers.get("content-type")).toBe("application/pdf");
      expect(dl.headers.get("x-content-type-options")).toBe("nosniff");
      expect(dl.headers.get("content-disposition")).toBe(`attachment; filename="Convention signee.pdf"; filename*=UTF-8''Convention%20sign%C3%A9e.pdf`);
    }
    const downloads = await s.db.auditEvent.findMany({ where: { action: "document.download", entityId: body.id } });
    expect(downloads).toHaveLength(3);
    expect(downloads.every((a) => a.fields.length === 0)).toBe(true);
  });

  it("a non-party (Valophis on the relais convention) gets 404 on upload, download and list, exactly like a missing document", async () => {
    const relais = s.convention("RELAIS");
    const up = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { category: "ANNEX", fileName: "annexe.pdf" }));
    const { id } = (await up.json()) as { id: string };
    const before = await counts();

    const refused = await upload("admin@valophis-habitat.demo", "valophis-habitat", relais, uploadRequest(PDF, { fileName: "intrus.pdf" }));
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ message: MSG.notFound });
    // Naming an organisation one is not a member of changes nothing.
    expect((await upload("admin@valophis-habitat.demo", "choisy-le-roi", relais, uploadRequest(PDF, { fileName: "intrus.pdf" }))).status).toBe(404);
    expect(await counts()).toEqual(before);

    const missing = await download("admin@valophis-habitat.demo", "valophis-habitat", "document-inexistant");
    for (const [org, docId] of [["valophis-habitat", id], ["choisy-le-roi", id]]) {
      const dl = await download("admin@valophis-habitat.demo", org, docId);
      expect(dl.status).toBe(404);
      expect(await dl.json()).toEqual(await missing.clone().json());
    }
    expect(missing.status).toBe(404);
    expect(await listDocuments(await caller("admin@valophis-habitat.demo", "valophis-habitat"), relais)).toBeNull();
    expect(await s.db.auditEvent.count({ where: { action: "document.download", entityId: id } })).toBe(0);
  });

  it("a READER cannot upload (403); neither can a request without session (401)", async () => {
    const relais = s.convention("RELAIS");
    const before = await counts();
    const r = await upload("lecteur@aumv.demo", "aumv", relais, uploadRequest(PDF, { fileName: "lecteur.pdf" }));
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ message: MSG.forbidden });
    expect((await upload(null, "aumv", relais, uploadRequest(PDF, { fileName: "anonyme.pdf" }))).status).toBe(401);
    expect(await counts()).toEqual(before);
    // An AGENT of the other party may.
    expect((await upload("agent@aumv.demo", "aumv", relais, uploadRequest(PDF, { category: "MINUTES", fileName: "cr.pdf" }))).status).toBe(201);
  });

  it("a request without Origin, or from another site, is refused (403) before anything is read", async () => {
    const relais = s.convention("RELAIS");
    const before = await counts();
    for (const origin of [null, "https://evil.example"]) {
      const r = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { fileName: "x.pdf" }), origin);
      expect(r.status).toBe(403);
      expect(await r.json()).toEqual({ message: MSG.origin });
    }
    expect(await counts()).toEqual(before);
  });

  it("a renamed executable called convention.pdf is refused with the French message; nothing is stored", async () => {
    const relais = s.convention("RELAIS");
    const before = await counts();
    for (const exe of [ELF, PE]) {
      const r = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(exe, { fileName: "convention.pdf" }));
      expect(r.status).toBe(415);
      expect(await r.json()).toEqual({ message: DOCUMENT_MSG.executable, fieldErrors: { file: [DOCUMENT_MSG.executable] } });
    }
    const mismatch = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { fileName: "tableau.xlsx" }));
    expect(mismatch.status).toBe(415);
    expect(((await mismatch.json()) as { message: string }).message).toBe("L'extension du nom du fichier ne correspond pas à son contenu : renommez-le ou choisissez le bon fichier.");
    expect(await counts()).toEqual(before);
  });

  it("a body over 20 Mo is refused (413) as it arrives: the stream is cancelled and nothing is stored", async () => {
    const relais = s.convention("RELAIS");
    const before = await counts();
    const MB = 1024 * 1024;
    let pulled = 0, cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        if (pulled > 40) c.close();
        else { const chunk = new Uint8Array(MB); if (pulled === 1) chunk.set(PDF); c.enqueue(chunk); }
      },
      cancel() { cancelled = true; },
    }, { highWaterMark: 0 });
    const r = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(stream, { fileName: "gros.pdf" }));
    expect(r.status).toBe(413);
    expect(await r.json()).toEqual({ message: "Le fichier dépasse la taille maximale de 20 Mo.", fieldErrors: { file: [DOCUMENT_MSG.tooLarge] } });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES / MB + 2);

    // A declared length over the limit is refused without reading; exactly 20 Mo is accepted.
    const declared = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { fileName: "gros.pdf" }, { "content-length": String(MAX_DOCUMENT_BYTES + 1) }));
    expect(declared.status).toBe(413);
    expect(await counts()).toEqual(before);
    const exact = new Uint8Array(MAX_DOCUMENT_BYTES);
    exact.set(PDF);
    const ok = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(exact, { fileName: "limite.pdf" }));
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { sizeBytes: number }).sizeBytes).toBe(MAX_DOCUMENT_BYTES);
  });

  it("metadata is validated in French; an avenant must belong to the convention", async () => {
    const relais = s.convention("RELAIS");
    const bad = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { category: "PHOTO", fileName: `${"a".repeat(201)}.pdf` }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: MSG.invalid, fieldErrors: { category: ["Choisissez une catégorie."], fileName: ["Le nom du fichier ne doit pas dépasser 200 caractères."] } });

    const choisy = s.person("admin@choisy-le-roi.demo");
    const avenant = (conventionId: string, number: number) => s.db.avenant.create({
      data: { conventionId, number, reason: "test", effectiveOn: new Date("2026-01-01"), changes: {}, createdByOrgId: s.org("choisy-le-roi"), createdById: choisy.id },
    });
    const mine = await avenant(relais, 91);
    const other = await avenant(s.convention("RESERVATION_FLUX"), 92);
    const wrong = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { category: "AVENANT", fileName: "avenant.pdf", avenantId: other.id }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ message: DOCUMENT_MSG.avenant, fieldErrors: { avenantId: [DOCUMENT_MSG.avenant] } });

    const r = await upload("admin@choisy-le-roi.demo", "choisy-le-roi", relais, uploadRequest(PDF, { category: "AVENANT", fileName: "avenant.pdf", avenantId: mine.id }));
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: string };
    expect((await listDocuments(await caller("agent@aumv.demo", "aumv"), relais))?.find((d) => d.id === id)?.avenantNumber).toBe(91);
    expect((await s.db.auditEvent.findFirstOrThrow({ where: { entityId: id } })).fields).toEqual(["category", "fileName", "mimeType", "sizeBytes", "sha256", "avenantId"]);
  });

  it("every accepted upload left exactly one upload audit event", async () => {
    // A bilan the app writes itself (RES-22, issue 11) is audited with its sending, not as an upload.
    const docs = await s.db.document.findMany({ where: { category: { notIn: [...GENERATED_DOCUMENT_CATEGORIES] } }, select: { id: true } });
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) expect(await s.db.auditEvent.count({ where: { action: "document.upload", entityId: d.id } })).toBe(1);
    expect(await s.db.auditEvent.count({ where: { action: "document.upload" } })).toBe(docs.length);
  });
});
