import "server-only";
import { EVENT_LABELS } from "@/lib/domain";
import { formatCents, formatDate, formatDateTime, isoOf } from "@/lib/format";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import type { ConventionKind } from "@/lib/generated/prisma/client";
import { textKindSpec } from "@/lib/validation/case-texts";
import { DALO_DECISIONS, HOUSING_SITUATIONS, RELATIONSHIPS, RESOURCE_SOURCES } from "@/lib/validation/households";
import { MSG, type RequestContext } from "./action";
import { resolveCaller, type Caller } from "./access";
import { writeAudit } from "./audit";
import { caseNumber, textSections } from "./cases";
import { prisma, withTx, type Db } from "./db";
import { contentDisposition } from "./documents";

// Issue 8 §1 — the household's right of access: everything held on it, as one readable HTML file (printable)
// and as JSON. Only an ADMIN of the organisation that owns the household may export it; anyone else gets 404,
// exactly as for a household that does not exist. Each export is audited (who, which household, which format).
// Social detail written by another organisation is listed (kind, author, date) without its content, which the
// household asks of that organisation (ACC-2: a partner's social detail is not the owner's to read).

export type HouseholdExport = {
  generatedOn: string;
  organisation: string;
  household: {
    reference: { firstName: string; lastName: string; birthDate: string | null };
    nur: string | null; housingSituation: string | null; commune: string | null;
    dalo: { decision: string | null; recognisedOn: string | null };
    consent: { on: string | null; by: string | null };
    purgedOn: string | null;
    members: { firstName: string; lastName: string; birthDate: string | null; relationship: string }[];
    resources: { source: string; monthly: string }[];
  };
  cases: {
    number: string | null; kind: string; convention: string; openedOn: string; closedOn: string | null;
    events: { on: string; step: string; recordedBy: string }[];
    documents: { fileName: string; category: string; addedOn: string; addedBy: string }[];
    texts: { kind: string; author: string; writtenOn: string; sentTo: string[]; sections: { label: string; text: string }[] | null; heldBy: string | null }[];
  }[];
  readLog: { at: string; person: string; organisation: string; caseNumber: string | null }[];
};

const label = (list: readonly { value: string; label: string }[], v: string | null) => (v ? list.find((x) => x.value === v)?.label ?? v : null);


