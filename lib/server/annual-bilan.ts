import "server-only";
import {
  annualBilan, annualBilanDueOn, SOUSTRAIT_CATEGORIES,
  type AnnualBilan, type BilanDwelling, type BilanReservataireRow, type BilanVacancy, type DwellingRegime, type IsoDate, type SoustraitCategory, type VacancyOutcome,
} from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Caller } from "./access";
import { shareOfYear } from "./conventions";
import { prisma, type Db } from "./db";
import { stockByYear, type ConversionLine } from "./droits";
import { assietteForYear } from "./dwellings";
import { refreshStaleVacancies } from "./vacancies";

// The annual bilan of year N-1 a bailleur sends its réservataires on a territory before 28 February of N (issue 11;
// RES-22, RES-3, RES-10, RES-13, RES-14, RES-23), read from a réservation convention of that bailleur on that territory.
//
// ACC-1, exception by law: the bilan, broken down by réservataire in aggregate counts, goes to every réservataire of the
// bailleur on the territory. So a party to one réservation convention (the bailleur, or a réservataire) reads here the
// counts of the other réservation conventions of the same bailleur on the same territory — counts only: no vacancy,
// candidate, household or meeting of another réservataire ever leaves this module. Anyone else gets null (404).
//
// Cost: a fixed number of queries whatever the data (the convention, the territory's conventions, the bounded refresh
// of lapsed vacancies, the vacancies of the year with their dwelling's regime, the assiette, the soustraits, the
// conversions, the new rights, the consumption per year); the dwelling characteristics are the declaration snapshots.

export type { BilanShare } from "./conventions";
import type { BilanShare } from "./conventions";
export type BilanReservataire = {
  conventionId: string;
  organisationId: string;
  name: string;
  share: BilanShare;
  row: BilanReservataireRow;
  /** RES-10: droits uniques at 1 January of the year and acquired in it (fractions kept), then at 1 January next. */
  droits: { jan1: number; acquisitions: number; nextJan1: number; conversionRecorded: boolean };
};
export type SoustraitLine = { category: SoustraitCategory; dwellings: number; references: string[] };
export type BilanSending = { on: IsoDate; documentId: string | null; fileName: string | null };
export type BilanMeeting = { on: IsoDate; participants: string; minutes: string };

type VacancyRow = {
  id: string; orientation: string; conventionId: string | null; soustraitCategory: string | null; declaredOn: string; attributedOn: string | null;
  outcome: string; outcomeOn: string | null; commune: string | null; typology: string | null; financing: string | null; qpv: boolean | null; period: string | null;
  lasting: string | null; soustraitOfYear: string | null; exclusionReason: string | null;
};

const NOT_GIVEN = "(non renseigné)";
const yearOfIso = (d: Date) => Number(isoOf(d).slice(0, 4));

/** RES-1..3: the dwelling's regime of the year, from the SQL (as dwellings.ts regimeForYear). */
function regimeOf(r: VacancyRow): DwellingRegime {
  if (r.lasting === "EXCLUDED") return { kind: "EXCLUDED", reason: (r.exclusionReason ?? "NOT_SOCIAL_REGIME") as never };
  if (r.soustraitOfYear) return { kind: "SOUSTRAIT", category: r.soustraitOfYear as SoustraitCategory };
  return { kind: "FLUX" };
}

/**
 * The vacancies of the bailleur on the territory that the bilan of `year` reads: declared, attributed or counted in the
 * year; with their declaration's characteristics (RES-17 snapshot), their first CALEOL attribution (RES-20) and their
 * dwelling's regime of the year (RES-1..3). One statement.
 */
