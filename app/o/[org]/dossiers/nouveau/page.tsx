import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, referralOptions } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ReferForm } from "./refer-form";

export const metadata: Metadata = { title: "Orienter un ménage" };

export default async function ReferPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ menage?: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const now = today();
  const options = await referralOptions(caller, Number(now.slice(0, 4)));
  const menage = (await searchParams).menage;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/dossiers`} className="text-brand-700 hover:underline">← Dossiers</Link></p>
      <PageHeader title="Orienter un ménage vers l'association" subtitle="Demande de bilan diagnostic (REL-1) : au plus le nombre de demandes prévu par la convention pour l'année." />
      {options.conventions.length === 0 || caller.role === "READER" ? (
        <EmptyState title="Pas d'orientation possible">Il faut être la Ville partie à une convention de logement relais confirmée, avec un rôle d&apos;agent ou d&apos;administrateur.</EmptyState>
      ) : (
        <ReferForm org={caller.org.slug} options={options} initial={{ conventionId: options.conventions[0].id, householdId: options.households.some((h) => h.id === menage) ? menage! : "", referredOn: now, referentPersonId: options.members.some((m) => m.id === caller.personId) ? caller.personId : options.members[0]?.id ?? "" }} />
      )}
    </>
  );
}
