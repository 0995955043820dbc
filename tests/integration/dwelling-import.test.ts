import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MSG } from "@/lib/server/action";
import { prisma } from "@/lib/server/db";
import { assietteForYear } from "@/lib/server/dwellings";
import { IMPORT_MSG, decodeCsvBytes, handleDwellingImport, importDwellings, parseCsv, type ImportMode } from "@/lib/server/dwelling-import";
import { rc, seeded } from "./helpers";

// Issue 9 §1: the CSV import of a bailleur's dwellings (RES-1..3 regimes, RES-17 characteristics).
// The dwellings here live in communes of their own, so that the demo's stock in Choisy-le-Roi does not count.

let s: Awaited<ReturnType<typeof seeded>>;
let valophis: string;
let agent: string;
beforeAll(async () => {
  s = await seeded();
  valophis = s.org("valophis-habitat");
  agent = s.person("agent@valophis-habitat.demo").id;
});
afterAll(async () => { await s.db.$disconnect(); });

/** Windows-1252, as Excel writes a « CSV (séparateur : point-virgule) »: Latin-1 plus € œ ’ … in 0x80–0x9F. */
const CP1252: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "œ": 0x9c, "Œ": 0x8c, "Ÿ": 0x9f };
function win1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
    const b = CP1252[ch];
    if (b === undefined) throw new Error(`hors Windows-1252 : ${ch}`);
    return b;
  }));
}
const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

const HEADER = "rpls;residence;numero;voie;commune;code_postal;financement;typologie;surface;qpv;periode_construction;loyer;charges;dpe;pmr;classement;annee_premiere_location;regime;motif;annee_soustraction;reference";
type Row = { rpls: string; residence?: string; street?: string; commune?: string; surface?: string; rent?: string; regime?: string; motif?: string; year?: string; reference?: string; firstLetting?: string };
const line = (r: Row) => [
  r.rpls, r.residence ?? "Résidence Les Hêtres", "12", r.street ?? "Rue Émile-Zola", r.commune ?? "Thiais", "94320", "PLUS", "T3", r.surface ?? "54,30", "non", "1975_1989",
  r.rent ?? "412,50", "85,20", "D", "oui", "2", r.firstLetting ?? "1984", r.regime ?? "", r.motif ?? "", r.year ?? "", r.reference ?? "",
].join(";");
const csv = (rows: Row[]) => [HEADER, ...rows.map(line)].join("\r\n") + "\r\n";

const run = (bytes: Uint8Array, mode: ImportMode = "ALL_OR_NOTHING", today = "2026-06-15") =>
  importDwellings(prisma, { bailleurOrgId: valophis, personId: agent, today, bytes, mode });
const dwelling = (rplsId: string) => s.db.dwelling.findUnique({ where: { bailleurOrgId_rplsId: { bailleurOrgId: valophis, rplsId } }, include: { regimes: { orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] } } });
const audits = () => s.db.auditEvent.count({ where: { action: "dwelling.import" } });

