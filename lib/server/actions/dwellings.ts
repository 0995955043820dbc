import "server-only";
import { ZAgreedRotationInput, ZCreateDwellingInput, ZRotationImportInput, ZRegimeChangeInput, ZRotationVintageInput, ZUpdateDwellingInput, type TDwellingFields, type TRegimeFields } from "@/lib/validation/dwellings";
import { ActionError, NotFoundError, orgAction, type ActionCtx } from "../action";
import { day } from "../conventions";

// The bailleur's stock (issue 9, RES-1..6): dwellings edited one by one, their regime over time, and the rotation.
// Only the bailleur's ADMINs and AGENTs write; a réservataire reads (lib/server/dwellings.ts).

function assertBailleur(ctx: ActionCtx) {
  if (ctx.caller.org.kind !== "BAILLEUR") throw new ActionError("Seul un bailleur gère son patrimoine et ses taux de rotation.");
}

export const dwellingData = (f: TDwellingFields) => ({
  rplsId: f.rplsId, residence: f.residence, addressNumber: f.addressNumber, street: f.street, commune: f.commune, postcode: f.postcode,
  financing: f.financing, typology: f.typology, surfaceCentiM2: f.surface, qpv: f.qpv, constructionPeriod: f.constructionPeriod,
  rentCents: f.rent, chargesCents: f.charges, dpeClass: f.dpeClass, pmr: f.pmr, classification: f.classification, firstLettingYear: f.firstLettingYear,
});

export const regimeData = (r: TRegimeFields) => ({
  kind: r.regime,
  reason: r.regime === "EXCLUDED" ? r.reason : null,
  category: r.regime === "SOUSTRAIT" ? r.category : null,
  year: r.regime === "SOUSTRAIT" && r.year !== "" ? r.year : null,
  reference: r.regime === "SOUSTRAIT" ? r.reference : null,
});

/** The initial regime holds from the start, so that the assiette of past years reads it too. */
export const INITIAL_REGIME_ON = "1900-01-01";

export const createDwelling = orgAction({
  name: "dwellings.create",
  roles: ["ADMIN", "AGENT"],
  schema: ZCreateDwellingInput,
  async handler(input, ctx) {
    assertBailleur(ctx);
    const exists = await ctx.tx.dwelling.findUnique({ where: { bailleurOrgId_rplsId: { bailleurOrgId: ctx.caller.org.id, rplsId: input.rplsId } }, select: { id: true } });
    if (exists) throw new ActionError("Un logement porte déjà cet identifiant RPLS.", { rplsId: ["Identifiant RPLS déjà enregistré."] });
    const regime = regimeData(input);
    const effectiveOn = regime.kind === "SOUSTRAIT" ? `${regime.year}-01-01` : INITIAL_REGIME_ON;
    const d = await ctx.tx.dwelling.create({
      data: { bailleurOrgId: ctx.caller.org.id, ...dwellingData(input), regimes: { create: { ...regime, effectiveOn: day(effectiveOn), source: "FORM", recordedById: ctx.caller.personId } } },
    });
    await ctx.audit({ action: "dwelling.create", entityType: "Dwelling", entityId: d.id, fields: Object.keys(dwellingData(input)) });
    return { id: d.id };
  },
});

export const updateDwelling = orgAction({
  name: "dwellings.update",
  roles: ["ADMIN", "AGENT"],
  schema: ZUpdateDwellingInput,
  async handler(input, ctx) {
    assertBailleur(ctx);
    const d = await ctx.tx.dwelling.findFirst({ where: { id: input.dwellingId, bailleurOrgId: ctx.caller.org.id } });
    if (!d) throw new NotFoundError();
    const next = dwellingData(input);
    if (next.rplsId !== d.rplsId && (await ctx.tx.dwelling.findUnique({ where: { bailleurOrgId_rplsId: { bailleurOrgId: ctx.caller.org.id, rplsId: next.rplsId } }, select: { id: true } }))) {
      throw new ActionError("Un autre logement porte déjà cet identifiant RPLS.", { rplsId: ["Identifiant RPLS déjà enregistré."] });
    }
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== d[k]);
    const r = await ctx.tx.dwelling.updateMany({ where: { id: d.id, version: input.version }, data: { ...next, version: { increment: 1 } } });
    if (r.count === 0) throw new ActionError("Ce logement vient d'être modifié par une autre personne. Rechargez la page : votre saisie reste dans le formulaire.");
    await ctx.audit({ action: "dwelling.update", entityType: "Dwelling", entityId: d.id, fields: changed });
  },
});

