import "server-only";
import {
  FLUX_DEFAULTS, addDays, convertDroitsDeSuite, droitsUniquesNextStock, formatDomainError, guaranteeShare, isDomainError, remainingYears,
  reservataireShare, shareDiffersMarkedly, type IsoDate,
} from "@/lib/domain";
import { isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Caller } from "./access";
import { paramsInForce } from "./conventions";
import { prisma, type Db } from "./db";
import { rotationSummary } from "./dwellings";

// Droits de suite → droits uniques, the stock per year and the share check of a réservation convention
// (issue 9, RES-7..12). ACC-1: only the convention's parties (the réservataire and the bailleur) see them.

export type AgreementOrigin = "LOAN_GUARANTEE" | "LAND" | "FUNDING";
/** RES-9: every droit unique keeps its origin; the converted stock keeps its agreement's origin. */
export const STOCK_KEYS = ["CONVERTED_STOCK:LOAN_GUARANTEE", "CONVERTED_STOCK:LAND", "CONVERTED_STOCK:FUNDING", "LOAN_GUARANTEE", "LAND", "FUNDING"] as const;
export type StockKey = (typeof STOCK_KEYS)[number];
export const isGuaranteeKey = (k: StockKey) => k.endsWith("LOAN_GUARANTEE");
const convertedKey = (o: string) => `CONVERTED_STOCK:${o}` as StockKey;

const roundHalfUp = (x: number) => Math.floor(x + 0.5 + 1e-9);
const zeros = (): Record<StockKey, number> => Object.fromEntries(STOCK_KEYS.map((k) => [k, 0])) as Record<StockKey, number>;
const sum = (r: Record<StockKey, number>) => STOCK_KEYS.reduce((s, k) => s + r[k], 0);

// ─── The convention ──────────────────────────────────────────────────────────────────────────────

