import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { droitsView, STOCK_KEYS, type StockKey } from "@/lib/server/droits";
import { consumptionByYear } from "@/lib/server/vacancies";
import { formatDate, formatPercent } from "@/lib/format";
import { DROIT_ORIGIN_LABELS } from "@/lib/validation/droits";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { AgreementForm, ConvertButton, GrantForm, ShareInputForm } from "./droits-forms";
import { inCard, section } from "@/components/ui/table-classes";

export const metadata: Metadata = { title: "Droits de réservation" };

// Droits de suite → droits uniques, the stock per year and the share check of a réservation convention
// (issue 9, RES-7..12). Only for RESERVATION_FLUX conventions the caller's organisation is party to (else 404).

const numbers = new Map<number, Intl.NumberFormat>();
/** « 791,87 »: French decimals, a fixed number of them. */
function num(n: number, digits = 2): string {
  if (!numbers.has(digits)) numbers.set(digits, new Intl.NumberFormat("fr-FR", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return numbers.get(digits)!.format(n);
}
const originLabel = (o: string) => DROIT_ORIGIN_LABELS[o as keyof typeof DROIT_ORIGIN_LABELS] ?? o;
const KEY_LABEL = Object.fromEntries(STOCK_KEYS.map((k) => [k, k.startsWith("CONVERTED_STOCK:")
  ? `Stock converti — ${originLabel(k.slice("CONVERTED_STOCK:".length)).toLowerCase()}`
  : `Droits nouveaux — ${originLabel(k).toLowerCase()}`])) as Record<StockKey, string>;

const { th, thNum, td, tdNum, caption, headRow } = inCard;

export default async function DroitsPage({ params, searchParams }: { params: Promise<{ org: string; id: string }>; searchParams: Promise<{ inventaire?: string }> }) {
  const { org, id } = await params;
  const caller = await getCaller(org);
  const now = today();
  const wanted = (await searchParams).inventaire;
  const inventoryOn = wanted && /^\d{4}-\d{2}-\d{2}$/.test(wanted) && wanted <= now && !Number.isNaN(Date.parse(wanted)) ? wanted : undefined;
  // RES-10: each dwelling counted in the flux for the réservataire (RES-13) consumes one droit unique.
  const consumption = await consumptionByYear(caller, id, now);
  const v = await droitsView(caller, id, now, { inventoryOn, consumptionByYear: consumption });
  if (!v) notFound();
  const base = `/o/${caller.org.slug}/conventions/${v.convention.id}`;
  const conversion = v.conversion;
  const preview = v.preview;
  const atInventory = formatDate(v.inventoryOn);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={base} className="text-brand-700 hover:underline">← {v.convention.title}</Link></p>
      <PageHeader
        title="Droits de réservation"
        subtitle={<>Réservataire : {v.convention.reservataire ?? "—"} · Bailleur : {v.convention.bailleur ?? "—"}{v.convention.territory ? ` · Territoire : ${v.convention.territory}` : ""}</>}
      />
      {!v.convention.signed ? <div className="mb-6"><Alert tone="info">La convention n&apos;est pas encore confirmée par toutes ses parties : les droits s&apos;enregistreront une fois signée.</Alert></div> : null}
      <div className="space-y-6">
        <section aria-labelledby="agreements" className={section}>
          <h2 id="agreements" className="text-base font-semibold">Conventions de réservation (droits de suite)</h2>
          <p className="mt-1 text-sm text-slate-700">Les droits liés à une garantie d&apos;emprunt courent jusqu&apos;à 5 ans après la dernière échéance du prêt (RES-8).</p>
          {v.agreements.length === 0 ? <div className="mt-3"><EmptyState title="Aucune convention de réservation enregistrée">Ajoutez les conventions en cours à la date d&apos;inventaire.</EmptyState></div> : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className={caption}>Inventaire des droits de suite, durée restante au {atInventory}</caption>
                <thead><tr className={headRow}>
                  <th scope="col" className={th}>Référence</th><th scope="col" className={th}>Origine</th><th scope="col" className={th}>Programme</th>
                  <th scope="col" className={thNum}>Droits de suite</th><th scope="col" className={th}>Fin des droits</th><th scope="col" className={thNum}>Durée restante (années)</th>
                </tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {v.agreements.map((a) => (
                    <tr key={a.id}>
                      <th scope="row" className={`${td} text-left font-medium`}>{a.reference}</th>
                      <td className={td}>{originLabel(a.origin)}</td>
                      <td className={td}>{a.programme}</td>
                      <td className={tdNum}>{num(a.droitsDeSuite, 0)}</td>
                      <td className={td}>{formatDate(a.endOn)}{a.lastRepaymentOn ? <span className="block text-xs text-slate-600">dernière échéance du prêt le {formatDate(a.lastRepaymentOn)} + 5 ans</span> : null}</td>
                      <td className={tdNum}>{a.remainingYears > 0 ? num(a.remainingYears) : <Badge tone="grey">échue</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {v.mayWrite && !conversion ? <AgreementForm org={caller.org.slug} conventionId={v.convention.id} /> : null}
        </section>

        <section aria-labelledby="conversion" className={section}>
          <h2 id="conversion" className="text-base font-semibold">Conversion en droits uniques (RES-7)</h2>
          <p className="mt-1 text-sm text-slate-700">Droits uniques = droits de suite × durée restante en années × taux de rotation. Les fractions sont gardées ; le total est arrondi au logement le plus proche pour le décompte en vigueur. La conversion se fait une seule fois, à la date d&apos;inventaire.</p>
          {conversion ? (
            <>
              <div className="mt-3"><Alert tone="success"><span id="conversion-recorded">Conversion enregistrée le {formatDate(conversion.recordedOn)} : inventaire au {formatDate(conversion.inventoryOn)}, taux de rotation {formatPercent(conversion.rate, 2)} ({conversion.rateProvenance}).</span></Alert></div>
              <ConversionTable lines={conversion.lines} total={conversion.total} rounded={conversion.rounded} captionText={`Conversion enregistrée au ${formatDate(conversion.inventoryOn)}, par convention de réservation`} />
              <div className="mt-3"><ConvertButton org={caller.org.slug} conventionId={v.convention.id} inventoryOn={conversion.inventoryOn} inventoryLabel={formatDate(conversion.inventoryOn)} disabled recorded /></div>
            </>
          ) : (
            <>
              <form method="get" className="mt-3 flex flex-wrap items-end gap-2" aria-label="Date d'inventaire de l'aperçu">
                <div>
                  <label htmlFor="inventaire" className="block text-sm font-medium text-slate-800">Date d&apos;inventaire</label>
                  <input id="inventaire" name="inventaire" type="date" defaultValue={v.inventoryOn} max={now} className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm" />
                </div>
                <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">Actualiser l&apos;aperçu</button>
              </form>
              {!v.rate ? (
                <div className="mt-3"><Alert tone="error">Aucun taux de rotation en vigueur pour {v.convention.bailleur ?? "le bailleur"}{v.convention.territory ? ` à ${v.convention.territory}` : ""} : le bailleur saisit cinq millésimes RPLS ou un taux convenu (page Logements, RES-6).</Alert></div>
              ) : (
                <p className="mt-3 text-sm" data-testid="rate-in-force">Taux de rotation en vigueur : <strong>{formatPercent(v.rate.rate, 2)}</strong> — {v.rate.provenance}</p>
              )}
              {preview ? (
                <>
                  <ConversionTable lines={preview.lines} total={preview.total} rounded={preview.rounded} captionText={`Aperçu de la conversion au ${atInventory}, par convention de réservation`} />
                  {preview.expired.length ? <p className="mt-2 text-sm text-slate-700">Échues à la date d&apos;inventaire, non converties : {preview.expired.map((a) => a.reference).join(", ")}.</p> : null}
                </>
              ) : null}
              {v.mayWrite ? (
                <div className="mt-3">
                  <ConvertButton org={caller.org.slug} conventionId={v.convention.id} inventoryOn={v.inventoryOn} inventoryLabel={atInventory} recorded={false}
                    disabled={!preview || preview.lines.length === 0} />
                </div>
              ) : null}
            </>
          )}
        </section>

        <section aria-labelledby="grants" className={section}>
          <h2 id="grants" className="text-base font-semibold">Droits nouveaux (RES-9)</h2>
          <p className="mt-1 text-sm text-slate-700">La garantie d&apos;un nouveau programme donne au plus 20 % de ses logements, convertis aussitôt en droits uniques avec le taux en vigueur ; les apports de terrain et les financements donnent un volume convenu entre les parties. Chaque droit unique garde son origine.</p>
          {v.grants.length === 0 ? <p className="mt-3 text-sm text-slate-700">Aucun droit nouveau.</p> : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className={caption}>Droits uniques acquis après l&apos;inventaire</caption>
                <thead><tr className={headRow}>
                  <th scope="col" className={th}>Date</th><th scope="col" className={th}>Origine</th><th scope="col" className={th}>Programme</th>
                  <th scope="col" className={thNum}>Logements du programme</th><th scope="col" className={thNum}>Droits</th><th scope="col" className={thNum}>Durée (années)</th>
                  <th scope="col" className={thNum}>Taux</th><th scope="col" className={thNum}>Droits uniques</th>
                </tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {v.grants.map((g) => (
                    <tr key={g.id}>
                      <th scope="row" className={`${td} text-left font-normal`}>{formatDate(g.on)}</th>
                      <td className={td}>{originLabel(g.origin)}</td>
                      <td className={td}>{g.programme}</td>
                      <td className={tdNum}>{g.programmeDwellings !== null ? num(g.programmeDwellings, 0) : "—"}</td>
                      <td className={tdNum}>{g.droits !== null ? num(g.droits, 0) : "—"}</td>
                      <td className={tdNum}>{g.remainingYears !== null ? num(g.remainingYears) : "—"}</td>
                      <td className={tdNum}>{g.ratePpm !== null ? formatPercent(g.ratePpm / 1_000_000, 2) : "—"}</td>
                      <td className={tdNum}>{num(g.droitsUniques)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {v.mayWrite ? <GrantForm org={caller.org.slug} conventionId={v.convention.id} today={now} /> : null}
        </section>

        <section aria-labelledby="stock" className={section}>
          <h2 id="stock" className="text-base font-semibold">Stock de droits uniques par année (RES-10)</h2>
          <p className="mt-1 text-sm text-slate-700">Stock au 1er janvier de N = stock au 1er janvier de N-1 + acquisitions de N-1 − consommation de N-1. Chaque logement compté dans le flux pour le réservataire consomme un droit unique (la consommation sera reprise du suivi des vacances).</p>
          {v.stock.provisional ? <div className="mt-3"><Alert tone="info">Calculé d&apos;après l&apos;aperçu : la conversion n&apos;est pas encore enregistrée.</Alert></div> : null}
          {v.stock.rows.length === 0 ? <p className="mt-3 text-sm text-slate-700">Pas encore de stock : enregistrez l&apos;inventaire et sa conversion.</p> : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className={caption}>Stock de droits uniques par année et par origine</caption>
                <thead><tr className={headRow}>
                  <th scope="col" className={th}>Année</th><th scope="col" className={th}>Origine</th><th scope="col" className={thNum}>1er janvier</th>
                  <th scope="col" className={thNum}>Acquisitions</th><th scope="col" className={thNum}>Consommation</th><th scope="col" className={thNum}>31 décembre</th>
                </tr></thead>
                {v.stock.rows.map((row) => {
                  const keys = STOCK_KEYS.filter((k) => Object.values(row.byKey[k]).some((x) => Math.abs(x) > 1e-9));
                  return (
                    <tbody key={row.year} className="border-t-2 border-slate-200">
                      {keys.map((k, i) => (
                        <tr key={k}>
                          {i === 0 ? <th scope="rowgroup" rowSpan={keys.length + 1} className={`${td} align-top text-left font-semibold`}>{row.year}</th> : null}
                          <td className={td}>{KEY_LABEL[k]}</td>
                          <td className={tdNum}>{num(row.byKey[k].jan1)}</td>
                          <td className={tdNum}>{num(row.byKey[k].acquisitions)}</td>
                          <td className={tdNum}>{num(row.byKey[k].consumption)}</td>
                          <td className={tdNum}>{num(row.byKey[k].dec31)}</td>
                        </tr>
                      ))}
                      <tr className="bg-slate-50 font-medium">
                        {keys.length === 0 ? <th scope="rowgroup" className={`${td} text-left font-semibold`}>{row.year}</th> : null}
                        <th scope="row" className={`${td} text-left`}>Total (décompte en vigueur)</th>
                        <td className={tdNum}>{num(row.jan1)} <span className="text-slate-600">({num(row.jan1Rounded, 0)})</span></td>
                        <td className={tdNum}>{num(row.acquisitions)}</td>
                        <td className={tdNum}>{num(row.consumption, 0)}</td>
                        <td className={tdNum}>{num(row.dec31)} <span className="text-slate-600">({num(row.dec31Rounded, 0)})</span></td>
                      </tr>
                    </tbody>
                  );
                })}
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="shares" className={section}>
          <h2 id="shares" className="text-base font-semibold">Part du flux de l&apos;année (RES-11, RES-12)</h2>
          <p className="mt-1 text-sm text-slate-700">
            La part convenue chaque année avant le 28 février s&apos;enregistre depuis la <Link href={base} className="text-brand-700 underline">page de la convention</Link>.
            En regard : min(plafond ; (1 − part de l&apos;État) × droits uniques du réservataire au 1er janvier ÷ droits uniques de tous les réservataires).
            La part réservée en contrepartie des garanties d&apos;emprunt ne peut dépasser 20 % du flux annuel (R.441-5-3).
          </p>
          {v.shares.length === 0 ? <p className="mt-3 text-sm text-slate-700">Aucune année à vérifier.</p> : (
            <div className="mt-3 overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className={caption}>Part convenue et vérification par la formule, par année</caption>
                <thead><tr className={headRow}>
                  <th scope="col" className={th}>Année</th><th scope="col" className={thNum}>Part convenue</th><th scope="col" className={thNum}>Droits uniques du réservataire au 1er janvier</th>
                  <th scope="col" className={thNum}>Droits uniques de tous les réservataires</th><th scope="col" className={thNum}>Part de l&apos;État</th>
                  <th scope="col" className={thNum}>Part selon la formule</th><th scope="col" className={th}>Vérification</th><th scope="col" className={th}>Part en contrepartie des garanties</th>
                </tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {v.shares.map((x) => (
                    <tr key={x.year}>
                      <th scope="row" className={`${td} text-left font-semibold`}>{x.year}</th>
                      <td className={tdNum}>{x.agreed !== null ? formatPercent(x.agreed, 2) : "non convenue"}</td>
                      <td className={tdNum}>{x.ownDroitsUniques !== null ? num(x.ownDroitsUniques, 0) : "—"}</td>
                      <td className={tdNum}>{x.input ? num(x.input.allDroitsUniques, 0) : "non déclarés"}</td>
                      <td className={tdNum}>{x.input ? formatPercent(x.input.statePart, 2) : "—"}</td>
                      <td className={tdNum}>{x.formula !== null ? <>{formatPercent(x.formula, 2)}<span className="block text-xs text-slate-600">plafond {formatPercent(x.cap, 2)}</span></> : "—"}</td>
                      <td className={td}>
                        {x.formulaError ? <span className="text-red-800">{x.formulaError}</span>
                          : x.differsMarkedly === true ? <Badge tone="amber">Écart marqué avec la formule</Badge>
                          : x.differsMarkedly === false ? <Badge tone="green">Cohérente</Badge>
                          : <span className="text-slate-600">—</span>}
                      </td>
                      <td className={td}>
                        {x.guarantee ? (
                          <>
                            {formatPercent(x.guarantee.share, 2)} du flux <span className="text-slate-600">({formatPercent(x.guarantee.partOfStock, 2)} des droits uniques, part {x.guarantee.basis === "AGREED" ? "convenue" : "selon la formule"})</span>{" "}
                            {x.guarantee.exceeds ? <Badge tone="red">Au-delà de {formatPercent(x.guarantee.cap, 0)}</Badge> : <Badge tone="green">Dans la limite de {formatPercent(x.guarantee.cap, 0)}</Badge>}
                          </>
                        ) : <span className="text-slate-600">—</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {v.mayDeclareShareInput ? <ShareInputForm org={caller.org.slug} conventionId={v.convention.id} year={Number(now.slice(0, 4))} /> : null}
        </section>
      </div>
    </>
  );
}

function ConversionTable({ lines, total, rounded, captionText }: {
  lines: { agreementId: string; reference: string; origin: string; programme: string; droitsDeSuite: number; remainingYears: number; droitsUniques: number }[];
  total: number; rounded: number; captionText: string;
}) {
  if (lines.length === 0) return <p className="mt-3 text-sm text-slate-700">Aucune convention de réservation ne court à cette date.</p>;
  const droitsDeSuite = lines.reduce((s, l) => s + l.droitsDeSuite, 0);
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className={caption}>{captionText}</caption>
        <thead><tr className={headRow}>
          <th scope="col" className={th}>Référence</th><th scope="col" className={th}>Origine</th><th scope="col" className={thNum}>Droits de suite</th>
          <th scope="col" className={thNum}>Durée restante (années)</th><th scope="col" className={thNum}>Droits uniques</th>
        </tr></thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={l.agreementId}>
              <th scope="row" className={`${td} text-left font-medium`}>{l.reference}<span className="block text-xs font-normal text-slate-600">{l.programme}</span></th>
              <td className={td}>{originLabel(l.origin)}</td>
              <td className={tdNum}>{num(l.droitsDeSuite, 0)}</td>
              <td className={tdNum}>{num(l.remainingYears)}</td>
              <td className={tdNum}>{num(l.droitsUniques)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-medium">
          <tr>
            <th scope="row" colSpan={2} className={`${td} text-left`}>Total exact</th>
            <td className={tdNum}>{num(droitsDeSuite, 0)}</td>
            <td className={tdNum} />
            <td className={tdNum} data-testid="conversion-total">{num(total, 4)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2} className={`${td} text-left`}>Droits uniques en vigueur (arrondi)</th>
            <td className={tdNum} /><td className={tdNum} />
            <td className={`${tdNum} text-base`} data-testid="conversion-rounded">{num(rounded, 0)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
