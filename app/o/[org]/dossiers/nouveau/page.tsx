import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, referralOptions, supportCaseOptions } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ReferForm } from "./refer-form";
import { PrescribeForm } from "./prescribe-form";
import { AslliRequestForm } from "./aslli-request-form";

export const metadata: Metadata = { title: "Nouveau dossier" };

const TABS = {
  relais: { label: "Logement relais", title: "Orienter un ménage vers l'association", subtitle: "Demande de bilan diagnostic (REL-1) : au plus le nombre de demandes prévu par la convention pour l'année." },
  fnavdl: { label: "FNAVDL", title: "Enregistrer une prescription FNAVDL", subtitle: "Diagnostic ou accompagnement vers et dans le logement, sur prescription (AVD-6) et sous réserve de l'accord du ménage." },
  aslli: { label: "ASLLi", title: "Demande de mesure ASLLi", subtitle: "Demande d'accompagnement social lié au logement individuel par un travailleur social (ASL-2), examinée par la commission technique du FSL." },
} as const;
type Tab = keyof typeof TABS;

export default async function NewCasePage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ menage?: string; type?: string }> }) {
  const { org } = await params;
  const sp = await searchParams;
  const caller = await getCaller(org);
  const now = today();
  const [relais, fnavdl, aslli] = await Promise.all([
    referralOptions(caller, Number(now.slice(0, 4))),
    supportCaseOptions(caller, "FNAVDL"),
    supportCaseOptions(caller, "ASLLI"),
  ]);
  const available: Tab[] = (["relais", "fnavdl", "aslli"] as const).filter((t) => ({ relais, fnavdl, aslli })[t].conventions.length > 0);
  const tab: Tab = available.includes(sp.type as Tab) ? (sp.type as Tab) : available[0] ?? "relais";
  const base = `/o/${caller.org.slug}/dossiers/nouveau`;
  const pick = <T extends { id: string }>(list: T[], id: string | undefined) => (list.some((x) => x.id === id) ? id! : "");
  const me = (members: { id: string }[]) => (members.some((m) => m.id === caller.personId) ? caller.personId : members[0]?.id ?? "");
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/dossiers`} className="text-brand-700 hover:underline">← Dossiers</Link></p>
      <PageHeader title={TABS[tab].title} subtitle={TABS[tab].subtitle} />
      {available.length > 1 ? (
        <nav aria-label="Type de dossier" className="mb-4 flex gap-2">
          {available.map((t) => (
            <Link key={t} href={`${base}?type=${t}${sp.menage ? `&menage=${sp.menage}` : ""}`} aria-current={t === tab ? "page" : undefined}
              className={`rounded-md border px-3 py-1.5 text-sm ${t === tab ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}>
              {TABS[t].label}
            </Link>
          ))}
        </nav>
      ) : null}
      {available.length === 0 || caller.role === "READER" ? (
        <EmptyState title="Pas de nouveau dossier possible">
          Il faut être partie à une convention confirmée (la Ville pour le logement relais, l&apos;association ou l&apos;État pour le FNAVDL, l&apos;association ou le Département pour l&apos;ASLLi), avec un rôle d&apos;agent ou d&apos;administrateur.
        </EmptyState>
      ) : tab === "relais" ? (
        <ReferForm org={caller.org.slug} options={relais} initial={{ conventionId: relais.conventions[0].id, householdId: pick(relais.households, sp.menage), referredOn: now, referentPersonId: me(relais.members) }} />
      ) : tab === "fnavdl" ? (
        <PrescribeForm org={caller.org.slug} options={fnavdl} initial={{ conventionId: fnavdl.conventions[0].id, householdId: pick(fnavdl.households, sp.menage), prescribedOn: now, referentPersonId: me(fnavdl.members) }} />
      ) : (
        <AslliRequestForm org={caller.org.slug} options={aslli} initial={{ conventionId: aslli.conventions[0].id, householdId: pick(aslli.households, sp.menage), requestedOn: now, referentPersonId: me(aslli.members) }} />
      )}
    </>
  );
}
