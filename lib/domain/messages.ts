/**
 * The one French message catalogue of the domain (ARCHITECTURE "Messages"): pure data.
 * Refusals are `code → template` with `{param}` placeholders; obligations are
 * `messageKey → label`. Dates and amounts in parameters are raw (ISO dates, cents): the edge
 * formats them in French when it wants more than this plain wording.
 */
export const ERROR_MESSAGES = {
  INVALID_DATE: "La date « {value} » n'est pas une date valide (format AAAA-MM-JJ attendu).",
  INVALID_YEAR: "L'année « {value} » n'est pas valide.",
  NOT_INTEGER: "La valeur de « {field} » doit être un nombre entier (reçu : {value}).",
  NEGATIVE: "La valeur de « {field} » ne peut pas être négative (reçu : {value}).",
  NOT_POSITIVE: "La valeur de « {field} » doit être strictement positive (reçu : {value}).",
  RATE_OUT_OF_RANGE: "Le taux « {field} » doit être compris entre 0 et 1 (reçu : {value}).",
  END_BEFORE_START: "La date de fin ({end}) précède la date de début ({start}).",
  UNKNOWN_VALUE: "Valeur inconnue pour « {field} » : {value}.",
  DUPLICATE: "La valeur « {value} » de « {field} » apparaît deux fois.",
  ZERO_DENOMINATOR: "Calcul impossible : « {field} » vaut zéro.",
  EXCEEDS: "La valeur de « {field} » ({value}) dépasse le maximum autorisé ({max}).",
  QUOTA_REACHED: "Le quota de {quota} demandes de bilan diagnostic pour l'année est atteint.",
  TOO_FEW_VINTAGES: "Il faut les taux de {required} millésimes RPLS ; {count} fourni(s).",
  INVALID_DURATION: "Durée de {months} mois non prévue (durées possibles : {allowed}).",
  MAX_DURATION_EXCEEDED: "La durée totale de {months} mois dépasserait le maximum de {max} mois.",
  INCOMPLETE: "Informations manquantes : {missing}.",
  CUMUL_FORBIDDEN: "Mesure impossible : le ménage bénéficie déjà d'un accompagnement de même objet ({measures}). Aucune dérogation possible.",
  NOT_ELIGIBLE: "Demande non recevable : {reasons}.",
  EVALUATION_REQUIRED: "Prolongation au-delà de 9 mois (après le {limit}) impossible sans l'évaluation transmise à l'opérateur du diagnostic.",
  MOTIVATION_REQUIRED: "La demande d'un bailleur social doit être motivée.",
  CAP_FORBIDDEN: "Aucun plafond de prescriptions ne peut être fixé pour la commission de médiation.",
  CAP_REACHED: "Le plafond de {cap} prescriptions pour « {prescriber} » est atteint.",
  INTENSITY_NOT_ALLOWED: "L'accompagnement vers le logement (AVL) seul relève du niveau 1 ou 2, pas « {intensity} ».",
  EVENT_BEFORE_PREREQUISITE: "« {event} » du {on} impossible : il faut d'abord « {requires} ».",
  EVENT_AFTER_END: "« {event} » du {on} impossible : le suivi est terminé depuis le {endedOn}.",
  EVENT_DUPLICATE: "« {event} » du {on} impossible : déjà enregistré.",
  INVALID_NUR: "Le numéro unique « {value} » doit comporter 10 à 20 lettres ou chiffres.",
  TERMINATION_NOT_ALLOWED: "Pour cette convention ({kind}), la partie « {role} » ne peut pas résilier.",
  START_OUT_OF_WINDOW: "Le début de la mesure ({on}) doit se situer entre le {from} et le {to}.",
  INVALID_PERIOD: "La période « {value} » n'est pas valide.",
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** French labels of every obligation the deadline engines produce. */
export const OBLIGATION_LABELS = {
  "relais.diagnostic": "Bilan diagnostic à réaliser",
  "relais.decision": "Décision commune d'entrée en logement relais",
  "relais.fallbackOption": "Proposition possible d'un logement social des réservations de la Ville",
  "relais.contract": "Contrat d'accompagnement signé à adresser à la Ville",
  "relais.weeklyVisit": "Rencontre hebdomadaire avec le ménage",
  "relais.intermediateBilan": "Bilan intermédiaire à adresser à la Ville",
  "relais.finalBilan": "Bilan final à adresser à la Ville (fin d'accompagnement prévue)",
  "fnavdl.diagnostic": "Diagnostic à réaliser",
  "fnavdl.supportStart": "Démarrage de l'accompagnement",
  "fnavdl.supportEnd": "Fin d'accompagnement prévue",
  "fnavdl.bailleurNotice": "Information du préfet par le bailleur (bail glissant)",
  "fnavdl.resumeOption": "Reprise possible de l'accompagnement après glissement du bail",
  "aslli.plan": "Plan d'intervention signé à transmettre au Service Logement",
  "aslli.meetings": "Deux rencontres dans le mois avec le ménage",
  "aslli.bilanRenewal": "Bilan de mesure pour la demande de renouvellement",
  "aslli.bilanEnd": "Bilan de fin de mesure",
  "aslli.handover": "Passage de relais au travailleur social",
  "vacancy.designation": "Désignation des candidats",
  "vacancy.reasonedLetter": "Courrier circonstancié à la CALEOL (moins de 3 candidats)",
  "vacancy.caleol": "Décision de la CALEOL à enregistrer",
  "vacancy.lease": "Signature du bail à enregistrer",
  "programme.firstList": "Première liste de candidats (programme neuf)",
  "programme.secondList": "Seconde liste de candidats (programme neuf)",
  "convention.annualBilanMeeting": "Réunion de bilan annuel de la convention",
  "convention.quarterlyExchange": "Échange trimestriel sur l'ensemble des ménages",
  "convention.subsidy": "Versement de la subvention annuelle",
  "convention.paymentConfirmation": "Confirmation de la réception du versement",
  "convention.refund": "Remboursement dû",
  "convention.terminationOption": "Résiliation possible (mise en demeure restée sans effet)",
  "reservation.share": "Part du flux de l'année à fixer",
  "reservation.soustraits": "Prévisionnel des logements soustraits et bilan des relogements",
  "reservation.annualBilan": "Bilan annuel aux réservataires",
  "reservation.validationMeeting": "Instance annuelle de suivi et de validation",
  "fnavdl.budgetChangeOption": "Modifications budgétaires à notifier (6 mois avant l'anniversaire)",
  "fnavdl.advanceNotification": "Avance à la notification",
  "fnavdl.balance": "Solde de la période (sur demande)",
  "fnavdl.secondYearAdvance1": "Avance de deuxième année (au plus tard 3 mois après l'anniversaire)",
  "fnavdl.secondYearAdvance2": "Avance de deuxième année (6 mois après l'anniversaire)",
  "fnavdl.reportFinancial": "Compte rendu financier",
  "fnavdl.reportAccounts": "Comptes annuels et rapport du commissaire aux comptes",
  "fnavdl.reportActivity": "Rapport d'activité",
  "fnavdl.reportFinalBilan": "Bilan d'ensemble qualitatif et quantitatif",
  "fnavdl.steeringCommittee": "Comité de pilotage",
  "fnavdl.figures": "Indicateurs à transmettre avant le comité de pilotage",
  "fnavdl.avenantAnswer": "Réponse à la demande d'avenant",
  "aslli.semesterTable": "Tableau semestriel de suivi des mesures",
  "cadre.semesterMeeting": "Réunion semestrielle des signataires",
} as const;

export type ObligationMessageKey = keyof typeof OBLIGATION_LABELS;

/** Generic French names of event types, used when a refusal names an event. */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  REFERRAL: "saisine",
  DIAGNOSTIC: "diagnostic",
  DECISION: "décision commune",
  DWELLING_PROPOSED: "proposition d'un logement",
  ENTRY: "entrée dans le logement",
  CONTRACT_SENT: "contrat d'accompagnement",
  VISIT: "rencontre",
  INTERMEDIATE_BILAN_SENT: "bilan intermédiaire",
  RENEWAL: "renouvellement",
  FINAL_BILAN_SENT: "bilan final",
  END: "fin",
  PRESCRIPTION: "prescription",
  CONSENT: "accord du ménage",
  SUPPORT_START: "début de l'accompagnement",
  SUPPORT_CHANGE: "changement d'accompagnement",
  EVALUATION_SENT: "évaluation transmise",
  PROLONGATION: "prolongation",
  SUBLEASE_START: "début de la sous-location",
  BAILLEUR_NOTICE: "information du préfet",
  LEASE_SLID: "glissement du bail",
  LEASE_SIGNED: "signature du bail",
  SURVEY: "enquête de satisfaction",
  REQUEST: "demande",
  COMMISSION: "commission technique",
  START: "début de la mesure",
  PLAN_SENT: "plan d'intervention",
  MEETING: "rencontre",
  SUSPENSION: "suspension",
  INTERRUPTION: "interruption",
  BILAN_SENT: "bilan",
  HANDOVER: "passage de relais",
  DECLARED: "déclaration de vacance",
  DESIGNATION: "désignation",
  REASONED_LETTER: "courrier circonstancié",
  CALEOL: "décision de la CALEOL",
  CANDIDATE_ANSWER: "réponse du candidat",
  WITHDRAWN: "retrait",
  NOTIFICATION_RECEIVED: "réception de la notification",
  LIST_SENT: "liste de candidats",
  FAILURE_NOTIFIED: "notification de l'échec",
  COMMISSIONING_POSTPONED: "report de mise en service",
  SIGNED: "signature",
  DENOUNCED: "dénonciation",
  MISE_EN_DEMEURE: "mise en demeure",
  TERMINATED: "résiliation",
  AVENANT: "avenant",
  AVENANT_REQUESTED: "demande d'avenant",
  AVENANT_ANSWERED: "réponse à la demande d'avenant",
  PAYMENT: "versement",
  PAYMENT_CONFIRMED: "confirmation du versement",
  REFUND_CLAIMED: "demande de remboursement",
  REFUND_PAID: "remboursement",
  BUDGET_CHANGE_NOTIFIED: "notification des modifications budgétaires",
  REPORT_SENT: "envoi du rapport",
  FIGURES_SENT: "envoi des indicateurs",
  SEMESTER_TABLE_SENT: "envoi du tableau semestriel",
  SHARE_AGREED: "part convenue",
  SOUSTRAITS_DECLARED: "déclaration des logements soustraits",
  ANNUAL_BILAN_SENT: "envoi du bilan annuel",
};

