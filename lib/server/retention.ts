import "server-only";
import { createHash } from "node:crypto";
import { addDays, addMonths, type IsoDate } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeAudit } from "./audit";
import { caseClosedOn } from "./cases";
import { day } from "./conventions";
import type { Db } from "./db";
import { blobStore } from "./storage";

// Issue 8 §2 — retention (CNIL practice: active data kept 2 years after the last contact, then deleted or
// anonymised). A household whose cases are all closed and whose last contact is older than its organisation's
// retention keeps only a pseudonymous skeleton: the household row (pseudonym), its cases and their dated events
// reduced to the domain's facts (kind, convention, dates, intensity, outcome), so that the yearly figures of past
// periods (REL-9, AVD-13, ASL-11) stay the same. Identity, NUR, members, resources, texts and documents go.
// The audit events written about it name the household's id and the kinds of data removed, never a value.

/** Access logs (reads of social detail) are kept 12 months, without the data itself (CNIL: 6 months to 1 year). */
export const READ_LOG_MONTHS = 12;

/** Extra fields of stored case events that may hold names or free text (the domain's own fields stay). */
const EVENT_FREE_FIELDS: Record<string, string[]> = {
  REQUEST: ["instructorName", "eligibility"],
  MEETING: ["participants"],
  HANDOVER: ["socialWorker"],
  BAILLEUR_NOTICE: ["reason"],
  // REL-7: the points discussed at a visit, health follow-up (yes/no) included.
  VISIT: ["checklist"],
};

export type PurgeCandidate = {
  householdId: string;
  organisationId: string;
  organisationSlug: string;
  retentionMonths: number;
  lastContactOn: IsoDate;
  /** The first day it may be purged: the last contact + the retention. */
  purgeableFrom: IsoDate;
  cases: number;
  texts: number;
  documents: number;
};

type Row = { id: string; organisationId: string; slug: string; retentionMonths: number; lastContact: Date; openCases: bigint; openIds: string[] | null; cases: bigint };

