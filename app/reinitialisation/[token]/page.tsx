import type { Metadata } from "next";
import { resetView } from "@/lib/server/token-views";
import { PublicCard } from "../../public-card";
import { SetPasswordForm } from "../../set-password-form";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const r = await resetView(token);
  if (!r) {
    return <PublicCard title="Lien expiré"><p className="text-sm">Ce lien n&apos;est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau à l&apos;administrateur de votre organisation.</p></PublicCard>;
  }
  return (
    <PublicCard title="Choisir un nouveau mot de passe">
      <p className="mb-4 text-sm text-slate-700">Compte : <strong>{r.email}</strong>.</p>
      <SetPasswordForm token={token} mode="reset" />
    </PublicCard>
  );
}
