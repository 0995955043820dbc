"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Org = { slug: string; name: string; roleLabel: string };

/** Switch organisation and keep the section (a detail page goes back to its list: it belongs to the other org). */
export function OrgSwitcher({ current, orgs }: { current: Org; orgs: Org[] }) {
  const pathname = usePathname();
  const section = pathname.split("/")[3] || "tableau-de-bord";
  if (orgs.length < 2) {
    return <span className="text-sm font-semibold text-slate-900">{current.name}</span>;
  }
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100" aria-label={`Organisation : ${current.name}. Changer d'organisation`}>
        {current.name} <span aria-hidden="true">▾</span>
      </summary>
      <ul className="absolute left-0 z-20 mt-1 min-w-72 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {orgs.map((o) => (
          <li key={o.slug}>
            <Link
              href={`/o/${o.slug}/${section}`}
              aria-current={o.slug === current.slug ? "true" : undefined}
              className="block px-3 py-2 text-sm hover:bg-slate-100"
            >
              <span className="font-medium">{o.name}</span>
              <span className="block text-xs text-slate-600">{o.roleLabel}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