describe("dwelling import: reading the file (RES-17)", () => {
  it("RES-17: a Windows-1252 file with « ; » and decimal commas is read with its accents intact; surface 54,30 → 5430", async () => {
    const bytes = win1252(csv([
      { rpls: "W1252-0001" },
      { rpls: "W1252-0002", residence: "Résidence Cœur de Ville", street: "Allée des Frênes", surface: "71,05", rent: "1 012,40" },
    ]));
    expect(decodeCsvBytes(bytes).encoding).toBe("windows-1252");
    // Bytes 0x80–0x9F are Windows-1252's own (Node's decoder reads them as Latin-1 controls).
    expect(decodeCsvBytes(win1252("Cœur – l’Œuvre : 12 € …")).text).toBe("Cœur – l’Œuvre : 12 € …");
    const before = await audits();
    const r = await run(bytes);
    expect(r).toMatchObject({ total: 2, created: 2, updated: 0, unchanged: 0, errors: [], written: true, encoding: "windows-1252", separator: ";" });
    const a = await dwelling("W1252-0001");
    expect(a).toMatchObject({ residence: "Résidence Les Hêtres", street: "Rue Émile-Zola", addressNumber: "12", surfaceCentiM2: 5430, rentCents: 41250, chargesCents: 8520, qpv: false, pmr: true, financing: "PLUS", typology: "T3", classification: 2, version: 0 });
    // RES-1: a new dwelling's regime holds from the start (the assiette of past years reads it too).
    expect(a!.regimes.map((g) => ({ kind: g.kind, on: g.effectiveOn.toISOString().slice(0, 10), source: g.source, by: g.recordedById }))).toEqual([{ kind: "FLUX", on: "1900-01-01", source: "IMPORT", by: agent }]);
    expect(await dwelling("W1252-0002")).toMatchObject({ residence: "Résidence Cœur de Ville", street: "Allée des Frênes", surfaceCentiM2: 7105, rentCents: 101240 });
    expect(await audits()).toBe(before + 1);
    const event = await s.db.auditEvent.findFirst({ where: { action: "dwelling.import" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: agent, organisationId: valophis, fields: ["created"] });
  });

  it("RES-17: a UTF-8 file with a BOM, « , » separator, quoted decimals, columns in another order and headers in any case", async () => {
    const header = "Code Postal,RPLS,Résidence,Voie,Numéro,Commune,Financement,Typologie,Surface,QPV,Période construction,Loyer,Charges,DPE,PMR,Classement,Année première location";
    const text = `${header}\n94320,UTF8-0001,"Résidence ""Les Hêtres""",Rue Émile-Zola,3 bis,Thiais,plai,t2,"54,30",oui,1990_2004,"398,00","60,5",c,non,1,1999\n`;
    const r = await run(utf8Bom(text));
    expect(r).toMatchObject({ total: 1, created: 1, errors: [], encoding: "utf-8", separator: "," });
    expect(await dwelling("UTF8-0001")).toMatchObject({ residence: 'Résidence "Les Hêtres"', street: "Rue Émile-Zola", addressNumber: "3 bis", financing: "PLAI", typology: "T2", surfaceCentiM2: 5430, qpv: true, rentCents: 39800, chargesCents: 6050, dpeClass: "C", pmr: false });
  });

  it("RES-17: quoted fields may hold separators, line breaks and doubled quotes; lines are numbered as in the spreadsheet", () => {
    expect(parseCsv('a;"b;c";"d ""e"""\r\n"x\ny";z\n\nlast', ";")).toEqual([
      { line: 1, cells: ["a", "b;c", 'd "e"'] },
      { line: 2, cells: ["x\ny", "z"] },
      { line: 4, cells: [""] },
      { line: 5, cells: ["last"] },
    ]);
  });

  it("RES-17: a missing required column is one French error on the header line, and nothing is written", async () => {
    const text = HEADER.replace(";surface", "").replace(";loyer", "") + "\n" + "HDR-0001;Résidence;1;Rue;Thiais;94320;PLUS;T3;non;1975_1989;85,20;D;oui;2;1984\n";
    const r = await run(win1252(text));
    expect(r.written).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBe(1);
    expect(r.errors[0].messages[0]).toMatch(/^Colonnes obligatoires absentes de la ligne d'en-tête : surface, loyer\./);
    expect(await dwelling("HDR-0001")).toBeNull();
  });
});

describe("dwelling import: wrong lines (RES-17)", () => {
  const file = () => win1252(csv([
    { rpls: "BAD-0001" },
    { rpls: "BAD-0002", surface: "54.3.0" },
    { rpls: "BAD-0003" },
    { rpls: "BAD-0001", residence: "Doublon" },
  ]));

  it("RES-17: one bad line imports nothing (all or nothing) and the report names the line with its French message", async () => {
    const before = { dwellings: await s.db.dwelling.count(), audits: await audits() };
    const r = await run(file());
    expect(r).toMatchObject({ written: false, total: 4, created: 0, updated: 0, unchanged: 0, errorLines: 2 });
    expect(r.errors).toEqual([
      { line: 3, messages: ["Surface : nombre de m² entre 5 et 500, par exemple 54,30."] },
      { line: 5, messages: ["Identifiant RPLS : « BAD-0001 » figure déjà ligne 2 du fichier."] },
    ]);
    expect(await s.db.dwelling.count()).toBe(before.dwellings);
    expect(await audits()).toBe(before.audits);
  });

  it("RES-17: with « import the valid lines » the good lines are imported and the wrong ones reported", async () => {
    const r = await run(file(), "VALID_LINES");
    expect(r).toMatchObject({ written: true, total: 4, created: 2, errorLines: 2 });
    expect(r.errors.map((e) => e.line)).toEqual([3, 5]);
    expect((await dwelling("BAD-0001"))!.residence).toBe("Résidence Les Hêtres");
    expect(await dwelling("BAD-0002")).toBeNull();
    expect(await dwelling("BAD-0003")).not.toBeNull();
  });

  it("RES-2/RES-3: a regime needs its reason, or its category, year and reference document; every message is French", async () => {
    const r = await run(win1252(csv([
      { rpls: "REG-0001", regime: "EXCLUDED", motif: "" },
      { rpls: "REG-0002", regime: "SOUSTRAIT", motif: "MUTATION_INTERNE", year: "", reference: "" },
      { rpls: "REG-0003", regime: "parti" },
      { rpls: "REG-0004-TROP-LONG-POUR-UN-IDENTIFIANT-RPLS", firstLetting: "" },
    ])));
    expect(r.written).toBe(false);
    expect(r.errors).toEqual([
      { line: 2, messages: [expect.stringMatching(/^Motif d'exclusion \(RES-2\) : l'une des valeurs/)] },
      { line: 3, messages: ["Année de la soustraction : obligatoire.", "Document de référence (CUS, CIA, convention ANRU, arrêté…) : obligatoire."] },
      { line: 4, messages: [expect.stringMatching(/^Régime : « parti » n'est pas une valeur admise/)] },
      { line: 5, messages: ["Identifiant RPLS : 30 caractères au plus.", "Année de première location : après 1850."] },
    ]);
  });
});

describe("dwelling import: re-import by RPLS id (RES-1..3)", () => {
  const TERRITORY = "Orly";
  const base: Row[] = [
    { rpls: "RE-0001", commune: TERRITORY },
    { rpls: "RE-0002", commune: TERRITORY },
    { rpls: "RE-0003", commune: TERRITORY },
    { rpls: "RE-0004", commune: TERRITORY, regime: "Exclu", motif: "Démolition" },
  ];

  it("RES-1/RES-2: a re-import updates by RPLS id, counts unchanged lines, and an exclusion effective today changes next year's assiette only", async () => {
    const first = await run(win1252(csv(base)), "ALL_OR_NOTHING", "2026-06-15");
    expect(first).toMatchObject({ created: 4, updated: 0, unchanged: 0, regimeChanges: 0 });
    expect((await dwelling("RE-0004"))!.regimes.map((g) => [g.kind, g.reason])).toEqual([["EXCLUDED", "DEMOLITION"]]);
    const before = { y2026: (await assietteForYear(prisma, valophis, TERRITORY, 2026)).assiette, y2027: (await assietteForYear(prisma, valophis, TERRITORY, 2027)).assiette };
    expect(before).toEqual({ y2026: 3, y2027: 3 });

    // Same file again: nothing changes, nothing is written but the audit event.
    const again = await run(win1252(csv(base)), "ALL_OR_NOTHING", "2026-06-15");
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, regimeChanges: 0, written: true });
    expect((await dwelling("RE-0001"))!.version).toBe(0);

    const changed: Row[] = [
      { rpls: "RE-0001", commune: TERRITORY, rent: "430,00" },
      { rpls: "RE-0002", commune: TERRITORY, regime: "EXCLUDED", motif: "SALE_PLAN" },
      { rpls: "RE-0003", commune: TERRITORY },
      { rpls: "RE-0004", commune: TERRITORY, regime: "EXCLUDED", motif: "DEMOLITION" },
    ];
    const r = await run(win1252(csv(changed)), "ALL_OR_NOTHING", "2026-06-15");
    expect(r).toMatchObject({ total: 4, created: 0, updated: 2, unchanged: 2, regimeChanges: 1, errors: [] });
    expect(await dwelling("RE-0001")).toMatchObject({ rentCents: 43000, version: 1 });
    const re2 = (await dwelling("RE-0002"))!;
    expect(re2.version).toBe(0);
    expect(re2.regimes.map((g) => ({ kind: g.kind, reason: g.reason, on: g.effectiveOn.toISOString().slice(0, 10), source: g.source }))).toEqual([
      { kind: "FLUX", reason: null, on: "1900-01-01", source: "IMPORT" },
      { kind: "EXCLUDED", reason: "SALE_PLAN", on: "2026-06-15", source: "IMPORT" },
    ]);
    expect((await dwelling("RE-0004"))!.regimes).toHaveLength(1);
    // The assiette at 1 January 2026 is reproducible; that of 2027 loses the dwelling excluded on 15 June 2026.
    expect((await assietteForYear(prisma, valophis, TERRITORY, 2026)).assiette).toBe(before.y2026);
    const y2027 = await assietteForYear(prisma, valophis, TERRITORY, 2027);
    expect(y2027.assiette).toBe(before.y2027 - 1);
    expect(y2027.excludedByReason).toEqual({ DEMOLITION: 1, SALE_PLAN: 1 });
    const event = await s.db.auditEvent.findFirst({ where: { action: "dwelling.import" }, orderBy: { id: "desc" } });
    expect(event!.fields).toEqual(["updated", "unchanged", "regimeChanges"]);
  });

  it("RES-3: a soustraction read on re-import is recorded once for its year, with its category and reference", async () => {
    const line: Row = { rpls: "RE-0003", commune: TERRITORY, regime: "SOUSTRAIT", motif: "mutation interne", year: "2027", reference: "CUS 2021-2026, accord de mutations internes" };
    const r = await run(win1252(csv([line])), "ALL_OR_NOTHING", "2026-06-15");
    expect(r).toMatchObject({ updated: 1, regimeChanges: 1 });
    const again = await run(win1252(csv([line])), "ALL_OR_NOTHING", "2026-07-01");
    expect(again).toMatchObject({ updated: 0, unchanged: 1, regimeChanges: 0 });
    const soustraits = (await dwelling("RE-0003"))!.regimes.filter((g) => g.kind === "SOUSTRAIT");
    expect(soustraits.map((g) => ({ category: g.category, year: g.year, reference: g.reference }))).toEqual([{ category: "MUTATION_INTERNE", year: 2027, reference: "CUS 2021-2026, accord de mutations internes" }]);
    const y2027 = await assietteForYear(prisma, valophis, TERRITORY, 2027);
    expect(y2027.soustraitsByCategory).toEqual({ MUTATION_INTERNE: 1 });
    expect((await assietteForYear(prisma, valophis, TERRITORY, 2026)).soustraitsByCategory).toEqual({});
  });
});

describe("dwelling import: the route handler (ACC-1)", () => {
  const ORIGIN = "http://localhost:3000";
  const request = (body: Uint8Array, mode?: string) =>
    new Request(`${ORIGIN}/api/o/x/logements/import${mode ? `?mode=${mode}` : ""}`, { method: "POST", body: body as Uint8Array<ArrayBuffer>, headers: { "content-type": "text/csv" }, duplex: "half" } as RequestInit);
  const post = (email: string, org: string, req: Request) => handleDwellingImport(rc(s.person(email)), { org }, req, "2026-06-15");
  const good = () => win1252(csv([{ rpls: "HTTP-0001", commune: "Vitry-sur-Seine" }]));

  it("RES-17: refuses a READER (403) and a non-bailleur organisation (403), answers 404 to a non-member", async () => {
    const reader = await post("lecteur@valophis-habitat.demo", "valophis-habitat", request(good()));
    expect(reader.status).toBe(403);
    expect(await reader.json()).toEqual({ message: MSG.forbidden });
    const city = await post("admin@choisy-le-roi.demo", "choisy-le-roi", request(good()));
    expect(city.status).toBe(403);
    expect(await city.json()).toEqual({ message: IMPORT_MSG.notBailleur });
    expect((await post("agent@valophis-habitat.demo", "choisy-le-roi", request(good()))).status).toBe(404);
    const signedOut = await handleDwellingImport(rc(null), { org: "valophis-habitat" }, request(good()));
    expect(signedOut.status).toBe(401);
    const crossSite = await handleDwellingImport(rc(s.person("agent@valophis-habitat.demo"), "https://evil.example"), { org: "valophis-habitat" }, request(good()));
    expect(crossSite.status).toBe(403);
    expect(await dwelling("HTTP-0001")).toBeNull();
  });

  it("RES-17: accepts agent@valophis-habitat.demo and answers the report; a wrong line answers 422 with it", async () => {
    const ok = await post("agent@valophis-habitat.demo", "valophis-habitat", request(good()));
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({ created: 1, total: 1, errors: [], written: true });
    expect(body.message).toBe("Import terminé : 1 logement créé, 0 mis à jour, 0 inchangé.");
    expect(await dwelling("HTTP-0001")).toMatchObject({ commune: "Vitry-sur-Seine" });

    const bad = win1252(csv([{ rpls: "HTTP-0002", commune: "Vitry-sur-Seine" }, { rpls: "HTTP-0003", commune: "Vitry-sur-Seine", surface: "" }]));
    const rejected = await post("agent@valophis-habitat.demo", "valophis-habitat", request(bad));
    expect(rejected.status).toBe(422);
    expect(await rejected.json()).toMatchObject({ message: IMPORT_MSG.rejected, written: false, errors: [{ line: 3, messages: ["Surface : obligatoire."] }] });
    const partial = await post("admin@valophis-habitat.demo", "valophis-habitat", request(bad, "lignes-valides"));
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ created: 1, errorLines: 1, message: "Import terminé : 1 logement créé, 0 mis à jour, 0 inchangé ; 1 ligne ignorée." });

    const unreadable = await post("agent@valophis-habitat.demo", "valophis-habitat", request(win1252("numero;voie\n1;Rue\n")));
    expect(unreadable.status).toBe(422);
    expect(await unreadable.json()).toMatchObject({ message: IMPORT_MSG.unreadable, errors: [{ line: 1 }] });
    const xlsx = await post("agent@valophis-habitat.demo", "valophis-habitat", request(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])));
    expect(await xlsx.json()).toMatchObject({ errors: [{ line: 1, messages: [IMPORT_MSG.notCsv] }] });
    expect((await post("agent@valophis-habitat.demo", "valophis-habitat", request(good(), "n-importe"))).status).toBe(400);
    expect((await post("agent@valophis-habitat.demo", "valophis-habitat", request(new Uint8Array(0)))).status).toBe(400);
  });
});
