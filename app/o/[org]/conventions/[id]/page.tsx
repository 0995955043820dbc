import type { Metadata } from "next";
import Link from "next/link";
import { aslliSemesterStatement, getCaller, getConvention } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate, isoOf } from "@/lib/format";
import { CONVENTION_KIND_LABEL, ORG_KIND_LABEL } from "@/lib/labels";
import { CADRE_OBJECTIVE_OPTIONS } from "@/lib/validation/conventions";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { ConventionStatusBadge } from "@/components/conventions/status-badge";
import { ParameterList } from "@/components/conventions/parameter-list";
import { ObligationTable } from "@/components/obligations/obligation-table";
import { mayTerminate, obligationLabel, type ObligationMessageKey, type PartyRole } from "@/lib/domain";
import { fulfilmentKind } from "@/lib/server/obligation-events";
import type { ObligationRow } from "@/components/obligations/obligation-table";
import { paramToInput } from "@/lib/validation/conventions";
import { CONVENTION_PARAMS } from "@/lib/validation/convention-params";
import { DocumentsPanel } from "@/components/documents/documents-panel";
import { canUploadDocuments, listDocumentAvenants, listDocuments } from "@/lib/server/documents";
import { ConsentPanel } from "./consent-panel";
import { EditConventionForm } from "./edit-form";
import { FulfilButton } from "./fulfil-button";
import { AvenantConsent, AvenantForm, LetterForm, RefundForm } from "./life-panel";
import { PAYER } from "@/lib/server/actions/convention-life";
import { SemesterStatement } from "./semester-statement";

const LETTER_LABEL: Record<string, string> = { DENOUNCED: "Dénonciation", MISE_EN_DEMEURE: "Mise en demeure", TERMINATED: "Résiliation décidée", AVENANT_REQUESTED: "Demande d'avenant" };

export const metadata: Metadata = { title: "Convention" };

const ACTION_STATUS: Record<string, string> = { PLANNED: "Prévue", IN_PROGRESS: "En cours", DONE: "Réalisée", ABANDONED: "Abandonnée" };

