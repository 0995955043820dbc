import { z } from "zod";
import { EXCLUSION_REASONS, SOUSTRAIT_CATEGORIES } from "@/lib/domain";
import { parseEuros } from "./conventions";
import { ZIsoDate } from "./convention-life";
import { keysOf, ZId } from "./fields";

// Dwellings of a bailleur (issue 9, RES-1..4, RES-16, RES-17): one schema for the form and for each CSV line.

export const FINANCING_LABELS = { PLAI: "PLAI", PLUS: "PLUS", PLS: "PLS", PLI: "PLI (hors flux)", AUTRE: "Autre" } as const;
export const TYPOLOGY_LABELS = { T1: "T1", T2: "T2", T3: "T3", T4: "T4", T5: "T5", "T6+": "T6 et plus" } as const;
export const PERIOD_LABELS = {
  AVANT_1949: "Avant 1949", "1949_1974": "1949 à 1974", "1975_1989": "1975 à 1989", "1990_2004": "1990 à 2004", "2005_2014": "2005 à 2014", DEPUIS_2015: "Depuis 2015",
} as const;
export const DPE_CLASSES = ["A", "B", "C", "D", "E", "F", "G"] as const;
export const REGIME_LABELS = { FLUX: "Dans le flux", EXCLUDED: "Exclu du flux (RES-2)", SOUSTRAIT: "Soustrait pour l'année (RES-3)" } as const;
export const EXCLUSION_LABELS: Record<(typeof EXCLUSION_REASONS)[number], string> = {
  NOT_SOCIAL_REGIME: "Hors régime d'attribution sociale (PLI, LLI, étudiants, foyers, résidences sociales…)",
  DEFENCE_SECURITY: "Réservé aux services de la défense ou de la sécurité intérieure",
  PUBLIC_HEALTH: "Réservé aux établissements publics de santé",
  SALE_PLAN: "Inscrit au plan de vente",
  DEMOLITION: "Voué à la démolition",
  USUFRUCT_END: "Fin d'usufruit locatif social",
};
export const SOUSTRAIT_LABELS: Record<(typeof SOUSTRAIT_CATEGORIES)[number], string> = {
  MUTATION_INTERNE: "Mutation interne",
  RENOUVELLEMENT_URBAIN: "Relogement pour le renouvellement urbain (NPNRU, ORCOD-IN)",
  PERIL_INSALUBRITE: "Relogement pour péril ou insalubrité",
  VENTE: "Relogement des locataires de logements mis en vente",
};

const req = (label: string, max = 200) => z.string().trim().min(1, `${label} : obligatoire.`).max(max, `${label} : ${max} caractères au plus.`);
const euros = (label: string) => z.string().trim().min(1, `${label} : obligatoire.`).max(20).transform((s, ctx) => {
  const c = parseEuros(s);
  if (c === null) { ctx.addIssue({ code: "custom", message: `${label} : montant en euros attendu, par exemple 412,50.` }); return z.NEVER; }
  return c;
});
const bool = (label: string) => z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === "boolean") return v;
  const s = v.trim().toLowerCase();
  if (["oui", "o", "true", "1", "vrai"].includes(s)) return true;
  if (["non", "n", "false", "0", "faux", ""].includes(s)) return false;
  ctx.addIssue({ code: "custom", message: `${label} : « oui » ou « non » attendu.` });
  return z.NEVER;
});
const oneOf = <T extends [string, ...string[]]>(values: T, label: string) =>
  z.string().trim().transform((s, ctx) => {
    const v = s.toUpperCase().replace(/\s+/g, "");
    const hit = values.find((x) => x.toUpperCase().replace(/\s+/g, "") === v);
    if (!hit) { ctx.addIssue({ code: "custom", message: `${label} : « ${s} » n'est pas une valeur admise (${values.join(", ")}).` }); return z.NEVER; }
    return hit as T[number];
  });