const conventionSelect = {
  id: true, title: true, territory: true, startOn: true, parameters: true,
  parties: { select: { organisationId: true, partyRole: true, organisation: { select: { name: true } } } },
  events: { select: { type: true, payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
} satisfies Prisma.ConventionSelect;
export type DroitsConvention = Prisma.ConventionGetPayload<{ select: typeof conventionSelect }>;

/** The réservation convention, if the caller's organisation is a party to it (ACC-1); null otherwise (404). */
export async function droitsConvention(db: Db, caller: Pick<Caller, "org">, conventionId: string): Promise<DroitsConvention | null> {
  return db.convention.findFirst({
    where: { id: conventionId, kind: "RESERVATION_FLUX", parties: { some: { organisationId: caller.org.id } } },
    select: conventionSelect,
  });
}

export type RateInForce = { rate: number; ratePpm: number; provenance: string };

/**
 * RES-6: the rotation in force for the convention's bailleur on its territory (an agreed rate wins over the RPLS mean),
 * taken in millionths: the rate recorded with a conversion is exactly the one it was computed with.
 */
export async function rateInForce(db: Db, conv: Pick<DroitsConvention, "territory" | "parties">): Promise<RateInForce | null> {
  const bailleur = conv.parties.find((p) => p.partyRole === "BAILLEUR");
  if (!bailleur || !conv.territory) return null;
  const inForce = (await rotationSummary(db, bailleur.organisationId, conv.territory)).inForce;
  if (!inForce) return null;
  const ratePpm = Math.round(inForce.rate * 1_000_000);
  return { rate: ratePpm / 1_000_000, ratePpm, provenance: inForce.provenance };
}

// ─── RES-7: the conversion ───────────────────────────────────────────────────────────────────────

export type AgreementRow = { id: string; reference: string; origin: string; programme: string; droitsDeSuite: number; endOn: IsoDate; lastRepaymentOn: IsoDate | null };
export type ConversionLine = { agreementId: string; reference: string; origin: string; programme: string; droitsDeSuite: number; endOn: IsoDate; remainingYears: number; droitsUniques: number };
export type ConversionResult = { inventoryOn: IsoDate; lines: ConversionLine[]; droitsDeSuite: number; total: number; rounded: number; expired: AgreementRow[] };

/**
 * RES-7/8: droits uniques = droits de suite × remaining years × rotation, per agreement still running at the inventory
 * date; the total keeps the fractions, `rounded` is the count in force. Agreements already ended are listed apart.
 */
export function conversionOf(agreements: readonly AgreementRow[], inventoryOn: IsoDate, rate: number): ConversionResult {
  const running = agreements.filter((a) => a.endOn > inventoryOn);
  const years = running.map((a) => remainingYears(a.endOn, inventoryOn));
  const c = convertDroitsDeSuite(running.map((a, i) => ({ id: a.id, droitsDeSuite: a.droitsDeSuite, remainingYears: years[i] })), rate);
  return {
    inventoryOn,
    lines: running.map((a, i) => ({
      agreementId: a.id, reference: a.reference, origin: a.origin, programme: a.programme, droitsDeSuite: a.droitsDeSuite, endOn: a.endOn,
      remainingYears: years[i], droitsUniques: c.perAgreement[i].droitsUniques,
    })),
    droitsDeSuite: running.reduce((s, a) => s + a.droitsDeSuite, 0),
    total: c.total,
    rounded: c.rounded,
    expired: agreements.filter((a) => a.endOn <= inventoryOn),
  };
}

export async function agreementRows(db: Db, conventionId: string): Promise<AgreementRow[]> {
  const rows = await db.reservationAgreement.findMany({ where: { conventionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((a) => ({
    id: a.id, reference: a.reference, origin: a.origin, programme: a.programme, droitsDeSuite: a.droitsDeSuite,
    endOn: isoOf(a.endOn), lastRepaymentOn: a.lastRepaymentOn ? isoOf(a.lastRepaymentOn) : null,
  }));
}

/** The inventory date proposed before the conversion is recorded: the day before the convention starts, or today. */
export function defaultInventoryOn(startOn: IsoDate, today: IsoDate): IsoDate {
  const before = addDays(startOn, -1, "RES-7");
  return before < today ? before : today;
}

// ─── RES-10: the stock per year ──────────────────────────────────────────────────────────────────

export type StockFlow = { jan1: number; acquisitions: number; consumption: number; dec31: number };
export type StockYear = StockFlow & { year: number; jan1Rounded: number; dec31Rounded: number; byKey: Record<StockKey, StockFlow> };

/**
 * RES-10: stock at 1 January N = stock at 1 January N-1 + acquisitions in N-1 − consumption in N-1, per origin.
 * The conversion opens the stock the day after its inventory date (at 1 January when the inventory is a 31 December,
 * otherwise as an acquisition of that year); new rights are acquisitions of their year. A year's consumption (the
 * counted dwellings, next issue) is taken from the origins in proportion to what each holds.
 */
export function stockByYear(x: {
  opening: { inventoryOn: IsoDate; lines: readonly { origin: string; droitsUniques: number }[] } | null;
  grants: readonly { on: IsoDate; origin: string; droitsUniques: number }[];
  consumptionByYear?: Readonly<Record<number, number>>;
  throughYear: number;
}): StockYear[] {
  const acquisitions = new Map<number, Record<StockKey, number>>();
  const acquire = (year: number, key: StockKey, n: number) => {
    const r = acquisitions.get(year) ?? zeros();
    r[key] += n;
    acquisitions.set(year, r);
  };
  let first = Infinity;
  for (const g of x.grants) {
    const year = Number(g.on.slice(0, 4));
    first = Math.min(first, year);
    acquire(year, g.origin as StockKey, g.droitsUniques);
  }
  let stock = zeros();
  if (x.opening) {
    const opensOn = addDays(x.opening.inventoryOn, 1, "RES-10");
    const year = Number(opensOn.slice(0, 4));
    // Opening at 1 January: the stock of that year starts with it (unless earlier rights already opened the table).
    const atJan1 = opensOn.endsWith("-01-01") && year <= first;
    const acquiredIn = atJan1 ? year : Number(x.opening.inventoryOn.slice(0, 4)) < year ? year - 1 : year;
    for (const l of x.opening.lines) {
      if (atJan1) stock[convertedKey(l.origin)] += l.droitsUniques;
      else acquire(acquiredIn, convertedKey(l.origin), l.droitsUniques);
    }
    first = Math.min(first, acquiredIn);
  }
  if (first === Infinity) return [];
  const last = Math.max(x.throughYear, ...acquisitions.keys());
  const rows: StockYear[] = [];
  for (let year = first; year <= last; year++) {
    const jan1 = stock;
    const acq = acquisitions.get(year) ?? zeros();
    const available = Object.fromEntries(STOCK_KEYS.map((k) => [k, jan1[k] + acq[k]])) as Record<StockKey, number>;
    const consumption = x.consumptionByYear?.[year] ?? 0;
    const positive = STOCK_KEYS.reduce((s, k) => s + Math.max(0, available[k]), 0);
    const cons = zeros();
    if (consumption > 0) {
      if (positive > 0) for (const k of STOCK_KEYS) cons[k] = (consumption * Math.max(0, available[k])) / positive;
      else cons[STOCK_KEYS.find((k) => available[k] !== 0) ?? "CONVERTED_STOCK:LOAN_GUARANTEE"] = consumption;
    }
    const dec31 = Object.fromEntries(STOCK_KEYS.map((k) => [k, available[k] - cons[k]])) as Record<StockKey, number>;
    const totals = { jan1: sum(jan1), acquisitions: sum(acq), consumption };
    const end = totals.jan1 >= 0 ? droitsUniquesNextStock({ stockJan1: totals.jan1, acquisitions: totals.acquisitions, consumption }) : totals.jan1 + totals.acquisitions - consumption;
    rows.push({
      year, ...totals, dec31: end, jan1Rounded: roundHalfUp(totals.jan1), dec31Rounded: roundHalfUp(end),
      byKey: Object.fromEntries(STOCK_KEYS.map((k) => [k, { jan1: jan1[k], acquisitions: acq[k], consumption: cons[k], dec31: dec31[k] }])) as Record<StockKey, StockFlow>,
    });
    stock = dec31;
  }
  return rows;
}

// ─── RES-11/12: the share check ──────────────────────────────────────────────────────────────────

export type ShareCheck = {
  year: number;
  /** The share agreed for the year (SHARE_AGREED, recorded from the convention page), or null. */
  agreed: number | null;
  input: { allDroitsUniques: number; statePart: number } | null;
  /** The réservataire's droits uniques at 1 January (count in force), or null before the stock starts. */
  ownDroitsUniques: number | null;
  cap: number;
  formula: number | null;
  formulaError: string | null;
  differsMarkedly: boolean | null;
  guarantee: { droitsUniques: number; partOfStock: number; share: number; cap: number; exceeds: boolean; basis: "AGREED" | "FORMULA" } | null;
};

function shareChecks(conv: DroitsConvention, stock: StockYear[], inputs: { year: number; allDroitsUniques: number; statePartPpm: number }[]): ShareCheck[] {
  const agreed = new Map<number, number>();
  for (const e of conv.events) {
    const p = e.payload as { type?: string; year?: number; share?: number };
    if (e.type === "SHARE_AGREED" && typeof p.year === "number" && typeof p.share === "number") agreed.set(p.year, p.share);
  }
  const inputOf = new Map(inputs.map((i) => [i.year, i]));
  const stockOf = new Map(stock.map((s) => [s.year, s]));
  const years = [...new Set([...stock.map((s) => s.year), ...inputOf.keys(), ...agreed.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const params = paramsInForce((conv.parameters ?? {}) as Record<string, unknown>, conv.events, `${year}-01-01`);
    const cap = typeof params.objectiveCap === "number" ? params.objectiveCap : FLUX_DEFAULTS.objectiveCap;
    const guaranteeCap = typeof params.guaranteeCap === "number" ? params.guaranteeCap : FLUX_DEFAULTS.guaranteeCap;
    const s = stockOf.get(year) ?? null;
    const i = inputOf.get(year) ?? null;
    const input = i ? { allDroitsUniques: i.allDroitsUniques, statePart: i.statePartPpm / 1_000_000 } : null;
    const own = s ? s.jan1Rounded : null;
    let formula: number | null = null;
    let formulaError: string | null = null;
    if (input && own !== null) {
      try {
        formula = reservataireShare({ droitsUniques: own, allDroitsUniques: input.allDroitsUniques, stateShare: input.statePart, cap });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        formulaError = e.code === "EXCEEDS"
          ? `Les droits uniques déclarés pour l'ensemble des réservataires (${input.allDroitsUniques}) sont inférieurs à ceux de la commune (${own}) : la déclaration est à corriger.`
          : formatDomainError(e);
      }
    }
    const agreedShare = agreed.get(year) ?? null;
    const differsMarkedly = agreedShare !== null && formula !== null ? shareDiffersMarkedly(agreedShare, formula) : null;
    let guarantee: ShareCheck["guarantee"] = null;
    const basisShare = agreedShare ?? formula;
    if (s && s.jan1 > 0 && basisShare !== null) {
      const g = Math.max(0, STOCK_KEYS.filter(isGuaranteeKey).reduce((t, k) => t + s.byKey[k].jan1, 0));
      const r = guaranteeShare({ share: basisShare, guaranteeDroitsUniques: Math.min(g, s.jan1), droitsUniques: s.jan1 }, guaranteeCap);
      guarantee = { droitsUniques: g, partOfStock: Math.min(g, s.jan1) / s.jan1, share: r.share, cap: guaranteeCap, exceeds: r.exceeds, basis: agreedShare !== null ? "AGREED" : "FORMULA" };
    }
    return { year, agreed: agreedShare, input, ownDroitsUniques: own, cap, formula, formulaError, differsMarkedly, guarantee };
  });
}

// ─── The page's read model ───────────────────────────────────────────────────────────────────────

export type DroitsViewOptions = {
  /** The inventory date of the preview, before the conversion is recorded (default: the day before the convention starts). */
  inventoryOn?: IsoDate;
  /**
   * RES-10: dwellings counted in the flux for the réservataire (RES-13), per year: the page passes
   * lib/server/vacancies.ts consumptionByYear (zero when omitted).
   */
  consumptionByYear?: Readonly<Record<number, number>>;
  db?: Db;
};

/**
 * The droits of a réservation convention: agreements, the conversion preview and the recorded conversion (RES-7/8),
 * new rights (RES-9), the stock per year (RES-10) and the share check per year (RES-11/12). Null unless the caller's
 * organisation is a party to that RESERVATION_FLUX convention (the page answers 404).
 */
export async function droitsView(caller: Pick<Caller, "org" | "role">, conventionId: string, today: IsoDate, opts: DroitsViewOptions = {}) {
  const db = opts.db ?? prisma;
  const conv = await droitsConvention(db, caller, conventionId);
  if (!conv) return null;
  const [agreements, recorded, grantRows, inputs, rate] = await Promise.all([
    agreementRows(db, conv.id),
    db.droitsConversion.findUnique({ where: { conventionId: conv.id } }),
    db.droitUniqueGrant.findMany({ where: { conventionId: conv.id }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] }),
    db.fluxShareInput.findMany({ where: { conventionId: conv.id }, orderBy: { year: "asc" } }),
    rateInForce(db, conv),
  ]);
  const conversion = recorded
    ? {
      inventoryOn: isoOf(recorded.inventoryOn), ratePpm: recorded.ratePpm, rate: recorded.ratePpm / 1_000_000, rateProvenance: recorded.rateProvenance,
      total: recorded.total, rounded: recorded.rounded, lines: recorded.lines as unknown as ConversionLine[], recordedOn: isoOf(recorded.createdAt),
    }
    : null;
  const inventoryOn = conversion?.inventoryOn ?? opts.inventoryOn ?? defaultInventoryOn(isoOf(conv.startOn), today);
  const preview = conversion || !rate ? null : { ...conversionOf(agreements, inventoryOn, rate.rate), rate };
  const grants = grantRows.map((g) => ({
    id: g.id, on: isoOf(g.on), origin: g.origin, programme: g.programme, programmeDwellings: g.programmeDwellings, droits: g.droitsDeSuite, ratePpm: g.ratePpm,
    droitsUniques: g.droitsUniques,
    /** RES-8: the years the guarantee's rights were converted over (droits uniques ÷ (droits × rotation)). */
    remainingYears: g.droitsDeSuite && g.ratePpm ? g.droitsUniques / (g.droitsDeSuite * (g.ratePpm / 1_000_000)) : null,
  }));
  const opening = conversion ?? preview;
  const throughYear = Math.max(Number(today.slice(0, 4)), ...inputs.map((i) => i.year));
  const stock = stockByYear({ opening: opening && opening.lines.length > 0 ? { inventoryOn: opening.inventoryOn, lines: opening.lines } : null, grants, consumptionByYear: opts.consumptionByYear, throughYear });
  const mine = conv.parties.find((p) => p.organisationId === caller.org.id)!;
  const mayWrite = caller.role === "ADMIN" || caller.role === "AGENT";
  const signed = conv.events.some((e) => e.type === "SIGNED");
  return {
    convention: {
      id: conv.id, title: conv.title, territory: conv.territory, startOn: isoOf(conv.startOn), signed,
      bailleur: conv.parties.find((p) => p.partyRole === "BAILLEUR")?.organisation.name ?? null,
      reservataire: conv.parties.find((p) => p.partyRole === "RESERVATAIRE")?.organisation.name ?? null,
    },
    myRole: mine.partyRole,
    mayWrite: mayWrite && signed,
    mayDeclareShareInput: mayWrite && signed && mine.partyRole === "BAILLEUR",
    rate,
    inventoryOn,
    agreements: agreements.map((a) => ({ ...a, remainingYears: remainingYears(a.endOn, inventoryOn) })),
    preview,
    conversion,
    grants,
    /** Computed from the preview while the conversion is not recorded. */
    stock: { provisional: !conversion && stock.length > 0 && preview !== null && preview.lines.length > 0, rows: stock },
    shares: shareChecks(conv, stock, inputs),
  };
}
export type DroitsView = NonNullable<Awaited<ReturnType<typeof droitsView>>>;
