import type { Metadata } from "next";
import Link from "next/link";
import { getCaller, listMembers, listPendingInvitations, requireRole } from "@/lib/server/access";
import { formatDate } from "@/lib/format";
import { ROLE_HELP, ROLE_LABEL } from "@/lib/labels";
import { PageHeader } from "@/components/ui/page-header";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { RevokeInvitationButton } from "./revoke-button";

export const metadata: Metadata = { title: "Membres" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  requireRole(caller, ["ADMIN"]);
  const [members, invitations] = await Promise.all([listMembers(caller), listPendingInvitations(caller, new Date())]);
  return (
    <>
      <PageHeader title="Membres" subtitle={`Les personnes qui travaillent pour ${caller.org.name} dans l'application.`}
        actions={<><Link href={`/o/${caller.org.slug}/membres/journal`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">Journal d&apos;audit</Link><Link href={`/o/${caller.org.slug}/membres/donnees`} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-800 hover:bg-slate-50">Protection des données</Link></>} />
      <div className="grid gap-6 xl:grid-cols-3">
        <section aria-labelledby="liste" className="xl:col-span-2">
          <h2 id="liste" className="sr-only">Liste des membres</h2>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Membres de {caller.org.name}</caption>
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-700">
                <tr><th scope="col" className="px-3 py-2">Nom</th><th scope="col" className="px-3 py-2">E-mail</th><th scope="col" className="px-3 py-2">Rôle</th><th scope="col" className="px-3 py-2">Depuis le</th><th scope="col" className="px-3 py-2">Actions</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {members.map((m) => (
                  <MemberRow key={m.id} org={caller.org.slug} isSelf={m.person.id === caller.personId} m={{ ...m, createdAt: m.createdAt.toISOString() }} />
                ))}
              </tbody>
            </table>
          </div>
          <ul className="mt-3 space-y-1 text-xs text-slate-700">
            {(["ADMIN", "AGENT", "READER"] as const).map((r) => <li key={r}><strong>{ROLE_LABEL[r]}</strong> : {ROLE_HELP[r]}.</li>)}
          </ul>
          {invitations.length ? (
            <>
              <h2 className="mt-6 text-base font-semibold">Invitations en attente</h2>
              <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
                {invitations.map((i) => (
                  <li key={i.id} className="flex items-center justify-between px-3 py-2">
                    <span>{i.firstName} {i.lastName} — {i.email} · {i.role ? ROLE_LABEL[i.role] : ""} · jusqu&apos;au {formatDate(i.expiresAt)}</span>
                    <RevokeInvitationButton org={caller.org.slug} id={i.id} email={i.email ?? ""} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section aria-labelledby="inviter" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="inviter" className="mb-3 text-base font-semibold">Inviter une personne</h2>
          <InviteForm org={caller.org.slug} />
        </section>
      </div>
    </>
  );
}