/** The characteristics of a dwelling (RES-17 and the useful extras), as typed in the form or read from a CSV line. */
export const ZDwellingFields = z.object({
  rplsId: z.string().trim().min(1, "Identifiant RPLS : obligatoire.").max(30).transform((s) => s.toUpperCase().replace(/\s+/g, "")).refine((s) => /^[A-Z0-9-]{4,30}$/.test(s), "Identifiant RPLS : 4 à 30 lettres, chiffres ou tirets."),
  residence: req("Résidence"),
  addressNumber: z.string().trim().max(20, "Numéro : 20 caractères au plus.").default(""),
  street: req("Voie"),
  commune: req("Commune", 120),
  postcode: z.string().trim().regex(/^\d{5}$/, "Code postal : 5 chiffres."),
  financing: oneOf(keysOf(FINANCING_LABELS), "Financement"),
  typology: oneOf(keysOf(TYPOLOGY_LABELS), "Typologie"),
  surface: z.string().trim().min(1, "Surface : obligatoire.").max(12).transform((s, ctx) => {
    const n = Number(s.replace(/\s/g, "").replace(",", "."));
    if (!Number.isFinite(n) || n <= 5 || n > 500) { ctx.addIssue({ code: "custom", message: "Surface : nombre de m² entre 5 et 500, par exemple 54,30." }); return z.NEVER; }
    return Math.round(n * 100);
  }),
  qpv: bool("QPV"),
  constructionPeriod: oneOf(keysOf(PERIOD_LABELS), "Période de construction"),
  rent: euros("Loyer"),
  charges: euros("Charges"),
  dpeClass: oneOf([...DPE_CLASSES], "Classe DPE"),
  pmr: bool("Accessible PMR"),
  classification: z.coerce.number({ error: "Classement : 1, 2, 3 ou 4." }).int("Classement : 1, 2, 3 ou 4.").min(1, "Classement : 1, 2, 3 ou 4.").max(4, "Classement : 1, 2, 3 ou 4."),
  firstLettingYear: z.coerce.number({ error: "Année de première location : une année." }).int("Année de première location : une année.").min(1850, "Année de première location : après 1850.").max(2100, "Année de première location : avant 2100."),
});
export type TDwellingFieldsInput = z.input<typeof ZDwellingFields>;
export type TDwellingFields = z.output<typeof ZDwellingFields>;

/** RES-1..3: a regime for the dwelling, as typed or read: in the flux, excluded (reason), soustrait for a year (category, reference). */
export const ZRegimeFields = z
  .object({
    regime: oneOf(keysOf(REGIME_LABELS), "Régime"),
    reason: z.string().trim().max(40).default(""),
    category: z.string().trim().max(40).default(""),
    year: z.union([z.literal(""), z.coerce.number().int().min(2000).max(2100)]).default(""),
    reference: z.string().trim().max(200).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.regime === "EXCLUDED" && !(EXCLUSION_REASONS as readonly string[]).includes(v.reason)) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `Motif d'exclusion (RES-2) : l'une des valeurs ${EXCLUSION_REASONS.join(", ")}.` });
    }
    if (v.regime === "SOUSTRAIT") {
      if (!(SOUSTRAIT_CATEGORIES as readonly string[]).includes(v.category)) ctx.addIssue({ code: "custom", path: ["category"], message: `Catégorie de soustraction (RES-3) : l'une des valeurs ${SOUSTRAIT_CATEGORIES.join(", ")}.` });
      if (v.year === "") ctx.addIssue({ code: "custom", path: ["year"], message: "Année de la soustraction : obligatoire." });
      if (v.reference.length < 3) ctx.addIssue({ code: "custom", path: ["reference"], message: "Document de référence (CUS, CIA, convention ANRU, arrêté…) : obligatoire." });
    }
  });
export type TRegimeFields = z.output<typeof ZRegimeFields>;

/** A new dwelling with its initial regime (it holds from the start: the assiette of past years reads it too). */
export const ZCreateDwellingInput = ZDwellingFields.and(ZRegimeFields);
export const ZUpdateDwellingInput = ZDwellingFields.extend({ dwellingId: ZId, version: z.coerce.number().int().min(0) });
export const ZRegimeChangeInput = z.object({ dwellingId: ZId, effectiveOn: ZIsoDate("Date d'effet") }).and(ZRegimeFields);