/** The households past retention at `today`: every case closed, last contact + retention before today. */
export async function purgeCandidates(db: Db, today: IsoDate): Promise<PurgeCandidate[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT h.id, h."organisationId", o.slug, o."retentionMonths",
           COALESCE(GREATEST(MAX(e."on"), MAX(c."closedOn")), h."updatedAt"::date) AS "lastContact",
           COUNT(DISTINCT c.id) FILTER (WHERE c."closedOn" IS NULL) AS "openCases",
           ARRAY_AGG(DISTINCT c.id) FILTER (WHERE c."closedOn" IS NULL) AS "openIds",
           COUNT(DISTINCT c.id) AS cases
      FROM "Household" h
      JOIN "Organisation" o ON o.id = h."organisationId"
      LEFT JOIN "Case" c ON c."householdId" = h.id
      LEFT JOIN "CaseEvent" e ON e."caseId" = c.id
     WHERE h."purgedOn" IS NULL
     GROUP BY h.id, o.slug, o."retentionMonths"
    HAVING COALESCE(GREATEST(MAX(e."on"), MAX(c."closedOn")), h."updatedAt"::date) + make_interval(months => o."retentionMonths") < ${day(today)}::date
     ORDER BY h.id`;
  const out: PurgeCandidate[] = [];
  for (const r of rows) {
    if (r.openCases > 0n) {
      // Case.closedOn is refreshed lazily (on read or write): a case may have ended since. Recompute first.
      const stillOpen = await reallyOpen(db, r.openIds ?? [], today);
      if (stillOpen) continue;
    }
    const lastContactOn = isoOf(r.lastContact);
    out.push({
      householdId: r.id, organisationId: r.organisationId, organisationSlug: r.slug, retentionMonths: r.retentionMonths, lastContactOn,
      // The SQL above keeps a household while last contact + retention >= today: the first day it goes is the next one.
      purgeableFrom: addDays(addMonths(lastContactOn, r.retentionMonths, "GEN-6"), 1, "GEN-6"), cases: Number(r.cases), texts: 0, documents: 0,
    });
  }
  if (out.length === 0) return out;
  const ids = out.map((c) => c.householdId);
  const [texts, docs] = await Promise.all([
    db.caseText.groupBy({ by: ["caseId"], where: { case: { householdId: { in: ids } } }, _count: { _all: true } }),
    db.document.groupBy({ by: ["caseId"], where: { case: { householdId: { in: ids } } }, _count: { _all: true } }),
  ]);
  const caseOwner = new Map((await db.case.findMany({ where: { householdId: { in: ids } }, select: { id: true, householdId: true } })).map((c) => [c.id, c.householdId]));
  const byId = new Map(out.map((c) => [c.householdId, c]));
  for (const t of texts) byId.get(caseOwner.get(t.caseId)!)!.texts += t._count._all;
  for (const d of docs) if (d.caseId) byId.get(caseOwner.get(d.caseId)!)!.documents += d._count._all;
  return out;
}

async function reallyOpen(db: Db, caseIds: string[], today: IsoDate): Promise<boolean> {
  for (const id of caseIds) if ((await caseClosedOn(db, id, today)) === null) return true;
  return false;
}

/** A stable pseudonym: the same household always gets the same one, and it reveals nothing. */
export function pseudonym(householdId: string): string {
  return `Ménage anonymisé ${createHash("sha256").update(householdId).digest("hex").slice(0, 8).toUpperCase()}`;
}

/** Replaces one household's personal data by its skeleton, in one transaction. */
async function purgeOne(db: Db, c: PurgeCandidate, today: IsoDate): Promise<boolean> {
  const storageKeys: string[] = [];
  const done = await db.$transaction(async (tx) => {
    // The household and its cases are locked, then checked again: a step recorded since the listing keeps it.
    await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${c.householdId} FOR UPDATE`;
    await tx.$queryRaw`SELECT id FROM "Case" WHERE "householdId" = ${c.householdId} FOR UPDATE`;
    const latest = await tx.caseEvent.findFirst({ where: { case: { householdId: c.householdId } }, orderBy: { on: "desc" }, select: { on: true } });
    if (latest && isoOf(latest.on) > c.lastContactOn) return false;
    const cases = await tx.case.findMany({ where: { householdId: c.householdId }, select: { id: true } });
    for (const x of cases) if ((await caseClosedOn(tx, x.id, today)) === null) return false;
    const caseIds = cases.map((x) => x.id);
    const docs = await tx.document.findMany({ where: { caseId: { in: caseIds } }, select: { id: true, storageKey: true } });
    storageKeys.push(...docs.map((d) => d.storageKey));
    await tx.document.deleteMany({ where: { id: { in: docs.map((d) => d.id) } } });
    await tx.caseText.deleteMany({ where: { caseId: { in: caseIds } } });
    const events = await tx.caseEvent.findMany({ where: { caseId: { in: caseIds }, type: { in: Object.keys(EVENT_FREE_FIELDS) } }, select: { id: true, type: true, payload: true } });
    for (const e of events) {
      const payload = { ...(e.payload as Record<string, unknown>) };
      for (const k of EVENT_FREE_FIELDS[e.type]) delete payload[k];
      // ASL-3: the supports in progress at the request (a legal protection measure…) are social detail too.
      if (e.type === "REQUEST") payload.measuresInProgress = [];
      await tx.caseEvent.update({ where: { id: e.id }, data: { payload: payload as Prisma.InputJsonValue } });
    }
    await tx.householdMember.deleteMany({ where: { householdId: c.householdId } });
    await tx.householdResource.deleteMany({ where: { householdId: c.householdId } });
    await tx.household.update({
      where: { id: c.householdId },
      data: {
        referenceFirstName: "", referenceLastName: pseudonym(c.householdId), referenceBirthDate: null, searchKey: "", nur: null,
        daloRecognisedOn: null, daloDecision: null, housingSituation: null, commune: null, consentOn: null, consentBy: null,
        purgedOn: day(today), version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorId: null, organisationId: c.organisationId, action: "household.purge", entityType: "Household", entityId: c.householdId,
      fields: ["identity", "nur", "members", "resources", "housing", "texts", "documents", "eventDetails"],
    });
    return true;
  });
  if (!done) return false;
  // The blobs go after the commit (a failed transaction keeps them); a blob left behind is unreachable.
  for (const key of storageKeys) await blobStore(db).delete(key);
  return true;
}

export type PurgeReport = { today: IsoDate; dryRun: boolean; households: PurgeCandidate[]; readLogDeleted: number };

/**
 * `npm run purge` and the daily job (lib/server/jobs.ts): purges the households past retention and the reads of social
 * detail older than READ_LOG_MONTHS. With `dryRun`, lists what would go and changes nothing.
 * Runs as the database owner or as the application role (audit events go only through `purge_read_log`).
 */
export async function purge(db: Db, today: IsoDate, opts: { dryRun?: boolean } = {}): Promise<PurgeReport> {
  const households = await purgeCandidates(db, today);
  const readLogBefore = day(addMonths(today, -READ_LOG_MONTHS, "GEN-6"));
  if (opts.dryRun) {
    const readLogDeleted = await db.auditEvent.count({ where: { action: "case.socialDetail.read", at: { lt: readLogBefore } } });
    return { today, dryRun: true, households, readLogDeleted };
  }
  const purged: PurgeCandidate[] = [];
  for (const c of households) if (await purgeOne(db, c, today)) purged.push(c);
  // Through the migration's SECURITY DEFINER function: the app role (the daily job, issue 13) may delete these
  // reads and no other audit event; the owner (npm run purge) goes the same way.
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT purge_read_log(${readLogBefore}::timestamp) AS n`;
  const count = Number(n);
  if (count > 0) await writeAudit(db, { actorId: null, organisationId: null, action: "readLog.purge", entityType: "AuditEvent", fields: [] });
  return { today, dryRun: false, households: purged, readLogDeleted: count };
}
