import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { NOTIFICATION_KINDS, NOTIFICATION_PAGE_SIZE, type NotificationKind } from "@/lib/validation/notifications";
import type { Caller } from "./access";
import { prisma, type Db, type Tx } from "./db";

// In-app notifications (issue 12). Written by the actions that produce them, in their transaction (notify); read by
// the persons of the organisation concerned only: the organisations come from the caller's memberships, re-read from
// the database on every request, less those the person muted (preferences). Read state is per person: a row per
// notification read, and a « read all before » moment for « tout marquer comme lu ».

export type NotifyInput = {
  /** The organisations whose persons receive it; the acting organisation is left out (it did the thing). */
  organisationIds: readonly (string | null | undefined)[];
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** A path under /o/<organisation slug>, e.g. "/vacances/<id>". */
  href: string;
  data?: Record<string, unknown>;
};

/** Writes one notification per receiving organisation, in the caller's transaction. */
export async function notify(tx: Tx, actorOrgId: string | null, n: NotifyInput): Promise<number> {
  const orgs = [...new Set(n.organisationIds.filter((o): o is string => !!o && o !== actorOrgId))];
  if (orgs.length === 0) return 0;
  await tx.notification.createMany({
    data: orgs.map((organisationId) => ({
      organisationId, kind: n.kind, title: n.title.slice(0, 300), body: n.body?.slice(0, 1000) ?? null, href: n.href, data: (n.data ?? {}) as Prisma.InputJsonValue,
    })),
  });
  return orgs.length;
}

/** The short label of a vacancy from its RES-17 declaration: « T3 — 12 rue Victor-Hugo, Choisy-le-Roi ». */
export function vacancyLabel(declaration: unknown): string {
  const d = (declaration ?? {}) as { typology?: string; address?: { number?: string; street?: string; commune?: string } };
  const address = [d.address?.number, d.address?.street].filter(Boolean).join(" ");
  return [d.typology, [address, d.address?.commune].filter(Boolean).join(", ")].filter(Boolean).join(" — ") || "logement";
}

export type NotificationPrefs = { mutedOrgIds: string[]; mutedKinds: string[]; readAllBefore: Date | null };

export async function notificationPreferences(caller: Pick<Caller, "personId">, db: Db = prisma): Promise<NotificationPrefs> {
  const p = await db.notificationPreference.findUnique({ where: { personId: caller.personId }, select: { mutedOrgIds: true, mutedKinds: true, readAllBefore: true } });
  return p ?? { mutedOrgIds: [], mutedKinds: [], readAllBefore: null };
}

/** The organisations whose notifications the person may see: their memberships (never another organisation). */
const memberOrgIds = (caller: Pick<Caller, "memberships">) => caller.memberships.map((m) => m.organisationId);

/**
 * The visibility and preference filter, as SQL over "Notification" n joined to the person's preferences p (LEFT JOIN,
 * possibly null): an organisation of the person's, not muted, a kind not muted.
 */
function visible(caller: Pick<Caller, "personId" | "memberships">) {
  return Prisma.sql`n."organisationId" = ANY(${memberOrgIds(caller)}::text[])
    AND NOT (n."organisationId" = ANY(coalesce(p."mutedOrgIds", '{}')))
    AND NOT (n.kind = ANY(coalesce(p."mutedKinds", '{}')))`;
}
const prefsJoin = (personId: string) => Prisma.sql`LEFT JOIN "NotificationPreference" p ON p."personId" = ${personId}`;
const isRead = (personId: string) => Prisma.sql`((p."readAllBefore" IS NOT NULL AND n."createdAt" <= p."readAllBefore")
  OR EXISTS (SELECT 1 FROM "NotificationRead" r WHERE r."notificationId" = n.id AND r."personId" = ${personId}))`;

/** The unread count of the bell, counted up to 100 (shown « 99+ » beyond): one query whatever the data. */
export async function unreadNotificationCount(caller: Pick<Caller, "personId" | "memberships">, db: Db = prisma): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM "Notification" n ${prefsJoin(caller.personId)}
      WHERE ${visible(caller)} AND NOT ${isRead(caller.personId)}
      ORDER BY n."createdAt" DESC
      LIMIT 100) x`;
  return rows[0]?.n ?? 0;
}

export type NotificationRow = {
  id: string; kind: NotificationKind; title: string; body: string | null; href: string; createdAt: Date;
  organisationId: string; orgSlug: string; orgName: string; read: boolean;
};

/** A page of the person's notifications, newest first (two queries: the page and the count). */
export async function listNotifications(caller: Pick<Caller, "personId" | "memberships">, opts: { page?: number; unread?: boolean } = {}, db: Db = prisma) {
  const page = Math.max(1, Math.floor(opts.page ?? 1));
  const unread = opts.unread ? Prisma.sql`AND NOT ${isRead(caller.personId)}` : Prisma.empty;
  const [rows, count] = await Promise.all([
    db.$queryRaw<NotificationRow[]>`
      SELECT n.id, n.kind, n.title, n.body, n.href, n."createdAt", n."organisationId", o.slug AS "orgSlug", o.name AS "orgName", ${isRead(caller.personId)} AS read
      FROM "Notification" n JOIN "Organisation" o ON o.id = n."organisationId" ${prefsJoin(caller.personId)}
      WHERE ${visible(caller)} ${unread}
      ORDER BY n."createdAt" DESC, n.id DESC
      LIMIT ${NOTIFICATION_PAGE_SIZE} OFFSET ${(page - 1) * NOTIFICATION_PAGE_SIZE}`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Notification" n ${prefsJoin(caller.personId)} WHERE ${visible(caller)} ${unread}`,
  ]);
  return { rows, total: count[0]?.n ?? 0, page, pageSize: NOTIFICATION_PAGE_SIZE };
}

/** A notification the person may see (one of their organisations'), or null: the actions answer not-found. */
export async function visibleNotification(caller: Pick<Caller, "memberships">, id: string, db: Db = prisma) {
  return db.notification.findFirst({ where: { id, organisationId: { in: memberOrgIds(caller) } }, select: { id: true, organisationId: true } });
}

export { NOTIFICATION_KINDS };
