import { z } from "zod";
import { formatDomainError, isDomainError, normaliseNur } from "@/lib/domain";
import { parseEuros } from "./conventions";

// Households (issue 6 §1). Form values are strings; the schema turns them into what is stored:
// ISO dates or null, cents, a normalised NUR. Shared by the form (with today's date, so that a future
// birth date is refused before sending) and by the actions (which check dates against the server's clock).

export const RELATIONSHIPS = [
  { value: "CONJOINT", label: "Conjoint ou conjointe" },
  { value: "ENFANT", label: "Enfant" },
  { value: "PARENT", label: "Parent" },
  { value: "AUTRE", label: "Autre lien" },
] as const;

export const RESOURCE_SOURCES = [
  { value: "SALAIRE", label: "Salaire" },
  { value: "RSA", label: "RSA" },
  { value: "ARE", label: "Allocation chômage (ARE)" },
  { value: "AAH", label: "Allocation aux adultes handicapés (AAH)" },
  { value: "PENSION", label: "Pension ou retraite" },
  { value: "PRESTATIONS_FAMILIALES", label: "Prestations familiales" },
  { value: "APL", label: "Aide personnalisée au logement (APL)" },
  { value: "AUTRE", label: "Autre ressource" },
] as const;

export const HOUSING_SITUATIONS = [
  { value: "SANS_DOMICILE", label: "Sans domicile" },
  { value: "HEBERGE_TIERS", label: "Hébergé chez un tiers" },
  { value: "HEBERGEMENT", label: "Hébergement d'urgence ou d'insertion (CHRS…)" },
  { value: "HOTEL", label: "Hôtel" },
  { value: "LOGEMENT_TEMPORAIRE", label: "Logement temporaire ou relais" },
  { value: "PARC_PRIVE", label: "Locataire du parc privé" },
  { value: "PARC_SOCIAL", label: "Locataire du parc social" },
  { value: "PROPRIETAIRE", label: "Propriétaire occupant" },
  { value: "AUTRE", label: "Autre situation" },
] as const;

export const DALO_DECISIONS = [
  { value: "LOGEMENT", label: "Reconnu prioritaire et urgent (logement)" },
  { value: "HEBERGEMENT", label: "Réorienté vers un hébergement" },
  { value: "REJET", label: "Recours rejeté" },
] as const;

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]["value"], ...T[number]["value"][]];
export const labelOf = (list: readonly { value: string; label: string }[], value: string | null | undefined) =>
  value ? (list.find((o) => o.value === value)?.label ?? value) : "—";

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validIso = (s: string) => ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** "" → null; otherwise a real calendar date. */
const optionalDate = (label: string) =>
  z.string().trim().max(10).refine((s) => s === "" || validIso(s), `${label} : date invalide.`).transform((s) => (s === "" ? null : s));

const name = (what: string) => z.string().trim().min(1, `Indiquez le ${what}.`).max(100, "100 caractères au plus.");
const optionalText = (max: number) => z.string().trim().max(max, `${max} caractères au plus.`).transform((s) => (s === "" ? null : s));
const optionalChoice = <T extends readonly { value: string }[]>(list: T, message: string) =>
  z.union([z.literal(""), z.enum(values(list), { error: message })], { error: message }).transform((v) => (v === "" ? null : v));

export const ZMemberInput = z.object({
  lastName: name("nom"),
  firstName: name("prénom"),
  birthDate: optionalDate("Date de naissance"),
  relationship: z.enum(values(RELATIONSHIPS), { error: "Choisissez le lien avec la personne de référence." }),
});

export const MAX_MONTHLY_CENTS = 100_000_000; // 1 000 000,00 € a month: beyond, a typing error.
export const ZResourceInput = z.object({
  source: z.enum(values(RESOURCE_SOURCES), { error: "Choisissez la nature de la ressource." }),
  amount: z.string().trim().max(30).transform((s, ctx) => {
    const cents = parseEuros(s);
    if (cents === null || cents === 0 || cents > MAX_MONTHLY_CENTS) {
      ctx.addIssue({ code: "custom", message: "Montant mensuel en euros attendu, par exemple 1 234,58." });
      return z.NEVER;
    }
    return cents;
  }),
});

