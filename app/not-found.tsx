import Link from "next/link";

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">Erreur 404</p>
      <h1 className="mt-2 text-2xl font-semibold">Page introuvable</h1>
      <p className="mt-4 text-slate-700">
        Cette page n&apos;existe pas, ou vous n&apos;avez pas accès à son contenu.
      </p>
      <Link href="/" className="mt-8 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
        Revenir à l&apos;accueil
      </Link>
    </main>
  );
}
