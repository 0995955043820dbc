import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/lib/server/access";
import { getDwelling, regimeForYear } from "@/lib/server/dwellings";
import { today } from "@/lib/server/clock";
import { formatCents, formatDate } from "@/lib/format";
import { EXCLUSION_LABELS, FINANCING_LABELS, PERIOD_LABELS, REGIME_LABELS, SOUSTRAIT_LABELS, TYPOLOGY_LABELS } from "@/lib/validation/dwellings";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EditDwellingForm, RegimeChangeForm } from "../dwelling-form";

export const metadata: Metadata = { title: "Logement" };

const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");
const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="py-1 sm:grid sm:grid-cols-2 sm:gap-3"><dt className="text-sm text-slate-600">{label}</dt><dd className="text-sm">{children}</dd></div>
);

export default async function DwellingPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const d = await getDwelling(caller, id);
  if (!d) notFound();
  const now = today();
  const year = Number(now.slice(0, 4));
  const years = [year - 2, year - 1, year, year + 1].filter((y) => y >= d.firstLettingYear);
  const label = (r: { kind: string; reason: string | null; category: string | null; year: number | null }) =>
    r.kind === "EXCLUDED" ? `Exclu — ${EXCLUSION_LABELS[r.reason as keyof typeof EXCLUSION_LABELS] ?? r.reason}`
    : r.kind === "SOUSTRAIT" ? `Soustrait en ${r.year} — ${SOUSTRAIT_LABELS[r.category as keyof typeof SOUSTRAIT_LABELS] ?? r.category}`
    : "Dans le flux";
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/logements`} className="text-brand-700 hover:underline">← Logements</Link></p>
      <PageHeader title={`Logement ${d.rplsId}`} subtitle={`${d.residence} — ${d.addressNumber} ${d.street}, ${d.postcode} ${d.commune}`} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="caract" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="caract" className="mb-2 text-base font-semibold">Caractéristiques <span className="font-mono text-xs text-slate-500">RES-17</span></h2>
          <dl>
            <Row label="Financement initial">{FINANCING_LABELS[d.financing as keyof typeof FINANCING_LABELS] ?? d.financing}</Row>
            <Row label="Typologie">{TYPOLOGY_LABELS[d.typology as keyof typeof TYPOLOGY_LABELS] ?? d.typology}</Row>
            <Row label="Surface">{euros(d.surfaceCentiM2)} m²</Row>
            <Row label="QPV">{d.qpv ? "Oui" : "Non"}</Row>
            <Row label="Période de construction">{PERIOD_LABELS[d.constructionPeriod as keyof typeof PERIOD_LABELS] ?? d.constructionPeriod}</Row>
            <Row label="Loyer + charges">{formatCents(d.rentCents)} + {formatCents(d.chargesCents)} = {formatCents(d.rentCents + d.chargesCents)}</Row>
            <Row label="Classe DPE">{d.dpeClass}</Row>
            <Row label="Accessible PMR">{d.pmr ? "Oui" : "Non"}</Row>
            <Row label="Classement de la résidence (RES-16)">{d.classification}</Row>
            <Row label="Première location">{d.firstLettingYear}</Row>
          </dl>
        </section>
        <section aria-labelledby="regime" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <h2 id="regime" className="mb-2 text-base font-semibold">Régime au 1er janvier <span className="font-mono text-xs text-slate-500">RES-1 à RES-4</span></h2>
          <ul className="mb-3 flex flex-wrap gap-2 text-sm">
            {years.map((y) => { const r = regimeForYear(d.regimes, y); return <li key={y}>{y} : <Badge tone={r.kind === "FLUX" ? "green" : r.kind === "EXCLUDED" ? "grey" : "amber"}>{d.firstLettingYear === y ? "Mis en service" : REGIME_LABELS[r.kind]}</Badge></li>; })}
          </ul>
          <h3 className="text-sm font-semibold">Historique</h3>
          <table className="mt-1 min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Changements de régime du logement</caption>
            <thead><tr><th scope="col" className="px-2 py-1 text-left text-xs uppercase text-slate-700">À partir du</th><th scope="col" className="px-2 py-1 text-left text-xs uppercase text-slate-700">Régime</th><th scope="col" className="px-2 py-1 text-left text-xs uppercase text-slate-700">Référence</th><th scope="col" className="px-2 py-1 text-left text-xs uppercase text-slate-700">Saisi</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {d.regimes.map((r) => (
                <tr key={r.id}><td className="px-2 py-1">{r.effectiveOn === "1900-01-01" ? "l'origine" : formatDate(r.effectiveOn)}</td><td className="px-2 py-1">{label(r)}</td><td className="px-2 py-1">{r.reference ?? "—"}</td><td className="px-2 py-1">{r.source === "IMPORT" ? "import" : "formulaire"}, le {formatDate(r.createdAt)}</td></tr>
              ))}
            </tbody>
          </table>
          {d.editable ? <div className="mt-4 border-t border-slate-200 pt-3"><h3 className="mb-2 text-sm font-semibold">Changer le régime</h3><RegimeChangeForm org={caller.org.slug} dwellingId={d.id} today={now} /></div> : null}
        </section>
        {d.editable ? (
          <section aria-labelledby="modifier" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-3">
            <h2 id="modifier" className="mb-2 text-base font-semibold">Modifier les caractéristiques</h2>
            <EditDwellingForm org={caller.org.slug} dwellingId={d.id} version={d.version} initial={{
              rplsId: d.rplsId, residence: d.residence, addressNumber: d.addressNumber, street: d.street, commune: d.commune, postcode: d.postcode, financing: d.financing, typology: d.typology,
              surface: euros(d.surfaceCentiM2), qpv: d.qpv ? "oui" : "non", constructionPeriod: d.constructionPeriod, rent: euros(d.rentCents), charges: euros(d.chargesCents), dpeClass: d.dpeClass,
              pmr: d.pmr ? "oui" : "non", classification: String(d.classification), firstLettingYear: String(d.firstLettingYear),
            }} />
          </section>
        ) : null}
      </div>
    </>
  );
}
