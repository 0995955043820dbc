import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession, resolvePerson } from "@/lib/server/access";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; expiree?: string; motdepasse?: string }> }) {
  const sp = await searchParams;
  const s = await currentSession();
  if (s && (await resolvePerson(s))) redirect("/");
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Conventions logement</p>
          <h1 className="mt-1 text-2xl font-semibold">Connexion</h1>
          <p className="mt-2 text-sm text-slate-700">Communes, associations et bailleurs partenaires de l&apos;accompagnement vers et dans le logement.</p>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {sp.expiree ? <p className="mb-4 text-sm text-slate-700">Votre session a pris fin : reconnectez-vous.</p> : null}
          {sp.motdepasse ? <p className="mb-4 text-sm text-emerald-800">Mot de passe enregistré : connectez-vous avec le nouveau.</p> : null}
          <SignInForm callbackUrl={sp.callbackUrl} />
        </div>
      </div>
    </main>
  );
}
