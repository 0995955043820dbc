import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getCaller, listNotifications } from "@/lib/server/access";
import { formatDateTime } from "@/lib/format";
import { NOTIFICATION_KIND_LABELS } from "@/lib/validation/notifications";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Badge } from "@/components/ui/badge";
import { MarkAllReadButton, MarkReadButton } from "./read-buttons";

export const metadata: Metadata = { title: "Notifications" };

// Issue 12: the notifications of the person's organisations (those not muted in « Mon compte »), newest first; the
// read state is the person's own. Each links to the page of the organisation concerned.

const ZQuery = z.object({
  filtre: z.enum(["non-lues"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export default async function NotificationsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string>> }) {
  const { org } = await params;
  const caller = await getCaller(org);
  const query = ZQuery.parse(await searchParams);
  const unread = query.filtre === "non-lues";
  const list = await listNotifications(caller, { page: query.page, unread });
  const several = caller.memberships.length > 1;
  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle={<>Ce qui arrive à vos organisations : vacances, désignations, décisions de CALEOL, bilans et plans reçus, conventions à confirmer. <Link href={`/o/${caller.org.slug}/compte#notifications`} className="text-brand-700 underline">Choisir mes notifications</Link></>}
        actions={<MarkAllReadButton org={caller.org.slug} />}
      />
      <nav aria-label="Filtrer les notifications" className="mb-4 flex gap-2">
        {([[false, "Toutes", "?"], [true, "Non lues", "?filtre=non-lues"]] as const).map(([u, label, href]) => (
          <Link key={label} href={href} aria-current={unread === u ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm ${unread === u ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>{label}</Link>
        ))}
      </nav>
      {list.rows.length === 0 ? <EmptyState title={unread ? "Aucune notification non lue" : "Aucune notification"}>Les événements qui concernent vos organisations apparaîtront ici.</EmptyState> : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="notifications">
          {list.rows.map((n) => (
            <li key={n.id} className={`flex items-start justify-between gap-3 px-4 py-3 text-sm ${n.read ? "" : "bg-brand-50"}`} data-testid="notification" data-read={n.read ? "oui" : "non"}>
              <div className="min-w-0">
                <p>
                  {n.read ? null : <><span aria-hidden="true" className="mr-2 inline-block h-2 w-2 rounded-full bg-brand-700" /><span className="sr-only">Non lue : </span></>}
                  <Link href={`/o/${n.orgSlug}${n.href}`} className="font-medium text-brand-700 hover:underline">{n.title}</Link>
                </p>
                {n.body ? <p className="text-slate-700">{n.body}</p> : null}
                <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <span>{formatDateTime(n.createdAt)}</span>
                  <Badge tone="grey">{NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}</Badge>
                  {several ? <Badge tone="blue">{n.orgName}</Badge> : null}
                </p>
              </div>
              {n.read ? <span className="shrink-0 text-xs text-slate-600">Lue</span> : <MarkReadButton org={caller.org.slug} notificationId={n.id} title={n.title} />}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={{ filtre: query.filtre }} />
    </>
  );
}