async function vacanciesOfYear(db: Db, bailleurOrgId: string, territory: string, year: number): Promise<VacancyRow[]> {
  const jan1 = `${year}-01-01`;
  const next = `${year + 1}-01-01`;
  return db.$queryRaw<VacancyRow[]>`
    WITH v AS (
      SELECT v.*,
        (SELECT min(s."on") FROM "VacancyStep" s
          WHERE s."vacancyId" = v.id AND s.type = 'CALEOL'
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(s.payload->'decisions') d
                        WHERE d->>'decision' IN ('ATTRIBUTION', 'ATTRIBUTION_RANKED', 'ATTRIBUTION_CONDITIONAL'))) AS "firstAttribution"
      FROM "Vacancy" v
      WHERE v."bailleurOrgId" = ${bailleurOrgId} AND v.declaration->'address'->>'commune' = ${territory}
    )
    SELECT v.id, v.orientation, v."conventionId", v."soustraitCategory", v."declaredOn"::text AS "declaredOn", v."firstAttribution"::text AS "attributedOn",
      v.outcome, v."outcomeOn"::text AS "outcomeOn",
      v.declaration->'address'->>'commune' AS commune, v.declaration->>'typology' AS typology, v.declaration->>'financing' AS financing,
      (v.declaration->>'qpv')::boolean AS qpv, v.declaration->>'constructionPeriod' AS period,
      lasting.kind AS lasting, lasting.reason AS "exclusionReason",
      (SELECT r.category FROM "DwellingRegime" r WHERE r."dwellingId" = v."dwellingId" AND r.kind = 'SOUSTRAIT' AND r.year = ${year}
        ORDER BY r."createdAt", r.id LIMIT 1) AS "soustraitOfYear"
    FROM v
    LEFT JOIN LATERAL (
      SELECT r.kind, r.reason FROM "DwellingRegime" r
      WHERE r."dwellingId" = v."dwellingId" AND r.kind <> 'SOUSTRAIT' AND r."effectiveOn" <= ${jan1}::date
      ORDER BY r."effectiveOn" DESC, r."createdAt" DESC, r.id DESC LIMIT 1
    ) lasting ON true
    WHERE (v."declaredOn" >= ${jan1}::date AND v."declaredOn" < ${next}::date)
       OR (v."outcomeOn" >= ${jan1}::date AND v."outcomeOn" < ${next}::date)
       OR (v."firstAttribution" >= ${jan1}::date AND v."firstAttribution" < ${next}::date)
    ORDER BY v."declaredOn", v.id`;
}

/** RES-3: the dwellings soustraits for `year` per category, with the reference documents (CUS, CIA, ANRU…). */
async function soustraitsOf(db: Db, bailleurOrgId: string, territory: string, year: number): Promise<SoustraitLine[]> {
  const rows = await db.$queryRaw<{ category: string; reference: string | null; n: number }[]>`
    SELECT r.category, r.reference, count(DISTINCT r."dwellingId")::int AS n
    FROM "DwellingRegime" r JOIN "Dwelling" w ON w.id = r."dwellingId"
    WHERE r.kind = 'SOUSTRAIT' AND r.year = ${year} AND w."bailleurOrgId" = ${bailleurOrgId} AND w.commune = ${territory}
    GROUP BY 1, 2`;
  return SOUSTRAIT_CATEGORIES.map((category) => {
    const mine = rows.filter((r) => r.category === category);
    return {
      category,
      dwellings: mine.reduce((s, r) => s + r.n, 0),
      references: [...new Set(mine.map((r) => r.reference?.trim() || "").filter(Boolean))].sort((a, b) => a.localeCompare(b, "fr")),
    };
  });
}


/**
 * The bilan of `year` for the bailleur and territory of a réservation convention the caller's organisation is party to;
 * null otherwise (the page and the export answer 404).
 */
