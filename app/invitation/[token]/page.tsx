import type { Metadata } from "next";
import Link from "next/link";
import { currentSession } from "@/lib/server/access";
import { invitationView } from "@/lib/server/token-views";
import { PublicCard } from "../../public-card";
import { SetPasswordForm } from "../../set-password-form";
import { JoinButton } from "../../join-button";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [inv, session] = await Promise.all([invitationView(token), currentSession()]);
  if (!inv) {
    return <PublicCard title="Lien expiré"><p className="text-sm">Ce lien d&apos;invitation n&apos;est plus valable (déjà utilisé ou expiré). Demandez-en un nouveau à l&apos;administrateur de l&apos;organisation.</p></PublicCard>;
  }
  return (
    <PublicCard title={`Rejoindre ${inv.organisationName}`}>
      <p className="mb-4 text-sm text-slate-700">Invitation pour <strong>{inv.email}</strong>.</p>
      {inv.personExists ? (
        session?.personId === inv.personId ? <JoinButton token={token} /> : (
          <p className="text-sm">Vous avez déjà un compte : <Link className="text-brand-700 underline" href={`/connexion?callbackUrl=${encodeURIComponent(`/invitation/${token}`)}`}>connectez-vous</Link> avec cette adresse, puis rouvrez ce lien.</p>
        )
      ) : (
        <SetPasswordForm token={token} mode="invitation" firstName={inv.firstName} lastName={inv.lastName} />
      )}
    </PublicCard>
  );
}