/** The semesters of an ASLLi convention, from its start to today's (ASL-11). */
function semestersOf(startOn: string, endOn: string, today: string): string[] {
  const key = (d: string) => `${d.slice(0, 4)}-S${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
  const last = key(today < endOn ? today : endOn);
  const out: string[] = [];
  for (let k = key(startOn); k <= last; k = k.endsWith("S1") ? `${k.slice(0, 4)}-S2` : `${Number(k.slice(0, 4)) + 1}-S1`) out.push(k);
  return out.length ? out : [key(startOn)];
}

export default async function ConventionPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ semestre?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const c = await getConvention(caller, id, now);
  const semesters = c.kind === "ASLLI" ? semestersOf(isoOf(c.startOn), c.endOn, now) : [];
  const wanted = (await searchParams).semestre;
  const [documents, documentAvenants, semester] = await Promise.all([
    listDocuments(caller, c.id), listDocumentAvenants(caller, c.id),
    c.kind === "ASLLI" ? aslliSemesterStatement(caller, c.id, semesters.includes(wanted ?? "") ? wanted! : semesters[semesters.length - 1], now) : Promise.resolve(null),
  ]);
  const mine = c.parties.find((p) => p.organisationId === caller.org.id)!;
  const waiting = c.parties.filter((p) => !p.confirmedAt && !p.declinedAt);
  const declined = c.parties.find((p) => p.declinedAt);
  const orgNames = Object.fromEntries(c.parties.map((p) => [p.organisationId, p.organisation.name]));
  const sentence =
    c.status === "PROJET" ? `Projet — en attente de la confirmation de ${waiting.map((p) => p.organisation.name).join(", ")}`
    : c.status === "REFUSEE" ? `Refusée par ${declined?.organisation.name}${declined?.declineReason ? ` : « ${declined.declineReason} »` : ""}`
    : c.status === "A_VENIR" ? `À venir — prend effet le ${formatDate(c.startOn)}`
    : c.status === "ECHUE" ? `Échue — fin le ${formatDate(c.endOn)}`
    : c.status === "RESILIEE" ? `Résiliée — fin le ${formatDate(c.endOn)}`
    : c.status === "DENONCEE" ? `Dénoncée — en vigueur jusqu'au ${formatDate(c.endOn)}`
    : `En vigueur jusqu'au ${formatDate(c.endOn)}`;
  const signed = c.status !== "PROJET" && c.status !== "REFUSEE";
  const isAdmin = caller.role === "ADMIN";
  const canAct = signed && (caller.role === "ADMIN" || caller.role === "AGENT");
  const euros = CONVENTION_PARAMS.RELAIS.find((p) => p.key === "annualSubsidyCents")!;
  const renderAction = (o: ObligationRow) => {
    // RES-22: the bilan is read, downloaded and marked sent (with its file) on its own page.
    if (o.key.startsWith("RES-22:bilan:")) {
      return <Link href={`/o/${caller.org.slug}/conventions/${c.id}/bilan?annee=${o.key.slice("RES-22:bilan:".length)}`} className="text-sm text-brand-700 hover:underline">Voir le bilan</Link>;
    }
    const kind = fulfilmentKind(o.key);
    if (!canAct || o.doneOn || !kind || (o.responsibleOrganisationId && o.responsibleOrganisationId !== caller.org.id)) return null;
    return (
      <FulfilButton org={caller.org.slug} conventionId={c.id} version={c.version} obligationKey={o.key} label={obligationLabel(o.messageKey as ObligationMessageKey)} kind={kind} today={now}
        expectedAmount={o.amountCents !== null ? String(paramToInput(euros, o.amountCents)) : undefined} />
    );
  };
  const myRole = mine.partyRole as PartyRole;
  const letterKinds = [
    ...(c.params.renewalKind === "TACIT" ? ["DENOUNCED" as const] : []),
    ...(mayTerminate(c.kind, myRole) ? ["MISE_EN_DEMEURE" as const, "TERMINATED" as const] : []),
    ...(c.kind === "FNAVDL" ? ["AVENANT_REQUESTED" as const] : []),
  ];
  const open = c.obligations.filter((o) => !o.doneOn);
  const done = c.obligations.filter((o) => o.doneOn);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/conventions`} className="text-brand-700 hover:underline">← Conventions</Link></p>
      <PageHeader
        title={c.title}
        subtitle={<span className="flex flex-wrap items-center gap-2">{CONVENTION_KIND_LABEL[c.kind]} <ConventionStatusBadge status={c.status} /> <span data-testid="convention-state">{sentence}</span>{c.isDemo ? <span className="text-xs">(démonstration, d&apos;après un modèle)</span> : null}</span>}
        actions={c.kind === "RESERVATION_FLUX" && signed ? (
          <>
            <Link href={`/o/${caller.org.slug}/conventions/${c.id}/flux`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Flux de l&apos;année</Link>
            <Link href={`/o/${caller.org.slug}/conventions/${c.id}/bilan`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">Bilan annuel</Link>
            <Link href={`/o/${caller.org.slug}/conventions/${c.id}/droits`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">Droits de réservation</Link>
            <Link href={`/o/${caller.org.slug}/logements`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">Logements du flux</Link>
          </>
        ) : null}
      />
      {!mine.confirmedAt && !mine.declinedAt && caller.role === "ADMIN" ? <div className="mb-6"><ConsentPanel org={caller.org.slug} conventionId={c.id} orgName={caller.org.name} /></div> : null}
      {isAdmin ? <div className="mb-6 flex"><EditConventionForm org={caller.org.slug} initial={{ conventionId: c.id, version: c.version, title: c.title, reference: c.reference ?? "", territory: c.territory ?? "" }} /></div> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="dates" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="dates" className="text-base font-semibold">Dates</h2>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">Signée le</dt><dd>{formatDate(c.signedOn)}</dd>
            <dt className="text-slate-600">Prend effet le</dt><dd>{formatDate(c.startOn)}</dd>
            <dt className="text-slate-600">Fin en vigueur</dt><dd data-testid="end-in-force">{formatDate(c.endOn)}</dd>
            <dt className="text-slate-600">Renouvellement</dt>
            <dd data-testid="renewal">
              {c.renewal.nextPeriodEndOn
                ? `Reconduite jusqu'au ${formatDate(c.renewal.nextPeriodEndOn)}, sauf dénonciation par lettre recommandée au plus tard le ${formatDate(c.renewal.denounceBy)}`
                : c.status === "EN_VIGUEUR" || c.status === "A_VENIR" ? "Pas de reconduction tacite : renouvellement à étudier avant la fin" : "—"}
            </dd>
            {c.territory ? (<><dt className="text-slate-600">Territoire</dt><dd>{c.territory}</dd></>) : null}
            {c.reference ? (<><dt className="text-slate-600">Référence</dt><dd>{c.reference}</dd></>) : null}
          </dl>
        </section>
        <section aria-labelledby="parties" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="parties" className="text-base font-semibold">Parties</h2>
          <table className="mt-3 min-w-full text-sm">
            <caption className="sr-only">Parties à la convention et leur confirmation</caption>
            <thead><tr className="text-left text-xs uppercase tracking-wide text-slate-700">
              <th scope="col" className="py-1 pr-3">Rôle dans le texte</th><th scope="col" className="py-1 pr-3">Organisation</th><th scope="col" className="py-1 pr-3">Type</th><th scope="col" className="py-1">Confirmation</th>
            </tr></thead>
            <tbody className="divide-y divide-slate-100">
              {c.parties.map((p) => (
                <tr key={p.organisationId}>
                  <td className="py-2 pr-3">{p.roleLabel}</td>
                  <td className="py-2 pr-3 font-medium">{p.organisation.name}{p.organisationId === caller.org.id ? <span className="ml-2 text-xs font-normal text-slate-600">(votre organisation)</span> : null}</td>
                  <td className="py-2 pr-3">{ORG_KIND_LABEL[p.organisation.kind]}</td>
                  <td className="py-2">
                    {p.confirmedAt ? <Badge tone="green">Confirmée le {formatDate(p.confirmedAt)}</Badge> : p.declinedAt ? <Badge tone="red">Refusée</Badge> : <Badge tone="amber">En attente</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="obligations" className="lg:col-span-3">
          <h2 id="obligations" className="mb-2 text-base font-semibold">Obligations et échéances <span className="text-sm font-normal text-slate-700">({open.length} ouvertes)</span></h2>
          {c.obligations.length === 0 ? (
            <EmptyState title={c.status === "PROJET" || c.status === "REFUSEE" ? "Pas d'obligation tant que toutes les parties n'ont pas confirmé" : "Aucune obligation"} />
          ) : (
            <>
              {open.length ? <ObligationTable rows={open} today={now} orgNames={orgNames} caption="Obligations ouvertes de la convention" renderAction={renderAction} /> : <EmptyState title="Toutes les obligations échues sont remplies" />}
              {done.length ? (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Obligations remplies ({done.length})</summary>
                  <div className="mt-2"><ObligationTable rows={done} today={now} orgNames={orgNames} caption="Obligations remplies de la convention" /></div>
                </details>
              ) : null}
            </>
          )}
        </section>
        <section aria-labelledby="vie" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
          <h2 id="vie" className="text-base font-semibold">Avenants, courriers et décisions</h2>
          <div className="mt-3 grid gap-6 lg:grid-cols-3">
            <div>
              <h3 className="text-sm font-semibold">Avenants</h3>
              {c.avenants.length === 0 ? <p className="mt-1 text-sm text-slate-700">Aucun avenant.</p> : (
                <ul className="mt-1 space-y-3 text-sm">
                  {c.avenants.map((a) => {
                    const waitingOn = a.parties.filter((p) => !p.confirmedAt && !p.declinedAt);
                    const refused = a.parties.find((p) => p.declinedAt);
                    const minePending = a.parties.some((p) => p.organisationId === caller.org.id && !p.confirmedAt && !p.declinedAt);
                    const changes = Object.entries(a.changes as Record<string, unknown>).map(([k, v]) => {
                      const spec = CONVENTION_PARAMS[c.kind].find((p) => p.key === k);
                      return `${spec?.label ?? k} : ${typeof v === "boolean" ? (v ? "oui" : "non") : spec ? paramToInput(spec, v as never) : String(v)}`;
                    });
                    return (
                      <li key={a.id} className="rounded-md border border-slate-200 p-2" data-testid={`avenant-${a.number}`}>
                        <p className="font-medium">Avenant n° {a.number} — effet le {formatDate(a.effectiveOn)}</p>
                        <p className="text-slate-700">{changes.join(" ; ")}</p>
                        <p className="text-slate-600">{a.reason}</p>
                        <p className="mt-1">{refused ? <Badge tone="red">Refusé : {refused.declineReason}</Badge> : waitingOn.length ? <Badge tone="amber">En attente de {waitingOn.map((p) => orgNames[p.organisationId]).join(", ")}</Badge> : <Badge tone="green">En vigueur</Badge>}</p>
                        {minePending && isAdmin ? <AvenantConsent org={caller.org.slug} avenantId={a.id} number={a.number} /> : null}
                      </li>
                    );
                  })}
                </ul>
              )}
              {c.letters.length ? (
                <>
                  <h3 className="mt-4 text-sm font-semibold">Courriers et décisions</h3>
                  <ul className="mt-1 text-sm">
                    {c.letters.map((l, i) => <li key={i}>{LETTER_LABEL[l.type]} du {formatDate(l.on)}{l.by ? ` — ${c.parties.find((p) => p.partyRole === l.by)?.organisation.name ?? l.by}` : ""}</li>)}
                  </ul>
                </>
              ) : null}
            </div>
            {isAdmin && signed ? (
              <>
                <div><h3 className="mb-2 text-sm font-semibold">Proposer un avenant</h3><AvenantForm org={caller.org.slug} conventionId={c.id} version={c.version} kind={c.kind} today={now} /></div>
                {letterKinds.length ? <div><h3 className="mb-2 text-sm font-semibold">Courrier ou décision</h3><LetterForm org={caller.org.slug} conventionId={c.id} version={c.version} today={now} kinds={letterKinds} /></div> : null}
                {PAYER[c.kind] === myRole ? <div><h3 className="mb-2 text-sm font-semibold">Remboursement (GEN-5, AVD-16)</h3><RefundForm org={caller.org.slug} conventionId={c.id} version={c.version} today={now} /></div> : null}
              </>
            ) : null}
          </div>
        </section>
        {c.kind === "CADRE" ? (
          <section aria-labelledby="actions-cadre" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
            <h2 id="actions-cadre" className="text-base font-semibold">Objectifs et actions <span className="font-mono text-xs text-slate-500">CAD-1</span></h2>
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {c.actions.map((a) => (
                <li key={a.id} className="flex justify-between gap-3 py-2">
                  <span><span className="text-slate-600">{CADRE_OBJECTIVE_OPTIONS.find((o) => o.value === a.objective)?.label} — </span>{a.title}</span>
                  <Badge tone={a.status === "DONE" ? "green" : a.status === "IN_PROGRESS" ? "blue" : "grey"}>{ACTION_STATUS[a.status] ?? a.status}</Badge>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {semester ? <SemesterStatement table={semester} periods={semesters} base={`/o/${caller.org.slug}/conventions/${c.id}`} /> : null}
        <section aria-labelledby="parametres" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
          <h2 id="parametres" className="mb-3 text-base font-semibold">Paramètres en vigueur au {formatDate(now)}</h2>
          <ParameterList kind={c.kind} params={c.params} />
        </section>
        <DocumentsPanel org={caller.org.slug} conventionId={c.id} canUpload={canUploadDocuments(caller)} documents={documents ?? []} avenants={documentAvenants} />
      </div>
    </>
  );
}
