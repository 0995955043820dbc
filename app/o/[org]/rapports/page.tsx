import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, reportIndex } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { formatDate } from "@/lib/format";
import { CONVENTION_STATUS_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Rapports" };

type Entry = Awaited<ReturnType<typeof reportIndex>>[number];
type Kind = Entry["kind"];

// Issue 14: the reports the caller's organisation may open, one line per convention it is party to (ACC-1).
const SECTIONS: { kind: Kind; title: string; text: string; reports: (c: Entry, base: string) => { href: string; label: string }[] }[] = [
  {
    kind: "FNAVDL", title: "FNAVDL : indicateurs de l'annexe III", text: "Les sept indicateurs par année de convention, face aux objectifs ; niveaux d'intensité, baux glissants, enquêtes de satisfaction.",
    reports: (c, base) => [{ href: `${base}/rapports/fnavdl/${c.id}`, label: "Indicateurs" }],
  },
  {
    kind: "RELAIS", title: "Logement relais : chiffres du bilan annuel", text: "Ménages accompagnés, relogés, autres solutions, diagnostics demandés, entrées (REL-9).",
    reports: (c, base) => [{ href: `${base}/rapports/relais/${c.id}`, label: "Chiffres du bilan" }],
  },
  {
    kind: "ASLLI", title: "ASLLi : tableau semestriel et mois dus", text: "Le tableau de suivi de l'annexe 1c et le relevé des mois dus, par semestre (ASL-11, ASL-11b).",
    reports: (c, base) => [{ href: `${base}/rapports/aslli/${c.id}`, label: "Tableau semestriel" }],
  },
  {
    kind: "RESERVATION_FLUX", title: "Réservation en flux", text: "Avancement du flux par rapport à l'objectif, mois par mois, stock de droits uniques par année, et le bilan annuel que le bailleur adresse avant le 28 février.",
    reports: (c, base) => [
      { href: `${base}/rapports/reservation/${c.id}`, label: "Flux et droits uniques" },
      { href: `${base}/conventions/${c.id}/bilan`, label: "Bilan annuel (RES-22)" },
    ],
  },
];

export default async function ReportsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const entries = await reportIndex(caller, today());
  const base = `/o/${caller.org.slug}`;
  const sections = SECTIONS.map((s) => ({ ...s, entries: entries.filter((e) => e.kind === s.kind) })).filter((s) => s.entries.length > 0);
  return (
    <>
      <PageHeader title="Rapports" subtitle={<>Les bilans que demande chaque financeur, calculés à partir des dossiers et des conventions de {caller.org.name} ; chacun s&apos;exporte en CSV et en Excel et s&apos;imprime en A4.</>} />
      <div className="grid gap-6">
        {sections.length === 0 ? <EmptyState title="Aucun rapport">Votre organisation n&apos;est partie à aucune convention signée qui donne lieu à un rapport.</EmptyState> : null}
        {sections.map((s) => (
          <section key={s.kind} aria-labelledby={`rapports-${s.kind}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`rapports-${s.kind}`} className="text-base font-semibold">{s.title}</h2>
            <p className="mb-3 text-sm text-slate-700">{s.text}</p>
            <ul className="divide-y divide-slate-100">
              {s.entries.map((c) => (
                <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                  <div>
                    <span className="font-medium text-slate-900">{c.title}</span>
                    <span className="ml-2 text-slate-700">du {formatDate(c.startOn)} au {formatDate(c.endOn)} · {CONVENTION_STATUS_LABEL[c.status]}{c.partners.length ? ` · avec ${c.partners.join(", ")}` : ""}</span>
                  </div>
                  <div className="flex gap-3">
                    {s.reports(c, base).map((r) => <Link key={r.href} href={r.href} className="text-brand-700 hover:underline">{r.label}<span className="sr-only"> — {c.title}</span></Link>)}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section aria-labelledby="rapports-organisation" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rapports-organisation" className="text-base font-semibold">{caller.org.name}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li><Link href={`${base}/rapports/echeances`} className="text-brand-700 underline">Échéances tenues à temps ou en retard</Link> — par mois, sur toutes les conventions et tous les dossiers que voit votre organisation.</li>
            {caller.role === "ADMIN" ? <li><Link href={`${base}/membres/journal`} className="text-brand-700 underline">Journal d&apos;audit</Link> — qui a fait quoi, quand, sur les données de votre organisation (administrateurs).</li> : null}
          </ul>
        </section>
      </div>
    </>
  );
}
