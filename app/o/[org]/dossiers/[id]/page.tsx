import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EVENT_LABELS, relaisCaseFacts } from "@/lib/domain";
import { findCase, getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import type { CaseEventType } from "@/lib/validation/cases";
import { OUTCOME_LABELS } from "@/lib/validation/cases";
import { PageHeader } from "@/components/ui/page-header";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { ObligationTable } from "@/components/obligations/obligation-table";
import { CaseEventForm } from "./event-form";
import { SocialDetail } from "./social-detail";
import { ReferentButton } from "./referent-button";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { canUploadDocuments, listCaseDocuments } from "@/lib/server/documents";

export const metadata: Metadata = { title: "Dossier" };

const STAGE: Record<string, { label: string; tone: Tone }> = {
  REFERRED: { label: "Orienté, diagnostic à faire", tone: "blue" },
  DIAGNOSED: { label: "Diagnostic réalisé", tone: "blue" },
  DECIDED: { label: "Entrée décidée", tone: "amber" },
  IN_SUPPORT: { label: "En accompagnement", tone: "green" },
  CLOSED: { label: "Clôturé", tone: "grey" },
};

/** The steps a party may record now (the domain checks the sequence when it is recorded). */
function nextTypes(stage: string, role: string, finalSent: boolean): CaseEventType[] {
  const assoc = role === "ASSOCIATION";
  switch (stage) {
    case "REFERRED": return assoc ? ["DIAGNOSTIC"] : [];
    case "DIAGNOSED": return assoc ? ["DECISION"] : ["DECISION", "DWELLING_PROPOSED"];
    case "DECIDED": return assoc ? ["ENTRY", "END"] : ["DWELLING_PROPOSED", "END"];
    case "IN_SUPPORT": return assoc ? ["VISIT", "CONTRACT_SENT", "INTERMEDIATE_BILAN_SENT", "RENEWAL", "FINAL_BILAN_SENT", "END"] : ["RENEWAL", "END"];
    default: return assoc && !finalSent ? ["FINAL_BILAN_SENT"] : [];
  }
}

export default async function CasePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const c = await findCase(caller, id, now);
  if (!c) notFound();
  const facts = relaisCaseFacts(c.domainEvents);
  const documents = (await listCaseDocuments(caller, c.id)) ?? [];
  const role = c.convention.parties.find((p) => p.organisationId === caller.org.id)!.partyRole;
  const orgNames = Object.fromEntries(c.convention.parties.map((p) => [p.organisationId, p.organisation.name]));
  const open = c.obligations.filter((o) => !o.doneOn);
  const types = caller.role === "READER" ? [] : nextTypes(c.stage, role, facts.finalBilans.length > 0);
  const name = `${c.household.referenceFirstName} ${c.household.referenceLastName}`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/dossiers`} className="text-brand-700 hover:underline">← Dossiers</Link></p>
      <PageHeader
        title={`Dossier ${name}`}
        subtitle={<span className="flex flex-wrap items-center gap-2">Logement relais — {c.convention.title} <Badge tone={STAGE[c.stage].tone}>{STAGE[c.stage].label}</Badge>{facts.end ? <span>Issue : {OUTCOME_LABELS[facts.end.outcome]}</span> : null}</span>}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="obligations" className="lg:col-span-2">
          <h2 id="obligations" className="mb-2 text-base font-semibold">Prochaines obligations</h2>
          {open.length ? <ObligationTable rows={open} today={now} orgNames={orgNames} caption="Obligations ouvertes du dossier" /> : <EmptyState title="Aucune obligation ouverte" />}
        </section>
        <section aria-labelledby="menage" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="menage" className="text-base font-semibold">Ménage</h2>
          <dl className="mt-2 grid grid-cols-2 gap-y-1 text-sm">
            <dt className="text-slate-600">Personne de référence</dt><dd>{name}</dd>
            <dt className="text-slate-600">Composition</dt><dd>{c.household.members.length + 1} personne{c.household.members.length ? "s" : ""}</dd>
            <dt className="text-slate-600">NUR</dt><dd className="font-mono text-xs">{c.household.nur ?? "—"}</dd>
            <dt className="text-slate-600">Commune</dt><dd>{c.household.commune ?? "—"}</dd>
            <dt className="text-slate-600">Référents</dt>
            <dd>{c.referents.map((r) => { const p = c.referentPersons.find((x) => x.id === r.personId); return <span key={r.organisationId} className="block">{p ? `${p.firstName} ${p.lastName}` : "—"} ({orgNames[r.organisationId]})</span>; })}</dd>
          </dl>
          {caller.role !== "READER" && !c.referents.some((r) => r.personId === caller.personId) ? <ReferentButton org={caller.org.slug} caseId={c.id} personId={caller.personId} /> : null}
        </section>
        {types.length ? (
          <section aria-labelledby="etape" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
            <h2 id="etape" className="mb-2 text-base font-semibold">Enregistrer l&apos;étape suivante</h2>
            <CaseEventForm key={`${types.join()}-${c.events.length}`} org={caller.org.slug} caseId={c.id} types={types} today={now} />
          </section>
        ) : null}
        <section aria-labelledby="chronologie" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="chronologie" className="text-base font-semibold">Chronologie</h2>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4 text-sm" data-testid="timeline">
            {c.events.map((e) => (
              <li key={e.id}>
                <span className="font-medium">{formatDate(e.on)}</span> — {EVENT_LABELS[e.type] ?? e.type}
                <span className="block text-xs text-slate-600">{orgNames[e.recordedByOrgId]}</span>
              </li>
            ))}
          </ol>
        </section>
        <DocumentsPanel org={caller.org.slug} conventionId={c.conventionId} caseId={c.id} canUpload={canUploadDocuments(caller)} documents={documents} />
        <section aria-labelledby="detail-social" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
          <h2 id="detail-social" className="mb-2 text-base font-semibold">Détail social</h2>
          <SocialDetail org={caller.org.slug} caseId={c.id} />
        </section>
      </div>
    </>
  );
}
