// The parameters of each kind of convention, once: labels, units, seed defaults and rule ids.
// The creation form, the zod schemas, the convention page and the avenants (GEN-3) all read this list.
import type { ConventionKind } from "@/lib/domain";

export type ParamType =
  | { t: "int"; unit: string; min: number; max: number; optional?: boolean }
  | { t: "euros"; optional?: boolean }
  | { t: "percent"; optional?: boolean }
  | { t: "text"; max: number }
  | { t: "select"; options: readonly { value: string; label: string }[] }
  | { t: "multi"; options: readonly { value: string; label: string }[] }
  | { t: "bool" };

export type ParamValue = number | string | string[] | boolean | null;
export type ParamSpec = { key: string; label: string; rule: string; group: string; type: ParamType; default: ParamValue; help?: string };

const months = (min = 1, max = 120) => ({ t: "int", unit: "mois", min, max }) as const;
const days = (min = 1, max = 366) => ({ t: "int", unit: "jours", min, max }) as const;
const count = (unit: string, optional = false) => ({ t: "int", unit, min: 0, max: 100_000, optional }) as const;
const pct = { t: "percent" } as const;

const RENEWAL_OPTIONS = [
  { value: "TACIT", label: "Reconduction tacite" },
  { value: "NONE", label: "Sans reconduction" },
  { value: "AVENANT", label: "Renouvellement par avenant" },
] as const;

function duration(initialMonths: number, renewal: "TACIT" | "NONE" | "AVENANT", period: number | null, max: number | null, notice: number, noticeRule: string): ParamSpec[] {
  const g = "Durée et renouvellement";
  return [
    { key: "initialMonths", label: "Durée initiale", rule: "GEN-1", group: g, type: months(1, 120), default: initialMonths },
    { key: "renewalKind", label: "Renouvellement", rule: "GEN-1", group: g, type: { t: "select", options: RENEWAL_OPTIONS }, default: renewal },
    { key: "renewalPeriodMonths", label: "Période de reconduction", rule: "GEN-2", group: g, type: { ...months(1, 120), optional: true }, default: period, help: "En cas de reconduction tacite." },
    { key: "maxTotalMonths", label: "Durée totale maximale", rule: "GEN-2", group: g, type: { ...months(1, 600), optional: true }, default: max, help: "Vide : sans limite." },
    { key: "noticeMonths", label: "Délai de la mise en demeure avant résiliation", rule: noticeRule, group: g, type: months(0, 24), default: notice },
  ];
}

const RELAIS: ParamSpec[] = [
  { key: "referralQuota", label: "Demandes de diagnostic par année de convention", rule: "REL-1", group: "Orientation et diagnostic", type: count("demandes"), default: 3 },
  { key: "diagnosticMinDays", label: "Rencontre au plus tôt après la saisine", rule: "REL-2", group: "Orientation et diagnostic", type: days(0, 90), default: 15 },
  { key: "diagnosticMaxMonths", label: "Rencontre au plus tard après la saisine", rule: "REL-2", group: "Orientation et diagnostic", type: months(1, 12), default: 1 },
  { key: "fallbackMonths", label: "Proposition d'un logement du contingent après le diagnostic", rule: "REL-5", group: "Orientation et diagnostic", type: months(1, 24), default: 2 },
  { key: "supportMonths", label: "Durée de l'accompagnement", rule: "REL-6", group: "Accompagnement", type: months(1, 36), default: 12 },
  { key: "intermediateBilanMonths", label: "Bilans intermédiaires à la Ville, tous les", rule: "REL-7", group: "Accompagnement", type: months(1, 12), default: 3 },
  { key: "exchangeMonths", label: "Échange avec la Ville sur tous les ménages, tous les", rule: "REL-7", group: "Accompagnement", type: months(1, 12), default: 3 },
  { key: "householdsPerYear", label: "Ménages accompagnés par an (ordre de grandeur)", rule: "REL-9", group: "Accompagnement", type: count("ménages"), default: 5 },
  { key: "annualSubsidyCents", label: "Subvention annuelle", rule: "GEN-5", group: "Financement", type: { t: "euros" }, default: 1_140_000 },
  { key: "subsidyCondition", label: "Condition du versement", rule: "GEN-5", group: "Financement", type: { t: "text", max: 300 }, default: "Sous réserve du vote du budget par le conseil municipal" },
  ...duration(12, "TACIT", 12, 36, 1, "GEN-4"),
];

