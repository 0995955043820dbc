import { z } from "zod";
import { ZIsoDate } from "./convention-life";
import { keysOf, ZId, ZText, ZYesNo } from "./fields";
import { TEXT_KINDS } from "./case-texts";

// ASLLi measure inputs (issue 7, ASL-1..14). Labels are French; values are the domain's.

export const INSTRUCTOR_LABELS = { ASSISTANTE_SOCIALE: "Assistante ou assistant de service social", CESF: "Conseiller·ère en économie sociale et familiale", EDUCATEUR: "Éducateur·rice spécialisé·e" } as const;
export const SITUATION_LABELS = {
  MAINTIEN: "Maintien dans le logement (loyer, charges, plan d'apurement, voisinage, état du logement)",
  EXPULSION: "Procédure d'expulsion (CCAPEX, préfecture)",
  CHANGEMENT_SORTIE: "Changement ou sortie du logement",
  RECHERCHE: "Recherche d'un logement",
  ACCES: "Accès au logement",
  ADMINISTRATIF: "Accompagnement administratif",
  SOCIO_BUDGETAIRE: "Accompagnement socio-budgétaire",
} as const;
/** ASL-3: supports of similar aim (no derogation); what the form asks about. */
export const EXCLUSIVE_MEASURE_LABELS = {
  AVDL: "AVDL (accompagnement vers et dans le logement)",
  MASP: "MASP (mesure d'accompagnement social personnalisé)",
  AEB: "AEB (action éducative budgétaire)",
  MJPM: "Mesure de protection juridique (tutelle, curatelle)",
  MAJ: "MAJ (mesure d'accompagnement judiciaire)",
  MJAGBF: "MJAGBF (aide à la gestion du budget familial)",
  SAVS: "SAVS (service d'accompagnement à la vie sociale)",
} as const;
export const PURPOSE_LABELS = { ACCESS: "Accès (installation) – 3 mois", MAINTIEN: "Maintien dans le logement – 6 mois" } as const;
export const MEETING_PLACE_LABELS = { DOMICILE: "Visite à domicile", ASSOCIATION: "Rendez-vous à l'association", AUTRE: "Autre lieu" } as const;
export const EARLY_END_LABELS = { NON_ADHESION: "Non-adhésion du ménage", ABSENCE: "Absence prolongée", PLAN_NON_SIGNE: "Plan d'intervention non signé (annulation, ASL-5)", AUTRE: "Autre motif" } as const;
export const BILAN_PURPOSE_LABELS = { RENEWAL: "Demande de renouvellement", END: "Fin de mesure" } as const;

const id = ZId;
const keys = keysOf;
const yesNo = ZYesNo;
const text = ZText;
const checkboxes = <T extends [string, ...string[]]>(values: T) =>
  z.union([z.array(z.enum(values)), z.enum(values), z.literal(false), z.undefined()]).transform((v) => (Array.isArray(v) ? v : v ? [v] : []));
const months = z.coerce.number({ error: "Durée en mois attendue." }).int("Durée en mois entière.").min(1, "Au moins 1 mois.").max(18, "18 mois au plus (ASL-1).");

const sectionsOf = <K extends keyof typeof TEXT_KINDS>(kind: K, min = 3) =>
  z.object(Object.fromEntries(Object.entries(TEXT_KINDS[kind].sections).map(([k, s]) => [k, text(min, (s as { label: string }).label)])) as Record<keyof (typeof TEXT_KINDS)[K]["sections"], ReturnType<typeof text>>);

export const ZAslliRequestInput = z.object({
  conventionId: id,
  householdId: z.string().min(1, "Choisissez le ménage.").max(40),
  requestedOn: ZIsoDate("Date de la demande"),
  instructorProfession: z.enum(keys(INSTRUCTOR_LABELS), { error: "La demande est faite par un travailleur social (ASL-2)." }),
  instructorName: z.string().trim().min(3, "Nom et service du travailleur social : à compléter.").max(200),
  formSignedByHousehold: yesNo,
  evaluation: sectionsOf("ASLLI_REQUEST", 10),
  situations: checkboxes(keys(SITUATION_LABELS)).refine((v) => v.length > 0, "Cochez au moins une situation (ASL-9)."),
  lawfullyResident: yesNo,
  housingDifficulties: yesNo,
  adheres: yesNo,
  measuresInProgress: checkboxes(keys(EXCLUSIVE_MEASURE_LABELS)),
  purpose: z.enum(keys(PURPOSE_LABELS), { error: "Indiquez le type de mesure demandée." }),
  referentPersonId: id,
});
export type TAslliRequestInput = z.input<typeof ZAslliRequestInput>;

const base = { caseId: id, on: ZIsoDate("Date") };
export const ZAslliEventInput = z.discriminatedUnion("type", [
  z.object({
    ...base, type: z.literal("COMMISSION"),
    granted: yesNo,
    purpose: z.enum(keys(PURPOSE_LABELS)),
    months,
    notifiedOn: ZIsoDate("Date de notification au ménage"),
  }),
  z.object({ ...base, type: z.literal("START") }),
  z.object({
    ...base, type: z.literal("PLAN_SENT"),
    signedByHousehold: yesNo.refine((v) => v, "Le plan doit être signé par le ménage (ASL-5)."),
    signedByInstructor: yesNo.refine((v) => v, "Le plan doit être signé par le travailleur social instructeur (ASL-5)."),
    signedByAssociation: yesNo.refine((v) => v, "Le plan doit être signé par l'association (ASL-5)."),
    plan: sectionsOf("ASLLI_PLAN", 10),
  }),
  z.object({ ...base, type: z.literal("MEETING"), place: z.enum(keys(MEETING_PLACE_LABELS)), participants: z.string().trim().max(300).default(""), minutes: z.string().trim().max(10_000).default("") }),
  z.object({ ...base, type: z.literal("SUSPENSION"), endsOn: ZIsoDate("Fin de la suspension"), agreedOn: ZIsoDate("Accord du Service Logement"), reason: text(5, "Motif (force majeure)") }),
  z.object({ ...base, type: z.literal("INTERRUPTION"), reason: text(10, "Motif") }),
  z.object({ ...base, type: z.literal("BILAN_SENT"), bilanPurpose: z.enum(keys(BILAN_PURPOSE_LABELS)), bilan: sectionsOf("ASLLI_BILAN", 3) }),
  z.object({ ...base, type: z.literal("RENEWAL"), months }),
  z.object({ ...base, type: z.literal("END"), motive: z.enum(keys(EARLY_END_LABELS), { error: "Indiquez le motif." }) }),
  z.object({ ...base, type: z.literal("HANDOVER"), socialWorker: z.string().trim().min(3, "Indiquez le travailleur social qui reprend le suivi.").max(200) }),
]);
export type TAslliEventInput = z.input<typeof ZAslliEventInput>;
export type AslliEventType = TAslliEventInput["type"];
