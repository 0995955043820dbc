import "server-only";
import { assietteFromRegimes, meanRotationRate, type DwellingRegime, type ExclusionReason, type IsoDate, type SoustraitCategory } from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { prisma, type Db } from "./db";

// Dwellings, regimes and rotation (issue 9, RES-1..6). ACC-1 for the stock: the bailleur's staff see and edit
// their dwellings; a réservataire sees the characteristics of the dwellings of a bailleur it has a réservation
// convention with, on that convention's territory (the commune) — never their occupants, which are not here.

export const DWELLING_PAGE_SIZE = 50;

/** A bailleur × territory the caller may look at, and whether it is the caller's own stock. */
export type StockArea = { bailleurOrgId: string; bailleurName: string; territory: string; own: boolean; conventionIds: string[] };

/** The stocks the caller may see: its own (per commune it has dwellings in, or per convention territory) and its bailleurs'. */
export async function stockAreas(caller: Pick<Caller, "org">, db: Db = prisma): Promise<StockArea[]> {
  const conventions = await db.convention.findMany({
    where: { kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id } }, events: { some: { type: "SIGNED" } } },
    select: { id: true, territory: true, parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } } },
  });
  const areas = new Map<string, StockArea>();
  for (const c of conventions) {
    const b = c.parties.find((p) => p.partyRole === "BAILLEUR");
    if (!b || !c.territory) continue;
    const key = `${b.organisationId}|${c.territory}`;
    const a = areas.get(key) ?? { bailleurOrgId: b.organisationId, bailleurName: b.organisation.name, territory: c.territory, own: b.organisationId === caller.org.id, conventionIds: [] };
    a.conventionIds.push(c.id);
    areas.set(key, a);
  }
  if (caller.org.kind === "BAILLEUR") {
    const communes = await db.dwelling.groupBy({ by: ["commune"], where: { bailleurOrgId: caller.org.id } });
    for (const { commune } of communes) {
      const key = `${caller.org.id}|${commune}`;
      if (!areas.has(key)) areas.set(key, { bailleurOrgId: caller.org.id, bailleurName: caller.org.name, territory: commune, own: true, conventionIds: [] });
    }
  }
  return [...areas.values()].sort((a, b) => (a.own === b.own ? a.territory.localeCompare(b.territory, "fr") : a.own ? -1 : 1));
}

/** ACC-1: the dwellings the caller may see, as a Prisma filter (its own; its bailleurs' on their conventions' territory). */
export function dwellingScope(caller: Pick<Caller, "org">, areas: StockArea[]): Prisma.DwellingWhereInput {
  return { OR: [{ bailleurOrgId: caller.org.id }, ...areas.filter((a) => !a.own).map((a) => ({ bailleurOrgId: a.bailleurOrgId, commune: a.territory }))] };
}

export type RegimeRow = { kind: string; effectiveOn: IsoDate; reason: string | null; category: string | null; year: number | null; createdAt?: Date };

/**
 * RES-1..3: a dwelling's regime for year N, at 1 January: excluded for good if the last lasting change effective on
 * or before 1 January says so; else soustrait if a soustraction was declared for N; else in the flux (the default
 * when nothing was recorded). Later changes of the same day win by recording order.
 */
export function regimeForYear(rows: readonly RegimeRow[], year: number): DwellingRegime {
  const jan1 = `${String(year).padStart(4, "0")}-01-01`;
  let lasting: RegimeRow | null = null;
  for (const r of rows) {
    if (r.kind === "SOUSTRAIT" || r.effectiveOn > jan1) continue;
    if (!lasting || r.effectiveOn > lasting.effectiveOn || (r.effectiveOn === lasting.effectiveOn && (r.createdAt?.getTime() ?? 0) >= (lasting.createdAt?.getTime() ?? 0))) lasting = r;
  }
  if (lasting?.kind === "EXCLUDED") return { kind: "EXCLUDED", reason: lasting.reason as ExclusionReason };
  const soustrait = rows.find((r) => r.kind === "SOUSTRAIT" && r.year === year);
  if (soustrait) return { kind: "SOUSTRAIT", category: soustrait.category as SoustraitCategory };
  return { kind: "FLUX" };
}

const regimeSelect = { kind: true, effectiveOn: true, reason: true, category: true, year: true, createdAt: true } as const;
const rowOf = (r: { kind: string; effectiveOn: Date; reason: string | null; category: string | null; year: number | null; createdAt: Date }): RegimeRow => ({ ...r, effectiveOn: isoOf(r.effectiveOn) });

type AssietteDwelling = { firstLettingYear: number; regimes: RegimeRow[] };

function assietteOf(dwellings: readonly AssietteDwelling[], year: number) {
  const counted = dwellings.filter((d) => d.firstLettingYear <= year).map((d) => ({ regime: regimeForYear(d.regimes, year), newInYear: d.firstLettingYear === year }));
  const soustraitsByCategory: Record<string, number> = {};
  const excludedByReason: Record<string, number> = {};
  for (const c of counted) {
    if (c.newInYear) continue;
    if (c.regime.kind === "SOUSTRAIT") soustraitsByCategory[c.regime.category] = (soustraitsByCategory[c.regime.category] ?? 0) + 1;
    if (c.regime.kind === "EXCLUDED") excludedByReason[c.regime.reason] = (excludedByReason[c.regime.reason] ?? 0) + 1;
  }
  return { year, ...assietteFromRegimes(counted), soustraitsByCategory, excludedByReason };
}