const TARGETS: ParamSpec[] = (
  [
    ["targetPLS", "PLS", 0.1], ["targetPLUS", "PLUS", 0.8], ["targetPLAI", "PLAI", 0.1],
    ["targetT1", "T1 (au plus)", 0.1], ["targetT2", "T2", 0.25], ["targetT3", "T3", 0.4], ["targetT4T5", "T4 / T5 et plus", 0.25],
    ["targetQPV", "En QPV", 0.1], ["targetClass34", "Résidences de classement 3 et 4", 0.4], ["targetPMR", "Adaptés PMR", 0.04],
  ] as const
).map(([key, label, d]) => ({ key, label, rule: "RES-15", group: "Objectifs indicatifs des logements orientés", type: pct, default: d }));

const RESERVATION_FLUX: ParamSpec[] = [
  { key: "managementMode", label: "Mode de gestion", rule: "RES-14", group: "Gestion en flux", type: { t: "select", options: [{ value: "DIRECT", label: "Directe (la Ville propose elle-même les candidats)" }, { value: "DELEGATED", label: "Déléguée au bailleur" }] }, default: "DIRECT" },
  { key: "objectiveCap", label: "Part du flux annuel, au plus", rule: "RES-11", group: "Gestion en flux", type: pct, default: 0.24 },
  { key: "guaranteeCap", label: "Part en contrepartie des garanties d'emprunt, au plus", rule: "RES-12", group: "Gestion en flux", type: pct, default: 0.2 },
  { key: "designationDays", label: "Délai de désignation des candidats", rule: "RES-18", group: "Gestion en flux", type: days(1, 120), default: 30 },
  ...TARGETS,
  ...duration(36, "NONE", null, null, 2, "GEN-4"),
];

const FNAVDL_YEARS = [1, 2].flatMap((y) =>
  (
    [
      ["Referred", "ménages orientés"], ["Measures", "ménages ayant eu une mesure"], ["Accompanied", "ménages accompagnés"], ["Housed", "ménages ayant accédé au logement"],
    ] as const
  ).map(([k, label]) => ({ key: `objY${y}${k}`, label: `Année ${y} : ${label}`, rule: "AVD-13", group: "Objectifs (annexe III)", type: count("ménages", true), default: null }) as ParamSpec),
);

