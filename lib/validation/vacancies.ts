import { z } from "zod";
import { SOUSTRAIT_CATEGORIES, type CaleolDecision, type VacancyOutcome } from "@/lib/domain";
import { parseEuros } from "./conventions";
import { ZIsoDate } from "./convention-life";
import { ZId, ZYesNo } from "./fields";

// Vacancies to leases (issue 10, RES-13, RES-17..20): the forms' inputs, shared by the browser and the actions.

export const ORIENTATION_LABELS = {
  RESERVATAIRE: "Au réservataire (réservation en flux)",
  BAILLEUR: "Usage propre du bailleur",
  SOUSTRAIT: "Soustrait (RES-3)",
} as const;
export type Orientation = keyof typeof ORIENTATION_LABELS;

export const OUTCOME_LABELS: Record<VacancyOutcome, string> = {
  PENDING: "En cours",
  LEASE_SIGNED: "Bail signé",
  NO_CANDIDATE_30D: "Sans candidat à 30 jours (équivalent)",
  REFUSED_AFTER_CALEOL: "Refusé après CALEOL (équivalent)",
  NONE_RETAINED: "Aucun candidat retenu",
  WITHDRAWN: "Retirée",
};

export const CALEOL_DECISION_LABELS: Record<CaleolDecision, string> = {
  ATTRIBUTION: "Attribution",
  ATTRIBUTION_RANKED: "Attribution par rang",
  ATTRIBUTION_CONDITIONAL: "Attribution sous condition suspensive",
  NON_ATTRIBUTION: "Non-attribution",
  INADMISSIBLE: "Rejet pour irrecevabilité",
};

/** RES-17: the declaration's fields, in French, for the list of what is missing. */
export const DECLARATION_FIELD_LABELS: Record<string, string> = {
  financing: "financement initial",
  typology: "typologie",
  surfaceM2: "surface",
  "address.number": "numéro de voie",
  "address.street": "voie",
  "address.commune": "commune",
  "address.postcode": "code postal",
  qpv: "situation en QPV",
  constructionPeriod: "période de construction",
  rentAndChargesCents: "loyer et charges",
  dpe: "classe DPE",
  pmr: "accessibilité PMR",
};

const euros = (label: string) => z.union([z.number().int().min(0), z.string().trim().min(1, `${label} : obligatoire.`).max(20)]).transform((s, ctx) => {
  if (typeof s === "number") return s;
  const c = parseEuros(s);
  if (c === null) { ctx.addIssue({ code: "custom", message: `${label} : montant en euros attendu, par exemple 1 250,00.` }); return z.NEVER; }
  return c;
});

export const ZDeclareVacancyInput = z.object({
  dwellingId: ZId.optional(),
  rplsId: z.string().trim().max(30).optional(),
  availableOn: ZIsoDate("Date de disponibilité"),
  orientation: z.enum(["RESERVATAIRE", "BAILLEUR", "SOUSTRAIT"], { message: "Choisissez l'orientation." }),
  conventionId: z.string().max(40).optional().default(""),
  soustraitCategory: z.union([z.enum(SOUSTRAIT_CATEGORIES as unknown as [string, ...string[]]), z.literal("")]).optional().default(""),
}).superRefine((v, ctx) => {
  if (!v.dwellingId && !v.rplsId) ctx.addIssue({ code: "custom", path: ["rplsId"], message: "Identifiant RPLS : obligatoire." });
  if (v.orientation === "RESERVATAIRE" && !v.conventionId) ctx.addIssue({ code: "custom", path: ["conventionId"], message: "Choisissez la convention de réservation." });
  if (v.orientation === "SOUSTRAIT" && !v.soustraitCategory) ctx.addIssue({ code: "custom", path: ["soustraitCategory"], message: "Choisissez la catégorie (RES-3)." });
});

export const ZCandidateInput = z.object({
  householdId: z.string().max(40).optional().default(""),
  nur: z.string().trim().max(40).optional().default(""),
  persons: z.union([z.number(), z.string().trim()]).optional().transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 20) { ctx.addIssue({ code: "custom", message: "Composition : 1 à 20 personnes." }); return z.NEVER; }
    return n;
  }),
  monthlyResources: z.union([z.number(), z.string()]).optional().transform((v) => (v === undefined || v === "" ? null : v)).pipe(z.union([z.null(), euros("Ressources mensuelles")])),
  dalo: ZYesNo.optional().default(false),
});

export const ZDesignateInput = z.object({
  vacancyId: ZId,
  on: ZIsoDate("Date de désignation"),
  candidates: z.array(ZCandidateInput).min(1, "Au moins un candidat.").max(10, "10 candidats au plus."),
  /** RES-19: a DALO household designated by the préfet (L.441-2-3 II 7e alinéa). */
  daloPrefet: ZYesNo.optional().default(false),
  /** RES-19: a dwelling funded under D.331-25-1. */
  subsidisedD331_25_1: ZYesNo.optional().default(false),
  /** RES-19: the reasoned letter to the CALEOL when fewer candidates than required. */
  reasonedLetter: z.string().trim().max(5000).optional().default(""),
  /** RES-16: the residence's classification, acknowledged by the designating person. */
  classificationAcknowledged: ZYesNo.refine((v) => v, "Confirmez avoir pris connaissance du classement de la résidence (RES-16)."),
});

export const ZCaleolInput = z.object({
  vacancyId: ZId,
  on: ZIsoDate("Date de la commission"),
  decisions: z.array(z.object({
    candidateId: ZId,
    decision: z.enum(["ATTRIBUTION", "ATTRIBUTION_RANKED", "ATTRIBUTION_CONDITIONAL", "NON_ATTRIBUTION", "INADMISSIBLE"], { message: "Choisissez la décision." }),
    rank: z.union([z.number(), z.string()]).optional().transform((v) => (v === undefined || v === "" ? null : Number(v))).refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 3), "Rang : 1, 2 ou 3."),
  })).min(1),
});

export const ZAnswerInput = z.object({ vacancyId: ZId, on: ZIsoDate("Date"), candidateId: ZId, accepted: ZYesNo });
export const ZLeaseInput = z.object({ vacancyId: ZId, on: ZIsoDate("Date de signature du bail"), candidateId: ZId });
export const ZWithdrawInput = z.object({ vacancyId: ZId, on: ZIsoDate("Date") });

/** REL-5: the Ville proposes the vacancy to the association of a relais case (the association is the tenant; one candidate). */
export const ZDesignateRelaisInput = z.object({
  vacancyId: ZId,
  on: ZIsoDate("Date de la proposition"),
  relaisCaseId: z.string().min(1, "Choisissez le dossier de logement relais.").max(40),
  classificationAcknowledged: ZYesNo.refine((v) => v, "Confirmez avoir pris connaissance du classement de la résidence (RES-16)."),
});
