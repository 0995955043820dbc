import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EVENT_LABELS, type AslliMeasureFacts, type FnavdlCaseFacts, type RelaisCaseFacts } from "@/lib/domain";
import { associationOptions, findCase, getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { OUTCOME_LABELS, type CaseEventType } from "@/lib/validation/cases";
import type { FnavdlEventType } from "@/lib/validation/fnavdl";
import type { AslliEventType } from "@/lib/validation/aslli";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ObligationTable, type ObligationRow } from "@/components/obligations/obligation-table";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { canUploadDocuments, listCaseDocuments } from "@/lib/server/documents";
import { RelaisEventForm } from "./relais-event-form";
import { FnavdlEventForm } from "./fnavdl-event-form";
import { AslliEventForm } from "./aslli-event-form";
import { SocialDetail } from "./social-detail";
import { ReferentButton } from "./referent-button";
import { AslliSummary, FnavdlSummary, RelaisSummary } from "./case-summary";

export const metadata: Metadata = { title: "Dossier" };

const STAGE: Record<string, { label: string; tone: Tone }> = {
  REFERRED: { label: "Orienté, diagnostic à faire", tone: "blue" },
  DIAGNOSED: { label: "Diagnostic réalisé", tone: "blue" },
  DECIDED: { label: "Entrée décidée", tone: "amber" },
  IN_SUPPORT: { label: "En accompagnement", tone: "green" },
  CLOSED: { label: "Clôturé", tone: "grey" },
  PRESCRIBED: { label: "Prescrit, accord du ménage à recueillir", tone: "blue" },
  CONSENTED: { label: "Diagnostic à réaliser", tone: "blue" },
  ORIENTED: { label: "Mesure prescrite, à démarrer", tone: "amber" },
  SUBLEASE: { label: "En sous-location (bail glissant)", tone: "green" },
  REQUESTED: { label: "En attente de la commission", tone: "blue" },
  GRANTED: { label: "Accordée, à démarrer", tone: "amber" },
  SUSPENDED: { label: "Suspendue", tone: "amber" },
  REFUSED: { label: "Refusée par la commission", tone: "grey" },
};

/** The relais steps a party may record now (the domain checks the sequence when it is recorded). */
function relaisTypes(stage: string, role: string | null, f: RelaisCaseFacts): CaseEventType[] {
  const assoc = role === "ASSOCIATION";
  switch (stage) {
    case "REFERRED": return assoc ? ["DIAGNOSTIC"] : [];
    case "DIAGNOSED": return assoc ? ["DECISION"] : ["DECISION", "DWELLING_PROPOSED"];
    case "DECIDED": return assoc ? ["ENTRY", "END"] : ["DWELLING_PROPOSED", "END"];
    case "IN_SUPPORT": return assoc ? ["VISIT", "CONTRACT_SENT", "INTERMEDIATE_BILAN_SENT", "RENEWAL", "FINAL_BILAN_SENT", "END"] : ["RENEWAL", "END"];
    default: return assoc && f.finalBilans.length === 0 ? ["FINAL_BILAN_SENT"] : [];
  }
}

/** AVD-6..14: the FNAVDL steps a party may record now. */
function fnavdlTypes(role: string | null, f: FnavdlCaseFacts, bailGlissant: boolean): FnavdlEventType[] {
  if (role === "ETAT") return [...(f.consentOn ? [] : ["CONSENT" as const]), ...(f.sublease && !f.sublease.noticeOn && !f.end ? ["BAILLEUR_NOTICE" as const] : [])];
  if (role !== "ASSOCIATION") return [];
  if (f.end || (f.diagnosticOn && !f.orientedOn)) return ["SURVEY"];
  if (!f.consentOn) return ["CONSENT", "END"];
  if (!f.orientedOn) return ["DIAGNOSTIC", "END"];
  if (!f.support) return ["SUPPORT_START", "END"];
  const out: FnavdlEventType[] = ["SUPPORT_CHANGE", "EVALUATION_SENT", "PROLONGATION"];
  if (bailGlissant && !f.sublease) out.push("SUBLEASE_START");
  if (f.sublease && !f.sublease.noticeOn) out.push("BAILLEUR_NOTICE");
  if (f.sublease && !f.sublease.slidOn) out.push("LEASE_SLID");
  if (!f.housingAccessOn) out.push("LEASE_SIGNED");
  out.push("SURVEY", "END");
  return out;
}

