import "server-only";
import { convertDroitsDeSuite, guaranteeRightsEnd, guaranteeRightsMax, remainingYears } from "@/lib/domain";
import { formatDate, isoOf } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZAgreementInput, ZConversionInput, ZGrantInput, ZShareInput } from "@/lib/validation/droits";
import { ActionError, fromDomainError, NotFoundError, orgAction, type ActionCtx } from "../action";
import { today } from "../clock";
import { day } from "../conventions";
import { agreementRows, conversionOf, droitsConvention, rateInForce } from "../droits";

// Droits de suite and droits uniques of a réservation convention (issue 9, RES-7..12). Both parties (the réservataire
// and the bailleur) record the agreements, the conversion and the new rights; the bailleur alone declares the
// figures of the territory (all réservataires' droits uniques, the State's part). Writes of one convention are
// serialised by a row lock on the convention, so that the conversion is recorded once.

/** The réservation convention, locked for the transaction; 404 unless the caller's organisation is a party (ACC-1). */
async function lockDroitsConvention(ctx: ActionCtx, conventionId: string) {
  const locked = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Convention" c
    WHERE c.id = ${conventionId} AND c.kind = 'RESERVATION_FLUX'
      AND EXISTS (SELECT 1 FROM "ConventionParty" p WHERE p."conventionId" = c.id AND p."organisationId" = ${ctx.caller.org.id})
    FOR UPDATE OF c`;
  if (locked.length === 0) throw new NotFoundError();
  const conv = await droitsConvention(ctx.tx, ctx.caller, conventionId);
  if (!conv) throw new NotFoundError();
  if (!conv.events.some((e) => e.type === "SIGNED")) throw new ActionError("La convention n'est pas encore confirmée par toutes ses parties.");
  const role = conv.parties.find((p) => p.organisationId === ctx.caller.org.id)!.partyRole;
  return { conv, role };
}

function refuseFuture(on: string, field: string) {
  if (on > today()) throw new ActionError("Cette date est dans le futur.", { [field]: ["Une date passée ou aujourd'hui."] });
}

const alreadyConverted = (c: { inventoryOn: Date; createdAt: Date }) =>
  `La conversion des droits de suite est déjà enregistrée (inventaire au ${formatDate(c.inventoryOn)}, enregistrée le ${formatDate(c.createdAt)}) : elle ne se fait qu'une fois (RES-7). Le stock n'évolue plus que par les droits nouveaux et la consommation.`;

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

const noRate = (conv: { territory: string | null; parties: { partyRole: string; organisation: { name: string } }[] }) => {
  const b = conv.parties.find((p) => p.partyRole === "BAILLEUR")?.organisation.name ?? "le bailleur";
  return `Aucun taux de rotation en vigueur pour ${b}${conv.territory ? ` à ${conv.territory}` : ""} : le bailleur saisit cinq millésimes RPLS ou un taux convenu (RES-6).`;
};

/** RES-7/8: a reservation agreement (droits de suite), before the conversion. */
export const addAgreement = orgAction({
  name: "droits.addAgreement",
  roles: ["ADMIN", "AGENT"],
  schema: ZAgreementInput,
  async handler(input, ctx) {
    const { conv } = await lockDroitsConvention(ctx, input.conventionId);
    const recorded = await ctx.tx.droitsConversion.findUnique({ where: { conventionId: conv.id } });
    if (recorded) throw new ActionError(`${alreadyConverted(recorded)} Enregistrez les droits acquis depuis comme droits nouveaux (RES-9).`);
    const a = await ctx.tx.reservationAgreement.create({
      data: {
        conventionId: conv.id, reference: input.reference, origin: input.origin, programme: input.programme, droitsDeSuite: input.droitsDeSuite,
        endOn: day(input.endOn), lastRepaymentOn: input.lastRepaymentOn ? day(input.lastRepaymentOn) : null, createdById: ctx.caller.personId,
      },
    });
    await ctx.audit({
      action: "droits.agreement.add", entityType: "ReservationAgreement", entityId: a.id,
      fields: ["conventionId", "reference", "origin", "programme", "droitsDeSuite", "endOn", ...(input.lastRepaymentOn ? ["lastRepaymentOn"] : [])],
    });
    return { id: a.id };
  },
});

/** RES-7: the conversion into droits uniques, recorded once at the inventory date with its rate and provenance. */
export const convertDroits = orgAction({
  name: "droits.convert",
  roles: ["ADMIN", "AGENT"],
  schema: ZConversionInput,
  async handler(input, ctx) {
    const { conv } = await lockDroitsConvention(ctx, input.conventionId);
    const recorded = await ctx.tx.droitsConversion.findUnique({ where: { conventionId: conv.id } });
    if (recorded) throw new ActionError(alreadyConverted(recorded));
    refuseFuture(input.inventoryOn, "inventoryOn");
    const rate = await rateInForce(ctx.tx, conv);
    if (!rate) throw new ActionError(noRate(conv));
    const earlier = await ctx.tx.droitUniqueGrant.findFirst({ where: { conventionId: conv.id, on: { lte: day(input.inventoryOn) } }, select: { on: true } });
    if (earlier) {
      const msg = `Des droits nouveaux sont datés du ${formatDate(earlier.on)}, avant la date d'inventaire : la conversion porte sur le stock à cette date (RES-7).`;
      throw new ActionError(msg, { inventoryOn: [msg] });
    }
    let c;
    try {
      c = conversionOf(await agreementRows(ctx.tx, conv.id), input.inventoryOn, rate.rate);
    } catch (e) {
      throw fromDomainError(e);
    }
    if (c.lines.length === 0) {
      const msg = `Aucune convention de réservation ne court au ${formatDate(input.inventoryOn)} : il n'y a rien à convertir.`;
      throw new ActionError(msg, { inventoryOn: [msg] });
    }
    try {
      const row = await ctx.tx.droitsConversion.create({
        data: {
          conventionId: conv.id, inventoryOn: day(input.inventoryOn), ratePpm: rate.ratePpm, rateProvenance: rate.provenance, total: c.total, rounded: c.rounded,
          lines: c.lines as unknown as Prisma.InputJsonValue, createdById: ctx.caller.personId,
        },
      });
      await ctx.audit({ action: "droits.convert", entityType: "DroitsConversion", entityId: row.id, fields: ["conventionId", "inventoryOn", "ratePpm", "rateProvenance", "total", "rounded", "lines"] });
      return { id: row.id, total: c.total, rounded: c.rounded };
    } catch (e) {
      if (isUniqueViolation(e)) throw new ActionError("La conversion des droits de suite est déjà enregistrée : elle ne se fait qu'une fois (RES-7).");
      throw e;
    }
  },
});

