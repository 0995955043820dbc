import { z } from "zod";
import { guaranteeRightsEnd, guaranteeRightsMax } from "@/lib/domain";
import { ZIsoDate } from "./convention-life";
import { parsePercent } from "./conventions";
import { ZId } from "./fields";

// Droits de suite and droits uniques of a réservation convention (issue 9, RES-7..12): one schema per form,
// shared by the browser and the server action. Form values are strings (« 977 », « 12,5 », « 30 » for 30 %).

export const DROIT_ORIGIN_LABELS = { LOAN_GUARANTEE: "Garantie d'emprunt", LAND: "Apport de terrain", FUNDING: "Financement" } as const;
export type AgreementOrigin = keyof typeof DROIT_ORIGIN_LABELS;
const ORIGINS = Object.keys(DROIT_ORIGIN_LABELS) as [AgreementOrigin, ...AgreementOrigin[]];

const origin = z.enum(ORIGINS, { error: "Origine : garantie d'emprunt, apport de terrain ou financement." });
const text = (label: string, max: number) => z.string().trim().min(1, `${label} : obligatoire.`).max(max, `${label} : ${max} caractères au plus.`);
const optionalDate = (label: string) => z.union([z.literal(""), ZIsoDate(label)]).optional().transform((s) => (s ? s : null));

/** A whole number typed in a field (« 1 250 » accepted), between `min` and `max`; null when empty. */
function intOrEmpty(label: string, min: number, max = 1_000_000) {
  return z.union([z.string(), z.number()]).optional().transform((v, ctx) => {
    const s = v === undefined ? "" : String(v).replace(/[\s\u00a0\u202f]/g, "");
    if (s === "") return null;
    if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
      ctx.addIssue({ code: "custom", message: `${label} : nombre entier ${min === 0 ? "positif ou nul" : `d'au moins ${min}`}${max < 1_000_000 ? ` et d'au plus ${max}` : ""}.` });
      return z.NEVER;
    }
    return Number(s);
  });
}
const requiredInt = (label: string, min: number, max?: number) =>
  intOrEmpty(label, min, max).refine((n) => n !== null, `${label} : obligatoire.`).transform((n) => n as number);

/** « 12,5 » → 12.5: a positive number of droits uniques, two decimals at most; null when empty. */
function decimalOrEmpty(label: string) {
  return z.union([z.string(), z.number()]).optional().transform((v, ctx) => {
    const s = v === undefined ? "" : String(v).replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    if (s === "") return null;
    if (!/^\d+(\.\d{1,2})?$/.test(s) || Number(s) <= 0 || Number(s) > 100_000) {
      ctx.addIssue({ code: "custom", message: `${label} : nombre positif attendu, deux décimales au plus, par exemple 12,5.` });
      return z.NEVER;
    }
    return Number(s);
  });
}

/**
 * RES-7/8: a reservation agreement (droits de suite). For a loan guarantee the rights run until 5 years after the
 * loan's last repayment (RES-8): the end date is computed from it; otherwise the end date is typed.
 */
export const ZAgreementInput = z.object({
  conventionId: ZId,
  reference: text("Référence", 60),
  origin,
  programme: text("Programme", 200),
  droitsDeSuite: requiredInt("Droits de suite", 0),
  endOn: optionalDate("Fin des droits"),
  lastRepaymentOn: optionalDate("Dernière échéance du prêt"),
}).superRefine((v, ctx) => {
  if (v.origin === "LOAN_GUARANTEE" && !v.lastRepaymentOn) {
    ctx.addIssue({ code: "custom", path: ["lastRepaymentOn"], message: "Dernière échéance du prêt : obligatoire pour une garantie d'emprunt (les droits courent 5 ans après, RES-8)." });
  }
  if (v.origin !== "LOAN_GUARANTEE" && !v.endOn) ctx.addIssue({ code: "custom", path: ["endOn"], message: "Fin des droits : date obligatoire." });
}).transform((v) => ({
  ...v,
  lastRepaymentOn: v.origin === "LOAN_GUARANTEE" ? v.lastRepaymentOn : null,
  endOn: v.origin === "LOAN_GUARANTEE" ? guaranteeRightsEnd(v.lastRepaymentOn!) : v.endOn!,
}));
export type TAgreementInput = z.input<typeof ZAgreementInput>;
export type TAgreement = z.output<typeof ZAgreementInput>;