/** ASL-1..14: the ASLLi steps a party may record now. */
function aslliTypes(role: string | null, f: AslliMeasureFacts, stage: string): AslliEventType[] {
  if (!f.commission) return role === "DEPARTEMENT" ? ["COMMISSION"] : [];
  if (!f.commission.granted) return [];
  const stopped = f.interruptedOn !== null || f.earlyEnd !== null;
  if (role === "DEPARTEMENT") return stopped ? [] : stage === "CLOSED" ? ["RENEWAL"] : ["RENEWAL", "SUSPENSION", "END"];
  if (role !== "ASSOCIATION") return [];
  if (stopped || stage === "CLOSED") return [...(f.bilans.length <= f.renewals.length ? ["BILAN_SENT" as const] : []), ...(f.handoverOn ? [] : ["HANDOVER" as const])];
  return [
    ...(f.planSentOn ? [] : ["PLAN_SENT" as const]), "MEETING", ...(stage === "GRANTED" ? ["START" as const] : []),
    "BILAN_SENT", "SUSPENSION", "INTERRUPTION",
  ];
}

/** Which step fulfils an obligation row (its « Enregistrer » link preselects it in the form). */
const STEP_OF_RULE: Record<string, string> = {
  "REL-2": "DIAGNOSTIC", "REL-6": "CONTRACT_SENT", "REL-8": "FINAL_BILAN_SENT",
  "AVD-7": "DIAGNOSTIC", "AVD-10": "SUPPORT_START", "AVD-11": "BAILLEUR_NOTICE",
  "ASL-5": "PLAN_SENT", "ASL-6": "MEETING", "ASL-10": "BILAN_SENT", "ASL-14": "HANDOVER",
};
function stepOf(o: ObligationRow): string | null {
  if (o.key.startsWith("REL-7:visit")) return "VISIT";
  if (o.key.startsWith("REL-7:bilan")) return "INTERMEDIATE_BILAN_SENT";
  if (o.key === "AVD-7:support-end") return "END";
  return STEP_OF_RULE[o.rule] ?? null;
}

