import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleDocumentDownload, handleDocumentUpload, listCaseDocuments, listDocuments } from "@/lib/server/documents";
import { resolveCaller } from "@/lib/server/access";
import { uploadQuery } from "@/lib/validation/documents";
import { rc, seeded } from "./helpers";

let s: Awaited<ReturnType<typeof seeded>>;
let caseId = "";
let conventionId = "";
beforeAll(async () => {
  s = await seeded();
  const c = await s.db.case.findFirstOrThrow({ where: { convention: { title: { startsWith: "Logement relais avec" } }, closedOn: null } });
  caseId = c.id;
  conventionId = c.conventionId;
});
afterAll(async () => { await s.db.$disconnect(); });

const ORIGIN = "http://localhost:3000";
const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const upload = (email: string, org: string) =>
  handleDocumentUpload({ ...rc(s.person(email)), origin: ORIGIN }, { org, id: caseId },
    new Request(`${ORIGIN}/api/o/${org}/dossiers/${caseId}/documents?${uploadQuery({ category: "OTHER", fileName: "contrat-signe.pdf" })}`, { method: "POST", body: pdf, duplex: "half" } as RequestInit), "case");
const caller = async (email: string, org: string) => (await resolveCaller({ personId: s.person(email).id, sessionVersion: 0 }, org))!;

describe("a case's documents (ACC-2)", () => {
  it("ACC-2: the association files the signed contract; the Ville it goes to reads it; Valophis gets 404; the convention's list does not show it", async () => {
    const r = await upload("agent@aumv.demo", "aumv");
    expect(r.status).toBe(201);
    const { id } = (await r.json()) as { id: string };
    expect((await listCaseDocuments(await caller("lecteur@choisy-le-roi.demo", "choisy-le-roi"), caseId))?.map((d) => d.fileName)).toEqual(["contrat-signe.pdf"]);
    const bytes = new Uint8Array(await (await handleDocumentDownload(rc(s.person("lecteur@choisy-le-roi.demo")), { org: "choisy-le-roi", docId: id })).arrayBuffer());
    expect(bytes).toEqual(pdf);
    expect((await handleDocumentDownload(rc(s.person("admin@valophis-habitat.demo")), { org: "valophis-habitat", docId: id })).status).toBe(404);
    expect(await listCaseDocuments(await caller("admin@valophis-habitat.demo", "valophis-habitat"), caseId)).toBeNull();
    expect((await upload("admin@valophis-habitat.demo", "valophis-habitat")).status).toBe(404);
    expect((await listDocuments(await caller("agent@aumv.demo", "aumv"), conventionId))?.map((d) => d.fileName)).not.toContain("contrat-signe.pdf");
  });
});
