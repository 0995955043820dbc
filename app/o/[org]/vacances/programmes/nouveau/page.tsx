import type { Metadata } from "next";
import Link from "next/link";
import { getCaller } from "@/lib/server/access";
import { today } from "@/lib/server/clock";
import { orientationConventions } from "@/lib/server/vacancies";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { StockNotice } from "../stock-notice";
import { NotifyForm } from "./notify-form";

export const metadata: Metadata = { title: "Notifier un programme neuf" };

export default async function NewProgrammePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const base = `/o/${caller.org.slug}/vacances/programmes`;
  const allowed = caller.org.kind === "BAILLEUR" && caller.role !== "READER";
  const conventions = allowed ? await orientationConventions(caller) : [];
  return (
    <>
      <p className="mb-2 text-sm"><Link href={base} className="text-brand-700 hover:underline">← Programmes neufs</Link></p>
      <PageHeader title="Notifier un programme neuf" subtitle="Un programme concernant plusieurs réservataires est notifié à chacun, sur sa convention de réservation : chacun a son propre délai (RES-21)." />
      <StockNotice />
      {!allowed ? <EmptyState title="Réservé au bailleur">Seuls les agents et administrateurs d&apos;un bailleur notifient ses programmes neufs.</EmptyState>
        : conventions.length === 0 ? <EmptyState title="Aucune convention de réservation">Il faut une convention de réservation en flux confirmée, dont vous êtes le bailleur.</EmptyState>
        : <NotifyForm org={caller.org.slug} today={today()} conventions={conventions} />}
    </>
  );
}
