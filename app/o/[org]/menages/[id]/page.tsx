import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller, householdReadLog } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { getHousehold, mayEditHousehold, type HouseholdView } from "@/lib/server/households";
import { formatCents, formatDate, formatDateTime } from "@/lib/format";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { DALO_DECISIONS, HOUSING_SITUATIONS, RELATIONSHIPS, RESOURCE_SOURCES, labelOf, type THouseholdInput } from "@/lib/validation/households";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EditHouseholdPanel } from "./edit-panel";

export const metadata: Metadata = { title: "Ménage" };

const card = "rounded-lg border border-slate-200 bg-white p-4";
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";

function householdTitle(h: Pick<HouseholdView, "referenceFirstName" | "referenceLastName" | "nur">): string {
  if (h.referenceLastName !== undefined) return `${h.referenceFirstName} ${h.referenceLastName}`;
  return h.nur ? `Ménage ${h.nur}` : "Ménage";
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");
function formValues(h: HouseholdView): THouseholdInput {
  return {
    referenceLastName: h.referenceLastName ?? "", referenceFirstName: h.referenceFirstName ?? "", referenceBirthDate: h.referenceBirthDate ?? "",
    members: h.members.map((m) => ({ lastName: m.lastName ?? "", firstName: m.firstName ?? "", birthDate: m.birthDate ?? "", relationship: (m.relationship ?? "AUTRE") as THouseholdInput["members"][number]["relationship"] })),
    resources: h.resources.map((r) => ({ source: (r.source ?? "AUTRE") as THouseholdInput["resources"][number]["source"], amount: euros(r.monthlyCents ?? 0) })),
    nur: h.nur ?? "", housingSituation: (h.housingSituation ?? "") as THouseholdInput["housingSituation"], commune: h.commune ?? "",
    daloDecision: (h.daloDecision ?? "") as THouseholdInput["daloDecision"], daloRecognisedOn: h.daloRecognisedOn ?? "", consentOn: h.consentOn ?? "", consentBy: h.consentBy ?? "",
  };
}

/** A term and its value, only when the caller may see the field (ACC-2): absent, not « — ». */
function Item({ label, shown, children }: { label: string; shown: boolean; children: React.ReactNode }) {
  if (!shown) return null;
  return (
    <div className="py-1.5 sm:grid sm:grid-cols-3 sm:gap-3">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function HouseholdPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const h = await getHousehold(caller, id);
  if (!h) notFound();
  const readLog = await householdReadLog(caller, h.id);
  const mayExport = h.owned && caller.role === "ADMIN";
  const names = h.referenceLastName !== undefined;
  const total = h.resources.reduce((n, r) => n + (r.monthlyCents ?? 0), 0);
  const base = `/o/${caller.org.slug}`;
  const orient = caller.org.kind === "COMMUNE" && caller.role !== "READER";
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`${base}/menages`} className="text-brand-700 hover:underline">← Ménages</Link></p>
      <PageHeader
        title={householdTitle(h)}
        subtitle={h.owned ? `Ménage enregistré par ${caller.org.name}.`
          : h.visibility.attributionOnly ? "Vous voyez ce qu'exige l'attribution : composition, ressources, numéro unique et DALO."
          : "Ménage suivi dans un dossier d'une convention dont votre organisation est partie."}
        actions={orient ? <Link href={`${base}/dossiers/nouveau?menage=${h.id}`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Orienter vers une association</Link> : null}
      />
      {h.purgedOn ? (
        <p className="mb-4 rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800" data-testid="purged">
          Données personnelles anonymisées le {formatDate(h.purgedOn)}, à l&apos;issue de la durée de conservation : seuls restent les dossiers et leurs dates, pour les bilans des années passées.
        </p>
      ) : null}
      {mayEditHousehold(caller, h) && !h.purgedOn ? <div className="mb-6 flex"><EditHouseholdPanel org={caller.org.slug} today={today()} householdId={h.id} version={h.version} initial={formValues(h)} /></div> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="composition" className={card}>
          <h2 id="composition" className="mb-3 text-base font-semibold">Composition du ménage</h2>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Personnes du ménage, {h.members.length + 1} au total</caption>
            <thead><tr>{names ? <th scope="col" className={th}>Personne</th> : null}<th scope="col" className={th}>Lien</th><th scope="col" className={th}>Date de naissance</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              <tr>
                {names ? <td className="px-3 py-2 font-medium">{h.referenceFirstName} {h.referenceLastName}</td> : null}
                <td className="px-3 py-2">Personne de référence</td>
                <td className="px-3 py-2">{formatDate(h.referenceBirthDate)}</td>
              </tr>
              {h.members.map((m) => (
                <tr key={m.id}>
                  {names ? <td className="px-3 py-2">{m.firstName} {m.lastName}</td> : null}
                  <td className="px-3 py-2">{labelOf(RELATIONSHIPS, m.relationship)}</td>
                  <td className="px-3 py-2">{formatDate(m.birthDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="ressources" className={card}>
          <h2 id="ressources" className="mb-3 text-base font-semibold">Ressources mensuelles</h2>
          {h.resources.length === 0 ? <p className="text-sm text-slate-700">Aucune ressource déclarée.</p> : (
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Ressources mensuelles du ménage</caption>
              <thead><tr><th scope="col" className={th}>Nature</th><th scope="col" className={`${th} text-right`}>Montant mensuel</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {h.resources.map((r) => (
                  <tr key={r.id}><td className="px-3 py-2">{labelOf(RESOURCE_SOURCES, r.source)}</td><td className="px-3 py-2 text-right tabular-nums">{formatCents(r.monthlyCents ?? 0)}</td></tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-300 font-semibold">
                <tr><th scope="row" className="px-3 py-2 text-left">Total</th><td className="px-3 py-2 text-right tabular-nums" data-testid="resources-total">{formatCents(total)}</td></tr>
              </tfoot>
            </table>
          )}
        </section>

        <section aria-labelledby="logement" className={card}>
          <h2 id="logement" className="mb-3 text-base font-semibold">Logement et DALO</h2>
          <dl className="divide-y divide-slate-100">
            <Item label="Numéro unique (NUR)" shown={h.nur !== undefined}>{h.nur ? <span className="font-mono">{h.nur}</span> : "—"}</Item>
            <Item label="Situation actuelle" shown={h.housingSituation !== undefined}>{labelOf(HOUSING_SITUATIONS, h.housingSituation)}</Item>
            <Item label="Commune" shown={h.commune !== undefined}>{h.commune ?? "—"}</Item>
            <Item label="DALO" shown={h.daloDecision !== undefined}>
              {h.daloDecision ? <>{labelOf(DALO_DECISIONS, h.daloDecision)}{h.daloRecognisedOn ? ` — décision du ${formatDate(h.daloRecognisedOn)}` : ""}</> : "Pas de recours DALO connu"}
            </Item>
          </dl>
        </section>

        {h.consentOn !== undefined ? (
          <section aria-labelledby="consentement" className={card}>
            <h2 id="consentement" className="mb-3 text-base font-semibold">Consentement à l&apos;accompagnement</h2>
            {h.consentOn ? <p className="text-sm">Donné le {formatDate(h.consentOn)}{h.consentBy ? ` par ${h.consentBy}` : ""}.</p> : <p className="text-sm text-slate-700">Pas encore recueilli.</p>}
          </section>
        ) : null}

        {mayExport || readLog ? (
          <section aria-labelledby="donnees" className={`${card} lg:col-span-2`}>
            <h2 id="donnees" className="mb-2 text-base font-semibold">Protection des données</h2>
            {mayExport ? (
              <div className="mb-3 text-sm">
                <p className="mb-2 text-slate-700">Droit d&apos;accès du ménage : tout ce que l&apos;application détient sur lui, en un fichier lisible et imprimable, ou en JSON. Chaque export est journalisé.</p>
                <div className="flex flex-wrap gap-2">
                  <a href={`/api/o/${caller.org.slug}/menages/${h.id}/export?format=html`} download className="rounded-md border border-brand-700 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50">Exporter les données (HTML)</a>
                  <a href={`/api/o/${caller.org.slug}/menages/${h.id}/export?format=json`} download className="rounded-md border border-slate-400 px-3 py-1.5 text-slate-800 hover:bg-slate-50">Exporter les données (JSON)</a>
                </div>
              </div>
            ) : null}
            {readLog ? (
              <>
                <h3 className="mb-1 text-sm font-semibold">Consultations du détail social</h3>
                {readLog.length === 0 ? <p className="text-sm text-slate-700">Personne n&apos;a encore affiché le détail social de ce ménage.</p> : (
                  <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="read-log">
                    <caption className="sr-only">Qui a affiché le détail social des dossiers de ce ménage, et quand (les plus récentes d&apos;abord)</caption>
                    <thead><tr><th scope="col" className={th}>Date et heure</th><th scope="col" className={th}>Personne</th><th scope="col" className={th}>Organisation</th><th scope="col" className={th}>Dossier</th></tr></thead>
                    <tbody className="divide-y divide-slate-100">
                      {readLog.map((r) => (
                        <tr key={r.id}><td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(r.at)}</td><td className="px-3 py-1.5">{r.person}</td><td className="px-3 py-1.5">{r.organisation}</td><td className="px-3 py-1.5">{r.caseLabel ?? "—"}</td></tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="dossiers" className={`${card} lg:col-span-2`}>
          <h2 id="dossiers" className="mb-3 text-base font-semibold">Dossiers</h2>
          {h.cases.length === 0 ? <p className="text-sm text-slate-700">Aucun dossier visible pour votre organisation.</p> : (
            <ul className="space-y-2 text-sm">
              {h.cases.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`${base}/dossiers/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.conventionTitle}</Link>
                  <span className="text-slate-700">{CONVENTION_KIND_LABEL[c.kind]}, ouvert le {formatDate(c.openedOn)}</span>
                  {c.closedOn ? <Badge tone="grey">Clos le {formatDate(c.closedOn)}</Badge> : <Badge tone="green">En cours</Badge>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
