import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/lib/server/access";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NewDwellingForm } from "../dwelling-form";

export const metadata: Metadata = { title: "Nouveau logement" };

export default async function NewDwellingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const base = `/o/${caller.org.slug}/logements`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={base} className="text-brand-700 hover:underline">← Logements</Link></p>
      <PageHeader title="Nouveau logement" subtitle="Les caractéristiques qu'une déclaration de vacance reprend (RES-17), le classement de la résidence (RES-16) et le régime du logement." />
      {caller.org.kind !== "BAILLEUR" || caller.role === "READER"
        ? <EmptyState title="Réservé au bailleur">Seuls les agents et administrateurs d&apos;un bailleur enregistrent ses logements.</EmptyState>
        : <NewDwellingForm org={caller.org.slug} initial={{ rplsId: "", residence: "", addressNumber: "", street: "", commune: "", postcode: "", financing: "PLUS", typology: "T3", surface: "", qpv: "non", constructionPeriod: "1975_1989", rent: "", charges: "", dpeClass: "D", pmr: "non", classification: "2", firstLettingYear: "" }} />}
    </>
  );
}
