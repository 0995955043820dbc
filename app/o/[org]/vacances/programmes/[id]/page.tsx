import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { findProgramme } from "@/lib/server/new-programmes";
import { designationHouseholds } from "@/lib/server/vacancies";
import { formatCents, formatDate } from "@/lib/format";
import { PROGRAMME_DOCUMENTS, PROGRAMME_KIND_LABELS, PROGRAMME_STEP_LABELS, type ProgrammeDocument, type ProgrammeKind } from "@/lib/validation/new-programmes";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ObligationTable } from "@/components/obligations/obligation-table";
import { Countdown } from "../../outcome-badge";
import { StockNotice } from "../stock-notice";
import { FailureForm, PostponeForm, SendListForm } from "./step-forms";
import { padded, section } from "@/components/ui/table-classes";

export const metadata: Metadata = { title: "Programme neuf" };

const { th, td } = padded;

export default async function ProgrammePage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const p = await findProgramme(caller, id);
  if (!p) notFound();
  const mayWrite = caller.role !== "READER";
  const sending = p.side === "RESERVATAIRE" && mayWrite && p.progress.openSince !== null;
  const households = sending ? await designationHouseholds(caller) : [];
  const orgNames = Object.fromEntries(p.convention.parties.map((x) => [x.organisationId, x.organisation.name]));
  const lists = p.steps.filter((s) => s.type === "LIST_SENT");
  const postponements = p.steps.filter((s) => s.type === "COMMISSIONING_POSTPONED");
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/vacances/programmes`} className="text-brand-700 hover:underline">← Programmes neufs</Link></p>
      <PageHeader
        title={p.name}
        subtitle={<>{PROGRAMME_KIND_LABELS[p.programmeKind as ProgrammeKind] ?? p.programmeKind} de {p.dwellings} logement{p.dwellings > 1 ? "s" : ""} · {p.bailleur ?? "Le bailleur"} → {p.reservataire ?? "le réservataire"} ({p.convention.title})</>}
      />
      <StockNotice />
      {p.nextListDueOn ? (
        <p className="mb-4 text-sm">
          {p.progress.sent === 0 ? "Première liste" : "Nouvelle liste"} de candidats attendue avant le <strong>{formatDate(p.nextListDueOn)}</strong> (RES-21) : <Countdown dueOn={p.nextListDueOn} today={now} />
        </p>
      ) : null}
      <div className="space-y-6">
        <section aria-labelledby="programme" className={section}>
          <h2 id="programme" className="mb-2 text-base font-semibold">Programme <span className="font-mono text-xs text-slate-500">RES-21</span></h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            <div><dt className="text-slate-600">Adresse</dt><dd>{p.addressLine}, {p.postcode} {p.commune}</dd></div>
            <div><dt className="text-slate-600">Logements</dt><dd>{p.dwellings}</dd></div>
            <div><dt className="text-slate-600">Notification reçue le</dt><dd>{formatDate(p.receivedOn)}</dd></div>
            <div>
              <dt className="text-slate-600">Mise en service</dt>
              <dd><strong>{formatDate(p.commissioningOn)}</strong>{p.commissioningOn !== p.plannedCommissioningOn ? <span className="block text-xs text-amber-900">prévue initialement le {formatDate(p.plannedCommissioningOn)}</span> : null}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-600">Documents transmis</dt>
              <dd>
                {p.documents.length ? p.documents.map((d) => PROGRAMME_DOCUMENTS[d as ProgrammeDocument] ?? d).join(", ") : "Aucun document indiqué"}
                {p.rplsIds.length ? <span className="block text-xs text-slate-600">RPLS : <span className="font-mono">{p.rplsIds.join(", ")}</span></span> : null}
                <span className="block text-xs"><Link href={`/o/${caller.org.slug}/conventions/${p.conventionId}`} className="text-brand-700 hover:underline">Fichiers joints à la convention de réservation</Link></span>
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="obligations">
          <h2 id="obligations" className="mb-2 text-base font-semibold">Délais des listes</h2>
          {p.obligations.length ? <ObligationTable rows={p.obligations} today={now} orgNames={orgNames} caption="Délais des listes de candidats du programme" /> : <EmptyState title="Aucun délai" />}
        </section>

        {lists.length ? (
          <section aria-labelledby="lists" className={section}>
            <h2 id="lists" className="mb-2 text-base font-semibold">Listes de candidats transmises</h2>
            <div className="space-y-4">
              {lists.map((l) => (
                <div key={l.id} className="overflow-x-auto">
                  <table className="min-w-full divide-y divide-slate-200 text-sm">
                    <caption className="mb-1 text-left text-sm font-medium">Liste {l.payload.list ?? ""} transmise le {formatDate(l.on)}{l.payload.note ? ` — ${l.payload.note}` : ""}</caption>
                    <thead><tr><th scope="col" className={th}>Rang</th><th scope="col" className={th}>NUR</th><th scope="col" className={th}>Personnes</th><th scope="col" className={th}>Ressources mensuelles</th><th scope="col" className={th}>DALO</th></tr></thead>
                    <tbody className="divide-y divide-slate-100">
                      {(l.payload.candidates ?? []).map((c) => (
                        <tr key={c.rank}><td className={td}>{c.rank}</td><td className={`${td} font-mono`}>{c.nur}</td><td className={td}>{c.persons}</td><td className={`${td} tabular-nums`}>{formatCents(c.monthlyResourcesCents)}</td><td className={td}>{c.dalo ? "Oui" : "Non"}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </div>
          </section>
        ) : null}

        <section aria-labelledby="steps" className={section}>
          <h2 id="steps" className="mb-2 text-base font-semibold">Étapes</h2>
          <ol className="space-y-1 text-sm">
            {p.steps.map((s) => (
              <li key={s.id}>
                <span className="tabular-nums text-slate-600">{formatDate(s.on)}</span> — {PROGRAMME_STEP_LABELS[s.type] ?? s.type}
                {s.payload.type === "COMMISSIONING_POSTPONED" ? <> : du {formatDate(s.payload.previousCommissioningOn)} au <strong>{formatDate(s.payload.commissioningOn)}</strong></> : null}
                {s.payload.reason ? <span className="text-slate-600"> ({s.payload.reason})</span> : null}
              </li>
            ))}
          </ol>
          {postponements.length ? <p className="mt-2 text-xs text-slate-600">Chaque report est porté à la connaissance de la commune, qui le voit ici et dans la liste des programmes.</p> : null}
        </section>

        {sending ? (
          <section aria-labelledby="next" className={section} id="etape">
            <h2 id="next" className="mb-2 text-base font-semibold">{p.progress.sent === 0 ? "Transmettre la liste de candidats" : "Transmettre une nouvelle liste"} <span className="font-mono text-xs text-slate-500">RES-21</span></h2>
            <SendListForm org={caller.org.slug} programmeId={p.id} today={now} households={households} second={p.progress.sent > 0} />
          </section>
        ) : null}
        {p.side === "BAILLEUR" && mayWrite ? (
          <section aria-labelledby="next-b" className={section} id="etape">
            <h2 id="next-b" className="mb-2 text-base font-semibold">Étapes du bailleur</h2>
            <div className="grid gap-6 lg:grid-cols-2">
              {p.progress.lastSentOn ? <FailureForm org={caller.org.slug} programmeId={p.id} today={now} /> : <p className="text-sm text-slate-700">{p.progress.sent === 0 ? "En attente de la liste du réservataire." : "En attente de la nouvelle liste du réservataire."}</p>}
              <PostponeForm org={caller.org.slug} programmeId={p.id} today={now} current={p.commissioningOn} />
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
