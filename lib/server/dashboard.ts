import "server-only";
import type { IsoDate } from "@/lib/domain";
import type { Caller } from "./access";
import { prisma, type Db } from "./db";
import { refreshStaleVacancies, vacancyScope } from "./vacancies";

/**
 * The caller's organisation's next obligations (conventions and cases), most urgent first: those it must
 * do itself or that fall on all the parties. Four queries whatever the data (the ids in SQL order, the
 * rows, then their conventions and cases in one batch each).
 */
export async function nextObligations(caller: Caller, today: IsoDate, limit = 12, db: Db = prisma) {
  // RES-13: a vacancy past its designation due date lapses at the clock's date; its item goes (once a day).
  await refreshStaleVacancies(caller, vacancyScope(caller), today, db);
  // A closed case's past misses are history, not work to do: only its final bilan may remain.
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Obligation" o
    WHERE ${caller.org.id} = ANY(o."visibleToOrgIds") AND o."doneOn" IS NULL AND NOT o.optional AND o."dueOn" IS NOT NULL
      AND (o."responsibleOrganisationId" = ${caller.org.id} OR o."responsibleOrganisationId" IS NULL)
      AND (o."ownerType" <> 'CASE' OR o.key = 'REL-8:final-bilan'
           OR NOT EXISTS (SELECT 1 FROM "Case" c WHERE c.id = o."ownerId" AND c."closedOn" IS NOT NULL))
    ORDER BY o."dueOn", o.id
    LIMIT ${limit}`;
  const found = await db.obligation.findMany({ where: { id: { in: ids.map((r) => r.id) } } });
  const rows = ids.map((r) => found.find((o) => o.id === r.id)!);
  const caseIds = rows.filter((r) => r.ownerType === "CASE").map((r) => r.ownerId);
  const conventionIds = [...new Set(rows.map((r) => r.conventionId))];
  const [cases, conventions] = await Promise.all([
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, household: { select: { referenceFirstName: true, referenceLastName: true } } } }),
    db.convention.findMany({ where: { id: { in: conventionIds } }, select: { id: true, title: true } }),
  ]);
  return rows.map((r) => {
      const c = cases.find((x) => x.id === r.ownerId);
      return {
        ...r,
        href: r.ownerType === "CASE" ? `/o/${caller.org.slug}/dossiers/${r.ownerId}` : r.ownerType === "VACANCY" ? `/o/${caller.org.slug}/vacances/${r.ownerId}` : r.ownerType === "NEW_PROGRAMME" ? `/o/${caller.org.slug}/vacances/programmes/${r.ownerId}` : `/o/${caller.org.slug}/conventions/${r.conventionId}`,
        about: c ? `Dossier ${c.household.referenceFirstName} ${c.household.referenceLastName}` : `${r.ownerType === "VACANCY" ? "Vacance — " : r.ownerType === "NEW_PROGRAMME" ? "Programme neuf — " : ""}${conventions.find((x) => x.id === r.conventionId)?.title ?? ""}`,
      };
    });
}
