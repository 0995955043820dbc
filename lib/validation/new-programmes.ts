import { z } from "zod";
import { ZIsoDate } from "./convention-life";
import { ZId } from "./fields";
import { ZCandidateInput } from "./vacancies";

// New programmes (issue 10 part 5, RES-21): the forms' inputs, shared by the browser and the actions.

/** RES-21: what the bailleur sends with the notification; the list received is recorded in the step. */
export const PROGRAMME_DOCUMENTS = {
  PLANS: "Plans",
  PMR: "Caractéristiques PMR",
  PHOTOS: "Photos",
  NOTICE: "Notice descriptive",
  RPLS_IDS: "Identifiants RPLS",
} as const;
export type ProgrammeDocument = keyof typeof PROGRAMME_DOCUMENTS;
const DOCUMENT_KEYS = Object.keys(PROGRAMME_DOCUMENTS) as [ProgrammeDocument, ...ProgrammeDocument[]];

export const PROGRAMME_KIND_LABELS = { NEW: "Construction neuve", ACQUISITION: "Acquisition (assimilée)" } as const;
export type ProgrammeKind = keyof typeof PROGRAMME_KIND_LABELS;

export const PROGRAMME_STEP_LABELS: Record<string, string> = {
  NOTIFICATION_RECEIVED: "Notification reçue par le réservataire",
  LIST_SENT: "Liste de candidats transmise",
  FAILURE_NOTIFIED: "Échec de la liste notifié",
  COMMISSIONING_POSTPONED: "Mise en service reportée (commune informée)",
};

const count = (label: string, max: number) => z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const n = Number(v);
  if (v === "" || !Number.isInteger(n) || n < 1 || n > max) { ctx.addIssue({ code: "custom", message: `${label} : un nombre entier de 1 à ${max}.` }); return z.NEVER; }
  return n;
});

export const ZNotifyProgrammeInput = z.object({
  conventionId: ZId,
  name: z.string().trim().min(2, "Nom du programme : obligatoire.").max(200, "200 caractères au plus."),
  programmeKind: z.enum(["NEW", "ACQUISITION"], { message: "Choisissez le type d'opération." }).optional().default("NEW"),
  addressLine: z.string().trim().min(3, "Adresse : obligatoire.").max(200, "200 caractères au plus."),
  postcode: z.string().trim().regex(/^\d{5}$/, "Code postal : 5 chiffres."),
  commune: z.string().trim().min(2, "Commune : obligatoire.").max(100, "100 caractères au plus."),
  dwellings: count("Nombre de logements", 2000),
  commissioningOn: ZIsoDate("Date de mise en service prévue"),
  /** RES-21: the day the réservataire received the notification (the 30 days run from it). */
  receivedOn: ZIsoDate("Date de réception de la notification"),
  documents: z.array(z.enum(DOCUMENT_KEYS)).max(DOCUMENT_KEYS.length).optional().default([]),
  rplsIds: z.string().trim().max(5000, "5 000 caractères au plus.").optional().default(""),
});

export const ZSendListInput = z.object({
  programmeId: ZId,
  on: ZIsoDate("Date d'envoi de la liste"),
  candidates: z.array(ZCandidateInput).min(1, "Au moins un candidat.").max(200, "200 candidats au plus."),
  note: z.string().trim().max(5000, "5 000 caractères au plus.").optional().default(""),
});

export const ZNotifyFailureInput = z.object({
  programmeId: ZId,
  on: ZIsoDate("Date de notification de l'échec"),
  reason: z.string().trim().min(3, "Motif : obligatoire.").max(5000, "5 000 caractères au plus."),
});

export const ZPostponeInput = z.object({
  programmeId: ZId,
  /** The day the commune is informed of the postponement. */
  on: ZIsoDate("Date d'information de la commune"),
  commissioningOn: ZIsoDate("Nouvelle date de mise en service"),
  reason: z.string().trim().max(5000, "5 000 caractères au plus.").optional().default(""),
});