async function assietteDwellings(db: Db, bailleurOrgId: string, territory: string, maxYear: number): Promise<AssietteDwelling[]> {
  const rows = await db.dwelling.findMany({
    where: { bailleurOrgId, commune: territory, firstLettingYear: { lte: maxYear } },
    select: { firstLettingYear: true, regimes: { select: regimeSelect } },
  });
  return rows.map((d) => ({ firstLettingYear: d.firstLettingYear, regimes: d.regimes.map(rowOf) }));
}

/**
 * RES-1..4: the assiette of year N for a bailleur on a territory: the stock at 1 January (first let before N),
 * less the excluded and the soustraits of N, plus the dwellings put into service in N. One query.
 */
export async function assietteForYear(db: Db, bailleurOrgId: string, territory: string, year: number) {
  return assietteOf(await assietteDwellings(db, bailleurOrgId, territory, year), year);
}

/** The assiette of several years from one read of the stock. */
export async function assietteForYears(db: Db, bailleurOrgId: string, territory: string, years: readonly number[]) {
  const dwellings = await assietteDwellings(db, bailleurOrgId, territory, Math.max(...years));
  return years.map((y) => assietteOf(dwellings, y));
}

/** RES-5/6: the vintages with their rates, the mean of the last 5 when there are 5, and the agreed rate if any. */
export async function rotationSummary(db: Db, bailleurOrgId: string, territory: string) {
  // One after the other: `db` may be a transaction's client, which runs one query at a time.
  const vintages = await db.rotationVintage.findMany({ where: { bailleurOrgId, territory }, orderBy: { year: "desc" } });
  const agreed = await db.agreedRotation.findFirst({ where: { bailleurOrgId, territory }, orderBy: { createdAt: "desc" } });
  const rows = vintages.map((v) => ({ year: v.year, moveIns: v.moveIns, letDwellings: v.letDwellings, rate: v.moveIns / v.letDwellings }));
  const mean = rows.length >= 5 ? meanRotationRate(rows) : null;
  return {
    vintages: rows,
    /** The 5 vintages the mean is taken over (most recent first). */
    meanOf: rows.slice(0, 5).map((r) => r.year),
    mean,
    agreed: agreed ? { rate: agreed.ratePpm / 1_000_000, provenance: agreed.provenance, on: isoOf(agreed.createdAt) } : null,
    /** What the conversion uses: the agreed rate when one is recorded, else the RPLS mean. */
    inForce: agreed ? { rate: agreed.ratePpm / 1_000_000, provenance: agreed.provenance } : mean !== null ? { rate: mean, provenance: `Moyenne RPLS ${rows.slice(0, 5).map((r) => r.year).reverse().join(", ")}` } : null,
  };
}

export type DwellingFilters = { area?: string; financing?: string; typology?: string; qpv?: boolean; q?: string; page?: number };

/** One page of the dwellings of a stock area the caller may see, by residence then RPLS id; two queries. */
export async function listDwellings(caller: Caller, area: StockArea, f: DwellingFilters, db: Db = prisma) {
  const where: Prisma.DwellingWhereInput = {
    bailleurOrgId: area.bailleurOrgId, commune: area.territory,
    ...(f.financing ? { financing: f.financing } : {}), ...(f.typology ? { typology: f.typology } : {}), ...(f.qpv !== undefined ? { qpv: f.qpv } : {}),
    ...(f.q ? { OR: [{ rplsId: { startsWith: f.q.toUpperCase().replace(/\s+/g, "") } }, { residence: { contains: f.q, mode: "insensitive" } }, { street: { contains: f.q, mode: "insensitive" } }] } : {}),
  };
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    db.dwelling.findMany({
      where, orderBy: [{ residence: "asc" }, { rplsId: "asc" }], skip: (page - 1) * DWELLING_PAGE_SIZE, take: DWELLING_PAGE_SIZE,
      select: { id: true, rplsId: true, residence: true, addressNumber: true, street: true, postcode: true, commune: true, financing: true, typology: true, surfaceCentiM2: true, qpv: true, classification: true, pmr: true, dpeClass: true, rentCents: true, chargesCents: true, firstLettingYear: true, regimes: { select: regimeSelect } },
    }),
    db.dwelling.count({ where }),
  ]);
  return { rows: rows.map(({ regimes, ...d }) => ({ ...d, regimes: regimes.map(rowOf) })), total, page, pageSize: DWELLING_PAGE_SIZE };
}

/** A dwelling the caller may see with its regime history, or null (404); `editable` for its bailleur's ADMIN and AGENT. */
export async function getDwelling(caller: Caller, id: string, db: Db = prisma) {
  const areas = await stockAreas(caller, db);
  const d = await db.dwelling.findFirst({ where: { AND: [{ id }, dwellingScope(caller, areas)] }, include: { regimes: { orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] } } });
  if (!d) return null;
  return { ...d, regimes: d.regimes.map((r) => ({ ...r, effectiveOn: isoOf(r.effectiveOn) })), editable: d.bailleurOrgId === caller.org.id && caller.role !== "READER" };
}

/** The assiette of several years of a stock area the caller got from `stockAreas` (ACC-1 already applied). */
export function areaAssiette(area: StockArea, years: readonly number[], db: Db = prisma) {
  return assietteForYears(db, area.bailleurOrgId, area.territory, years);
}

/** The rotation of a stock area the caller got from `stockAreas`. */
export function areaRotation(area: StockArea, db: Db = prisma) {
  return rotationSummary(db, area.bailleurOrgId, area.territory);
}
