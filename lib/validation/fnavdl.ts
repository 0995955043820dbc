import { z } from "zod";
import { ZIsoDate } from "./convention-life";
import { keysOf, ZId, ZText, ZYesNo } from "./fields";

// FNAVDL case inputs (issue 7, AVD-6..14). Labels are French; values are the domain's.

export const PRESCRIBER_LABELS = {
  COMMISSION_MEDIATION: "Commission de médiation (DALO)",
  SERVICES_ETAT: "Services de l'État (relogement, contingent préfectoral)",
  PDALHPD: "Instance locale du PDALHPD",
  CCAPEX: "CCAPEX",
  HEBERGEMENT: "Structure d'hébergement",
  ACTION_LOGEMENT: "Action Logement (collecteur du 1 %)",
  BAILLEUR_SOCIAL: "Bailleur social (demande motivée)",
} as const;
export type PrescriberKey = keyof typeof PRESCRIBER_LABELS;
/** The convention parameter that caps each category (AVD-6; never the commission de médiation). */
export const PRESCRIBER_CAP_PARAM: Partial<Record<PrescriberKey, string>> = {
  SERVICES_ETAT: "capServicesEtat",
  PDALHPD: "capPdalhpd",
  CCAPEX: "capCcapex",
  HEBERGEMENT: "capHebergement",
  ACTION_LOGEMENT: "capActionLogement",
  BAILLEUR_SOCIAL: "capBailleurs",
};

export const INTENSITY_LABELS = { LEGER: "Léger (≈ 4 h par mois)", MOYEN: "Moyen (≈ 8 h par mois)", APPROFONDI: "Approfondi (≈ 16 h par mois)" } as const;
export const SUPPORT_ACTION_LABELS = { AVL: "AVL – accompagnement vers le logement", ADL: "ADL – accompagnement dans le logement", BAIL_GLISSANT: "Bail glissant avec accompagnement" } as const;
export const END_REASON_LABELS = { COMPLETED: "Accompagnement mené à son terme", INTERRUPTED: "Interrompu", REFUSED: "Refusé par le ménage" } as const;
export const SATISFACTION_LABELS = {
  TRES_SATISFAISANT: "Très satisfaisant",
  PLUTOT_SATISFAISANT: "Plutôt satisfaisant",
  PLUTOT_INSATISFAISANT: "Plutôt insatisfaisant",
  TRES_INSATISFAISANT: "Très insatisfaisant",
  SANS_OPINION: "Sans opinion",
} as const;
export const RESPONDENT_LABELS = { HOUSEHOLD: "Le ménage", BAILLEUR: "Le bailleur" } as const;

const id = ZId;
const keys = keysOf;
const yesNo = ZYesNo;
const text = ZText;
const optionalId = z.string().max(40).optional().transform((s) => (s ? s : null));
const months = z.coerce.number({ error: "Durée en mois attendue." }).int("Durée en mois entière.").min(1, "Au moins 1 mois.").max(36, "36 mois au plus.");

export const ZFnavdlPrescribeInput = z
  .object({
    conventionId: id,
    householdId: z.string().min(1, "Choisissez le ménage.").max(40),
    prescribedOn: ZIsoDate("Date de la prescription"),
    prescriber: z.enum(keys(PRESCRIBER_LABELS), { error: "Choisissez le prescripteur." }),
    motivation: z.string().trim().max(2_000, "2 000 caractères au plus.").default(""),
    bailGlissant: yesNo.default(false),
    /** AVD-6: for DALO publics the commission de médiation's decision prescribes the measure itself. */
    comedMeasure: yesNo.default(false),
    intensity: z.enum(keys(INTENSITY_LABELS)).optional(),
    plannedMonths: z.union([z.literal(""), months]).optional(),
    referentPersonId: id,
  })
  .superRefine((v, ctx) => {
    if (v.prescriber === "BAILLEUR_SOCIAL" && v.motivation.length < 10) {
      ctx.addIssue({ code: "custom", path: ["motivation"], message: "La demande d'un bailleur social doit être motivée (AVD-6)." });
    }
    if (v.comedMeasure && v.prescriber !== "COMMISSION_MEDIATION") {
      ctx.addIssue({ code: "custom", path: ["comedMeasure"], message: "Seule la décision de la commission de médiation vaut prescription de la mesure (AVD-6)." });
    }
    if (v.comedMeasure && !v.intensity) ctx.addIssue({ code: "custom", path: ["intensity"], message: "Indiquez le niveau de la mesure décidée." });
    if (v.comedMeasure && (v.plannedMonths === undefined || v.plannedMonths === "")) ctx.addIssue({ code: "custom", path: ["plannedMonths"], message: "Indiquez la durée prévisionnelle." });
  });