/** RES-1..3: a dated regime change (excluded for good, back in the flux) or a soustraction for a year. */
export const changeDwellingRegime = orgAction({
  name: "dwellings.changeRegime",
  roles: ["ADMIN", "AGENT"],
  schema: ZRegimeChangeInput,
  async handler(input, ctx) {
    assertBailleur(ctx);
    const d = await ctx.tx.dwelling.findFirst({ where: { id: input.dwellingId, bailleurOrgId: ctx.caller.org.id }, select: { id: true } });
    if (!d) throw new NotFoundError();
    const regime = regimeData(input);
    const effectiveOn = regime.kind === "SOUSTRAIT" ? `${regime.year}-01-01` : input.effectiveOn;
    await ctx.tx.dwellingRegime.create({ data: { dwellingId: d.id, ...regime, effectiveOn: day(effectiveOn), source: "FORM", recordedById: ctx.caller.personId } });
    await ctx.tx.dwelling.update({ where: { id: d.id }, data: { version: { increment: 1 } } });
    await ctx.audit({ action: "dwelling.regime", entityType: "Dwelling", entityId: d.id, fields: ["regime"] });
  },
});

/** RES-5: writes (or replaces) one vintage of the caller's bailleur on a territory. */
function upsertVintage(ctx: ActionCtx, territory: string, v: { year: number; moveIns: number; letDwellings: number }) {
  const data = { moveIns: v.moveIns, letDwellings: v.letDwellings, recordedById: ctx.caller.personId };
  return ctx.tx.rotationVintage.upsert({
    where: { bailleurOrgId_territory_year: { bailleurOrgId: ctx.caller.org.id, territory, year: v.year } },
    create: { bailleurOrgId: ctx.caller.org.id, territory, year: v.year, ...data },
    update: data,
  });
}

/** RES-5: an RPLS vintage entered (or corrected) for the bailleur on a territory. */
export const addRotationVintage = orgAction({
  name: "rotation.addVintage",
  roles: ["ADMIN", "AGENT"],
  schema: ZRotationVintageInput,
  async handler(input, ctx) {
    assertBailleur(ctx);
    const v = await upsertVintage(ctx, input.territory, input);
    await ctx.audit({ action: "rotation.vintage", entityType: "RotationVintage", entityId: v.id, fields: ["moveIns", "letDwellings"] });
  },
});

/** RES-6: a rate agreed instead of the RPLS mean (e.g. the departmental 5.24 %), with its provenance. */
export const setAgreedRotation = orgAction({
  name: "rotation.setAgreed",
  roles: ["ADMIN", "AGENT"],
  schema: ZAgreedRotationInput,
  async handler(input, ctx) {
    assertBailleur(ctx);
    const a = await ctx.tx.agreedRotation.create({ data: { bailleurOrgId: ctx.caller.org.id, territory: input.territory, ratePpm: input.rate, provenance: input.provenance, recordedById: ctx.caller.personId } });
    await ctx.audit({ action: "rotation.agreed", entityType: "AgreedRotation", entityId: a.id, fields: ["rate", "provenance"] });
  },
});

/** RES-5: several vintages at once, pasted from the RPLS extraction (each one replaces the same year's). */
export const importRotationVintages = orgAction({
  name: "rotation.importVintages",
  roles: ["ADMIN", "AGENT"],
  schema: ZRotationImportInput,
  async handler(input, ctx) {
    assertBailleur(ctx);
    for (const v of input.rows) await upsertVintage(ctx, input.territory, v);
    await ctx.audit({ action: "rotation.import", entityType: "RotationVintage", entityId: null, fields: ["moveIns", "letDwellings"] });
    return { count: input.rows.length };
  },
});
