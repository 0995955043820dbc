import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCaller, organisationsOfKinds, requireRole } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { CONVENTION_PARAMS, defaultParams } from "@/lib/validation/convention-params";
import { PARTY_SLOTS, paramToInput, type TCreateConventionInput } from "@/lib/validation/conventions";
import { PageHeader } from "@/components/ui/page-header";
import { CreateConventionForm } from "./create-form";

export const metadata: Metadata = { title: "Nouvelle convention" };

const KINDS = ["RELAIS", "RESERVATION_FLUX", "FNAVDL", "ASLLI", "CADRE"] as const;
const DESCRIPTION: Record<(typeof KINDS)[number], string> = {
  RELAIS: "Ville ↔ association : orientation, diagnostic, accompagnement en logement relais (modèle Choisy-le-Roi / AUMV).",
  RESERVATION_FLUX: "Réservataire ↔ bailleur : gestion en flux, droits uniques, objectif annuel, désignations.",
  FNAVDL: "État ↔ association : diagnostics, AVDL, baux glissants, versements et indicateurs de l'annexe III.",
  ASLLI: "Département (FSL) ↔ association : mesures d'accès et de maintien, plans d'intervention, tableaux semestriels.",
  CADRE: "Fédérations : objectifs partagés suivis en actions, réunion semestrielle.",
};

export default async function NewConventionPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ type?: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  requireRole(caller, ["ADMIN"]);
  const kind = z.enum(KINDS).optional().catch(undefined).parse((await searchParams).type);
  if (!kind) {
    return (
      <>
        <PageHeader title="Nouvelle convention" subtitle="Choisissez le type de convention : le formulaire reprend les paramètres du texte de référence." />
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {KINDS.map((k) => (
            <li key={k}>
              <Link href={`?type=${k}`} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600 hover:bg-brand-50">
                <span className="font-semibold text-brand-800">{CONVENTION_KIND_LABEL[k]}</span>
                <span className="mt-1 block text-sm text-slate-700">{DESCRIPTION[k]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const now = today();
  const slots = PARTY_SLOTS[kind];
  const orgsBySlot = await Promise.all(slots.map((s) => organisationsOfKinds(s.orgKinds)));
  const defaults = defaultParams(kind, Number(now.slice(0, 4)));
  const mySlot = slots.findIndex((s) => s.orgKinds.includes(caller.org.kind));
  const initial = {
    kind, title: "", reference: "", territory: kind === "RESERVATION_FLUX" && caller.org.kind === "COMMUNE" ? (caller.org.name.replace(/^Ville de /, "")) : "",
    signedOn: now, startOn: now,
    parties: slots.map((s, i) => ({ organisationId: i === mySlot ? caller.org.id : "", roleLabel: s.roleLabel })),
    params: Object.fromEntries(CONVENTION_PARAMS[kind].map((p) => [p.key, paramToInput(p, defaults[p.key])])),
    ...(kind === "CADRE" ? { actions: [] } : {}),
  } as unknown as TCreateConventionInput;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="?" className="text-brand-700 hover:underline">← Autre type de convention</Link></p>
      <PageHeader title={`Nouvelle convention : ${CONVENTION_KIND_LABEL[kind]}`} subtitle={DESCRIPTION[kind]} />
      <CreateConventionForm key={kind} org={caller.org.slug} kind={kind} myOrgId={caller.org.id} orgsBySlot={orgsBySlot} defaults={initial} />
    </>
  );
}
