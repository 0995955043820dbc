import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { orientationConventions } from "@/lib/server/vacancies";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { DeclareForm } from "./declare-form";

export const metadata: Metadata = { title: "Déclarer une vacance" };

export default async function NewVacancyPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const base = `/o/${caller.org.slug}/vacances`;
  const allowed = caller.org.kind === "BAILLEUR" && caller.role !== "READER";
  return (
    <>
      <p className="mb-2 text-sm"><Link href={base} className="text-brand-700 hover:underline">← Vacances</Link></p>
      <PageHeader title="Déclarer une vacance" subtitle="Chaque logement libéré de l'assiette est déclaré, quelle que soit son orientation, pour connaître le flux réel de l'année." />
      {allowed
        ? <DeclareForm org={caller.org.slug} today={today()} conventions={await orientationConventions(caller)} />
        : <EmptyState title="Réservé au bailleur">Seuls les agents et administrateurs d&apos;un bailleur déclarent ses vacances.</EmptyState>}
    </>
  );
}
