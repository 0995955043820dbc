"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "tableau-de-bord", label: "Tableau de bord" },
  { href: "conventions", label: "Conventions" },
  { href: "dossiers", label: "Dossiers" },
  { href: "menages", label: "Ménages" },
  { href: "logements", label: "Logements" },
  { href: "vacances", label: "Vacances" },
  { href: "rapports", label: "Rapports" },
  { href: "partenaires", label: "Partenaires" },
] as const;

export function MainNav({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  const pathname = usePathname();
  const items = [...ITEMS, ...(isAdmin ? [{ href: "membres", label: "Membres" } as const] : [])];
  return (
    <nav aria-label="Navigation principale" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
        {items.map((it) => {
          const href = `/o/${orgSlug}/${it.href}`;
          const current = pathname === href || pathname.startsWith(href + "/");
          return (
            <li key={it.href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-3 text-sm font-medium ${current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:border-slate-400 hover:text-slate-900"}`}
              >
                {it.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
