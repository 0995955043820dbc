import "server-only";
import { outcomeCount, vacancyMissingFields, vacancyObligations, vacancyState, type IsoDate, type VacancyDeclaration, type VacancyEvent, type VacancyOutcome } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { isTestMode } from "./clock";
import { day, writeObligations } from "./conventions";
import { prisma, withTx, type Db, type Tx } from "./db";

// Vacancies to leases (issue 10, RES-13, RES-17..20): the bridge between the stored steps and the domain's vacancy
// engine (read model and obligations), the caller-scoped reads (ACC-1) and the counting per convention and year.
//
// ACC-1: the bailleur sees every vacancy it declared; a réservataire sees only those oriented to a RESERVATION_FLUX
// convention where it is the RESERVATAIRE party — never another réservataire's vacancies, candidates or households.

export function vacancyScope(caller: Pick<Caller, "org">): Prisma.VacancyWhereInput {
  return {
    OR: [
      { bailleurOrgId: caller.org.id },
      { orientation: "RESERVATAIRE", convention: { parties: { some: { organisationId: caller.org.id, partyRole: "RESERVATAIRE" } } } },
    ],
  };
}

/** RES-17: the declaration as the domain checks it, from a dwelling's stored fields. */
export function declarationOf(d: {
  rplsId: string; residence: string; classification: number; financing: string; typology: string; surfaceCentiM2: number | null; addressNumber: string; street: string; commune: string; postcode: string;
  qpv: boolean | null; constructionPeriod: string; rentCents: number | null; chargesCents: number | null; dpeClass: string; pmr: boolean | null;
}): VacancyDeclaration & { rplsId: string; residence: string; classification: number } {
  return {
    financing: d.financing, typology: d.typology, surfaceM2: d.surfaceCentiM2 === null ? (null as unknown as number) : d.surfaceCentiM2 / 100,
    address: { number: d.addressNumber, street: d.street, commune: d.commune, postcode: d.postcode },
    qpv: d.qpv as boolean, constructionPeriod: d.constructionPeriod,
    rentAndChargesCents: d.rentCents === null || d.chargesCents === null ? (null as unknown as number) : d.rentCents + d.chargesCents,
    dpe: d.dpeClass, pmr: d.pmr as boolean,
    rplsId: d.rplsId, residence: d.residence, classification: d.classification,
  };
}
export type StoredDeclaration = ReturnType<typeof declarationOf>;
export { vacancyMissingFields };

const stepsSelect = { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] } satisfies Prisma.Vacancy$stepsArgs;
export const vacancyEvents = (rows: { payload: Prisma.JsonValue }[]) => rows.map((r) => r.payload as unknown as VacancyEvent);

/**
 * Recomputes the read model (outcome, counting date, designation due date) and, for a vacancy oriented to a
 * réservataire, its obligations (ownerType VACANCY, visible to the bailleur and that réservataire only). Called in
 * the transaction of each step, and lazily on the first read of a day (a vacancy lapses at the clock's date).
 */
export async function refreshVacancy(tx: Tx, vacancyId: string, today: IsoDate): Promise<void> {
  const v = await tx.vacancy.findUniqueOrThrow({
    where: { id: vacancyId },
    select: {
      id: true, orientation: true, conventionId: true, bailleurOrgId: true, steps: stepsSelect,
      convention: { select: { parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } } } },
    },
  });
  const events = vacancyEvents(v.steps);
  let outcome: VacancyOutcome;
  let outcomeOn: IsoDate | null;
  let dueOn: IsoDate | null = null;
  if (v.orientation === "RESERVATAIRE" && v.conventionId && v.convention) {
    const s = vacancyState(events, today);
    // RES-18: the designation due date while a designation is awaited; once designated, time alone changes nothing.
    outcome = s.outcome; outcomeOn = s.outcomeOn; dueOn = s.round === 0 ? s.designationDueOn : null;
    const parties = v.convention.parties.filter((p) => p.organisationId === v.bailleurOrgId || p.partyRole === "RESERVATAIRE");
    await writeObligations(tx, { ownerType: "VACANCY", ownerId: v.id, conventionId: v.conventionId, parties, visibleToOrgIds: [...new Set(parties.map((p) => p.organisationId))] }, vacancyObligations(events, today));
  } else {
    // The bailleur's own use or a soustrait dwelling: no designation, no count for a réservataire.
    const end = [...events].reverse().find((e) => e.type === "LEASE_SIGNED" || e.type === "WITHDRAWN");
    outcome = end?.type === "LEASE_SIGNED" ? "LEASE_SIGNED" : end?.type === "WITHDRAWN" ? "WITHDRAWN" : "PENDING";
    outcomeOn = end?.on ?? null;
  }
  await tx.vacancy.update({
    where: { id: v.id },
    data: { outcome, outcomeOn: outcomeOn ? day(outcomeOn) : null, designationDueOn: dueOn ? day(dueOn) : null, stateComputedOn: day(today) },
  });
}