/** RES-7: the conversion, once, at the inventory date (the server computes everything else). */
export const ZConversionInput = z.object({ conventionId: ZId, inventoryOn: ZIsoDate("Date d'inventaire") });
export type TConversionInput = z.input<typeof ZConversionInput>;

/**
 * RES-9: new rights. A loan guarantee of a new programme gives at most 20 % of its dwellings, converted at once into
 * droits uniques with the rate in force, over the time left until 5 years after the loan's last repayment (RES-8);
 * land and funding give a number of droits uniques agreed between the parties.
 */
export const ZGrantInput = z.object({
  conventionId: ZId,
  on: ZIsoDate("Date"),
  origin,
  programme: text("Programme", 200),
  programmeDwellings: intOrEmpty("Logements du programme", 1),
  droits: intOrEmpty("Droits de réservation", 1),
  lastRepaymentOn: optionalDate("Dernière échéance du prêt"),
  droitsUniques: decimalOrEmpty("Droits uniques convenus"),
}).superRefine((v, ctx) => {
  if (v.origin === "LOAN_GUARANTEE") {
    if (v.programmeDwellings === null) ctx.addIssue({ code: "custom", path: ["programmeDwellings"], message: "Logements du programme : obligatoire pour une garantie d'emprunt." });
    if (v.droits === null) ctx.addIssue({ code: "custom", path: ["droits"], message: "Droits de réservation : obligatoire pour une garantie d'emprunt." });
    if (v.programmeDwellings !== null && v.droits !== null && v.droits > guaranteeRightsMax(v.programmeDwellings)) {
      ctx.addIssue({ code: "custom", path: ["droits"], message: `Droits de réservation : 20 % des logements du programme au plus, soit ${guaranteeRightsMax(v.programmeDwellings)} (RES-9).` });
    }
    if (!v.lastRepaymentOn) ctx.addIssue({ code: "custom", path: ["lastRepaymentOn"], message: "Dernière échéance du prêt : obligatoire pour une garantie d'emprunt (RES-8)." });
    else if (v.lastRepaymentOn < v.on) ctx.addIssue({ code: "custom", path: ["lastRepaymentOn"], message: "Dernière échéance du prêt : elle ne peut précéder la garantie." });
  } else if (v.droitsUniques === null) {
    ctx.addIssue({ code: "custom", path: ["droitsUniques"], message: "Droits uniques convenus : obligatoire (volume convenu entre les parties, RES-9)." });
  }
}).transform((v) => (v.origin === "LOAN_GUARANTEE"
  ? { conventionId: v.conventionId, on: v.on, origin: v.origin, programme: v.programme, programmeDwellings: v.programmeDwellings!, droits: v.droits!, lastRepaymentOn: v.lastRepaymentOn!, droitsUniques: null }
  : { conventionId: v.conventionId, on: v.on, origin: v.origin, programme: v.programme, programmeDwellings: null, droits: null, lastRepaymentOn: null, droitsUniques: v.droitsUniques! }));
export type TGrantInput = z.input<typeof ZGrantInput>;

/** RES-11: what the bailleur declares for a year: all réservataires' droits uniques on the territory, the State's part. */
export const ZShareInput = z.object({
  conventionId: ZId,
  year: requiredInt("Année", 2000, 2100),
  allDroitsUniques: requiredInt("Droits uniques de tous les réservataires", 1),
  statePart: z.union([z.string(), z.number()]).transform((v, ctx) => {
    const s = String(v).trim();
    const f = s === "" ? null : parsePercent(s);
    if (f === null) { ctx.addIssue({ code: "custom", message: "Part de l'État : pourcentage entre 0 et 100, par exemple 30 ou 30,5." }); return z.NEVER; }
    return f;
  }),
}).transform((v) => ({ conventionId: v.conventionId, year: v.year, allDroitsUniques: v.allDroitsUniques, statePartPpm: Math.round(v.statePart * 1_000_000) }));
export type TShareInput = z.input<typeof ZShareInput>;