/** French names of the fields and conditions a refusal may name (`field`, `missing`, `reasons`). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  referralsThisYear: "demandes déjà faites dans l'année",
  quota: "quota",
  monthlyIncomeCents: "revenus mensuels",
  rate: "taux",
  months: "durée en mois",
  renewals: "renouvellements",
  moveIns: "emménagements",
  letDwellings: "logements loués",
  year: "année",
  rotation: "taux de rotation",
  droitsDeSuite: "droits de suite",
  remainingYears: "durée restante",
  droitsUniques: "droits uniques",
  allDroitsUniques: "droits uniques de tous les réservataires",
  stateShare: "part de l'État",
  cap: "plafond",
  share: "part du flux",
  stock: "stock",
  excluded: "logements exclus",
  soustraits: "logements soustraits",
  misesEnService: "mises en service",
  "excluded + soustraits": "logements exclus et soustraits",
  flux: "flux de l'année",
  objective: "objectif",
  financing: "financement",
  typology: "typologie",
  surfaceM2: "surface",
  "address.number": "numéro",
  "address.street": "rue",
  "address.commune": "commune",
  "address.postcode": "code postal",
  qpv: "localisation en QPV",
  constructionPeriod: "période de construction",
  rentAndChargesCents: "loyer et charges",
  dpe: "DPE",
  pmr: "accessibilité PMR",
  classification: "classification de la résidence",
  candidates: "nombre de candidats",
  initialMonths: "durée initiale",
  noticeMonths: "délai de préavis",
  public: "public",
  actions: "actions",
  intensity: "niveau d'intensité",
  prescriber: "prescripteur",
  purpose: "objet de la mesure",
  suspendedDays: "jours de suspension",
  instructor: "travailleur social instructeur",
  formSignedByHousehold: "formulaire signé par le ménage",
  "evaluation.symptoms": "difficultés liées au logement (symptômes)",
  "evaluation.causes": "origine des difficultés (causes)",
  "evaluation.priorityAxes": "axes prioritaires",
  situations: "situations justifiant la mesure",
  lawfullyResident: "séjour régulier en France",
  housingDifficulties: "difficultés liées au logement",
  adheres: "adhésion du ménage",
  problem: "problématique du ménage",
  financialSituation: "situation financière et budget",
  prioritySteps: "démarches prioritaires",
  engagementCapacity: "capacité et volonté de s'investir",
  supportProject: "projet d'accompagnement",
  modalities: "modalités d'intervention",
  paymentCapacity: "capacité à payer un loyer ou une redevance",
};

type MessageParams = Readonly<Record<string, string | number | boolean | readonly string[]>>;

function render(value: string | number | boolean | readonly string[]): string {
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/** Fills a template: `{name}` is replaced by the parameter, arrays are joined by ", ". */
export function formatMessage(code: ErrorCode, params: MessageParams = {}): string {
  return ERROR_MESSAGES[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if ((name === "event" || name === "requires") && typeof value === "string") return EVENT_LABELS[value] ?? value;
    if (name === "field" || name === "missing" || name === "reasons") {
      const names = Array.isArray(value) ? value : [String(value)];
      return names.map((n: string) => FIELD_LABELS[n] ?? EVENT_LABELS[n] ?? n).join(", ");
    }
    return render(value);
  });
}

export function obligationLabel(key: ObligationMessageKey): string {
  return OBLIGATION_LABELS[key];
}