const REFRESH_BATCH = 100;

/**
 * RES-13: the vacancies whose outcome may have changed with time alone (pending, past the designation due date,
 * not computed today) are recomputed once, on the first read of the day; so are those computed at a later date than
 * today (only a test clock goes back).
 */
export async function refreshStaleVacancies(who: Pick<Caller, "personId" | "org">, where: Prisma.VacancyWhereInput, today: IsoDate, db: Db = prisma): Promise<number> {
  const stale = await db.vacancy.findMany({
    where: {
      AND: [where, {
        OR: [
          { outcome: "PENDING", designationDueOn: { lt: day(today) }, OR: [{ stateComputedOn: null }, { stateComputedOn: { lt: day(today) } }] },
          // A state computed at a later date than the clock's is not today's: only a test clock moves back.
          ...(isTestMode() ? [{ stateComputedOn: { gt: day(today) } }] : []),
        ],
      }],
    },
    select: { id: true },
    take: 5000,
  });
  if (stale.length === 0) return 0;
  // In batches, each its own transaction: a first read after a long pause may have hundreds to lapse.
  for (let i = 0; i < stale.length; i += REFRESH_BATCH) {
    await withTx({ personId: who.personId, organisationId: who.org.id }, async (tx) => {
      for (const { id } of stale.slice(i, i + REFRESH_BATCH)) {
        await tx.$queryRaw`SELECT id FROM "Vacancy" WHERE id = ${id} FOR UPDATE`;
        await refreshVacancy(tx, id, today);
      }
    });
  }
  return stale.length;
}

export const VACANCY_PAGE_SIZE = 50;

/** The vacancies the caller may see (ACC-1), newest first, with an optional outcome filter. */
export async function listVacancies(caller: Caller, opts: { outcome?: VacancyOutcome; page?: number }, today: IsoDate, db: Db = prisma) {
  const scope = vacancyScope(caller);
  await refreshStaleVacancies(caller, scope, today, db);
  const where: Prisma.VacancyWhereInput = { AND: [scope, opts.outcome ? { outcome: opts.outcome } : {}] };
  const page = Math.max(1, opts.page ?? 1);
  const [total, rows] = await Promise.all([
    db.vacancy.count({ where }),
    db.vacancy.findMany({
      where,
      select: {
        id: true, orientation: true, bailleurOrgId: true, declaredOn: true, availableOn: true, outcome: true, outcomeOn: true, designationDueOn: true, declaration: true,
        convention: { select: { id: true, title: true } },
        steps: { where: { type: "DESIGNATION" }, select: { id: true }, take: 1 },
      },
      orderBy: [{ declaredOn: "desc" }, { id: "asc" }],
      skip: (page - 1) * VACANCY_PAGE_SIZE,
      take: VACANCY_PAGE_SIZE,
    }),
  ]);
  return {
    total, page, pageSize: VACANCY_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id, orientation: r.orientation, own: r.bailleurOrgId === caller.org.id, declaredOn: isoOf(r.declaredOn), availableOn: isoOf(r.availableOn),
      outcome: r.outcome as VacancyOutcome, outcomeOn: r.outcomeOn ? isoOf(r.outcomeOn) : null, designationDueOn: r.designationDueOn ? isoOf(r.designationDueOn) : null,
      designated: r.steps.length > 0, declaration: r.declaration as unknown as StoredDeclaration, convention: r.convention,
    })),
  };
}

