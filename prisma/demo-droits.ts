// The demo's droits de suite and droits uniques (issue 9, RES-7..12) for the Choisy-le-Roi / Valophis réservation
// convention: Choisy's inventory of 977 droits de suite at 31 December 2023 in seven agreements, converted at the
// agreed 5.24 % into 792 droits uniques (rounded; 792.02 exactly), a new programme's guarantee in 2024 and land
// brought by the Ville in 2025, and the bailleur's declarations for 2024–2026 (State's part 30 %).
// The conversion goes through the same computation as the « Enregistrer la conversion » action.
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { convertDroitsDeSuite, guaranteeRightsEnd, remainingYears } from "../lib/domain";
import { conversionOf, type AgreementRow } from "../lib/server/droits";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const DEMO_INVENTORY_ON = "2023-12-31";
export const DEMO_RATE_PROVENANCE = "Taux départemental retenu par la convention (Val-de-Marne)";

/** The agreements in force at 31/12/2023: loan guarantees (rights run 5 years after the last repayment, RES-8), land, funding. */
const AGREEMENTS: { reference: string; origin: "LOAN_GUARANTEE" | "LAND" | "FUNDING"; programme: string; droitsDeSuite: number; lastRepaymentOn?: string; endOn?: string }[] = [
  { reference: "GAR-1986-04", origin: "LOAN_GUARANTEE", programme: "Cité des Navigateurs, avenue de Villeneuve-Saint-Georges (312 logements)", droitsDeSuite: 248, lastRepaymentOn: "2029-06-30" },
  { reference: "GAR-1994-11", origin: "LOAN_GUARANTEE", programme: "Résidence Les Gondoles, rue des Gondoles (220 logements)", droitsDeSuite: 176, lastRepaymentOn: "2036-12-31" },
  { reference: "GAR-2003-02", origin: "LOAN_GUARANTEE", programme: "Résidence Anatole-France, avenue Anatole-France (164 logements)", droitsDeSuite: 131, lastRepaymentOn: "2040-03-31" },
  { reference: "GAR-2009-06", origin: "LOAN_GUARANTEE", programme: "Résidence du Port, quai des Gondoles (80 logements)", droitsDeSuite: 64, lastRepaymentOn: "2042-09-30" },
  { reference: "FON-1998-01", origin: "LAND", programme: "Îlot Jean-Jaurès, terrain apporté par la Ville (140 logements)", droitsDeSuite: 112, endOn: "2041-12-31" },
  { reference: "FIN-2006-03", origin: "FUNDING", programme: "Résidence Sébastopol, subvention de la Ville (182 logements)", droitsDeSuite: 146, endOn: "2033-06-30" },
  { reference: "FIN-2012-05", origin: "FUNDING", programme: "Résidence Louise-Michel, subvention de la Ville (125 logements)", droitsDeSuite: 100, endOn: "2040-05-15" },
];

/** RES-11: all réservataires' droits uniques on Valophis's stock in Choisy-le-Roi, declared by the bailleur. */
const SHARE_INPUTS = [
  { year: 2024, allDroitsUniques: 2350 },
  { year: 2025, allDroitsUniques: 2480 },
  { year: 2026, allDroitsUniques: 2900 },
];
const STATE_PART_PPM = 300_000;

/**
 * Writes the droits of the Choisy / Valophis réservation convention. `ratePpm` and `rateProvenance` are the rotation
 * recorded with the conversion (the agreed 5.24 % by default); rights dated after `today` are not written.
 */
export async function seedDemoDroits(
  tx: Tx,
  x: { conventionId: string; personId: string; today: string; ratePpm?: number; rateProvenance?: string },
): Promise<{ agreements: number; droitsDeSuite: number; total: number; rounded: number; grants: number }> {
  const ratePpm = x.ratePpm ?? 52_400;
  const rate = ratePpm / 1_000_000;
  const rows: AgreementRow[] = [];
  for (const a of AGREEMENTS) {
    const endOn = a.lastRepaymentOn ? guaranteeRightsEnd(a.lastRepaymentOn) : a.endOn!;
    const row = await tx.reservationAgreement.create({
      data: {
        conventionId: x.conventionId, reference: a.reference, origin: a.origin, programme: a.programme, droitsDeSuite: a.droitsDeSuite,
        endOn: day(endOn), lastRepaymentOn: a.lastRepaymentOn ? day(a.lastRepaymentOn) : null, createdById: x.personId, createdAt: new Date("2024-06-18T09:00:00Z"),
      },
    });
    rows.push({ id: row.id, reference: a.reference, origin: a.origin, programme: a.programme, droitsDeSuite: a.droitsDeSuite, endOn, lastRepaymentOn: a.lastRepaymentOn ?? null });
  }
  const c = conversionOf(rows, DEMO_INVENTORY_ON, rate);
  await tx.droitsConversion.create({
    data: {
      conventionId: x.conventionId, inventoryOn: day(DEMO_INVENTORY_ON), ratePpm, rateProvenance: x.rateProvenance ?? DEMO_RATE_PROVENANCE,
      total: c.total, rounded: c.rounded, lines: c.lines as unknown as Prisma.InputJsonValue, createdById: x.personId, createdAt: new Date("2024-06-20T10:00:00Z"),
    },
  });
  // RES-9: the guarantee of a new programme (45 dwellings → at most 9 rights, converted at once) and land from the Ville.
  const guarantee = { on: "2024-09-16", programmeDwellings: 45, droits: 9, lastRepaymentOn: "2064-03-31" };
  const grants: Prisma.DroitUniqueGrantCreateManyInput[] = [
    {
      conventionId: x.conventionId, on: day(guarantee.on), origin: "LOAN_GUARANTEE", programme: "Résidence Les Hautes-Bornes, construction neuve (45 logements)",
      programmeDwellings: guarantee.programmeDwellings, droitsDeSuite: guarantee.droits, ratePpm,
      droitsUniques: convertDroitsDeSuite([{ id: "garantie", droitsDeSuite: guarantee.droits, remainingYears: remainingYears(guaranteeRightsEnd(guarantee.lastRepaymentOn), guarantee.on) }], rate).total,
      createdById: x.personId,
    },
    { conventionId: x.conventionId, on: day("2025-04-10"), origin: "LAND", programme: "Îlot Sébastopol, terrain apporté par la Ville (bail à construction)", droitsUniques: 6, createdById: x.personId },
  ].filter((g) => (g.on as Date).toISOString().slice(0, 10) <= x.today);
  if (grants.length) await tx.droitUniqueGrant.createMany({ data: grants });
  await tx.fluxShareInput.createMany({
    data: SHARE_INPUTS.filter((s) => `${s.year}-01-01` <= x.today).map((s) => ({ conventionId: x.conventionId, year: s.year, allDroitsUniques: s.allDroitsUniques, statePartPpm: STATE_PART_PPM, recordedById: x.personId })),
  });
  return { agreements: rows.length, droitsDeSuite: c.droitsDeSuite, total: c.total, rounded: c.rounded, grants: grants.length };
}
