import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribeView } from "@/lib/server/access";
import { PublicCard } from "../../public-card";
import { UnsubscribeButton } from "./unsubscribe-button";

export const metadata: Metadata = { title: "Récapitulatif quotidien" };

// Issue 13 §4: the link of each digest, without sign-in. Opening it changes nothing (mail scanners open links):
// the person confirms with the button.
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await unsubscribeView(decodeURIComponent(token));
  if (!view) {
    return <PublicCard title="Lien non valable"><p className="text-sm">Ce lien de désabonnement n&apos;est pas valable. Vous pouvez désactiver le récapitulatif dans « Mon compte » après vous être <Link className="text-brand-700 underline" href="/connexion">connecté</Link>.</p></PublicCard>;
  }
  return (
    <PublicCard title="Récapitulatif quotidien">
      <p className="mb-4 text-sm text-slate-700">Adresse : <strong>{view.email}</strong>.</p>
      {view.enabled ? <UnsubscribeButton token={decodeURIComponent(token)} /> : (
        <p className="text-sm" data-testid="deja-desabonne">Vous ne recevez pas le récapitulatif quotidien. Vous pouvez le réactiver dans « Mon compte ».</p>
      )}
    </PublicCard>
  );
}
