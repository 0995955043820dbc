import type { Metadata } from "next";
import { digestPreferenceOf, getCaller, notificationPreferences } from "@/lib/server/access";
import { ORG_KIND_LABEL, ROLE_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { PasswordForm } from "./password-form";
import { DigestForm } from "./digest-form";
import { PreferencesForm } from "../notifications/preferences-form";

export const metadata: Metadata = { title: "Mon compte" };

export default async function AccountPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const [digest, prefs] = await Promise.all([digestPreferenceOf(caller), notificationPreferences(caller)]);
  return (
    <>
      <PageHeader title="Mon compte" subtitle={`${caller.firstName} ${caller.lastName} · ${caller.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="mdp" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="mdp" className="mb-3 text-base font-semibold">Changer de mot de passe</h2>
          <PasswordForm org={caller.org.slug} />
        </section>
        <section aria-labelledby="orgs" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="orgs" className="mb-3 text-base font-semibold">Mes organisations</h2>
          <ul className="space-y-1 text-sm">
            {caller.memberships.map((m) => <li key={m.slug}><span className="font-medium">{m.name}</span> — {ORG_KIND_LABEL[m.kind]}, {ROLE_LABEL[m.role]}</li>)}
          </ul>
        </section>
        <section id="notifications" aria-labelledby="notif" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="notif" className="mb-1 text-base font-semibold">Mes notifications</h2>
          <p className="mb-3 text-sm text-slate-700">Cochez ce que vous voulez voir sous la cloche : chaque personne choisit pour elle-même.</p>
          <PreferencesForm org={caller.org.slug} organisations={caller.memberships.map((m) => ({ id: m.organisationId, name: m.name }))} mutedOrgIds={prefs.mutedOrgIds} mutedKinds={prefs.mutedKinds} />
        </section>
        <section id="recapitulatif" aria-labelledby="recap" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="recap" className="mb-3 text-base font-semibold">Récapitulatif quotidien par e-mail</h2>
          <DigestForm org={caller.org.slug} organisations={caller.memberships.map((m) => ({ id: m.organisationId, name: m.name }))} initial={digest} />
        </section>
      </div>
    </>
  );
}