/** Everything held on the household, or null when the caller is not an ADMIN of its organisation (404). */
export async function householdExport(caller: Caller, householdId: string, today: string, db: Db = prisma): Promise<HouseholdExport | null> {
  if (caller.role !== "ADMIN") return null;
  const h = await db.household.findFirst({
    where: { id: householdId, organisationId: caller.org.id },
    include: {
      members: { orderBy: [{ birthDate: { sort: "asc", nulls: "last" } }, { id: "asc" }] },
      resources: { orderBy: [{ monthlyCents: "desc" }, { id: "asc" }] },
      cases: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true, kind: true, quotaYear: true, quotaRank: true, createdAt: true, closedOn: true,
          referents: { select: { personId: true } },
          convention: { select: { title: true, parties: { select: { organisationId: true, partyRole: true } } } },
          events: { select: { type: true, on: true, recordedByOrgId: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
          documents: { select: { fileName: true, category: true, createdAt: true, uploadedByOrgId: true }, orderBy: { createdAt: "asc" } },
          texts: { select: { kind: true, sections: true, authorOrgId: true, sentToOrgIds: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!h) return null;
  const caseIds = h.cases.map((c) => c.id);
  const reads = await db.auditEvent.findMany({
    where: { action: "case.socialDetail.read", entityType: "Case", entityId: { in: caseIds } },
    orderBy: { at: "asc" }, select: { at: true, actorId: true, organisationId: true, entityId: true },
  });
  const orgIds = new Set<string>([...h.cases.flatMap((c) => [...c.convention.parties.map((p) => p.organisationId), ...c.texts.flatMap((t) => [t.authorOrgId, ...t.sentToOrgIds])]), ...reads.flatMap((r) => (r.organisationId ? [r.organisationId] : []))]);
  const [orgs, persons] = await Promise.all([
    db.organisation.findMany({ where: { id: { in: [...orgIds] } }, select: { id: true, name: true } }),
    db.person.findMany({ where: { id: { in: [...new Set(reads.flatMap((r) => (r.actorId ? [r.actorId] : [])))] } }, select: { id: true, firstName: true, lastName: true } }),
  ]);
  const orgName = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? "—";
  const numberOf = (c: { quotaYear: number | null; quotaRank: number | null }) => (c.quotaYear && c.quotaRank ? caseNumber(c.quotaYear, c.quotaRank) : null);
  return {
    generatedOn: today,
    organisation: caller.org.name,
    household: {
      reference: { firstName: h.referenceFirstName, lastName: h.referenceLastName, birthDate: h.referenceBirthDate ? isoOf(h.referenceBirthDate) : null },
      nur: h.nur, housingSituation: label(HOUSING_SITUATIONS, h.housingSituation), commune: h.commune,
      dalo: { decision: label(DALO_DECISIONS, h.daloDecision), recognisedOn: h.daloRecognisedOn ? isoOf(h.daloRecognisedOn) : null },
      consent: { on: h.consentOn ? isoOf(h.consentOn) : null, by: h.consentBy },
      purgedOn: h.purgedOn ? isoOf(h.purgedOn) : null,
      members: h.members.map((m) => ({ firstName: m.firstName, lastName: m.lastName, birthDate: m.birthDate ? isoOf(m.birthDate) : null, relationship: label(RELATIONSHIPS, m.relationship) ?? m.relationship })),
      resources: h.resources.map((r) => ({ source: label(RESOURCE_SOURCES, r.source) ?? r.source, monthly: formatCents(r.monthlyCents) })),
    },
    cases: h.cases.map((c) => {
      const partyRole = c.convention.parties.find((p) => p.organisationId === caller.org.id)?.partyRole ?? null;
      return {
        number: numberOf(c), kind: CONVENTION_KIND_LABEL[c.kind as ConventionKind], convention: c.convention.title,
        openedOn: isoOf(c.events[0]?.on ?? c.createdAt), closedOn: c.closedOn ? isoOf(c.closedOn) : null,
        events: c.events.map((e) => ({ on: isoOf(e.on), step: EVENT_LABELS[e.type] ?? e.type, recordedBy: orgName(e.recordedByOrgId) })),
        documents: c.documents.map((d) => ({ fileName: d.fileName, category: d.category, addedOn: isoOf(d.createdAt), addedBy: orgName(d.uploadedByOrgId) })),
        texts: c.texts.map((t) => {
          const keys = textSections(caller, t, { kind: c.kind, referents: c.referents, partyRole });
          const spec = textKindSpec(t.kind);
          const all = t.sections as Record<string, unknown>;
          const shown = keys === null ? null : Object.entries(spec.sections).filter(([k]) => typeof all[k] === "string" && (keys === "ALL" || keys.includes(k))).map(([k, s]) => ({ label: s.label, text: String(all[k]) }));
          return { kind: spec.label, author: orgName(t.authorOrgId), writtenOn: isoOf(t.createdAt), sentTo: t.sentToOrgIds.map(orgName), sections: shown, heldBy: shown === null ? orgName(t.authorOrgId) : null };
        }),
      };
    }),
    readLog: reads.map((r) => {
      const p = persons.find((x) => x.id === r.actorId);
      const c = h.cases.find((x) => x.id === r.entityId);
      return { at: r.at.toISOString(), person: p ? `${p.firstName} ${p.lastName}` : "—", organisation: orgName(r.organisationId), caseNumber: c ? numberOf(c) : null };
    }),
  };
}

const esc = (s: string | null | undefined) => String(s ?? "—").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const d = (iso: string | null) => (iso ? formatDate(iso) : "—");
const row = (cells: string[], th = false) => `<tr>${cells.map((c) => (th ? `<th scope="col">${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`;
const table = (caption: string, head: string[], rows: string[][]) =>
  rows.length ? `<table><caption>${esc(caption)}</caption><thead>${row(head.map(esc), true)}</thead><tbody>${rows.map((r) => row(r)).join("")}</tbody></table>` : `<p>${esc(caption)} : aucun.</p>`;

/** The readable file: French, self-contained (no script, no external asset), printable on A4. */
export function renderExportHtml(x: HouseholdExport): string {
  const h = x.household;
  const name = `${h.reference.firstName} ${h.reference.lastName}`.trim();
  const cases = x.cases.map((c) => `
    <section>
      <h3>${esc(c.kind)} — ${esc(c.convention)}${c.number ? ` (dossier n° ${esc(c.number)})` : ""}</h3>
      <p>Ouvert le ${esc(d(c.openedOn))}${c.closedOn ? `, clos le ${esc(d(c.closedOn))}` : ", en cours"}.</p>
      ${table("Étapes du dossier", ["Date", "Étape", "Enregistrée par"], c.events.map((e) => [esc(d(e.on)), esc(e.step), esc(e.recordedBy)]))}
      ${table("Documents", ["Fichier", "Catégorie", "Ajouté le", "Par"], c.documents.map((doc) => [esc(doc.fileName), esc(doc.category), esc(d(doc.addedOn)), esc(doc.addedBy)]))}
      <h4>Écrits sociaux</h4>
      ${c.texts.length ? c.texts.map((t) => `
        <article>
          <p><strong>${esc(t.kind)}</strong> — rédigé par ${esc(t.author)} le ${esc(d(t.writtenOn))}${t.sentTo.length ? `, transmis à ${esc(t.sentTo.join(", "))}` : ""}</p>
          ${t.sections ? `<dl>${t.sections.map((s) => `<dt>${esc(s.label)}</dt><dd>${esc(s.text)}</dd>`).join("")}</dl>` : `<p class="note">Contenu détenu par ${esc(t.heldBy)} : à lui demander directement.</p>`}
        </article>`).join("") : "<p>Aucun écrit.</p>"}
    </section>`).join("");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Données détenues sur ${esc(name)} — ${esc(x.organisation)}</title>
<style>
  body { font: 11pt/1.45 system-ui, sans-serif; color: #0f172a; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #cbd5e1; margin-top: 2rem; } h3 { font-size: 1rem; margin-top: 1.5rem; } h4 { font-size: .95rem; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: 600; padding: .25rem 0; }
  th, td { border: 1px solid #cbd5e1; padding: .25rem .4rem; text-align: left; vertical-align: top; } th { background: #f1f5f9; }
  dt { font-weight: 600; margin-top: .4rem; } dd { margin: 0 0 0 1rem; white-space: pre-line; } .note { color: #475569; font-style: italic; }
  @page { size: A4; margin: 18mm; } @media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } }
</style></head>
<body>
<h1>Données détenues sur le ménage ${esc(name)}</h1>
<p>Document établi le ${esc(d(x.generatedOn))} par ${esc(x.organisation)} en réponse à la demande d'accès du ménage (droit d'accès, article 15 du RGPD).</p>
${h.purgedOn ? `<p class="note">Les données personnelles de ce ménage ont été anonymisées le ${esc(d(h.purgedOn))} à l'issue de la durée de conservation.</p>` : ""}
<h2>Identité</h2>
<dl><dt>Personne de référence</dt><dd>${esc(name)}${h.reference.birthDate ? `, née ou né le ${esc(d(h.reference.birthDate))}` : ""}</dd></dl>
${table("Autres personnes du ménage", ["Prénom", "Nom", "Date de naissance", "Lien"], h.members.map((m) => [esc(m.firstName), esc(m.lastName), esc(d(m.birthDate)), esc(m.relationship)]))}
<h2>Logement et ressources</h2>
<dl>
  <dt>Numéro unique de demande (NUR)</dt><dd>${esc(h.nur)}</dd>
  <dt>Situation de logement</dt><dd>${esc(h.housingSituation)}</dd>
  <dt>Commune</dt><dd>${esc(h.commune)}</dd>
  <dt>DALO</dt><dd>${h.dalo.decision ? `${esc(h.dalo.decision)}, le ${esc(d(h.dalo.recognisedOn))}` : "—"}</dd>
  <dt>Accord du ménage</dt><dd>${h.consent.on ? `le ${esc(d(h.consent.on))} par ${esc(h.consent.by)}` : "—"}</dd>
</dl>
${table("Ressources mensuelles", ["Nature", "Montant"], h.resources.map((r) => [esc(r.source), esc(r.monthly)]))}
<h2>Dossiers</h2>
${cases || "<p>Aucun dossier.</p>"}
<h2>Consultations du détail social</h2>
<p>Chaque affichage du détail social d'un dossier est enregistré (qui, quand) et conservé 12 mois.</p>
${table("Journal des consultations", ["Date et heure", "Personne", "Organisation", "Dossier"], x.readLog.map((r) => [esc(formatDateTime(r.at)), esc(r.person), esc(r.organisation), esc(r.caseNumber)]))}
</body></html>`;
}

/** GET /api/o/[org]/menages/[id]/export?format=html|json — ADMIN of the owner organisation only; else 404. */
export async function handleHouseholdExport(rc: RequestContext, route: { org: string; id: string }, req: Request, today: string): Promise<Response> {
  if (!rc.session) return Response.json({ message: MSG.signedOut }, { status: 401 });
  const caller = await resolveCaller(rc.session, route.org);
  const data = caller ? await householdExport(caller, route.id, today) : null;
  if (!caller || !data) return Response.json({ message: MSG.notFound }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const format = new URL(req.url).searchParams.get("format") === "json" ? "json" : "html";
  await withTx({ personId: caller.personId, organisationId: caller.org.id }, (tx) =>
    writeAudit(tx, { actorId: caller.personId, organisationId: caller.org.id, action: "household.export", entityType: "Household", entityId: route.id, fields: [format] }),
  );
  const base = `donnees-menage-${data.household.reference.lastName || "anonymise"}-${today}`;
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" };
  if (format === "json") {
    return new Response(JSON.stringify(data, null, 2), { headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": contentDisposition(`${base}.json`) } });
  }
  return new Response(renderExportHtml(data), { headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Disposition": contentDisposition(`${base}.html`) } });
}
