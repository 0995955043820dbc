import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, requireRole } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { PageHeader } from "@/components/ui/page-header";
import { EMPTY_HOUSEHOLD, HouseholdForm } from "../household-form";

export const metadata: Metadata = { title: "Nouveau ménage" };

export default async function NewHouseholdPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  requireRole(caller, ["ADMIN", "AGENT"]);
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/o/${caller.org.slug}/menages`} className="text-brand-700 hover:underline">← Ménages</Link></p>
      <PageHeader
        title="Nouveau ménage"
        subtitle={`Le ménage appartient à ${caller.org.name} ; les partenaires d'un dossier le verront selon leurs droits.`}
      />
      <HouseholdForm org={caller.org.slug} today={today()} initial={EMPTY_HOUSEHOLD} />
    </>
  );
}