/**
 * One vacancy the caller may see (ACC-1), or null. The réservataire sees its candidates in full; the bailleur sees
 * what attribution needs (NUR, composition, resources, DALO) and never the réservataire's household records (ACC-2).
 */
export async function findVacancy(caller: Caller, id: string, today: IsoDate, db: Db = prisma) {
  const where = { AND: [{ id }, vacancyScope(caller)] };
  await refreshStaleVacancies(caller, where, today, db);
  const v = await db.vacancy.findFirst({
    where,
    select: {
      id: true, orientation: true, bailleurOrgId: true, conventionId: true, soustraitCategory: true, declaredOn: true, availableOn: true, declaration: true,
      outcome: true, outcomeOn: true, designationDueOn: true, stateComputedOn: true, version: true,
      dwelling: { select: { id: true, rplsId: true } },
      convention: { select: { id: true, title: true, parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } } } },
      steps: { select: { id: true, type: true, on: true, payload: true, recordedByOrgId: true, createdAt: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
      candidates: { select: { id: true, round: true, rank: true, householdId: true, nur: true, persons: true, monthlyResourcesCents: true, dalo: true, decision: true, decisionRank: true, accepted: true, associationOrgId: true, relaisCaseId: true }, orderBy: [{ round: "asc" }, { rank: "asc" }] },
    },
  });
  if (!v) return null;
  const state = v.orientation === "RESERVATAIRE" ? vacancyState(vacancyEvents(v.steps), today) : null;
  const obligations = await db.obligation.findMany({
    where: { ownerType: "VACANCY", ownerId: v.id, visibleToOrgIds: { has: caller.org.id } },
    orderBy: [{ dueOn: { sort: "asc", nulls: "last" } }, { opensOn: "asc" }],
  });
  const side: "BAILLEUR" | "RESERVATAIRE" = v.bailleurOrgId === caller.org.id ? "BAILLEUR" : "RESERVATAIRE";
  // REL-5: a relais candidate's tenant is the association; its name is shown to both sides.
  const associations = await db.organisation.findMany({ where: { id: { in: v.candidates.flatMap((c) => (c.associationOrgId ? [c.associationOrgId] : [])) } }, select: { id: true, name: true } });
  const candidates = v.candidates.map((c) => ({
    ...(side === "BAILLEUR" ? { ...c, householdId: null, relaisCaseId: null } : c),
    associationName: associations.find((a) => a.id === c.associationOrgId)?.name ?? null,
  }));
  return {
    ...v, candidates, side, state, obligations,
    declaration: v.declaration as unknown as StoredDeclaration,
    reservataire: v.convention?.parties.find((p) => p.partyRole === "RESERVATAIRE")?.organisation.name ?? null,
    bailleur: v.convention?.parties.find((p) => p.organisationId === v.bailleurOrgId)?.organisation.name ?? null,
  };
}
export type VacancyView = NonNullable<Awaited<ReturnType<typeof findVacancy>>>;

export type FluxYearCount = { leases: number; equivalents: number; total: number };

/**
 * RES-13: the dwellings counted for a réservation convention per year (year of the counting date), split into signed
 * leases and equivalents. Null unless the caller's organisation is a party to the convention. Stale vacancies are
 * recomputed first, so a lapse counts at the clock's date.
 */
