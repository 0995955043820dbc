import Link from "next/link";
import { getCaller, unreadNotificationCount } from "@/lib/server/access";
import { ORG_KIND_LABEL, ROLE_LABEL } from "@/lib/labels";
import { MainNav } from "@/components/layout/main-nav";
import { OrgSwitcher } from "@/components/layout/org-switcher";
import { NotificationBell } from "@/components/layout/notification-bell";
import { signOutAction } from "@/app/connexion/actions";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const unread = await unreadNotificationCount(caller);
  const orgs = caller.memberships.map((m) => ({ slug: m.slug, name: m.name, roleLabel: `${ORG_KIND_LABEL[m.kind]} · ${ROLE_LABEL[m.role]}` }));
  const current = orgs.find((o) => o.slug === caller.org.slug)!;
  return (
    <div className="min-h-screen">
      <header className="bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <Link href={`/o/${caller.org.slug}/tableau-de-bord`} className="text-sm font-semibold uppercase tracking-wide text-brand-700">
              Conventions logement
            </Link>
            <span aria-hidden="true" className="text-slate-400">/</span>
            <OrgSwitcher current={current} orgs={orgs} />
            <span className="hidden text-xs text-slate-600 sm:inline">{ORG_KIND_LABEL[caller.org.kind]}</span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <NotificationBell href={`/o/${caller.org.slug}/notifications`} unread={unread} />
            <Link href={`/o/${caller.org.slug}/compte`} className="text-slate-800 hover:underline" data-testid="person-name">
              {caller.firstName} {caller.lastName}
            </Link>
            <span className="text-xs text-slate-600">{ROLE_LABEL[caller.role]}</span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100">Se déconnecter</button>
            </form>
          </div>
        </div>
        <MainNav orgSlug={caller.org.slug} isAdmin={caller.role === "ADMIN"} />
      </header>
      <main id="contenu" className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </div>
  );
}
