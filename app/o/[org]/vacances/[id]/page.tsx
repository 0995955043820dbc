import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { designationHouseholds, findVacancy, relaisProposalOptions } from "@/lib/server/vacancies";
import { formatCents, formatDate, isoOf } from "@/lib/format";
import { CALEOL_DECISION_LABELS, ORIENTATION_LABELS } from "@/lib/validation/vacancies";
import { PERIOD_LABELS, SOUSTRAIT_LABELS } from "@/lib/validation/dwellings";
import type { CaleolDecision } from "@/lib/domain";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ObligationTable } from "@/components/obligations/obligation-table";
import { Countdown, OutcomeBadge } from "../outcome-badge";
import { AnswerAndLeaseForms, CaleolForm, DesignateForm, DirectLeaseForm, RelaisDesignateForm, WithdrawForm } from "./step-forms";
import { padded, section } from "@/components/ui/table-classes";

export const metadata: Metadata = { title: "Vacance" };

const STEP_LABELS: Record<string, string> = {
  DECLARED: "Vacance déclarée", DESIGNATION: "Candidats désignés", REASONED_LETTER: "Courrier circonstancié à la CALEOL",
  CALEOL: "Décision de la CALEOL", CANDIDATE_ANSWER: "Réponse du ménage", LEASE_SIGNED: "Bail signé", WITHDRAWN: "Vacance retirée",
};
const yesNo = (b: boolean | undefined) => (b === undefined ? "—" : b ? "Oui" : "Non");
const { th, td } = padded;

