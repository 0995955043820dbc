import "server-only";
import { randomUUID } from "node:crypto";
import { addDays, obligationLabel, type IsoDate, type ObligationMessageKey } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import { CONVENTION_KIND_LABEL } from "@/lib/labels";
import { day } from "./conventions";
import { prisma, type Db } from "./db";
import { renderDigest } from "./digest-mail";
import { sendMail, type Mail } from "./mail";
import { refreshStaleVacancies, vacancyScope } from "./vacancies";

// Issue 13 §2: the daily digest. For each person who turned it on, and each of their organisations they chose
// (still a member: read at each run), the obligations that organisation must do (itself, or all the parties)
// which became overdue since the person's last digest, and those falling due in the next 7 days. A digest is
// claimed (person × Paris day, unique) before it is built and sent: at most one per person and day.

/** « Falls due in the next 7 days »: today and the 6 following days. */
export const DIGEST_SOON_DAYS = 7;
/** The « newly overdue » window never reaches further back than this (after a long pause, see decisions). */
export const DIGEST_MAX_WINDOW_DAYS = 31;

export type DigestItem = { id: string; label: string; about: string; period: string | null; dueOn: IsoDate; href: string };
export type DigestGroup = { organisation: { id: string; slug: string; name: string }; overdue: DigestItem[]; soon: DigestItem[] };
export type Digest = {
  person: { id: string; email: string; firstName: string; lastName: string };
  day: IsoDate;
  /** Items due from this day (included) to `day` (excluded) became overdue since the last digest. */
  fromDay: IsoDate;
  groups: DigestGroup[];
};

/** The absolute base of the links in mails: APP_URL, else the local server. */
export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

type Org = { id: string; slug: string; name: string };
type Row = { id: string; orgId: string; ownerType: string; ownerId: string; conventionId: string; messageKey: string; periodKey: string | null; dueOn: Date };

/** The digest's items for these organisations: four queries whatever the number of organisations and items. */
export async function digestGroups(db: Db, orgs: Org[], fromDay: IsoDate, today: IsoDate): Promise<DigestGroup[]> {
  if (orgs.length === 0) return [];
  const until = addDays(today, DIGEST_SOON_DAYS, "GEN-6");
  // Same reading as the dashboard (lib/server/dashboard.ts): open, not optional, dated, the organisation's to do;
  // a closed case's misses are history (only its final bilan may remain).
  const rows = await db.$queryRaw<Row[]>`
    SELECT o.id, org.id AS "orgId", o."ownerType"::text AS "ownerType", o."ownerId", o."conventionId", o."messageKey", o."periodKey", o."dueOn"
      FROM "Obligation" o
      JOIN unnest(${orgs.map((o) => o.id)}::text[]) AS org(id)
        ON org.id = ANY(o."visibleToOrgIds") AND (o."responsibleOrganisationId" = org.id OR o."responsibleOrganisationId" IS NULL)
     WHERE o."doneOn" IS NULL AND NOT o.optional
       AND o."dueOn" >= ${day(fromDay)}::date AND o."dueOn" < ${day(until)}::date
       AND (o."ownerType" <> 'CASE' OR o.key = 'REL-8:final-bilan'
            OR NOT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = o."ownerId" AND c."closedOn" IS NOT NULL))
     ORDER BY o."dueOn", o.id`;
  const caseIds = [...new Set(rows.filter((r) => r.ownerType === "CASE").map((r) => r.ownerId))];
  const conventionIds = [...new Set(rows.map((r) => r.conventionId))];
  const [cases, conventions] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, kind: true, household: { select: { referenceFirstName: true, referenceLastName: true } } } }),
    db.convention.findMany({ where: { id: { in: conventionIds } }, select: { id: true, title: true } }),
  ]);
  const caseOf = new Map(cases.map((c) => [c.id, c]));
  const titleOf = new Map(conventions.map((c) => [c.id, c.title]));
  const base = appUrl();
  const groups = orgs.map((organisation) => ({ organisation, overdue: [] as DigestItem[], soon: [] as DigestItem[] }));
  for (const r of rows) {
    const g = groups.find((x) => x.organisation.id === r.orgId)!;
    const path = r.ownerType === "CASE" ? `dossiers/${r.ownerId}` : r.ownerType === "VACANCY" ? `vacances/${r.ownerId}`
      : r.ownerType === "NEW_PROGRAMME" ? `vacances/programmes/${r.ownerId}` : `conventions/${r.conventionId}`;
    const c = caseOf.get(r.ownerId);
    // A mail leaves the platform: a household is named by its initials only (the link leads to the case).
    const about = c && r.ownerType === "CASE"
      ? `Dossier ${CONVENTION_KIND_LABEL[c.kind]} — ménage ${initials(c.household.referenceFirstName, c.household.referenceLastName)}`
      : `${r.ownerType === "VACANCY" ? "Vacance — " : r.ownerType === "NEW_PROGRAMME" ? "Programme neuf — " : ""}${titleOf.get(r.conventionId) ?? ""}`;
    const item: DigestItem = {
      id: r.id, label: obligationLabel(r.messageKey as ObligationMessageKey), about, period: r.periodKey, dueOn: isoOf(r.dueOn),
      href: `${base}/o/${encodeURIComponent(g.organisation.slug)}/${path}`,
    };
    (item.dueOn < today ? g.overdue : g.soon).push(item);
  }
  return groups.filter((g) => g.overdue.length + g.soon.length > 0);
}

