import { z } from "zod";
import { ZIsoDate } from "./convention-life";
import { parseEuros } from "./conventions";

// Relais case inputs (issue 6). Labels are French; section keys are the domain's (REL-3, REL-7).
export const DIAGNOSTIC_SECTION_LABELS = {
  problem: "Problématique du ménage (sociale, économique, professionnelle, familiale, logement)",
  financialSituation: "Situation financière précise et budget",
  prioritySteps: "Démarches prioritaires",
  engagementCapacity: "Capacité et volonté de s'engager dans l'accompagnement",
  supportProject: "Projet d'accompagnement (rôles des travailleurs sociaux et du locataire)",
  modalities: "Modalités préconisées",
  paymentCapacity: "Capacité à payer un loyer ouvrant droit à l'APL ou une redevance",
} as const;
export type DiagnosticSection = keyof typeof DIAGNOSTIC_SECTION_LABELS;

export const CHECKLIST_LABELS = {
  BUDGET_PRIORITY_GRID: "Grille de priorité budgétaire",
  NEIGHBOUR_RELATIONS: "Relations de voisinage",
  ADMINISTRATIVE_STEPS: "Démarches administratives",
  FOLLOW_UP_EMPLOYMENT: "Suivi emploi",
  FOLLOW_UP_HEALTH: "Suivi santé (oui ou non, jamais de détail)",
  FOLLOW_UP_PARENTING: "Suivi parentalité",
} as const;

export const OUTCOME_LABELS = { RELOGE: "Relogé dans un logement social pérenne", OTHER_SOLUTION: "Autre solution", STOP: "Arrêt de l'accompagnement" } as const;

const id = z.string().min(1).max(40);
const text = (min: number, label: string) => z.string().trim().min(min, `${label} : à compléter.`).max(10_000, "10 000 caractères au plus.");

export const ZReferInput = z.object({
  conventionId: id,
  householdId: id,
  referredOn: ZIsoDate("Date de la saisine (courriel)"),
  referentPersonId: id,
});
export type TReferInput = z.input<typeof ZReferInput>;

const euros = z.string().trim().min(1, "Indiquez les ressources mensuelles.").max(30).transform((s, ctx) => {
  const c = parseEuros(s);
  if (c === null) { ctx.addIssue({ code: "custom", message: "Montant en euros attendu, par exemple 1 234,58." }); return z.NEVER; }
  return c;
});

const sections = z.object(Object.fromEntries(Object.entries(DIAGNOSTIC_SECTION_LABELS).map(([k, l]) => [k, text(3, l)])) as Record<DiagnosticSection, ReturnType<typeof text>>);

const base = { caseId: id, on: ZIsoDate("Date") };
export const ZCaseEventInput = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("DIAGNOSTIC"), sections, monthlyIncome: euros, rentWithApl: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true") }),
  z.object({ ...base, type: z.literal("DECISION"), entry: z.enum(["true", "false"], { error: "Indiquez la décision." }).transform((v) => v === "true") }),
  z.object({ ...base, type: z.literal("DWELLING_PROPOSED") }),
  z.object({ ...base, type: z.literal("ENTRY") }),
  z.object({ ...base, type: z.literal("CONTRACT_SENT") }),
  z.object({ ...base, type: z.literal("VISIT"), checklist: z.array(z.enum(Object.keys(CHECKLIST_LABELS) as [keyof typeof CHECKLIST_LABELS])).default([]) }),
  z.object({ ...base, type: z.literal("INTERMEDIATE_BILAN_SENT"), text: text(10, "Bilan intermédiaire") }),
  z.object({ ...base, type: z.literal("RENEWAL") }),
  z.object({ ...base, type: z.literal("FINAL_BILAN_SENT"), text: text(10, "Bilan final") }),
  z.object({ ...base, type: z.literal("END"), outcome: z.enum(["RELOGE", "OTHER_SOLUTION", "STOP"], { error: "Indiquez l'issue." }) }),
]);
export type TCaseEventInput = z.input<typeof ZCaseEventInput>;
export type CaseEventType = TCaseEventInput["type"];

export const ZShowSocialDetailInput = z.object({ caseId: id });
export const ZEditTextInput = z.object({ textId: id, version: z.coerce.number().int().min(0), sections: z.record(z.string().max(60), z.string().max(10_000)) });
export const ZSetReferentInput = z.object({ caseId: id, personId: id });