export default async function VacancyPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const v = await findVacancy(caller, id, now);
  if (!v) notFound();
  const d = v.declaration;
  const mayWrite = caller.role !== "READER";
  const round = v.state?.round ?? 0;
  const current = v.candidates.filter((c) => c.round === round);
  const open = v.outcome === "PENDING" || v.outcome === "NONE_RETAINED";
  const decided = current.some((c) => c.decision !== null);
  const attributed = current.filter((c) => c.decision && ["ATTRIBUTION", "ATTRIBUTION_RANKED", "ATTRIBUTION_CONDITIONAL"].includes(c.decision));
  const orgNames = Object.fromEntries((v.convention?.parties ?? []).map((p) => [p.organisationId, p.organisation.name]));
  const designating = v.side === "RESERVATAIRE" && mayWrite && open && (round === 0 || v.outcome === "NONE_RETAINED");
  const [households, relaisCases] = designating ? await Promise.all([designationHouseholds(caller), relaisProposalOptions(caller)]) : [[], []];
  const options = (list: typeof current) => list.map((c) => ({ id: c.id, rank: c.rank, nur: c.nur, decision: c.decision, accepted: c.accepted }));
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/vacances`} className="text-brand-700 hover:underline">← Vacances</Link></p>
      <PageHeader
        title={`Vacance du logement ${d.rplsId ?? v.dwelling.rplsId}`}
        subtitle={<>
          {v.orientation === "RESERVATAIRE" ? <>Orientée vers {v.reservataire ?? "le réservataire"} ({v.convention?.title})</> : ORIENTATION_LABELS[v.orientation as keyof typeof ORIENTATION_LABELS]}
          {v.soustraitCategory ? ` — ${SOUSTRAIT_LABELS[v.soustraitCategory as keyof typeof SOUSTRAIT_LABELS] ?? v.soustraitCategory}` : ""}
          {" · "}déclarée le {formatDate(isoOf(v.declaredOn))} · disponible le {formatDate(isoOf(v.availableOn))}
        </>}
        actions={<OutcomeBadge outcome={v.outcome as never} />}
      />
      {v.orientation === "RESERVATAIRE" && v.outcome === "PENDING" && round === 0 && v.designationDueOn ? (
        <p className="mb-4 text-sm">Désignation attendue avant le <strong>{formatDate(isoOf(v.designationDueOn))}</strong> (RES-18) : <Countdown dueOn={isoOf(v.designationDueOn)} today={now} /></p>
      ) : null}
      {v.outcome === "NO_CANDIDATE_30D" ? <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">Aucun candidat désigné dans les 30 jours : le logement est compté comme un équivalent pour le réservataire et revient au bailleur (RES-13).</p> : null}
      <div className="space-y-6">
        <section aria-labelledby="declaration" className={section}>
          <h2 id="declaration" className="mb-2 text-base font-semibold">Déclaration <span className="font-mono text-xs text-slate-500">RES-17</span></h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            <div><dt className="text-slate-600">Adresse</dt><dd>{d.address?.number} {d.address?.street}, {d.address?.postcode} {d.address?.commune}</dd></div>
            <div><dt className="text-slate-600">Résidence</dt><dd>{d.residence} — classement {d.classification}/4 (RES-16)</dd></div>
            <div><dt className="text-slate-600">Financement initial</dt><dd>{d.financing}</dd></div>
            <div><dt className="text-slate-600">Typologie</dt><dd>{d.typology}</dd></div>
            <div><dt className="text-slate-600">Surface</dt><dd>{new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(d.surfaceM2)} m²</dd></div>
            <div><dt className="text-slate-600">En QPV</dt><dd>{yesNo(d.qpv)}</dd></div>
            <div><dt className="text-slate-600">Période de construction</dt><dd>{PERIOD_LABELS[d.constructionPeriod as keyof typeof PERIOD_LABELS] ?? d.constructionPeriod}</dd></div>
            <div><dt className="text-slate-600">Loyer + charges</dt><dd>{formatCents(d.rentAndChargesCents)}</dd></div>
            <div><dt className="text-slate-600">Classe DPE</dt><dd>{d.dpe}</dd></div>
            <div><dt className="text-slate-600">Accessible PMR</dt><dd>{yesNo(d.pmr)}</dd></div>
          </dl>
        </section>

        {v.orientation === "RESERVATAIRE" ? (
          <section aria-labelledby="obligations">
            <h2 id="obligations" className="mb-2 text-base font-semibold">Obligations</h2>
            {v.obligations.length ? <ObligationTable rows={v.obligations} today={now} orgNames={orgNames} caption="Obligations de la vacance" /> : <EmptyState title="Aucune obligation" />}
          </section>
        ) : null}

        {v.candidates.length ? (
          <section aria-labelledby="candidates" className={section}>
            <h2 id="candidates" className="mb-2 text-base font-semibold">Candidats <span className="font-mono text-xs text-slate-500">RES-19, RES-20</span></h2>
            <div className="overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Candidats désignés, par désignation et par rang</caption>
                <thead><tr><th scope="col" className={th}>Désignation</th><th scope="col" className={th}>Rang</th><th scope="col" className={th}>NUR</th><th scope="col" className={th}>Personnes</th><th scope="col" className={th}>Ressources mensuelles</th><th scope="col" className={th}>DALO</th><th scope="col" className={th}>CALEOL</th><th scope="col" className={th}>Réponse</th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {v.candidates.map((c) => (
                    <tr key={c.id}>
                      <td className={td}>{c.round}</td><td className={td}>{c.rank}</td><td className={`${td} font-mono`}>{c.nur}{c.associationName ? <span className="block font-sans text-xs text-slate-600">Locataire : {c.associationName} (logement relais, REL-5)</span> : null}</td><td className={td}>{c.persons}</td>
                      <td className={`${td} tabular-nums`}>{formatCents(c.monthlyResourcesCents)}</td><td className={td}>{yesNo(c.dalo)}</td>
                      <td className={td}>{c.decision ? `${CALEOL_DECISION_LABELS[c.decision as CaleolDecision]}${c.decisionRank ? ` (${c.decisionRank}e)` : ""}` : "—"}</td>
                      <td className={td}>{c.accepted === null ? "—" : c.accepted ? "Accepte" : "Refuse"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}

        <section aria-labelledby="steps" className={section}>
          <h2 id="steps" className="mb-2 text-base font-semibold">Étapes</h2>
          <ol className="space-y-1 text-sm">
            {v.steps.map((s) => <li key={s.id}><span className="tabular-nums text-slate-600">{formatDate(isoOf(s.on))}</span> — {STEP_LABELS[s.type] ?? s.type}</li>)}
            {v.outcome === "NO_CANDIDATE_30D" && v.outcomeOn ? <li><span className="tabular-nums text-slate-600">{formatDate(isoOf(v.outcomeOn))}</span> — Délai de désignation dépassé</li> : null}
          </ol>
        </section>

        {designating ? (
          <section aria-labelledby="next" className={section} id="etape">
            <h2 id="next" className="mb-2 text-base font-semibold">{round === 0 ? "Désigner les candidats" : "Désigner de nouveaux candidats"} <span className="font-mono text-xs text-slate-500">RES-18, RES-19, RES-16</span></h2>
            <DesignateForm org={caller.org.slug} vacancyId={v.id} today={now} classification={d.classification ?? null} households={households} />
            {relaisCases.length ? (
              <div className="mt-6 border-t border-slate-200 pt-4">
                <h3 className="mb-2 text-sm font-semibold">Ou : proposer le logement à l&apos;association pour un logement relais <span className="font-mono text-xs text-slate-500">REL-5</span></h3>
                <RelaisDesignateForm org={caller.org.slug} vacancyId={v.id} today={now} classification={d.classification ?? null} cases={relaisCases} />
              </div>
            ) : null}
          </section>
        ) : null}
        {v.side === "BAILLEUR" && mayWrite && open ? (
          <section aria-labelledby="next-b" className={section} id="etape">
            <h2 id="next-b" className="mb-2 text-base font-semibold">Étape suivante</h2>
            <div className="space-y-6">
              {v.orientation !== "RESERVATAIRE" ? <DirectLeaseForm org={caller.org.slug} vacancyId={v.id} today={now} />
                : round > 0 && !decided && v.outcome === "PENDING" ? <CaleolForm org={caller.org.slug} vacancyId={v.id} today={now} candidates={options(current)} />
                : attributed.length && v.outcome === "PENDING" ? <AnswerAndLeaseForms org={caller.org.slug} vacancyId={v.id} today={now} candidates={options(attributed)} />
                : <p className="text-sm text-slate-700">En attente de la désignation du réservataire.</p>}
              <WithdrawForm org={caller.org.slug} vacancyId={v.id} today={now} />
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