/** RES-5/6: a vintage entered by hand, and an agreed rate with its provenance. */
export const ZRotationVintageInput = z.object({
  territory: req("Territoire", 120),
  year: z.coerce.number({ error: "Millésime : une année." }).int().min(2000, "Millésime : après 2000.").max(2100),
  moveIns: z.coerce.number({ error: "Emménagements : un nombre entier." }).int("Emménagements : un nombre entier.").min(0, "Emménagements : positif ou nul."),
  letDwellings: z.coerce.number({ error: "Logements loués : un nombre entier." }).int("Logements loués : un nombre entier.").min(1, "Logements loués : au moins 1."),
}).refine((v) => v.moveIns <= v.letDwellings, { path: ["moveIns"], message: "Les emménagements ne peuvent dépasser les logements loués (RES-5)." });
export const ZAgreedRotationInput = z.object({
  territory: req("Territoire", 120),
  rate: z.string().trim().min(1, "Taux : obligatoire.").max(12).transform((s, ctx) => {
    const n = Number(s.replace("%", "").replace(/\s/g, "").replace(",", "."));
    if (!Number.isFinite(n) || n <= 0 || n >= 100) { ctx.addIssue({ code: "custom", message: "Taux : un pourcentage entre 0 et 100, par exemple 5,24." }); return z.NEVER; }
    return Math.round(n * 10_000);
  }),
  provenance: req("Provenance", 300),
});

/** The CSV columns of a dwelling import, in order; `regime` and after are optional (default: in the flux). */
export const DWELLING_CSV_COLUMNS = [
  ["rpls", "rplsId", "Identifiant RPLS"],
  ["residence", "residence", "Résidence"],
  ["numero", "addressNumber", "Numéro dans la voie"],
  ["voie", "street", "Voie"],
  ["commune", "commune", "Commune"],
  ["code_postal", "postcode", "Code postal"],
  ["financement", "financing", "PLAI, PLUS, PLS, PLI ou AUTRE"],
  ["typologie", "typology", "T1 à T5, T6+"],
  ["surface", "surface", "m², virgule décimale"],
  ["qpv", "qpv", "oui / non"],
  ["periode_construction", "constructionPeriod", "AVANT_1949, 1949_1974, 1975_1989, 1990_2004, 2005_2014, DEPUIS_2015"],
  ["loyer", "rent", "€ par mois, virgule décimale"],
  ["charges", "charges", "€ par mois, virgule décimale"],
  ["dpe", "dpeClass", "A à G"],
  ["pmr", "pmr", "oui / non"],
  ["classement", "classification", "1 à 4 (RES-16)"],
  ["annee_premiere_location", "firstLettingYear", "année"],
  ["regime", "regime", "FLUX, EXCLUDED ou SOUSTRAIT (facultatif, FLUX par défaut)"],
  ["motif", "reason", "EXCLUDED : motif RES-2 ; SOUSTRAIT : catégorie RES-3"],
  ["annee_soustraction", "year", "SOUSTRAIT : l'année"],
  ["reference", "reference", "SOUSTRAIT : document de référence"],
] as const;

/** RES-5: vintages pasted from a spreadsheet or a CSV: « année;emménagements;logements loués » per line. */
export const ZRotationImportInput = z.object({
  territory: req("Territoire", 120),
  text: z.string().trim().min(1, "Collez au moins une ligne « année;emménagements;logements loués ».").max(5_000, "5 000 caractères au plus."),
}).transform((v, ctx) => {
  const rows: { year: number; moveIns: number; letDwellings: number }[] = [];
  v.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).forEach((line, i) => {
    if (i === 0 && /ann[ée]e/i.test(line)) return; // a header line
    const cells = line.split(/[;,\t]/).map((c) => c.trim().replace(/\s/g, ""));
    const [year, moveIns, letDwellings] = cells.map(Number);
    if (cells.length !== 3 || ![year, moveIns, letDwellings].every(Number.isInteger) || year < 2000 || year > 2100 || moveIns < 0 || letDwellings < 1 || moveIns > letDwellings) {
      ctx.addIssue({ code: "custom", path: ["text"], message: `Ligne ${i + 1} : « ${line} » — attendu « année;emménagements;logements loués », emménagements au plus égaux aux logements loués (RES-5).` });
      return;
    }
    rows.push({ year, moveIns, letDwellings });
  });
  if (new Set(rows.map((r) => r.year)).size !== rows.length) ctx.addIssue({ code: "custom", path: ["text"], message: "Un même millésime apparaît deux fois." });
  return { territory: v.territory, rows };
});