export type TFnavdlPrescribeInput = z.input<typeof ZFnavdlPrescribeInput>;

const base = { caseId: id, on: ZIsoDate("Date") };
export const ZFnavdlEventInput = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("CONSENT") }),
  z
    .object({
      ...base,
      type: z.literal("DIAGNOSTIC"),
      situation: text(10, "Situation du ménage"),
      conclusion: text(10, "Conclusion"),
      supportNeeded: yesNo,
      intensity: z.enum(keys(INTENSITY_LABELS)).optional(),
      plannedMonths: z.union([z.literal(""), months]).optional(),
      /** ACC-2/AVD-7: the operator in charge of the support when it is another association. */
      operatorOrgId: optionalId,
    })
    .superRefine((v, ctx) => {
      if (!v.supportNeeded) return;
      if (!v.intensity) ctx.addIssue({ code: "custom", path: ["intensity"], message: "Le diagnostic qui conclut à un accompagnement en fixe le niveau (AVD-7)." });
      if (v.plannedMonths === undefined || v.plannedMonths === "") ctx.addIssue({ code: "custom", path: ["plannedMonths"], message: "Le diagnostic qui conclut à un accompagnement en fixe la durée prévisionnelle (AVD-7)." });
    }),
  z.object({ ...base, type: z.literal("SUPPORT_START"), action: z.enum(keys(SUPPORT_ACTION_LABELS)), intensity: z.enum(keys(INTENSITY_LABELS)), plannedEndOn: ZIsoDate("Fin prévue") }),
  z.object({ ...base, type: z.literal("SUPPORT_CHANGE"), action: z.enum(keys(SUPPORT_ACTION_LABELS)), intensity: z.enum(keys(INTENSITY_LABELS)) }),
  z.object({ ...base, type: z.literal("EVALUATION_SENT"), text: text(10, "Évaluation"), recipientOrgId: optionalId }),
  z.object({ ...base, type: z.literal("PROLONGATION"), plannedEndOn: ZIsoDate("Nouvelle fin prévue") }),
  z.object({ ...base, type: z.literal("SUBLEASE_START"), examinationEndsOn: ZIsoDate("Fin de la période d'examen") }),
  z.object({ ...base, type: z.literal("BAILLEUR_NOTICE"), leaseOffered: yesNo, noticeReason: z.string().trim().max(2_000).default("") }),
  z.object({ ...base, type: z.literal("LEASE_SLID") }),
  z.object({ ...base, type: z.literal("LEASE_SIGNED") }),
  z.object({ ...base, type: z.literal("SURVEY"), respondent: z.enum(keys(RESPONDENT_LABELS)), answer: z.enum(keys(SATISFACTION_LABELS), { error: "Choisissez une réponse." }) }),
  z.object({ ...base, type: z.literal("END"), reason: z.enum(keys(END_REASON_LABELS), { error: "Indiquez le motif de fin." }) }),
]);
export type TFnavdlEventInput = z.input<typeof ZFnavdlEventInput>;
export type FnavdlEventType = TFnavdlEventInput["type"];