/** RES-9: new rights — a guarantee of a new programme (at most 20 % of its dwellings, converted at once), land, funding. */
export const addGrant = orgAction({
  name: "droits.addGrant",
  roles: ["ADMIN", "AGENT"],
  schema: ZGrantInput,
  async handler(input, ctx) {
    const { conv } = await lockDroitsConvention(ctx, input.conventionId);
    refuseFuture(input.on, "on");
    const recorded = await ctx.tx.droitsConversion.findUnique({ where: { conventionId: conv.id }, select: { inventoryOn: true } });
    if (recorded && input.on <= isoOf(recorded.inventoryOn)) {
      const msg = `Les droits nouveaux s'ajoutent après la date d'inventaire (${formatDate(recorded.inventoryOn)}) : ceux d'avant sont des droits de suite, déjà convertis.`;
      throw new ActionError(msg, { on: [msg] });
    }
    let data: Prisma.DroitUniqueGrantUncheckedCreateInput;
    if (input.origin === "LOAN_GUARANTEE") {
      // RES-9: at most 20 % of the programme's dwellings, counting the rights already recorded for the same programme.
      const max = guaranteeRightsMax(input.programmeDwellings);
      const same = await ctx.tx.droitUniqueGrant.findMany({ where: { conventionId: conv.id, origin: "LOAN_GUARANTEE", programme: { equals: input.programme, mode: "insensitive" } }, select: { droitsDeSuite: true } });
      const already = same.reduce((s, g) => s + (g.droitsDeSuite ?? 0), 0);
      if (already + input.droits > max) {
        const msg = `La garantie d'un programme donne au plus 20 % de ses logements en droits de réservation, soit ${max}${already ? ` (déjà ${already} enregistrés pour ce programme)` : ""} (RES-9).`;
        throw new ActionError(msg, { droits: [msg] });
      }
      const rate = await rateInForce(ctx.tx, conv);
      if (!rate) throw new ActionError(noRate(conv));
      let droitsUniques: number;
      try {
        const years = remainingYears(guaranteeRightsEnd(input.lastRepaymentOn), input.on);
        droitsUniques = convertDroitsDeSuite([{ id: "garantie", droitsDeSuite: input.droits, remainingYears: years }], rate.rate).total;
      } catch (e) {
        throw fromDomainError(e);
      }
      data = {
        conventionId: conv.id, on: day(input.on), origin: input.origin, programme: input.programme, programmeDwellings: input.programmeDwellings,
        droitsDeSuite: input.droits, ratePpm: rate.ratePpm, droitsUniques, createdById: ctx.caller.personId,
      };
    } else {
      data = { conventionId: conv.id, on: day(input.on), origin: input.origin, programme: input.programme, droitsUniques: input.droitsUniques, createdById: ctx.caller.personId };
    }
    const g = await ctx.tx.droitUniqueGrant.create({ data });
    await ctx.audit({
      action: "droits.grant.add", entityType: "DroitUniqueGrant", entityId: g.id,
      fields: ["conventionId", "on", "origin", "programme", ...(input.origin === "LOAN_GUARANTEE" ? ["programmeDwellings", "droitsDeSuite", "ratePpm"] : []), "droitsUniques"],
    });
    return { id: g.id, droitsUniques: g.droitsUniques };
  },
});

/** RES-11: the bailleur declares, for a year, all réservataires' droits uniques on the territory and the State's part. */
export const setShareInput = orgAction({
  name: "droits.setShareInput",
  roles: ["ADMIN", "AGENT"],
  schema: ZShareInput,
  async handler(input, ctx) {
    const { conv, role } = await lockDroitsConvention(ctx, input.conventionId);
    if (role !== "BAILLEUR") throw new ActionError("Seul le bailleur déclare les droits uniques de l'ensemble des réservataires et la part de l'État (RES-11).");
    const row = await ctx.tx.fluxShareInput.upsert({
      where: { conventionId_year: { conventionId: conv.id, year: input.year } },
      create: { conventionId: conv.id, year: input.year, allDroitsUniques: input.allDroitsUniques, statePartPpm: input.statePartPpm, recordedById: ctx.caller.personId },
      update: { allDroitsUniques: input.allDroitsUniques, statePartPpm: input.statePartPpm, recordedById: ctx.caller.personId },
    });
    await ctx.audit({ action: "droits.shareInput.set", entityType: "FluxShareInput", entityId: row.id, fields: ["year", "allDroitsUniques", "statePartPpm"] });
    return { id: row.id };
  },
});
