// French labels of the model's unions (one place; exhaustive records fail to compile when a case is added).
import type { ConventionKind, OrgKind, Role } from "@/lib/generated/prisma/enums";

export const ORG_KIND_LABEL: Record<OrgKind, string> = {
  COMMUNE: "Commune",
  ASSOCIATION: "Association",
  BAILLEUR: "Bailleur social",
  ETAT: "État",
  DEPARTEMENT: "Département",
  FEDERATION: "Fédération",
};

export const ROLE_LABEL: Record<Role, string> = { ADMIN: "Administrateur", AGENT: "Agent", READER: "Lecteur" };
export const ROLE_HELP: Record<Role, string> = {
  ADMIN: "gère les membres et les conventions de l'organisation",
  AGENT: "traite les dossiers",
  READER: "consulte les chiffres",
};

export const CONVENTION_KIND_LABEL: Record<ConventionKind, string> = {
  RELAIS: "Logement relais",
  RESERVATION_FLUX: "Réservation en flux",
  FNAVDL: "FNAVDL",
  ASLLI: "ASLL individuel",
  CADRE: "Partenariat cadre",
};

export type ConventionStatus = "PROJET" | "REFUSEE" | "A_VENIR" | "EN_VIGUEUR" | "DENONCEE" | "ECHUE" | "RESILIEE";
export const CONVENTION_STATUS_LABEL: Record<ConventionStatus, string> = {
  PROJET: "Projet",
  REFUSEE: "Refusée",
  A_VENIR: "À venir",
  EN_VIGUEUR: "En vigueur",
  DENONCEE: "Dénoncée",
  ECHUE: "Échue",
  RESILIEE: "Résiliée",
};