export default async function CasePage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ etape?: string }> }) {
  const { org, id } = await params;
  const { etape } = await searchParams;
  const caller = await getCaller(org);
  const now = today();
  const c = await findCase(caller, id, now);
  if (!c) notFound();
  const [documents, associations] = await Promise.all([
    listCaseDocuments(caller, c.id).then((d) => d ?? []),
    c.kind === "FNAVDL" && c.partyRole === "ASSOCIATION" ? associationOptions(caller) : Promise.resolve([]),
  ]);
  const orgNames = Object.fromEntries([...c.convention.parties.map((p) => [p.organisationId, p.organisation.name]), ...c.sharedOrgs.map((o) => [o.id, o.name])]);
  const open = c.obligations.filter((o) => !o.doneOn);
  const reader = caller.role === "READER";
  const types: string[] = reader ? []
    : c.relais ? relaisTypes(c.stage, c.partyRole, c.relais)
    : c.fnavdl ? fnavdlTypes(c.partyRole, c.fnavdl.facts, c.fnavdl.facts.bailGlissantReferral || ((c.convention.parameters as Record<string, unknown>).actions as string[] | undefined ?? []).includes("BAIL_GLISSANT"))
    : c.aslli ? aslliTypes(c.partyRole, c.aslli.facts, c.stage) : [];
  const name = `${c.household.referenceFirstName} ${c.household.referenceLastName}`;
  const base = `/o/${caller.org.slug}/dossiers/${c.id}`;
  const formKey = `${types.join()}-${c.events.length}-${etape ?? ""}`;
  const kindLabel = c.kind === "RELAIS" ? "Logement relais" : c.kind === "FNAVDL" ? "Accompagnement FNAVDL" : "Mesure ASLLi";
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/dossiers`} className="text-brand-700 hover:underline">← Dossiers</Link></p>
      <PageHeader
        title={`Dossier ${name}${c.number ? ` — n° ${c.number}` : ""}`}
        subtitle={<span className="flex flex-wrap items-center gap-2">{kindLabel} — {c.convention.title} <Badge tone={STAGE[c.stage].tone}>{STAGE[c.stage].label}</Badge>{c.relais?.end ? <span>Issue : {OUTCOME_LABELS[c.relais.end.outcome]}</span> : null}</span>}
      />
      {c.partyRole === null ? (
        <p className="mb-4 rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900">
          Ce dossier vous a été transmis par l&apos;association qui a réalisé le diagnostic (AVD-7) : vous voyez le ménage et les documents qui vous ont été adressés, sans pouvoir modifier le dossier.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="obligations" className="lg:col-span-2">
          <h2 id="obligations" className="mb-2 text-base font-semibold">Prochaines obligations</h2>
          {open.length ? (
            <ObligationTable rows={open} today={now} orgNames={orgNames} caption="Obligations ouvertes du dossier"
              renderAction={(o) => { const step = stepOf(o); return step && types.includes(step) ? <Link href={`${base}?etape=${step}#etape`} className="text-sm text-brand-700 hover:underline">Enregistrer<span className="sr-only"> : {EVENT_LABELS[step]}</span></Link> : null; }} />
          ) : <EmptyState title="Aucune obligation ouverte" />}
        </section>
        <section aria-labelledby="menage" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="menage" className="text-base font-semibold">Ménage</h2>
          <dl className="mt-2 grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-600">Personne de référence</dt><dd>{name}</dd>
            <dt className="text-slate-600">Composition</dt><dd>{c.household.members.length + 1} personne{c.household.members.length ? "s" : ""}</dd>
            <dt className="text-slate-600">NUR</dt><dd className="font-mono text-xs">{c.household.nur ?? "—"}</dd>
            <dt className="text-slate-600">Commune</dt><dd>{c.household.commune ?? "—"}</dd>
            {c.household.daloRecognisedOn ? <><dt className="text-slate-600">DALO</dt><dd>reconnu le {formatDate(c.household.daloRecognisedOn)}</dd></> : null}
            <dt className="text-slate-600">Référents</dt>
            <dd>{c.referents.map((r) => { const p = c.referentPersons.find((x) => x.id === r.personId); return <span key={r.organisationId} className="block">{p ? `${p.firstName} ${p.lastName}` : "—"} ({orgNames[r.organisationId] ?? "—"})</span>; })}</dd>
          </dl>
          {!reader && c.partyRole !== null && !c.referents.some((r) => r.personId === caller.personId) ? <ReferentButton org={caller.org.slug} caseId={c.id} personId={caller.personId} /> : null}
        </section>
        <section aria-labelledby="mesure" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="mesure" className="mb-2 text-base font-semibold">{c.kind === "RELAIS" ? "Accompagnement" : c.kind === "FNAVDL" ? "Prescription et accompagnement" : "Mesure"} <span className="text-sm font-normal text-slate-600">({CONVENTION_KIND_LABEL[c.kind]})</span></h2>
          {c.relais ? <RelaisSummary f={c.relais} /> : null}
          {c.fnavdl ? <FnavdlSummary f={c.fnavdl.facts} params={c.fnavdl.params} events={c.events} /> : null}
          {c.aslli ? <AslliSummary view={c.aslli} events={c.events} today={now} /> : null}
        </section>
        <section aria-labelledby="chronologie" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="chronologie" className="text-base font-semibold">Chronologie</h2>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
            {c.events.map((e) => (
              <li key={e.id}>
                <span className="font-medium">{formatDate(e.on)}</span> — {EVENT_LABELS[e.type] ?? e.type}
                <span className="block text-xs text-slate-600">{orgNames[e.recordedByOrgId] ?? "—"}</span>
              </li>
            ))}
          </ol>
        </section>
        {types.length ? (
          <section aria-labelledby="etape-titre" id="etape" className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
            <h2 id="etape-titre" className="mb-2 text-base font-semibold">Enregistrer l&apos;étape suivante</h2>
            {c.kind === "RELAIS" ? <RelaisEventForm key={formKey} org={caller.org.slug} caseId={c.id} types={types as CaseEventType[]} today={now} initialType={etape} /> : null}
            {c.fnavdl ? <FnavdlEventForm key={formKey} org={caller.org.slug} caseId={c.id} types={types as FnavdlEventType[]} today={now} initialType={etape} associations={associations}
              current={c.fnavdl.facts.support ? { action: c.fnavdl.facts.support.action, intensity: c.fnavdl.facts.support.intensity, plannedEndOn: c.fnavdl.facts.support.plannedEndOn } : null} /> : null}
            {c.aslli ? <AslliEventForm key={formKey} org={caller.org.slug} caseId={c.id} types={types as AslliEventType[]} today={now} initialType={etape} purpose={c.aslli.facts.commission?.purpose ?? purposeRequested(c.events)} /> : null}
          </section>
        ) : null}
        <DocumentsPanel org={caller.org.slug} conventionId={c.conventionId} caseId={c.id} canUpload={canUploadDocuments(caller) && c.partyRole !== null} documents={documents} />
        <section aria-labelledby="detail-social" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
          <h2 id="detail-social" className="mb-2 text-base font-semibold">Détail social</h2>
          <SocialDetail org={caller.org.slug} caseId={c.id} />
        </section>
      </div>
    </>
  );
}

function purposeRequested(events: { type: string; payload: unknown }[]): "ACCESS" | "MAINTIEN" {
  const req = events.find((e) => e.type === "REQUEST")?.payload as { purposeRequested?: string } | undefined;
  return req?.purposeRequested === "ACCESS" ? "ACCESS" : "MAINTIEN";
}