export async function annualBilanView(caller: Pick<Caller, "personId" | "org">, conventionId: string, year: number, today: IsoDate, db: Db = prisma) {
  if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4))) return null;
  const conv = await db.convention.findFirst({
    where: { id: conventionId, kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id } } },
    select: { id: true, title: true, territory: true, parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } } },
  });
  const bailleur = conv?.parties.find((p) => p.partyRole === "BAILLEUR");
  if (!conv || !bailleur || !conv.territory) return null;
  const myRole = conv.parties.find((p) => p.organisationId === caller.org.id)!.partyRole as "BAILLEUR" | "RESERVATAIRE";
  const territory = conv.territory;

  // ACC-1 (exception): the bailleur's signed réservation conventions on the territory running in the year.
  const conventions = await db.convention.findMany({
    where: {
      kind: "RESERVATION_FLUX", territory, startOn: { lt: new Date(`${year + 1}-01-01T00:00:00Z`) },
      parties: { some: { organisationId: bailleur.organisationId, partyRole: "BAILLEUR" } }, events: { some: { type: "SIGNED" } },
    },
    select: {
      id: true, startOn: true, parameters: true,
      parties: { where: { partyRole: "RESERVATAIRE" }, select: { organisationId: true, organisation: { select: { name: true } } } },
      events: {
        where: { type: { in: ["SHARE_AGREED", "AVENANT", "ANNUAL_BILAN_SENT", "MEETING"] } },
        select: { type: true, on: true, payload: true, details: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }],
      },
    },
    orderBy: [{ startOn: "asc" }, { id: "asc" }],
  });
  const ids = conventions.map((c) => c.id);
  await refreshStaleVacancies(caller, { bailleurOrgId: bailleur.organisationId, orientation: "RESERVATAIRE", conventionId: { in: ids } }, today, db);

  // One after the other: `db` may be a transaction's client (the « envoyer » action), which runs one query at a time.
  const vacancyRows = await vacanciesOfYear(db, bailleur.organisationId, territory, year);
  const assiette = await assietteForYear(db, bailleur.organisationId, territory, year);
  const soustraitsNext = await soustraitsOf(db, bailleur.organisationId, territory, year + 1);
  const soustraitsYear = await soustraitsOf(db, bailleur.organisationId, territory, year);
  const conversions = await db.droitsConversion.findMany({ where: { conventionId: { in: ids } }, select: { conventionId: true, inventoryOn: true, lines: true } });
  const grants = await db.droitUniqueGrant.findMany({ where: { conventionId: { in: ids } }, select: { conventionId: true, on: true, origin: true, droitsUniques: true } });
  const consumption = await db.$queryRaw<{ conventionId: string; year: number; n: number }[]>`
    SELECT "conventionId", extract(year FROM "outcomeOn")::int AS year, count(*)::int AS n
    FROM "Vacancy"
    WHERE "conventionId" = ANY(${ids}::text[]) AND orientation = 'RESERVATAIRE' AND "outcomeOn" < ${`${year + 1}-01-01`}::date
      AND outcome IN ('LEASE_SIGNED', 'NO_CANDIDATE_30D', 'REFUSED_AFTER_CALEOL')
    GROUP BY 1, 2`;

  // RES-10: the stock of each convention from its recorded conversion and new rights, less what was counted.
  const droitsOf = new Map<string, { jan1: number; acquisitions: number; conversionRecorded: boolean }>();
  for (const c of conventions) {
    const conversion = conversions.find((x) => x.conventionId === c.id);
    const lines = (conversion?.lines ?? []) as unknown as ConversionLine[];
    const rows = stockByYear({
      opening: conversion && lines.length > 0 ? { inventoryOn: isoOf(conversion.inventoryOn), lines } : null,
      grants: grants.filter((g) => g.conventionId === c.id).map((g) => ({ on: isoOf(g.on), origin: g.origin, droitsUniques: g.droitsUniques })),
      consumptionByYear: Object.fromEntries(consumption.filter((x) => x.conventionId === c.id).map((x) => [x.year, x.n])),
      throughYear: year,
    });
    const y = rows.find((r) => r.year === year);
    droitsOf.set(c.id, { jan1: Math.max(0, y?.jan1 ?? 0), acquisitions: y?.acquisitions ?? 0, conversionRecorded: conversion !== undefined });
  }

  const orgOf = new Map(conventions.map((c) => [c.id, c.parties[0]?.organisationId ?? c.id]));
  const vacancies: BilanVacancy[] = [];
  const dwellings: BilanDwelling[] = [];
  for (const r of vacancyRows) {
    // Each vacancy is read with its own declaration (the dwelling as proposed that day): the vacancy's id is its key.
    dwellings.push({
      id: r.id, commune: r.commune || NOT_GIVEN, typology: r.typology || NOT_GIVEN, financing: r.financing || NOT_GIVEN, qpv: r.qpv === true,
      constructionPeriod: r.period || NOT_GIVEN, regime: regimeOf(r), newInYear: false,
    });
    const reservataire = r.orientation === "RESERVATAIRE" && r.conventionId && orgOf.has(r.conventionId) ? r.conventionId : null;
    vacancies.push({
      dwellingId: r.id, reservataireId: reservataire, soustraitCategory: r.orientation === "SOUSTRAIT" ? ((r.soustraitCategory ?? "MUTATION_INTERNE") as SoustraitCategory) : null,
      declaredOn: r.declaredOn, attributedOn: r.attributedOn, outcome: r.outcome as VacancyOutcome, outcomeOn: r.outcomeOn,
    });
  }
  const shares = new Map(conventions.map((c) => [c.id, shareOfYear(c, year)]));
  const bilan: AnnualBilan = annualBilan({
    year, dwellings, vacancies,
    reservataires: conventions.map((c) => ({ id: c.id, share: shares.get(c.id)!.share, droitsUniquesJan1: droitsOf.get(c.id)!.jan1, acquisitions: droitsOf.get(c.id)!.acquisitions })),
  });

  const reservataires: BilanReservataire[] = conventions.map((c) => {
    const row = bilan.reservataires.find((r) => r.id === c.id)!;
    const d = droitsOf.get(c.id)!;
    return {
      conventionId: c.id, organisationId: c.parties[0]?.organisationId ?? "", name: c.parties[0]?.organisation.name ?? "—", share: shares.get(c.id)!, row,
      droits: { ...d, nextJan1: row.droitsUniquesNextJan1 },
    };
  });

  // RES-22 sending and RES-23 meeting, as recorded on each convention (the caller's own, and all of them for the bailleur).
  const sendingOf = (c: (typeof conventions)[number]): BilanSending | null => {
    const e = c.events.find((x) => x.type === "ANNUAL_BILAN_SENT" && (x.payload as { year?: unknown }).year === year);
    if (!e) return null;
    const d = (e.details ?? {}) as { documentId?: string; fileName?: string };
    return { on: isoOf(e.on), documentId: d.documentId ?? null, fileName: d.fileName ?? null };
  };
  // RES-23: the validation meeting of the bilan of N-1 is the yearly validation meeting of N.
  const meetingOf = (c: (typeof conventions)[number]): BilanMeeting | null => {
    const e = c.events.find((x) => {
      const p = x.payload as { meetingKind?: string; period?: string; on?: string };
      return x.type === "MEETING" && p.meetingKind === "VALIDATION" && (p.period ?? isoOf(x.on).slice(0, 4)) === String(year + 1);
    });
    if (!e) return null;
    const d = (e.details ?? {}) as { participants?: string; minutes?: string };
    return { on: isoOf(e.on), participants: d.participants ?? "", minutes: d.minutes ?? "" };
  };
  const visible = myRole === "BAILLEUR" ? conventions : conventions.filter((c) => c.id === conv.id);
  const follow = visible.map((c) => ({ conventionId: c.id, reservataire: c.parties[0]?.organisation.name ?? "—", sending: sendingOf(c), meeting: meetingOf(c) }));
  const firstYear = Math.min(year, ...conventions.map((c) => yearOfIso(c.startOn)));
  const lastYear = Number(today.slice(0, 4));
  return {
    year,
    dueOn: annualBilanDueOn(year + 1),
    /** The year is not over: the figures are provisional and the bilan cannot be sent yet. */
    provisional: year >= lastYear,
    years: Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i),
    convention: { id: conv.id, title: conv.title },
    bailleur: { id: bailleur.organisationId, name: bailleur.organisation.name },
    territory,
    myRole,
    assiette,
    freed: bilan.freed,
    bilan,
    reservataires,
    soustraits: { year: soustraitsYear, next: soustraitsNext },
    /** The sending and the validation meeting, per convention (the bailleur sees all its conventions, a réservataire its own). */
    follow,
    mine: follow.find((f) => f.conventionId === conv.id)!,
    sentToAll: conventions.length > 0 && conventions.every((c) => sendingOf(c) !== null),
  };
}
export type AnnualBilanView = NonNullable<Awaited<ReturnType<typeof annualBilanView>>>;
