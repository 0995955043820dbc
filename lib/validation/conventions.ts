import { z } from "zod";
import type { ConventionKind, PartyRole } from "@/lib/domain";
import { CONVENTION_PARAMS, type ParamSpec, type ParamValue } from "./convention-params";

export { CONVENTION_PARAMS as CONVENTION_PARAM_SPEC };

// One zod schema per kind (a discriminated union), shared by the creation form and the server action.
// Form values are strings (« 11 400,00 », « 24 » for 24 %); the schema turns them into cents and fractions.

const isoDate = (label: string) =>
  z.string({ error: `${label} : date obligatoire.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} : date obligatoire.`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${label} : date invalide.`);

const REQUIRED = "Valeur obligatoire.";
const asText = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** « 11 400,50 € » → 1140050 cents. */
export function parseEuros(s: string): number | null {
  const clean = s.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
/** « 24 » or « 24,5 » (per cent) → 0.24 / 0.245. */
export function parsePercent(s: string): number | null {
  const clean = s.replace(/[\s%]/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const v = Number(clean) / 100;
  return v > 1 ? null : Math.round(v * 1e6) / 1e6;
}

function paramSchema(p: ParamSpec): z.ZodType<ParamValue> {
  const t = p.type;
  switch (t.t) {
    case "int":
      return z.unknown().transform((v, ctx) => {
        const s = asText(v);
        if (s === "") { if (t.optional) return null; ctx.addIssue({ code: "custom", message: REQUIRED }); return z.NEVER; }
        if (!/^\d+$/.test(s)) { ctx.addIssue({ code: "custom", message: "Nombre entier attendu." }); return z.NEVER; }
        const n = Number(s);
        if (n < t.min || n > t.max) { ctx.addIssue({ code: "custom", message: `Entre ${t.min} et ${t.max}.` }); return z.NEVER; }
        return n;
      });
    case "euros":
      return z.unknown().transform((v, ctx) => {
        if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v; // already cents (seed, avenant)
        const s = asText(v);
        if (s === "") { if (t.optional) return null; ctx.addIssue({ code: "custom", message: REQUIRED }); return z.NEVER; }
        const c = parseEuros(s);
        if (c === null) { ctx.addIssue({ code: "custom", message: "Montant en euros attendu, par exemple 11 400,00." }); return z.NEVER; }
        return c;
      });
    case "percent":
      return z.unknown().transform((v, ctx) => {
        if (typeof v === "number" && v >= 0 && v <= 1) return v; // already a fraction
        const s = asText(v);
        if (s === "") { if (t.optional) return null; ctx.addIssue({ code: "custom", message: REQUIRED }); return z.NEVER; }
        const f = parsePercent(s);
        if (f === null) { ctx.addIssue({ code: "custom", message: "Pourcentage entre 0 et 100 attendu." }); return z.NEVER; }
        return f;
      });
    case "text":
      return z.unknown().transform((v, ctx) => {
        const s = asText(v);
        if (s.length > t.max) { ctx.addIssue({ code: "custom", message: `${t.max} caractères au plus.` }); return z.NEVER; }
        return s;
      });
    case "select": {
      const values = t.options.map((o) => o.value);
      return z.unknown().transform((v, ctx) => {
        const s = asText(v);
        if (!values.includes(s)) { ctx.addIssue({ code: "custom", message: "Choisissez une valeur de la liste." }); return z.NEVER; }
        return s;
      });
    }
    case "bool":
      return z.unknown().transform((v) => v === true || v === "true" || v === "on");
    case "multi": {
      const values = t.options.map((o) => o.value);
      return z.unknown().transform((v, ctx) => {
        const arr = (Array.isArray(v) ? v : v ? [v] : []).map(String);
        if (arr.length === 0) { ctx.addIssue({ code: "custom", message: "Choisissez au moins une valeur." }); return z.NEVER; }
        if (arr.some((x) => !values.includes(x))) { ctx.addIssue({ code: "custom", message: "Valeur inconnue." }); return z.NEVER; }
        return values.filter((x) => arr.includes(x));
      });
    }
  }
}

export function paramsSchema(kind: ConventionKind) {
  const shape: Record<string, z.ZodType<ParamValue>> = {};
  for (const p of CONVENTION_PARAMS[kind]) shape[p.key] = paramSchema(p);
  return z.object(shape).superRefine((v, ctx) => {
    if (v.renewalKind === "TACIT" && v.renewalPeriodMonths == null) ctx.addIssue({ code: "custom", path: ["renewalPeriodMonths"], message: "Indiquez la période de reconduction tacite." });
    if (v.maxTotalMonths != null && typeof v.initialMonths === "number" && (v.maxTotalMonths as number) < v.initialMonths) {
      ctx.addIssue({ code: "custom", path: ["maxTotalMonths"], message: "La durée maximale ne peut être inférieure à la durée initiale." });
    }
  });
}

/** Display a stored value in a form field (cents → « 11400,00 », fraction → « 24 »). */
export function paramToInput(p: ParamSpec, v: ParamValue | undefined): string | string[] {
  if (v === null || v === undefined) return p.type.t === "multi" ? [] : "";
  switch (p.type.t) {
    case "euros": return (Number(v) / 100).toFixed(2).replace(".", ",");
    case "percent": return String(Math.round(Number(v) * 1e4) / 100).replace(".", ",");
    case "multi": return Array.isArray(v) ? v : [String(v)];
    case "bool": return v === true ? "true" : "false";
    default: return String(v);
  }
}

/** The parties each kind's text names: one slot per party, with the organisation kinds that may fill it. */
export type PartySlot = { partyRole: PartyRole; roleLabel: string; orgKinds: readonly string[] };
export const PARTY_SLOTS: Record<ConventionKind, readonly PartySlot[]> = {
  RELAIS: [{ partyRole: "COMMUNE", roleLabel: "la Ville", orgKinds: ["COMMUNE"] }, { partyRole: "ASSOCIATION", roleLabel: "l'Association", orgKinds: ["ASSOCIATION"] }],
  RESERVATION_FLUX: [{ partyRole: "RESERVATAIRE", roleLabel: "la Ville (réservataire)", orgKinds: ["COMMUNE"] }, { partyRole: "BAILLEUR", roleLabel: "le bailleur", orgKinds: ["BAILLEUR"] }],
  FNAVDL: [{ partyRole: "ETAT", roleLabel: "l'administration", orgKinds: ["ETAT"] }, { partyRole: "ASSOCIATION", roleLabel: "l'association", orgKinds: ["ASSOCIATION"] }],
  ASLLI: [{ partyRole: "DEPARTEMENT", roleLabel: "la Collectivité (FSL, Service Logement)", orgKinds: ["DEPARTEMENT"] }, { partyRole: "ASSOCIATION", roleLabel: "l'association", orgKinds: ["ASSOCIATION"] }],
  CADRE: [{ partyRole: "FEDERATION", roleLabel: "la première fédération", orgKinds: ["FEDERATION"] }, { partyRole: "FEDERATION", roleLabel: "la seconde fédération", orgKinds: ["FEDERATION", "ASSOCIATION", "BAILLEUR"] }],
};

const ZParty = z.object({
  organisationId: z.string().min(1, "Choisissez l'organisation.").max(40),
  roleLabel: z.string().trim().min(1, "Le rôle dans le texte est obligatoire.").max(100, "100 caractères au plus."),
});

const base = {
  title: z.string().trim().min(3, "Le titre est obligatoire.").max(200, "200 caractères au plus."),
  reference: z.string().trim().max(200, "200 caractères au plus."),
  territory: z.string().trim().max(120, "120 caractères au plus."),
  signedOn: isoDate("Date de signature"),
  startOn: isoDate("Date d'effet"),
  parties: z.array(ZParty),
};

export const CADRE_OBJECTIVE_OPTIONS = [
  { value: "BESOINS", label: "Connaissance et qualification des besoins" },
  { value: "FLUIDITE", label: "Fluidité de l'hébergement vers le logement" },
  { value: "ACCOMPAGNEMENT", label: "Accompagnement social" },
  { value: "PRODUCTION", label: "Production de logements adaptés" },
] as const;
const ZCadreAction = z.object({
  objective: z.enum(["BESOINS", "FLUIDITE", "ACCOMPAGNEMENT", "PRODUCTION"], { error: "Choisissez l'objectif." }),
  title: z.string().trim().min(3, "Décrivez l'action.").max(300, "300 caractères au plus."),
});

function kindSchema<K extends ConventionKind>(kind: K) {
  return z.object({ ...base, kind: z.literal(kind), params: paramsSchema(kind) });
}

export const ZCreateConventionInput = z
  .discriminatedUnion("kind", [
    kindSchema("RELAIS"),
    kindSchema("RESERVATION_FLUX").extend({ territory: base.territory.min(1, "Indiquez la commune du territoire.") }),
    kindSchema("FNAVDL"),
    kindSchema("ASLLI"),
    kindSchema("CADRE").extend({ actions: z.array(ZCadreAction).max(50) }),
  ])
  .superRefine((v, ctx) => {
    const slots = PARTY_SLOTS[v.kind];
    if (v.parties.length !== slots.length) ctx.addIssue({ code: "custom", path: ["parties"], message: `Cette convention a ${slots.length} parties.` });
    const ids = v.parties.map((p) => p.organisationId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["parties"], message: "Une même organisation ne peut être deux parties." });
    if (v.startOn < v.signedOn && v.kind === "FNAVDL") ctx.addIssue({ code: "custom", path: ["startOn"], message: "La convention FNAVDL court à compter de sa signature (AVD-2)." });
    if (v.kind === "RESERVATION_FLUX") {
      // RES-15: the financing targets, and the typology targets, each share out 100 % of the oriented dwellings.
      const p = v.params as Record<string, number>;
      const sum = (keys: string[]) => Math.round(keys.reduce((a, k) => a + (p[k] ?? 0), 0) * 1e4) / 100;
      const financing = sum(["targetPLS", "targetPLUS", "targetPLAI"]);
      if (financing !== 100) ctx.addIssue({ code: "custom", path: ["params", "targetPLAI"], message: `PLS, PLUS et PLAI doivent totaliser 100 % (total saisi : ${String(financing).replace(".", ",")} %).` });
      const typology = sum(["targetT1", "targetT2", "targetT3", "targetT4T5"]);
      if (typology !== 100) ctx.addIssue({ code: "custom", path: ["params", "targetT4T5"], message: `Les typologies T1 à T5 doivent totaliser 100 % (total saisi : ${String(typology).replace(".", ",")} %).` });
    }
  });
export type TCreateConventionInput = z.input<typeof ZCreateConventionInput>;
export type TCreateConventionOutput = z.output<typeof ZCreateConventionInput>;

export const ZConfirmConventionInput = z.object({ conventionId: z.string().min(1).max(40) });
export const ZDeclineConventionInput = z.object({
  conventionId: z.string().min(1).max(40),
  reason: z.string().trim().min(3, "Indiquez le motif du refus.").max(500, "500 caractères au plus."),
});