function initials(first: string, last: string): string {
  return [first, last].map((w) => w.trim().charAt(0).toLocaleUpperCase("fr")).filter(Boolean).map((x) => `${x}.`).join(" ") || "anonymisé";
}

/**
 * Claims the person's digest of `today`; null when it was already claimed (by this run, an earlier one, or
 * another worker at the same time: the unique (person, day) decides). The window of « newly overdue » items
 * starts at the last digest completed (so a missed day loses nothing), the day before on the first one.
 */
export async function claimDigest(db: Db, personId: string, today: IsoDate): Promise<{ id: string; fromDay: IsoDate } | null> {
  const last = await db.digestClaim.findFirst({ where: { personId, sentAt: { not: null }, day: { lt: day(today) } }, orderBy: { day: "desc" }, select: { day: true } });
  const floor = addDays(today, -DIGEST_MAX_WINDOW_DAYS, "GEN-6");
  const lastDay = last ? isoOf(last.day) : addDays(today, -1, "GEN-6");
  const fromDay = lastDay > floor ? lastDay : floor;
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "DigestClaim" (id, "personId", day, "fromDay") VALUES (${randomUUID()}, ${personId}, ${day(today)}::date, ${day(fromDay)}::date)
    ON CONFLICT ("personId", day) DO NOTHING RETURNING id`;
  return rows[0] ? { id: rows[0].id, fromDay } : null;
}

export type DigestRun = { today: IsoDate; sent: number; empty: number; alreadyClaimed: number; failed: number };
export type MailSender = (mail: Mail) => Promise<unknown>;

/**
 * The daily job: one digest per subscriber for `today` (a Paris date from the app clock). A mail that the
 * transport refuses releases its claim, so that the job's retry sends it; the run then fails (pg-boss retries).
 */
export async function runDailyDigest(today: IsoDate, opts: { db?: Db; send?: MailSender } = {}): Promise<DigestRun> {
  const db = opts.db ?? prisma;
  const send = opts.send ?? sendMail;
  const subscribers = await db.digestPreference.findMany({
    where: { enabled: true },
    select: {
      organisationIds: true,
      person: { select: { id: true, email: true, firstName: true, lastName: true, memberships: { select: { organisation: { select: { id: true, slug: true, name: true, kind: true } } } } } },
    },
    orderBy: { personId: "asc" },
  });
  // RES-13: lapsed vacancies are refreshed first (their designation item goes), once per organisation.
  const refreshed = new Set<string>();
  for (const s of subscribers) {
    for (const m of s.person.memberships) {
      if (!s.organisationIds.includes(m.organisation.id) || refreshed.has(m.organisation.id)) continue;
      refreshed.add(m.organisation.id);
      await refreshStaleVacancies({ personId: s.person.id, org: m.organisation }, vacancyScope({ org: m.organisation }), today, db);
    }
  }
  const run: DigestRun = { today, sent: 0, empty: 0, alreadyClaimed: 0, failed: 0 };
  const errors: unknown[] = [];
  for (const s of subscribers) {
    // Only organisations the person still belongs to (a removed member stops receiving at once).
    const orgs = s.person.memberships.map((m) => m.organisation).filter((o) => s.organisationIds.includes(o.id))
      .map(({ id, slug, name }) => ({ id, slug, name })).sort((a, b) => a.name.localeCompare(b.name, "fr"));
    if (orgs.length === 0) continue;
    const claim = await claimDigest(db, s.person.id, today);
    if (!claim) { run.alreadyClaimed++; continue; }
    let mailed = false;
    try {
      const groups = await digestGroups(db, orgs, claim.fromDay, today);
      const itemCount = groups.reduce((n, g) => n + g.overdue.length + g.soon.length, 0);
      // Nothing new overdue and nothing due this week: no mail (the day still counts as done for the window).
      if (itemCount > 0) {
        await send(renderDigest({ person: s.person, day: today, fromDay: claim.fromDay, groups }, appUrl()));
        mailed = true;
      }
      await db.digestClaim.update({ where: { id: claim.id }, data: { sentAt: new Date(), itemCount } });
      if (itemCount > 0) run.sent++; else run.empty++;
    } catch (e) {
      run.failed++;
      errors.push(e);
      // Not sent: the claim goes, a retry may send it. Sent but not recorded: the claim stays (never twice).
      if (!mailed) await db.digestClaim.delete({ where: { id: claim.id } }).catch(() => {});
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `Récapitulatif du ${today} : ${errors.length} envoi(s) en échec.`);
  return run;
}