/** Glossary (NUR): stored upper case without spaces; only 10 to 20 letters and digits are checked. */
export const ZNur = z.string().trim().max(40, "40 caractères au plus.").transform((s, ctx) => {
  if (s === "") return null;
  try {
    return normaliseNur(s);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: isDomainError(e) ? formatDomainError(e) : "Numéro unique invalide." });
    return z.NEVER;
  }
});

const fields = {
  referenceLastName: name("nom"),
  referenceFirstName: name("prénom"),
  referenceBirthDate: optionalDate("Date de naissance"),
  members: z.array(ZMemberInput).max(20, "20 membres au plus."),
  resources: z.array(ZResourceInput).max(30, "30 ressources au plus."),
  nur: ZNur,
  housingSituation: optionalChoice(HOUSING_SITUATIONS, "Choisissez une situation dans la liste."),
  commune: optionalText(120),
  daloDecision: optionalChoice(DALO_DECISIONS, "Choisissez une décision dans la liste."),
  daloRecognisedOn: optionalDate("Date de la décision DALO"),
  consentOn: optionalDate("Date du consentement"),
  consentBy: optionalText(120),
};

type Out = { daloDecision: string | null; daloRecognisedOn: string | null; consentOn: string | null; consentBy: string | null; referenceBirthDate: string | null; members: { birthDate: string | null }[] };

/** Dates that cannot be after today (birth, DALO decision, consent), as field errors keyed by their path. */
export function futureDateErrors(v: Out, today: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const check = (path: string, iso: string | null, message: string) => { if (iso && iso > today) out[path] = [message]; };
  check("referenceBirthDate", v.referenceBirthDate, "La date de naissance ne peut pas être dans le futur.");
  v.members.forEach((m, i) => check(`members.${i}.birthDate`, m.birthDate, "La date de naissance ne peut pas être dans le futur."));
  check("daloRecognisedOn", v.daloRecognisedOn, "La décision DALO ne peut pas être datée dans le futur.");
  check("consentOn", v.consentOn, "Le consentement ne peut pas être daté dans le futur.");
  return out;
}

function checks(v: Out, ctx: z.RefinementCtx, today: string | null) {
  if (v.daloDecision && !v.daloRecognisedOn) ctx.addIssue({ code: "custom", path: ["daloRecognisedOn"], message: "Indiquez la date de la décision DALO." });
  if (!v.daloDecision && v.daloRecognisedOn) ctx.addIssue({ code: "custom", path: ["daloDecision"], message: "Indiquez la décision DALO de cette date." });
  if (v.consentOn && !v.consentBy) ctx.addIssue({ code: "custom", path: ["consentBy"], message: "Indiquez qui a donné son consentement." });
  if (!v.consentOn && v.consentBy) ctx.addIssue({ code: "custom", path: ["consentOn"], message: "Indiquez la date du consentement." });
  if (today) {
    for (const [path, [message]] of Object.entries(futureDateErrors(v, today))) ctx.addIssue({ code: "custom", path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message });
  }
}

/** The form's schema; `today` (from the server's clock) refuses future dates before sending. */
export function householdSchema(today: string | null = null) {
  return z.object(fields).superRefine((v, ctx) => checks(v, ctx, today));
}

export const ZCreateHouseholdInput = householdSchema();
export const ZUpdateHouseholdInput = z.object({ ...fields, householdId: z.string().min(1).max(40), version: z.coerce.number().int().min(0) })
  .superRefine((v, ctx) => checks(v, ctx, null));

export type THouseholdInput = z.input<typeof ZCreateHouseholdInput>;
export type THouseholdOutput = z.output<typeof ZCreateHouseholdInput>;
export type TUpdateHouseholdInput = z.input<typeof ZUpdateHouseholdInput>;

export const HOUSEHOLD_STALE_MESSAGE =
  "Ce ménage vient d'être modifié par une autre personne. Rechargez la page pour voir sa version : vos saisies restent dans le formulaire.";

/** Lower case, without accents or punctuation: « Hélène O'Brien » → « helene o brien » (search key and queries). */
export function foldForSearch(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