export async function fluxCountsByYear(caller: Pick<Caller, "personId" | "org">, conventionId: string, today: IsoDate, db: Db = prisma): Promise<Record<number, FluxYearCount> | null> {
  const conv = await db.convention.findFirst({ where: { id: conventionId, kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id } } }, select: { id: true } });
  if (!conv) return null;
  await refreshStaleVacancies(caller, { conventionId: conv.id, orientation: "RESERVATAIRE" }, today, db);
  const rows = await db.$queryRaw<{ year: number; outcome: string; n: number }[]>`
    SELECT extract(year FROM "outcomeOn")::int AS year, outcome, count(*)::int AS n
    FROM "Vacancy"
    WHERE "conventionId" = ${conv.id} AND orientation = 'RESERVATAIRE' AND "outcomeOn" IS NOT NULL
      AND outcome IN ('LEASE_SIGNED', 'NO_CANDIDATE_30D', 'REFUSED_AFTER_CALEOL')
    GROUP BY 1, 2`;
  const out: Record<number, FluxYearCount> = {};
  for (const r of rows) {
    const y = (out[r.year] ??= { leases: 0, equivalents: 0, total: 0 });
    const c = outcomeCount(r.outcome as VacancyOutcome);
    if (c === "LEASE") y.leases += r.n;
    else if (c === "EQUIVALENT") y.equivalents += r.n;
    else continue;
    y.total += r.n;
  }
  return out;
}

/** RES-10: the droits uniques consumed per year (each counted dwelling consumes one), for droitsView. */
export async function consumptionByYear(caller: Pick<Caller, "personId" | "org">, conventionId: string, today: IsoDate, db: Db = prisma): Promise<Record<number, number>> {
  const counts = await fluxCountsByYear(caller, conventionId, today, db);
  return Object.fromEntries(Object.entries(counts ?? {}).map(([y, c]) => [Number(y), c.total]));
}

/** The réservation conventions the caller's organisation (a bailleur) may orient a vacancy to (signed, as BAILLEUR). */
export async function orientationConventions(caller: Pick<Caller, "org">, db: Db = prisma) {
  const rows = await db.convention.findMany({
    where: { kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id, partyRole: "BAILLEUR" } }, events: { some: { type: "SIGNED" } } },
    select: { id: true, title: true, territory: true, parties: { where: { partyRole: "RESERVATAIRE" }, select: { organisation: { select: { name: true } } } } },
    orderBy: { title: "asc" },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, territory: r.territory, reservataire: r.parties[0]?.organisation.name ?? null }));
}

/** The réservataire's own households with a NUR, to designate from (ACC-1: never another organisation's). */
export async function designationHouseholds(caller: Pick<Caller, "org">, db: Db = prisma) {
  const rows = await db.household.findMany({
    where: { organisationId: caller.org.id, nur: { not: null }, purgedOn: null },
    select: { id: true, referenceFirstName: true, referenceLastName: true, nur: true, daloRecognisedOn: true, _count: { select: { members: true } }, resources: { select: { monthlyCents: true } } },
    orderBy: [{ referenceLastName: "asc" }, { referenceFirstName: "asc" }],
    take: 500,
  });
  return rows.map((h) => ({
    id: h.id, name: `${h.referenceLastName} ${h.referenceFirstName}`, nur: h.nur!, persons: 1 + h._count.members,
    monthlyResourcesCents: h.resources.reduce((s, r) => s + r.monthlyCents, 0), dalo: h.daloRecognisedOn !== null,
  }));
}

/**
 * REL-5: the relais cases the Ville may propose a vacancy to: its own (COMMUNE party), open, entry decided, no
 * relais dwelling entered yet and no dwelling already proposed; the household must have a NUR.
 */
export async function relaisProposalOptions(caller: Pick<Caller, "org">, db: Db = prisma) {
  const rows = await db.case.findMany({
    where: {
      kind: "RELAIS", closedOn: null, household: { nur: { not: null } },
      convention: { parties: { some: { organisationId: caller.org.id, partyRole: "COMMUNE" } } },
      events: { some: { type: "DECISION", payload: { path: ["entry"], equals: true } } },
      NOT: { events: { some: { type: { in: ["ENTRY", "DWELLING_PROPOSED"] } } } },
    },
    select: { id: true, household: { select: { referenceFirstName: true, referenceLastName: true } }, convention: { select: { parties: { where: { partyRole: "ASSOCIATION" }, select: { organisation: { select: { name: true } } } } } } },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  return rows.map((c) => ({ id: c.id, label: `${c.household.referenceLastName} ${c.household.referenceFirstName} — ${c.convention.parties[0]?.organisation.name ?? "association"}` }));
}