const FNAVDL: ParamSpec[] = [
  { key: "publicKind", label: "Public", rule: "AVD-1", group: "Public et actions", type: { t: "select", options: [{ value: "DALO", label: "Ménages DALO (prioritaires et urgents)" }, { value: "NON_DALO", label: "Ménages non DALO" }, { value: "LOGEMENTS_ACCOMPAGNES", label: "Programme « 10 000 logements accompagnés »" }] }, default: "DALO" },
  { key: "actions", label: "Actions", rule: "AVD-1", group: "Public et actions", type: { t: "multi", options: [{ value: "DIAGNOSTIC", label: "Diagnostics" }, { value: "AVDL", label: "Accompagnement vers et dans le logement (AVL, ADL)" }, { value: "BAIL_GLISSANT", label: "Baux glissants avec accompagnement" }] }, default: ["DIAGNOSTIC", "AVDL"] },
  { key: "months", label: "Durée à compter de la signature", rule: "AVD-2", group: "Durée", type: { t: "select", options: [{ value: "12", label: "12 mois" }, { value: "24", label: "24 mois" }] }, default: "24" },
  { key: "extended", label: "Prolongée une fois de 12 mois par avenant", rule: "AVD-2", group: "Durée", type: { t: "bool" }, default: false, help: "Par avenant uniquement." },
  { key: "startDelayDays", label: "Délai maximal de déclenchement après l'orientation", rule: "AVD-10", group: "Public et actions", type: days(1, 180), default: 30 },
  { key: "totalEligibleCostCents", label: "Coût total éligible", rule: "AVD-3", group: "Budget", type: { t: "euros", optional: true }, default: null },
  { key: "indirectCostRate", label: "Coûts indirects (forfait, part des coûts directs)", rule: "AVD-3", group: "Budget", type: { t: "percent", optional: true }, default: null },
  { key: "budgetDiagnosticCents", label: "Budget des diagnostics", rule: "AVD-3", group: "Budget", type: { t: "euros", optional: true }, default: null },
  { key: "budgetAvdlCents", label: "Budget de l'AVDL", rule: "AVD-3", group: "Budget", type: { t: "euros", optional: true }, default: null },
  { key: "budgetBailGlissantCents", label: "Budget des baux glissants", rule: "AVD-3", group: "Budget", type: { t: "euros", optional: true }, default: null },
  { key: "firstPeriodContributionCents", label: "Contribution des 12 premiers mois", rule: "AVD-4", group: "Versements", type: { t: "euros", optional: true }, default: null },
  { key: "secondPeriodContributionCents", label: "Contribution des 12 mois suivants", rule: "AVD-4", group: "Versements", type: { t: "euros", optional: true }, default: null },
  { key: "advanceRate", label: "Avance à la notification", rule: "AVD-4", group: "Versements", type: { t: "percent", optional: true }, default: null },
  { key: "secondYearFirstAdvanceRate", label: "2e année : avance au plus tard 3 mois après l'anniversaire", rule: "AVD-4", group: "Versements", type: { t: "percent", optional: true }, default: null },
  { key: "secondYearSecondAdvanceRate", label: "2e année : avance 6 mois après l'anniversaire", rule: "AVD-4", group: "Versements", type: { t: "percent", optional: true }, default: null },
  { key: "hoursLeger", label: "Intensité légère", rule: "AVD-8", group: "Niveaux d'intensité (heures par ménage et par mois)", type: count("heures"), default: 4 },
  { key: "hoursMoyen", label: "Intensité moyenne", rule: "AVD-8", group: "Niveaux d'intensité (heures par ménage et par mois)", type: count("heures"), default: 8 },
  { key: "hoursApprofondi", label: "Intensité approfondie", rule: "AVD-8", group: "Niveaux d'intensité (heures par ménage et par mois)", type: count("heures"), default: 16 },
  { key: "forecastLeger", label: "Ménages prévus en intensité légère", rule: "AVD-12", group: "Prévision par niveau d'intensité", type: count("ménages", true), default: null },
  { key: "forecastMoyen", label: "Ménages prévus en intensité moyenne", rule: "AVD-12", group: "Prévision par niveau d'intensité", type: count("ménages", true), default: null },
  { key: "forecastApprofondi", label: "Ménages prévus en intensité approfondie", rule: "AVD-12", group: "Prévision par niveau d'intensité", type: count("ménages", true), default: null },
  { key: "deviationThreshold", label: "Écart à la répartition prévue qui impose un avenant", rule: "AVD-12", group: "Prévision par niveau d'intensité", type: pct, default: 0.2 },
  ...FNAVDL_YEARS,
  ...(
    [
      ["capServicesEtat", "Services de l'État"], ["capPdalhpd", "Instances du PDALHPD"], ["capCcapex", "CCAPEX"],
      ["capHebergement", "Structures d'hébergement"], ["capActionLogement", "Action Logement"], ["capBailleurs", "Bailleurs sociaux"],
    ] as const
  ).map(([key, label]) => ({ key, label, rule: "AVD-6", group: "Plafonds par prescripteur (jamais pour la commission de médiation)", type: count("diagnostics", true), default: null }) as ParamSpec),
  { key: "steeringCommitteeMonths", label: "Comité de pilotage local, tous les", rule: "AVD-17", group: "Suivi", type: months(1, 24), default: 12 },
  { key: "noticeMonths", label: "Délai de la mise en demeure avant résiliation", rule: "GEN-4", group: "Suivi", type: months(0, 24), default: 2 },
];

const ASLLI: ParamSpec[] = [
  { key: "year", label: "Année de la convention", rule: "ASL-1", group: "Mesures", type: { t: "int", unit: "", min: 2000, max: 2100 }, default: null },
  { key: "accessMonths", label: "Durée d'une mesure d'accès (installation)", rule: "ASL-1", group: "Mesures", type: months(1, 18), default: 3 },
  { key: "keepMonths", label: "Durée d'une mesure de maintien", rule: "ASL-1", group: "Mesures", type: months(1, 18), default: 6 },
  { key: "capMonths", label: "Durée totale maximale d'un accompagnement", rule: "ASL-1", group: "Mesures", type: months(1, 36), default: 18 },
  { key: "minMeetingsPerMonth", label: "Rencontres avec le ménage par mois, au moins", rule: "ASL-6", group: "Mesures", type: count("rencontres"), default: 2 },
  { key: "unitPriceCents", label: "Prix d'un mois-mesure", rule: "ASL-11b", group: "Financement", type: { t: "euros", optional: true }, default: null },
  ...duration(12, "NONE", null, null, 2, "GEN-4"),
];

const CADRE: ParamSpec[] = [
  { key: "meetingMonths", label: "Réunion des signataires, tous les", rule: "CAD-2", group: "Suivi", type: months(1, 24), default: 6 },
  ...duration(12, "TACIT", 12, null, 0, "CAD-3"),
];

export const CONVENTION_PARAMS: Record<ConventionKind, ParamSpec[]> = { RELAIS, RESERVATION_FLUX, FNAVDL, ASLLI, CADRE };

/** The seeds' values, as the form shows them first. */
export function defaultParams(kind: ConventionKind, year?: number): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const p of CONVENTION_PARAMS[kind]) out[p.key] = p.key === "year" && year ? year : p.default;
  return out;
}
