export function PublicCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main id="contenu" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md">
        <p className="text-center text-sm font-semibold uppercase tracking-wide text-brand-700">Conventions logement</p>
        <h1 className="mt-1 text-center text-2xl font-semibold">{title}</h1>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
      </div>
    </main>
  );
}
