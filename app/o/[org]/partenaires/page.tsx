import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, listPartners } from "@/lib/server/access";
import { CONVENTION_KIND_LABEL, ORG_KIND_LABEL, ROLE_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Partenaires" };

export default async function PartnersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const partners = await listPartners(caller);
  return (
    <>
      <PageHeader
        title="Partenaires"
        subtitle={`Les organisations avec lesquelles ${caller.org.name} partage au moins une convention.`}
        actions={<Link href={`/o/${caller.org.slug}/partenaires/annuaire`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100">Annuaire des organisations</Link>}
      />
      {partners.length === 0 ? (
        <EmptyState title="Aucun partenaire pour le moment">Les organisations apparaissent ici dès qu&apos;une convention vous lie.</EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {partners.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="font-semibold">{p.name}</h2>
              <p className="text-sm text-slate-700">{ORG_KIND_LABEL[p.kind]} · {[p.addressLine, [p.postcode, p.commune].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "adresse non renseignée"}{p.siret ? ` · SIRET ${p.siret}` : ""}</p>
              <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-700">Conventions communes</h3>
              <ul className="mt-1 text-sm">
                {p.parties.map((x) => (
                  <li key={x.convention.id}>
                    <Link className="text-brand-700 hover:underline" href={`/o/${caller.org.slug}/conventions/${x.convention.id}`}>{x.convention.title}</Link>
                    <span className="text-slate-600"> — {CONVENTION_KIND_LABEL[x.convention.kind]}, {x.roleLabel}</span>
                  </li>
                ))}
              </ul>
              <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide text-slate-700">Contacts</h3>
              {p.memberships.length ? (
                <ul className="mt-1 text-sm">
                  {p.memberships.map((m) => (
                    <li key={m.person.email}>{m.person.firstName} {m.person.lastName} <span className="text-slate-600">({ROLE_LABEL[m.role].toLowerCase()})</span> — <a className="text-brand-700 hover:underline" href={`mailto:${m.person.email}`}>{m.person.email}</a></li>
                  ))}
                </ul>
              ) : <p className="mt-1 text-sm text-slate-700">Aucun contact inscrit.</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
