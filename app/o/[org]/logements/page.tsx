import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCaller } from "@/lib/server/access";
import { areaAssiette, areaRotation, listDwellings, regimeForYear, stockAreas } from "@/lib/server/dwellings";
import { today } from "@/lib/server/clock";
import { fluxForecast } from "@/lib/domain";
import { formatCents, formatPercent } from "@/lib/format";
import { FINANCING_LABELS, TYPOLOGY_LABELS } from "@/lib/validation/dwellings";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { RotationForms } from "./rotation-forms";

export const metadata: Metadata = { title: "Logements" };

const ZQuery = z.object({
  zone: z.coerce.number().int().min(0).max(500).optional().catch(undefined),
  q: z.string().trim().max(60).optional().catch(undefined),
  financement: z.enum(Object.keys(FINANCING_LABELS) as [string, ...string[]]).optional().catch(undefined),
  typologie: z.enum(Object.keys(TYPOLOGY_LABELS) as [string, ...string[]]).optional().catch(undefined),
  qpv: z.enum(["oui", "non"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700";
const td = "px-3 py-1.5 whitespace-nowrap";
const fr2 = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const fr1 = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

export default async function DwellingsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZQuery.parse(await searchParams);
  const areas = await stockAreas(caller);
  const base = `/o/${caller.org.slug}/logements`;
  if (areas.length === 0) {
    return (
      <>
        <PageHeader title="Logements" subtitle="Le patrimoine des bailleurs sociaux, les logements du flux de chaque année et le taux de rotation." />
        <EmptyState title="Aucun patrimoine à afficher">
          Un bailleur voit ici ses logements ; un réservataire, ceux des bailleurs avec lesquels il a une convention de réservation en flux, sur son territoire.
          {caller.org.kind === "BAILLEUR" && caller.role !== "READER" ? <> <Link href={`${base}/nouveau`} className="text-brand-700 underline">Ajouter un logement</Link> ou <Link href={`${base}/import`} className="text-brand-700 underline">importer un fichier</Link>.</> : null}
        </EmptyState>
      </>
    );
  }
  const area = areas[query.zone ?? 0] ?? areas[0];
  const year = Number(today().slice(0, 4));
  const years = [year - 2, year - 1, year, year + 1];
  const [list, assiettes, rotation] = await Promise.all([
    listDwellings(caller, area, { q: query.q, financing: query.financement, typology: query.typologie, qpv: query.qpv === undefined ? undefined : query.qpv === "oui", page: query.page }),
    areaAssiette(area, years),
    areaRotation(area),
  ]);
  const mayEdit = area.own && caller.org.kind === "BAILLEUR" && caller.role !== "READER";
  const keep = { zone: query.zone !== undefined ? String(query.zone) : undefined, q: query.q, financement: query.financement, typologie: query.typologie, qpv: query.qpv };
  const href = (extra: Record<string, string | undefined>) => `?${new URLSearchParams(Object.entries({ ...keep, ...extra }).filter((e): e is [string, string] => Boolean(e[1])))}`;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageHeader
        title="Logements"
        subtitle={area.own ? `Le patrimoine de ${area.bailleurName} à ${area.territory} : les logements du flux de chaque année (RES-1 à RES-4) et le taux de rotation (RES-5, RES-6).`
          : `Les logements de ${area.bailleurName} à ${area.territory}, bailleur avec lequel ${caller.org.name} a une convention de réservation : leurs caractéristiques, jamais leurs occupants.`}
        actions={mayEdit ? (
          <>
            <Link href={`${base}/nouveau`} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-medium text-white hover:bg-brand-800">Nouveau logement</Link>
            <Link href={`${base}/import`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">Importer un fichier CSV</Link>
          </>
        ) : null}
      />
      {areas.length > 1 ? (
        <nav aria-label="Patrimoine affiché" className="mb-4 flex flex-wrap gap-2">
          {areas.map((a, i) => (
            <Link key={`${a.bailleurOrgId}-${a.territory}`} href={`?zone=${i}`} aria-current={a === area ? "page" : undefined}
              className={`rounded-md border px-3 py-1.5 text-sm ${a === area ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
              {a.bailleurName} — {a.territory}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="assiette" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="assiette" className="mb-2 text-base font-semibold">Logements du flux au 1er janvier <span className="font-mono text-xs text-slate-500">RES-1 à RES-4b</span></h2>
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="assiette">
            <caption className="sr-only">Assiette du flux par année</caption>
            <thead><tr><th scope="col" className={th}>Année</th><th scope="col" className={th}>Parc au 1er janvier</th><th scope="col" className={th}>Exclus</th><th scope="col" className={th}>Soustraits</th><th scope="col" className={th}>Mises en service</th><th scope="col" className={th}>Assiette</th><th scope="col" className={th}>Flux prévisionnel</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {assiettes.map((a) => (
                <tr key={a.year}>
                  <th scope="row" className={`${td} text-left font-medium`}>{a.year}</th>
                  <td className={`${td} tabular-nums`}>{a.stock}</td><td className={`${td} tabular-nums`}>{a.excluded}</td><td className={`${td} tabular-nums`}>{a.soustraits}</td>
                  <td className={`${td} tabular-nums`}>{a.misesEnService}</td><td className={`${td} font-semibold tabular-nums`}>{a.assiette}</td>
                  <td className={`${td} tabular-nums`}>{rotation.inForce ? fr1.format(fluxForecast(a.assiette, rotation.inForce.rate)) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600">Flux prévisionnel = assiette × taux de rotation en vigueur ; le bilan de l&apos;année en donne le nombre réel de logements libérés (RES-4b).</p>
        </section>
        <section aria-labelledby="rotation" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rotation" className="mb-2 text-base font-semibold">Taux de rotation <span className="font-mono text-xs text-slate-500">RES-5, RES-6</span></h2>
          <p className="mb-2 text-sm" data-testid="rotation-in-force">
            Taux en vigueur : {rotation.inForce ? <><strong>{formatPercent(rotation.inForce.rate, 2)}</strong> — {rotation.inForce.provenance}</> : "aucun (il faut 5 millésimes RPLS ou un taux convenu)"}
          </p>
          {rotation.vintages.length ? (
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Millésimes RPLS : emménagements, logements loués et taux annuel</caption>
              <thead><tr><th scope="col" className={th}>Millésime</th><th scope="col" className={th}>Emménagements</th><th scope="col" className={th}>Logements loués</th><th scope="col" className={th}>Taux</th></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {rotation.vintages.map((v) => (
                  <tr key={v.year}><th scope="row" className={`${td} text-left font-medium`}>{v.year}{rotation.meanOf.includes(v.year) && rotation.mean !== null ? <span className="sr-only"> (dans la moyenne)</span> : null}</th><td className={`${td} tabular-nums`}>{v.moveIns}</td><td className={`${td} tabular-nums`}>{v.letDwellings}</td><td className={`${td} tabular-nums`}>{formatPercent(v.rate, 2)}</td></tr>
                ))}
              </tbody>
              {rotation.mean !== null ? <tfoot><tr className="font-semibold"><th scope="row" colSpan={3} className={`${td} text-right`}>Moyenne des 5 derniers millésimes ({[...rotation.meanOf].reverse().join(", ")})</th><td className={`${td} tabular-nums`}>{formatPercent(rotation.mean, 2)}</td></tr></tfoot> : null}
            </table>
          ) : <p className="text-sm text-slate-700">Aucun millésime RPLS enregistré.</p>}
          {rotation.agreed ? <p className="mt-2 text-sm">Taux convenu : {formatPercent(rotation.agreed.rate, 2)} — {rotation.agreed.provenance}.</p> : null}
          {mayEdit ? <RotationForms org={caller.org.slug} territory={area.territory} nextYear={(rotation.vintages[0]?.year ?? year - 2) + 1} /> : null}
        </section>
      </div>
      <section aria-labelledby="liste">
        <h2 id="liste" className="mb-2 text-base font-semibold">Logements ({list.total.toLocaleString("fr-FR")})</h2>
        <form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm" aria-label="Filtrer les logements">
          {query.zone !== undefined ? <input type="hidden" name="zone" value={query.zone} /> : null}
          <div><label htmlFor="f-q" className="block font-medium">RPLS, résidence ou voie</label><input id="f-q" name="q" defaultValue={query.q} className="mt-1 rounded-md border border-slate-400 px-2 py-1.5" /></div>
          <div><label htmlFor="f-fin" className="block font-medium">Financement</label><select id="f-fin" name="financement" defaultValue={query.financement ?? ""} className="mt-1 rounded-md border border-slate-400 px-2 py-1.5"><option value="">Tous</option>{Object.entries(FINANCING_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select></div>
          <div><label htmlFor="f-typ" className="block font-medium">Typologie</label><select id="f-typ" name="typologie" defaultValue={query.typologie ?? ""} className="mt-1 rounded-md border border-slate-400 px-2 py-1.5"><option value="">Toutes</option>{Object.entries(TYPOLOGY_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}</select></div>
          <div><label htmlFor="f-qpv" className="block font-medium">QPV</label><select id="f-qpv" name="qpv" defaultValue={query.qpv ?? ""} className="mt-1 rounded-md border border-slate-400 px-2 py-1.5"><option value="">Tous</option><option value="oui">En QPV</option><option value="non">Hors QPV</option></select></div>
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800">Filtrer</button>
        </form>
        {list.rows.length === 0 ? <EmptyState title="Aucun logement ne correspond">Modifiez les filtres.</EmptyState> : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Logements de {area.bailleurName} à {area.territory}, par résidence ; page {list.page} sur {pages}</caption>
              <thead className="bg-slate-50"><tr>
                <th scope="col" className={th}>RPLS</th><th scope="col" className={th}>Résidence</th><th scope="col" className={th}>Adresse</th><th scope="col" className={th}>Financement</th>
                <th scope="col" className={th}>Typologie</th><th scope="col" className={th}>Surface</th><th scope="col" className={th}>QPV</th><th scope="col" className={th}>Classement</th>
                <th scope="col" className={th}>PMR</th><th scope="col" className={th}>Loyer + charges</th><th scope="col" className={th}>Régime {year}</th>
              </tr></thead>
              <tbody className="divide-y divide-slate-100">
                {list.rows.map((d) => {
                  const regime = d.firstLettingYear > year ? null : regimeForYear(d.regimes, year);
                  return (
                    <tr key={d.id} className="hover:bg-slate-50">
                      <th scope="row" className={`${td} text-left font-mono font-normal`}><Link href={`${base}/${d.id}`} className="text-brand-700 hover:underline">{d.rplsId}</Link></th>
                      <td className={td}>{d.residence}</td><td className={td}>{d.addressNumber} {d.street}</td><td className={td}>{d.financing}</td><td className={td}>{d.typology}</td>
                      <td className={`${td} tabular-nums`}>{fr2.format(d.surfaceCentiM2 / 100)} m²</td><td className={td}>{d.qpv ? "Oui" : "Non"}</td><td className={td}>{d.classification}</td><td className={td}>{d.pmr ? "Oui" : "Non"}</td>
                      <td className={`${td} tabular-nums`}>{formatCents(d.rentCents + d.chargesCents)}</td>
                      <td className={td}>{regime === null ? <Badge tone="grey">Pas encore loué</Badge> : regime.kind === "FLUX" ? <Badge tone="green">Flux</Badge> : regime.kind === "EXCLUDED" ? <Badge tone="grey">Exclu</Badge> : <Badge tone="amber">Soustrait</Badge>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-700">
          <p>Page {list.page} sur {pages}</p>
          <div className="flex gap-2">
            {list.page > 1 ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={href({ page: String(list.page - 1) })} rel="prev">Page précédente</Link> : null}
            {list.page < pages ? <Link className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100" href={href({ page: String(list.page + 1) })} rel="next">Page suivante</Link> : null}
          </div>
        </nav>
      </section>
    </>
  );
}
