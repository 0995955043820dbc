import { redirect } from "next/navigation";
import { currentSession, resolvePerson } from "@/lib/server/access";
import { EmptyState } from "@/components/ui/empty-state";

export default async function Home() {
  const s = await currentSession();
  if (!s) redirect("/connexion");
  const person = await resolvePerson(s);
  if (!person) redirect("/connexion?expiree=1");
  const first = person.memberships[0];
  if (first) redirect(`/o/${first.slug}/tableau-de-bord`);
  return (
    <main id="contenu" className="mx-auto max-w-xl px-6 py-24">
      <EmptyState title="Vous n'êtes membre d'aucune organisation">
        Demandez à l&apos;administrateur de votre organisation de vous inviter.
      </EmptyState>
    </main>
  );
}
