// Demo FNAVDL cases of AUMV and ASLLi measures of Habiter Solidaire en Alsace, in every state, dated relative
// to today (issue 7). The rows are those the actions write (lib/server/actions/fnavdl.ts, aslli.ts): the domain
// event as payload with the actions' extra fields, the social detail as CaseText, sent where the texts go
// (ACC-2: the ASLLi request, plan, bilans and interruption to the Département's Service Logement; the FNAVDL
// diagnostic and evaluation stay with the association, which is the operator). Each case is then checked by
// the domain (refreshCaseObligations refuses an impossible sequence).
import { addDays, addMonths, aslliPlanDueOn, endOfMonthsPeriod, lastDayOfMonth, type AslliCaseEvent, type FnavdlCaseEvent, type IsoDate } from "../lib/domain";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { refreshCaseObligations } from "../lib/server/cases";
import { computeSearchKey } from "../lib/server/households";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
const d = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
const minIso = (a: IsoDate, b: IsoDate) => (a <= b ? a : b);
const maxIso = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);
const firstOfMonth = (iso: IsoDate) => `${iso.slice(0, 8)}01`;

type Member = { lastName: string; firstName: string; birthDate: string; relationship: "CONJOINT" | "ENFANT" | "PARENT" | "AUTRE" };
type Resource = { source: "SALAIRE" | "RSA" | "ARE" | "AAH" | "PENSION" | "PRESTATIONS_FAMILIALES" | "APL" | "AUTRE"; euros: number };
export type SupportHousehold = {
  lastName: string; firstName: string; birthDate: string; nur?: string; housingSituation: string; commune: string;
  dalo?: { on: IsoDate; decision: "LOGEMENT" | "HEBERGEMENT" };
  consent?: { on: IsoDate; by: string };
  members: Member[];
  resources: Resource[];
};
type Text = { kind: string; sections: Record<string, unknown>; sent?: boolean };
/** One recorded step: the event, the extra payload fields its action writes, who records it, its text. */
export type Step<E> = { e: E; extra?: Record<string, unknown>; by?: "PARTNER"; text?: Text };
export type SupportStory<E> = { household: SupportHousehold; previous?: boolean; steps: Step<E>[] };

const CHILD = "ENFANT" as const;

// ─── FNAVDL (seed 003, AVD-6..14) ─────────────────────────────────────────────────────────────

const diagnosticText = (situation: string, conclusion: string): Text => ({ kind: "FNAVDL_DIAGNOSTIC", sections: { situation, conclusion } });
const motivation = (text: string): Text => ({ kind: "FNAVDL_MOTIVATION", sections: { text } });

/**
 * AUMV's FNAVDL cases: prescribed (awaiting consent), consented (awaiting the diagnostic), oriented with the
 * AVD-10 start overdue, diagnosed without need of support (closed), a COMED measure in AVL then ADL, a bail
 * glissant whose AVD-11 notice falls due in the coming weeks, access to housing with surveys, a refusal; and
 * under the previous convention a DALO support prolonged beyond 9 months after an evaluation (AVD-9) whose
 * lease slid (AVD-11).
 */
export function fnavdlStories(today: IsoDate): SupportStory<FnavdlCaseEvent>[] {
  const t = (n: number) => addDays(today, n, "AVD-6");
  const months = (from: IsoDate, n: number) => endOfMonthsPeriod(from, n, "AVD-7");
  return [
    {
      household: {
        lastName: "Rahmani", firstName: "Leïla", birthDate: "1991-03-08", nur: "094112501887340", housingSituation: "HEBERGE_TIERS", commune: "Ivry-sur-Seine",
        dalo: { on: t(-75), decision: "LOGEMENT" },
        members: [{ lastName: "Rahmani", firstName: "Sami", birthDate: "2016-05-19", relationship: CHILD }, { lastName: "Rahmani", firstName: "Nour", birthDate: "2020-10-02", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1120.5 }, { source: "PRESTATIONS_FAMILIALES", euros: 298.3 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-6), prescriber: "SERVICES_ETAT", motivated: true, bailGlissant: false, measure: null },
          text: motivation("Ménage reconnu prioritaire et urgent, à reloger sur le contingent préfectoral : diagnostic demandé avant la proposition d'un logement.") },
      ],
    },
    {
      household: {
        lastName: "Mendy", firstName: "Pascal", birthDate: "1984-12-11", nur: "094112401552218", housingSituation: "HEBERGEMENT", commune: "Villeneuve-Saint-Georges",
        dalo: { on: t(-200), decision: "LOGEMENT" }, consent: { on: t(-18), by: "Pascal et Odile Mendy" },
        members: [{ lastName: "Mendy", firstName: "Odile", birthDate: "1987-07-25", relationship: "CONJOINT" }, { lastName: "Mendy", firstName: "Jules", birthDate: "2015-01-30", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1402.8 }, { source: "ARE", euros: 734.1 }, { source: "PRESTATIONS_FAMILIALES", euros: 141.99 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-25), prescriber: "BAILLEUR_SOCIAL", motivated: true, bailGlissant: false, measure: null },
          text: motivation("Valophis Habitat propose un T3 à Villeneuve-Saint-Georges sous réserve d'un accompagnement vers le logement : dette de 1 800 € laissée dans le précédent logement.") },
        { e: { type: "CONSENT", on: t(-18) } },
      ],
    },
    {
      household: {
        lastName: "Vasseur", firstName: "Christelle", birthDate: "1989-09-14", nur: "094112402210954", housingSituation: "HOTEL", commune: "Créteil",
        dalo: { on: t(-160), decision: "LOGEMENT" }, consent: { on: t(-35), by: "Christelle Vasseur" },
        members: [{ lastName: "Vasseur", firstName: "Enzo", birthDate: "2017-03-03", relationship: CHILD }],
        resources: [{ source: "RSA", euros: 865.2 }, { source: "PRESTATIONS_FAMILIALES", euros: 186.4 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-40), prescriber: "PDALHPD", motivated: false, bailGlissant: false, measure: null } },
        { e: { type: "CONSENT", on: t(-35) } },
        // AVD-10: the start is due 15 days after this orientation; it has not started (overdue).
        { e: { type: "DIAGNOSTIC", on: t(-24), supportNeeded: true, intensity: "MOYEN", plannedMonths: 6 },
          text: diagnosticText(
            "Mère seule avec un enfant, à l'hôtel depuis dix-huit mois ; RSA ; aucune expérience d'un logement autonome, dossiers administratifs incomplets.",
            "Accompagnement vers le logement nécessaire, intensité moyenne, six mois : ouverture des droits APL, budget logement, préparation de l'entrée dans les lieux.",
          ) },
      ],
    },
    {
      household: {
        lastName: "Bouzid", firstName: "Rachid", birthDate: "1977-02-21", nur: "094112302018867", housingSituation: "HEBERGEMENT", commune: "Thiais",
        dalo: { on: t(-260), decision: "LOGEMENT" }, consent: { on: t(-112), by: "Rachid Bouzid" },
        members: [], resources: [{ source: "SALAIRE", euros: 1585.6 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-120), prescriber: "HEBERGEMENT", motivated: false, bailGlissant: false, measure: null } },
        { e: { type: "CONSENT", on: t(-112) } },
        { e: { type: "DIAGNOSTIC", on: t(-98), supportNeeded: false, intensity: null, plannedMonths: null },
          text: diagnosticText(
            "Homme seul en CHRS depuis un an, en CDI à temps plein ; budget tenu, aucune dette ; dossier de demande de logement social complet.",
            "Pas d'accompagnement nécessaire : le ménage est autonome ; le CHRS transmet la proposition de logement dès qu'elle arrive.",
          ) },
      ],
    },
    {
      household: {
        lastName: "Kouyaté", firstName: "Aïssatou", birthDate: "1985-06-06", nur: "094112402771230", housingSituation: "HEBERGE_TIERS", commune: "Vitry-sur-Seine",
        dalo: { on: t(-150), decision: "LOGEMENT" }, consent: { on: t(-146), by: "Aïssatou Kouyaté" },
        members: [{ lastName: "Kouyaté", firstName: "Mamadou", birthDate: "2009-11-12", relationship: CHILD }, { lastName: "Kouyaté", firstName: "Fanta", birthDate: "2012-04-27", relationship: CHILD },
          { lastName: "Kouyaté", firstName: "Ibrahima", birthDate: "2018-08-15", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1310 }, { source: "PRESTATIONS_FAMILIALES", euros: 520.35 }],
      },
      steps: [
        // AVD-6: the commission de médiation's decision is the prescription of the measure (no diagnostic).
        { e: { type: "PRESCRIPTION", on: t(-150), prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: false, measure: { intensity: "MOYEN", plannedMonths: 9 } } },
        { e: { type: "CONSENT", on: t(-146) } },
        { e: { type: "SUPPORT_START", on: t(-141), action: "AVL", intensity: "MOYEN", plannedEndOn: months(t(-141), 9) } },
        { e: { type: "LEASE_SIGNED", on: t(-52) } },
        // AVD-1/8: once housed, the accompaniment goes on in the dwelling (ADL).
        { e: { type: "SUPPORT_CHANGE", on: t(-50), action: "ADL", intensity: "MOYEN" } },
      ],
    },
    {
      household: {
        lastName: "Marchand", firstName: "Grégory", birthDate: "1982-01-17", nur: "094112301440672", housingSituation: "LOGEMENT_TEMPORAIRE", commune: "Champigny-sur-Marne",
        dalo: { on: t(-200), decision: "LOGEMENT" }, consent: { on: t(-195), by: "Grégory et Sabrina Marchand" },
        members: [{ lastName: "Marchand", firstName: "Sabrina", birthDate: "1986-10-09", relationship: "CONJOINT" }],
        resources: [{ source: "SALAIRE", euros: 1450 }, { source: "AAH", euros: 1016.05 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-200), prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: true, measure: { intensity: "APPROFONDI", plannedMonths: 12 } } },
        { e: { type: "CONSENT", on: t(-195) } },
        { e: { type: "SUPPORT_START", on: t(-188), action: "BAIL_GLISSANT", intensity: "APPROFONDI", plannedEndOn: months(t(-188), 12) } },
        // AVD-11: the bailleur's notice to the préfet is due 2 months before the examination period ends (in a few weeks).
        { e: { type: "SUBLEASE_START", on: t(-180), examinationEndsOn: addDays(addMonths(today, 2, "AVD-11"), 18, "AVD-11") } },
      ],
    },
    {
      household: {
        lastName: "Pereira", firstName: "Sandra", birthDate: "1990-08-03", nur: "094112300961345", housingSituation: "PARC_SOCIAL", commune: "Orly",
        dalo: { on: t(-420), decision: "LOGEMENT" }, consent: { on: t(-326), by: "Sandra Pereira" },
        members: [{ lastName: "Pereira", firstName: "Lucas", birthDate: "2013-02-14", relationship: CHILD }, { lastName: "Pereira", firstName: "Maëlys", birthDate: "2019-06-21", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1390.4 }, { source: "PRESTATIONS_FAMILIALES", euros: 310.2 }, { source: "APL", euros: 262 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-330), prescriber: "SERVICES_ETAT", motivated: false, bailGlissant: false, measure: null } },
        { e: { type: "CONSENT", on: t(-326) } },
        { e: { type: "DIAGNOSTIC", on: t(-314), supportNeeded: true, intensity: "MOYEN", plannedMonths: 9 },
          text: diagnosticText(
            "Mère seule avec deux enfants, à l'hôtel ; salariée à temps partiel ; une dette de 900 € auprès d'un ancien bailleur privé.",
            "Accompagnement vers puis dans le logement, intensité moyenne, neuf mois ; réussite : bail signé, loyer payé trois mois de suite, dette soldée.",
          ) },
        { e: { type: "SUPPORT_START", on: t(-305), action: "AVL", intensity: "MOYEN", plannedEndOn: months(t(-305), 9) } },
        // AVD-13b 7: access to housing, a lease signed.
        { e: { type: "LEASE_SIGNED", on: t(-120) } },
        { e: { type: "SUPPORT_CHANGE", on: t(-118), action: "ADL", intensity: "LEGER" } },
        { e: { type: "END", on: t(-36), reason: "COMPLETED" } },
        // AVD-14: the satisfaction surveys.
        { e: { type: "SURVEY", on: t(-30), respondent: "HOUSEHOLD", answer: "TRES_SATISFAISANT" } },
        { e: { type: "SURVEY", on: t(-22), respondent: "BAILLEUR", answer: "PLUTOT_SATISFAISANT" } },
      ],
    },
    {
      household: {
        lastName: "Delaunay", firstName: "Kévin", birthDate: "1995-04-30", housingSituation: "SANS_DOMICILE", commune: "Villeneuve-le-Roi",
        dalo: { on: t(-80), decision: "LOGEMENT" },
        members: [], resources: [{ source: "RSA", euros: 646.52 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: t(-80), prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: false, measure: { intensity: "LEGER", plannedMonths: 6 } } },
        { e: { type: "END", on: t(-66), reason: "REFUSED" } },
      ],
    },
    {
      previous: true,
      household: {
        lastName: "Ouedraogo", firstName: "Habib", birthDate: "1980-10-01", nur: "094112400338861", housingSituation: "PARC_SOCIAL", commune: "Alfortville",
        dalo: { on: "2024-03-04", decision: "LOGEMENT" }, consent: { on: "2024-03-08", by: "Habib et Salimata Ouedraogo" },
        members: [{ lastName: "Ouedraogo", firstName: "Salimata", birthDate: "1988-02-02", relationship: "CONJOINT" }, { lastName: "Ouedraogo", firstName: "Ismaël", birthDate: "2019-09-09", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1725 }, { source: "PRESTATIONS_FAMILIALES", euros: 141.99 }, { source: "APL", euros: 198 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: "2024-03-04", prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: true, measure: { intensity: "MOYEN", plannedMonths: 9 } } },
        { e: { type: "CONSENT", on: "2024-03-08" } },
        { e: { type: "SUPPORT_START", on: "2024-03-18", action: "BAIL_GLISSANT", intensity: "MOYEN", plannedEndOn: "2024-12-17" } },
        { e: { type: "SUBLEASE_START", on: "2024-04-02", examinationEndsOn: "2025-04-01" } },
        // AVD-9: beyond 9 months only after an evaluation proposing it.
        { e: { type: "EVALUATION_SENT", on: "2024-11-25" },
          text: { kind: "FNAVDL_EVALUATION", sections: { text: "Loyer de la sous-location payé chaque mois depuis avril ; le ménage doit encore stabiliser son budget avant le glissement du bail. Prolongation proposée jusqu'en juin 2025." } } },
        { e: { type: "PROLONGATION", on: "2024-12-02", plannedEndOn: "2025-06-17" } },
        { e: { type: "BAILLEUR_NOTICE", on: "2025-01-24", leaseOffered: true }, by: "PARTNER" },
        { e: { type: "LEASE_SLID", on: "2025-04-01" } },
        { e: { type: "END", on: "2025-06-17", reason: "COMPLETED" } },
        { e: { type: "SURVEY", on: "2025-06-24", respondent: "HOUSEHOLD", answer: "PLUTOT_SATISFAISANT" } },
        { e: { type: "SURVEY", on: "2025-07-01", respondent: "BAILLEUR", answer: "TRES_SATISFAISANT" } },
      ],
    },
    // Issue 14: fixed, dated cases of the previous convention, so that its annex III indicators (AVD-13b) are worked out
    // by hand once and checked literally (year 1, 15 January 2024 – 14 January 2025: 5 referred, 5 with a measure,
    // active file 2 a month on average, 4 accompanied, 6,1 months, 13 days, 1 housed; docs/decisions.md, issue 14).
    {
      previous: true,
      household: {
        lastName: "Lefèvre", firstName: "Nathalie", birthDate: "1986-05-12", nur: "094112400127745", housingSituation: "HOTEL", commune: "Choisy-le-Roi",
        dalo: { on: "2024-01-22", decision: "LOGEMENT" }, consent: { on: "2024-02-09", by: "Nathalie Lefèvre" },
        members: [{ lastName: "Lefèvre", firstName: "Inès", birthDate: "2014-09-03", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1264.3 }, { source: "PRESTATIONS_FAMILIALES", euros: 141.99 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: "2024-02-05", prescriber: "SERVICES_ETAT", motivated: false, bailGlissant: false, measure: null } },
        { e: { type: "CONSENT", on: "2024-02-09" } },
        { e: { type: "DIAGNOSTIC", on: "2024-02-20", supportNeeded: true, intensity: "MOYEN", plannedMonths: 6 },
          text: diagnosticText(
            "Mère seule avec sa fille, à l'hôtel depuis huit mois ; salariée en CDI ; droits APL jamais ouverts.",
            "Accompagnement vers le logement, intensité moyenne, six mois : dossier de demande complet, budget logement, entrée dans les lieux.",
          ) },
        { e: { type: "SUPPORT_START", on: "2024-03-01", action: "AVL", intensity: "MOYEN", plannedEndOn: "2024-08-31" } },
        { e: { type: "LEASE_SIGNED", on: "2024-06-10" } },
        { e: { type: "SUPPORT_CHANGE", on: "2024-06-12", action: "ADL", intensity: "LEGER" } },
        { e: { type: "END", on: "2024-08-31", reason: "COMPLETED" } },
        { e: { type: "SURVEY", on: "2024-09-10", respondent: "HOUSEHOLD", answer: "TRES_SATISFAISANT" } },
        { e: { type: "SURVEY", on: "2024-09-16", respondent: "BAILLEUR", answer: "PLUTOT_SATISFAISANT" } },
      ],
    },
    {
      previous: true,
      household: {
        lastName: "Diallo", firstName: "Moussa", birthDate: "1979-11-23", nur: "094112300874412", housingSituation: "HEBERGE_TIERS", commune: "Vitry-sur-Seine",
        dalo: { on: "2024-05-13", decision: "LOGEMENT" }, consent: { on: "2024-05-15", by: "Moussa et Aminata Diallo" },
        members: [{ lastName: "Diallo", firstName: "Aminata", birthDate: "1983-04-17", relationship: "CONJOINT" }, { lastName: "Diallo", firstName: "Oumou", birthDate: "2011-12-01", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1530 }, { source: "PRESTATIONS_FAMILIALES", euros: 298.3 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: "2024-05-13", prescriber: "COMMISSION_MEDIATION", motivated: false, bailGlissant: false, measure: { intensity: "APPROFONDI", plannedMonths: 9 } } },
        { e: { type: "CONSENT", on: "2024-05-15" } },
        { e: { type: "SUPPORT_START", on: "2024-05-27", action: "ADL", intensity: "APPROFONDI", plannedEndOn: "2025-02-26" } },
        { e: { type: "END", on: "2024-11-29", reason: "INTERRUPTED" } },
        { e: { type: "SURVEY", on: "2024-12-06", respondent: "BAILLEUR", answer: "PLUTOT_INSATISFAISANT" } },
      ],
    },
    {
      previous: true,
      household: {
        lastName: "Girard", firstName: "Émilie", birthDate: "1992-07-29", nur: "094112400560038", housingSituation: "PARC_SOCIAL", commune: "Orly",
        dalo: { on: "2024-08-26", decision: "LOGEMENT" }, consent: { on: "2024-09-30", by: "Émilie Girard" },
        members: [], resources: [{ source: "SALAIRE", euros: 1688.4 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: "2024-09-23", prescriber: "BAILLEUR_SOCIAL", motivated: true, bailGlissant: false, measure: null },
          text: motivation("Valophis Habitat propose une mutation vers un T2 à Orly et demande un diagnostic : retards de loyer répétés dans le logement actuel.") },
        { e: { type: "CONSENT", on: "2024-09-30" } },
        { e: { type: "DIAGNOSTIC", on: "2024-10-14", supportNeeded: false, intensity: null, plannedMonths: null },
          text: diagnosticText(
            "Femme seule, en CDI ; les retards de loyer tenaient à un changement d'employeur, réglés depuis ; budget équilibré.",
            "Pas d'accompagnement nécessaire : la mutation peut se faire sans mesure.",
          ) },
      ],
    },
    {
      previous: true,
      household: {
        lastName: "Nguyen", firstName: "Thi Lan", birthDate: "1988-02-08", nur: "094112401392207", housingSituation: "LOGEMENT_TEMPORAIRE", commune: "Ivry-sur-Seine",
        dalo: { on: "2024-11-18", decision: "LOGEMENT" }, consent: { on: "2024-12-05", by: "Thi Lan Nguyen" },
        members: [{ lastName: "Nguyen", firstName: "Minh", birthDate: "2017-06-30", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1205.75 }, { source: "PRESTATIONS_FAMILIALES", euros: 141.99 }],
      },
      steps: [
        { e: { type: "PRESCRIPTION", on: "2024-12-02", prescriber: "PDALHPD", motivated: false, bailGlissant: false, measure: null } },
        { e: { type: "CONSENT", on: "2024-12-05" } },
        { e: { type: "DIAGNOSTIC", on: "2024-12-16", supportNeeded: true, intensity: "LEGER", plannedMonths: 6 },
          text: diagnosticText(
            "Mère seule avec son fils en logement temporaire ; emploi stable ; quelques retards de factures d'énergie.",
            "Accompagnement vers le logement, intensité légère, six mois : recherche d'un logement pérenne et installation.",
          ) },
        { e: { type: "SUPPORT_START", on: "2024-12-30", action: "AVL", intensity: "LEGER", plannedEndOn: "2025-06-29" } },
        { e: { type: "LEASE_SIGNED", on: "2025-03-20" } },
        { e: { type: "END", on: "2025-06-29", reason: "COMPLETED" } },
      ],
    },
  ];
}

// ─── ASLLi (seed 004, ASL-1..14) ──────────────────────────────────────────────────────────────

type A = Step<AslliCaseEvent>;
const ELIGIBLE = { formSignedByHousehold: true, lawfullyResident: true, housingDifficulties: true, adheres: true };
const request = (
  on: IsoDate, purpose: "ACCESS" | "MAINTIEN", instructor: ["ASSISTANTE_SOCIALE" | "CESF" | "EDUCATEUR", string], situations: string[],
  evaluation: { symptoms: string; causes: string; priorityAxes: string },
): A => ({
  e: { type: "REQUEST", on, measuresInProgress: [] },
  extra: { instructorProfession: instructor[0], instructorName: instructor[1], situations, purposeRequested: purpose, eligibility: ELIGIBLE },
  text: { kind: "ASLLI_REQUEST", sections: evaluation, sent: true },
});
const commission = (on: IsoDate, today: IsoDate, granted: boolean, purpose: "ACCESS" | "MAINTIEN", months: number): A => ({
  e: { type: "COMMISSION", on, granted, purpose, months }, extra: { notifiedOn: minIso(addDays(on, 6, "ASL-13"), today) }, by: "PARTNER",
});
const plan = (on: IsoDate, objectives: string, commitments: string): A => ({
  e: { type: "PLAN_SENT", on }, extra: { signatures: ["HOUSEHOLD", "INSTRUCTOR", "ASSOCIATION"] },
  text: { kind: "ASLLI_PLAN", sections: { objectives, commitments }, sent: true },
});
const bilan = (on: IsoDate, purpose: "RENEWAL" | "END", s: { objectives: string; means: string; actions: string; results: string; situationChange: string; householdOpinion: string; associationOpinion: string }): A => ({
  e: { type: "BILAN_SENT", on, purpose }, text: { kind: "ASLLI_BILAN", sections: s, sent: true },
});

/**
 * ASL-6: two meetings in each calendar month of [from, to], none on suspended days, none after today; the
 * first is the meeting that contracts the plan with the instructing social worker (ASL-4).
 */
function twiceMonthly(from: IsoDate, to: IsoDate, today: IsoDate, instructor: string, suspended: { on: IsoDate; endsOn: IsoDate }[] = [], minutes?: string): A[] {
  const dates: IsoDate[] = [];
  for (let month = firstOfMonth(from); month <= to; month = addMonths(month, 1, "ASL-6")) {
    const days: IsoDate[] = [];
    for (let day = maxIso(from, month); day <= minIso(to, lastDayOfMonth(month, "ASL-6")); day = addDays(day, 1, "ASL-6")) {
      if (!suspended.some((s) => s.on <= day && day <= s.endsOn)) days.push(day);
    }
    if (days.length === 0) continue;
    for (const pick of [days[Math.floor(days.length * 0.2)], days[Math.floor(days.length * 0.7)]]) if (pick <= today) dates.push(pick);
  }
  return dates.map((on, i) => ({
    e: { type: "MEETING", on },
    extra: i === 0
      ? { place: "ASSOCIATION", participants: `Le ménage, ${instructor}, la référente de l'association` }
      : { place: i % 3 === 2 ? "ASSOCIATION" : "DOMICILE", participants: "Le ménage, la référente de l'association" },
    ...(i === 0 && minutes ? { text: { kind: "ASLLI_MEETING", sections: { minutes } } } : {}),
  }));
}

/** ASL-5: a start in the month after the commission such that the signed plan falls due within the coming week. */
function startWithPlanDueThisWeek(today: IsoDate): IsoDate {
  const base = addMonths(today, -1, "ASL-5");
  for (const k of [4, 3, 5, 2, 6, 1]) {
    const s = addDays(base, k, "ASL-5");
    const due = aslliPlanDueOn(s);
    if (s <= today && due > today && due <= addDays(today, 7, "ASL-5") && Number(s.slice(8)) <= 25) return s;
  }
  return addDays(base, 3, "ASL-5");
}

/**
 * Habiter Solidaire en Alsace's measures: a request awaiting the commission, one refused, one granted that starts
 * next month, two in progress (one whose plan is due within the week), one suspended today, one interrupted,
 * one renewed, one ended with its bilan and hand-over, one cancelled for want of a signed plan (ASL-5).
 */
export function aslliStories(today: IsoDate): SupportStory<AslliCaseEvent>[] {
  const t = (n: number) => addDays(today, n, "ASL-4");
  const at = (from: IsoDate, n: number) => addDays(from, n, "ASL-4");
  /** The 1st of the month `n` months from today's. */
  const month = (n: number) => addMonths(firstOfMonth(today), n, "ASL-4");
  const household = (h: Omit<SupportHousehold, "consent">, requestedOn: IsoDate): SupportHousehold => ({ ...h, consent: { on: requestedOn, by: `${h.firstName} ${h.lastName}` } });

  const AS_MULHOUSE: ["ASSISTANTE_SOCIALE", string] = ["ASSISTANTE_SOCIALE", "Claudine Ritter, assistante sociale – Espace Solidarité de Mulhouse"];
  const CESF_COLMAR: ["CESF", string] = ["CESF", "Nadine Keller, CESF – CCAS de Colmar"];
  const EDUC_STRASBOURG: ["EDUCATEUR", string] = ["EDUCATEUR", "Yann Becker, éducateur spécialisé – CHRS de Strasbourg"];
  const AS_SAINT_LOUIS: ["ASSISTANTE_SOCIALE", string] = ["ASSISTANTE_SOCIALE", "Sandrine Wolff, assistante sociale – Espace Solidarité de Saint-Louis"];

  // Requested, awaiting the commission.
  const r1 = t(-9);
  // Refused by the commission.
  const r2 = t(-60);
  // Granted this month: starts on the 1st of next month (ASL-4).
  const c3 = minIso(today, at(firstOfMonth(today), 4));
  // In progress, plan sent, two meetings a month.
  const s4 = month(-2);
  const c4 = at(s4, -8);
  // In progress since a start within the month after the commission; the plan is due within the week.
  const s5 = startWithPlanDueThisWeek(today);
  const c5 = at(firstOfMonth(s5), -10);
  // Suspended today (ASL-8).
  const s6 = month(-3);
  const c6 = at(s6, -14);
  const suspension6 = { on: t(-12), endsOn: t(20) };
  // Interrupted on the 20th of last month (ASL-7: that month is due).
  const s7 = month(-4);
  const c7 = at(s7, -15);
  const i7 = at(month(-1), 19);
  // Renewed once for 6 months after its renewal bilan (ASL-1, ASL-10).
  const s8 = month(-7);
  const c8 = at(s8, -12);
  const e8 = endOfMonthsPeriod(s8, 6, "ASL-1");
  // Ended: bilan and hand-over (ASL-10, ASL-14).
  const s9 = month(-5);
  const c9 = at(s9, -9);
  const e9 = endOfMonthsPeriod(s9, 3, "ASL-1");
  // Cancelled: the plan was never signed (ASL-5).
  const s10 = month(-2);
  const c10 = at(s10, -10);

  return [
    {
      household: household({
        lastName: "Schneider", firstName: "Laura", birthDate: "1993-05-16", housingSituation: "PARC_PRIVE", commune: "Mulhouse",
        members: [{ lastName: "Schneider", firstName: "Timéo", birthDate: "2019-12-03", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 982.4 }, { source: "PRESTATIONS_FAMILIALES", euros: 181.9 }, { source: "APL", euros: 241 }],
      }, r1),
      steps: [
        request(r1, "MAINTIEN", AS_MULHOUSE, ["MAINTIEN", "SOCIO_BUDGETAIRE"], {
          symptoms: "Trois mois de loyer impayés (1 650 €) ; courriers du bailleur restés sans réponse ; assurance habitation résiliée.",
          causes: "Passage d'un emploi à temps plein à un temps partiel ; séparation récente, Mme élève seule son fils.",
          priorityAxes: "Reprise du loyer courant, dossier FSL maintien, plan d'apurement avec le bailleur, nouvelle assurance habitation.",
        }),
      ],
    },
    {
      household: household({
        lastName: "Yilmaz", firstName: "Mehmet", birthDate: "1976-07-07", housingSituation: "PARC_SOCIAL", commune: "Colmar",
        members: [{ lastName: "Yilmaz", firstName: "Ayşe", birthDate: "1979-03-19", relationship: "CONJOINT" }, { lastName: "Yilmaz", firstName: "Deniz", birthDate: "2008-11-28", relationship: CHILD },
          { lastName: "Yilmaz", firstName: "Selin", birthDate: "2012-06-10", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1620 }, { source: "PRESTATIONS_FAMILIALES", euros: 301.2 }],
      }, r2),
      steps: [
        request(r2, "MAINTIEN", CESF_COLMAR, ["MAINTIEN"], {
          symptoms: "Troubles de voisinage signalés par le bailleur ; logement sur-occupé depuis l'arrivée d'un parent.",
          causes: "Hébergement d'un parent âgé malade ; tensions familiales.",
          priorityAxes: "Demande de mutation vers un T5, médiation avec le voisinage.",
        }),
        commission(at(r2, 25), today, false, "MAINTIEN", 6),
      ],
    },
    {
      household: household({
        lastName: "Wagner", firstName: "Céline", birthDate: "1998-01-25", housingSituation: "HEBERGEMENT", commune: "Strasbourg",
        members: [], resources: [{ source: "SALAIRE", euros: 1288.75 }],
      }, at(c3, -28)),
      steps: [
        request(at(c3, -28), "ACCESS", EDUC_STRASBOURG, ["ACCES", "ADMINISTRATIF"], {
          symptoms: "Sortie de CHRS : un T2 attribué à Strasbourg-Neudorf, bail à signer ; aucun équipement ni ouverture des compteurs.",
          causes: "Rupture familiale à 19 ans, parcours en hébergement d'insertion depuis quatre ans.",
          priorityAxes: "Installation, ouverture des droits APL et des contrats d'énergie, premier budget logement.",
        }),
        commission(c3, today, true, "ACCESS", 3),
      ],
    },
    {
      household: household({
        lastName: "Hoffmann", firstName: "Dominique", birthDate: "1967-10-12", housingSituation: "PARC_SOCIAL", commune: "Mulhouse",
        members: [], resources: [{ source: "PENSION", euros: 892.3 }, { source: "APL", euros: 281 }],
      }, at(c4, -30)),
      steps: [
        request(at(c4, -30), "MAINTIEN", AS_MULHOUSE, ["MAINTIEN", "EXPULSION"], {
          symptoms: "Commandement de payer (2 900 € de dette locative) ; logement encombré, le bailleur a signalé un risque d'insalubrité.",
          causes: "Invalidité depuis 2022, isolement après le décès de sa compagne, courriers non ouverts.",
          priorityAxes: "Saisine de la CCAPEX, plan d'apurement, désencombrement du logement, reprise du loyer courant.",
        }),
        commission(c4, today, true, "MAINTIEN", 6),
        plan(at(s4, 16), "Solder la dette par un plan d'apurement de 80 € par mois ; rendre le logement habitable ; éviter l'expulsion.",
          "M. Hoffmann paie son loyer résiduel chaque mois et reçoit l'association deux fois par mois ; l'association l'accompagne à la CCAPEX et organise le désencombrement."),
        ...twiceMonthly(s4, today, today, AS_MULHOUSE[1], [], "Plan d'intervention lu et signé avec M. Hoffmann et Mme Ritter ; prochaine visite à domicile dans quinze jours."),
      ],
    },
    {
      household: household({
        lastName: "Bakari", firstName: "Fatima", birthDate: "1987-12-01", housingSituation: "PARC_SOCIAL", commune: "Illzach",
        members: [{ lastName: "Bakari", firstName: "Yasmine", birthDate: "2011-02-17", relationship: CHILD }, { lastName: "Bakari", firstName: "Ilyes", birthDate: "2016-09-05", relationship: CHILD }],
        resources: [{ source: "RSA", euros: 1035.34 }, { source: "PRESTATIONS_FAMILIALES", euros: 342.6 }, { source: "APL", euros: 402 }],
      }, at(c5, -25)),
      steps: [
        request(at(c5, -25), "ACCESS", AS_MULHOUSE, ["ACCES", "SOCIO_BUDGETAIRE"], {
          symptoms: "Entrée dans un T3 à Illzach après trois ans d'hébergement chez des tiers ; dépôt de garantie et premier loyer à financer.",
          causes: "Séparation, surendettement en cours de traitement par la Banque de France.",
          priorityAxes: "Aides FSL à l'accès, installation, budget logement compatible avec le plan de surendettement.",
        }),
        commission(c5, today, true, "ACCESS", 3),
        // ASL-4: started after the contracting meeting, later in the month after the commission.
        ...(s5.endsWith("-01") ? [] : [{ e: { type: "START", on: s5 } } as A]),
        ...twiceMonthly(s5, today, today, AS_MULHOUSE[1]),
      ],
    },
    {
      household: household({
        lastName: "Zimmermann", firstName: "Bernard", birthDate: "1958-04-09", housingSituation: "PARC_PRIVE", commune: "Wittenheim",
        members: [], resources: [{ source: "PENSION", euros: 1104.6 }, { source: "APL", euros: 176 }],
      }, at(c6, -21)),
      steps: [
        request(at(c6, -21), "MAINTIEN", AS_MULHOUSE, ["MAINTIEN", "ADMINISTRATIF"], {
          symptoms: "Factures d'énergie impayées (1 100 €), coupure annoncée ; logement mal chauffé, humidité dans la chambre.",
          causes: "Baisse de revenus au passage à la retraite, dossiers de retraite complémentaire non déposés.",
          priorityAxes: "Dossier FSL énergie, liquidation des retraites complémentaires, signalement de l'humidité au propriétaire.",
        }),
        commission(c6, today, true, "MAINTIEN", 6),
        plan(at(s6, 18), "Éviter la coupure d'énergie, obtenir les retraites complémentaires, faire traiter l'humidité par le propriétaire.",
          "M. Zimmermann confie ses courriers à l'association et la reçoit deux fois par mois ; l'association l'aide à constituer les dossiers."),
        ...twiceMonthly(s6, today, today, AS_MULHOUSE[1], [suspension6]),
        // ASL-8: suspended for force majeure with the Service Logement's agreement; the end moves by as many days.
        { e: { type: "SUSPENSION", on: suspension6.on, endsOn: suspension6.endsOn }, extra: { agreedOn: t(-13) },
          text: { kind: "NOTE", sections: { text: "Suspension (force majeure) : hospitalisation de M. Zimmermann suivie d'un séjour en soins de suite." } } },
      ],
    },
    {
      household: household({
        lastName: "Roth", firstName: "Jessica", birthDate: "1994-02-13", housingSituation: "PARC_SOCIAL", commune: "Saint-Louis",
        members: [{ lastName: "Roth", firstName: "Kylian", birthDate: "2018-07-22", relationship: CHILD }],
        resources: [{ source: "ARE", euros: 912.5 }, { source: "PRESTATIONS_FAMILIALES", euros: 186.4 }, { source: "APL", euros: 298 }],
      }, at(c7, -26)),
      steps: [
        request(at(c7, -26), "MAINTIEN", AS_SAINT_LOUIS, ["MAINTIEN", "SOCIO_BUDGETAIRE"], {
          symptoms: "Dette locative de 2 100 € ; le bailleur a saisi la commission de prévention des expulsions.",
          causes: "Fin de contrat de travail, dépenses mal maîtrisées, plusieurs crédits renouvelables.",
          priorityAxes: "Plan d'apurement, dossier de surendettement, reprise du loyer courant.",
        }),
        commission(c7, today, true, "MAINTIEN", 6),
        plan(at(s7, 20), "Reprendre le paiement du loyer, solder la dette locative, déposer un dossier de surendettement.",
          "Mme Roth reçoit l'association deux fois par mois et paie 50 € par mois au bailleur en plus du loyer ; l'association monte le dossier de surendettement."),
        ...twiceMonthly(s7, at(i7, -1), today, AS_SAINT_LOUIS[1]),
        // ASL-7: the household no longer keeps to the plan; the Service Logement is told at once.
        { e: { type: "INTERRUPTION", on: i7 },
          text: { kind: "ASLLI_INTERRUPTION", sections: { reason: "Mme Roth ne se présente plus aux rendez-vous depuis trois semaines et n'a pas repris le paiement du loyer prévu au plan d'intervention." }, sent: true } },
        bilan(minIso(at(i7, 9), today), "END", {
          objectives: "Reprise du loyer courant et apurement de la dette locative.",
          means: "Deux rencontres par mois, dont une visite à domicile ; liens avec le bailleur et la CCAPEX.",
          actions: "Plan d'apurement signé, dossier de surendettement préparé mais non déposé.",
          results: "Loyer payé deux mois sur quatre ; dette ramenée à 1 850 €.",
          situationChange: "Pas de reprise d'emploi ; difficultés personnelles importantes.",
          householdOpinion: "Mme Roth ne souhaite plus être accompagnée.",
          associationOpinion: "Mesure interrompue pour non-respect du plan ; orientation vers l'assistante sociale de secteur.",
        }),
        { e: { type: "HANDOVER", on: minIso(at(i7, 12), today) }, extra: { socialWorker: AS_SAINT_LOUIS[1] } },
      ],
    },
    {
      household: household({
        lastName: "Kessler", firstName: "Thierry", birthDate: "1971-11-30", housingSituation: "PARC_PRIVE", commune: "Guebwiller",
        members: [{ lastName: "Kessler", firstName: "Martine", birthDate: "1973-05-04", relationship: "CONJOINT" }],
        resources: [{ source: "SALAIRE", euros: 1512.9 }, { source: "AAH", euros: 1016.05 }],
      }, at(c8, -21)),
      steps: [
        request(at(c8, -21), "MAINTIEN", AS_MULHOUSE, ["MAINTIEN", "CHANGEMENT_SORTIE"], {
          symptoms: "Logement devenu inadapté (3e étage sans ascenseur) au handicap de Mme Kessler ; loyer trop élevé, retards de paiement.",
          causes: "Aggravation du handicap de Mme Kessler ; baisse des revenus du ménage.",
          priorityAxes: "Maintien du paiement du loyer, demande de logement social adapté, aide au déménagement.",
        }),
        commission(c8, today, true, "MAINTIEN", 6),
        plan(at(s8, 14), "Payer le loyer sans retard ; obtenir un logement social adapté au handicap ; préparer le déménagement.",
          "M. et Mme Kessler reçoivent l'association deux fois par mois ; l'association suit la demande de logement social avec eux."),
        ...twiceMonthly(s8, today, today, AS_MULHOUSE[1]),
        bilan(at(e8, -12), "RENEWAL", {
          objectives: "Maintien dans les lieux et accès à un logement adapté.",
          means: "Deux rencontres par mois ; dossier de demande de logement social et dossier MDPH.",
          actions: "Loyers payés à l'échéance ; demande de logement social labellisée « handicap ».",
          results: "Plus aucun retard de paiement ; deux propositions de logement attendues.",
          situationChange: "Revenus stabilisés par l'AAH de Mme Kessler.",
          householdOpinion: "Le ménage demande le renouvellement pour être accompagné dans le déménagement.",
          associationOpinion: "Renouvellement de six mois proposé, jusqu'à l'entrée dans le logement adapté.",
        }),
        { e: { type: "RENEWAL", on: at(e8, -6), months: 6 }, by: "PARTNER" },
      ],
    },
    {
      household: household({
        lastName: "Belkacem", firstName: "Samia", birthDate: "1990-03-27", housingSituation: "PARC_SOCIAL", commune: "Colmar",
        members: [{ lastName: "Belkacem", firstName: "Rayan", birthDate: "2014-10-08", relationship: CHILD }],
        resources: [{ source: "SALAIRE", euros: 1198.2 }, { source: "PRESTATIONS_FAMILIALES", euros: 141.99 }, { source: "APL", euros: 318 }],
      }, at(c9, -24)),
      steps: [
        request(at(c9, -24), "ACCESS", CESF_COLMAR, ["ACCES"], {
          symptoms: "Premier logement autonome (T2 à Colmar) après un hébergement chez sa sœur ; aucun mobilier.",
          causes: "Séparation conjugale avec violences ; départ du domicile avec son fils.",
          priorityAxes: "Installation, aides à l'équipement, ouverture des droits APL, budget logement.",
        }),
        commission(c9, today, true, "ACCESS", 3),
        plan(at(s9, 12), "S'installer dans le logement, ouvrir les droits, tenir un budget logement.",
          "Mme Belkacem reçoit l'association deux fois par mois ; l'association l'aide pour les dossiers FSL et CAF."),
        ...twiceMonthly(s9, e9, today, CESF_COLMAR[1]),
        bilan(at(e9, 10), "END", {
          objectives: "Installation dans le logement et autonomie budgétaire.",
          means: "Deux rencontres par mois, dont une visite à domicile.",
          actions: "Aide FSL à l'accès et à l'équipement obtenue ; APL ouverte ; contrats d'énergie souscrits.",
          results: "Logement équipé, loyers payés à l'échéance.",
          situationChange: "Situation stabilisée, emploi conservé.",
          householdOpinion: "Mme Belkacem se sent autonome et ne demande pas de renouvellement.",
          associationOpinion: "Objectifs atteints ; fin de mesure et relais à la CESF du CCAS.",
        }),
        { e: { type: "HANDOVER", on: at(e9, 15) }, extra: { socialWorker: CESF_COLMAR[1] } },
      ],
    },
    {
      household: household({
        lastName: "Lang", firstName: "Aurélien", birthDate: "1999-08-18", housingSituation: "SANS_DOMICILE", commune: "Rixheim",
        members: [], resources: [{ source: "RSA", euros: 646.52 }],
      }, at(c10, -20)),
      steps: [
        request(at(c10, -20), "ACCESS", AS_MULHOUSE, ["ACCES", "RECHERCHE"], {
          symptoms: "Un studio en résidence sociale proposé à Rixheim ; aucun dépôt de garantie disponible.",
          causes: "Rupture d'hébergement familial, période à la rue.",
          priorityAxes: "Entrée dans les lieux, ouverture des droits, maintien de l'hébergement stable.",
        }),
        commission(c10, today, true, "ACCESS", 3),
        ...twiceMonthly(s10, at(s10, 6), today, AS_MULHOUSE[1]).slice(0, 1),
        // ASL-5: without the household's signature of the plan the measure is cancelled.
        { e: { type: "END", on: at(aslliPlanDueOn(s10), 6), reason: "CANCELLED" }, extra: { motive: "PLAN_NON_SIGNE" }, by: "PARTNER" },
      ],
    },
  ];
}

// ─── Writing ──────────────────────────────────────────────────────────────────────────────────

async function createHousehold(tx: Tx, organisationId: string, createdById: string, h: SupportHousehold): Promise<string> {
  const row = await tx.household.create({
    data: {
      organisationId, createdById,
      referenceLastName: h.lastName, referenceFirstName: h.firstName, referenceBirthDate: d(h.birthDate),
      searchKey: computeSearchKey({ referenceFirstName: h.firstName, referenceLastName: h.lastName, members: h.members }),
      nur: h.nur ?? null, housingSituation: h.housingSituation, commune: h.commune,
      daloDecision: h.dalo?.decision ?? null, daloRecognisedOn: h.dalo ? d(h.dalo.on) : null,
      consentOn: h.consent ? d(h.consent.on) : null, consentBy: h.consent?.by ?? null,
      members: { create: h.members.map((m) => ({ ...m, birthDate: d(m.birthDate) })) },
      resources: { create: h.resources.map((r) => ({ source: r.source, monthlyCents: Math.round(r.euros * 100) })) },
    },
    select: { id: true },
  });
  return row.id;
}

type Parties = { associationId: string; associationAgentId: string; partnerId: string; partnerAgentId: string };

/** One case: its number in the convention and year of its first event (ASL-11), its steps in order, its obligations. */
async function writeCase<E extends { type: string; on: IsoDate }>(
  tx: Tx, kind: "FNAVDL" | "ASLLI", conventionId: string, householdId: string, p: Parties, steps: Step<E>[], today: IsoDate,
): Promise<void> {
  const ordered = steps.map((s, i) => ({ s, i })).sort((a, b) => (a.s.e.on < b.s.e.on ? -1 : a.s.e.on > b.s.e.on ? 1 : a.i - b.i)).map((x) => x.s);
  const late = ordered.find((s) => s.e.on > today);
  if (late) throw new Error(`Démo : l'étape ${late.e.type} du ${late.e.on} est après aujourd'hui (${today}).`);
  const year = Number(ordered[0].e.on.slice(0, 4));
  const last = await tx.case.findFirst({ where: { conventionId, quotaYear: year }, orderBy: { quotaRank: "desc" }, select: { quotaRank: true } });
  const c = await tx.case.create({
    data: {
      kind, conventionId, householdId, createdByOrgId: p.associationId, quotaYear: year, quotaRank: (last?.quotaRank ?? 0) + 1,
      referents: { create: { organisationId: p.associationId, personId: p.associationAgentId } },
    },
    select: { id: true },
  });
  for (const s of ordered) {
    const partner = s.by === "PARTNER";
    const ev = await tx.caseEvent.create({
      data: {
        caseId: c.id, type: s.e.type, on: d(s.e.on), payload: { ...s.e, ...s.extra } as unknown as Prisma.InputJsonValue,
        recordedById: partner ? p.partnerAgentId : p.associationAgentId, recordedByOrgId: partner ? p.partnerId : p.associationId,
      },
      select: { id: true },
    });
    if (s.text) {
      await tx.caseText.create({
        data: {
          caseId: c.id, kind: s.text.kind, eventId: ev.id, sections: s.text.sections as Prisma.InputJsonValue, authorOrgId: p.associationId, authorId: p.associationAgentId,
          sentToOrgIds: s.text.sent ? [p.partnerId] : [], sentOn: s.text.sent ? d(s.e.on) : null,
          // Written the day of the step it documents (midday, Paris), not the day the demo was created.
          createdAt: new Date(`${s.e.on}T11:00:00Z`),
        },
      });
    }
  }
  await refreshCaseObligations(tx, c.id, today);
}

/**
 * Writes AUMV's FNAVDL households and cases and Habiter Solidaire en Alsace's ASLLi households and measures.
 * `aslli` maps each partnership's year to its convention: a measure belongs to the partnership of the year of
 * its request (the earliest one when the request predates them all).
 */
export async function seedDemoSupports(
  tx: Tx,
  o: {
    today: IsoDate; orgId: (slug: string) => string; personId: (email: string) => string;
    fnavdl: { current: string; previous: string }; aslli: Map<number, string>;
  },
): Promise<{ households: number; cases: number }> {
  const fnavdl: Parties = {
    associationId: o.orgId("aumv"), associationAgentId: o.personId("agent@aumv.demo"),
    partnerId: o.orgId("prefecture-val-de-marne"), partnerAgentId: o.personId("agent@prefecture-val-de-marne.demo"),
  };
  const aslli: Parties = {
    associationId: o.orgId("habiter-alsace"), associationAgentId: o.personId("agent@habiter-alsace.demo"),
    partnerId: o.orgId("alsace"), partnerAgentId: o.personId("agent@alsace.demo"),
  };
  const byFirstStep = <E extends { on: IsoDate }>(stories: SupportStory<E>[]) =>
    [...stories].sort((a, b) => (a.steps[0].e.on < b.steps[0].e.on ? -1 : a.steps[0].e.on > b.steps[0].e.on ? 1 : 0));
  const years = [...o.aslli.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const story of byFirstStep(fnavdlStories(o.today))) {
    const householdId = await createHousehold(tx, fnavdl.associationId, fnavdl.associationAgentId, story.household);
    await writeCase(tx, "FNAVDL", story.previous ? o.fnavdl.previous : o.fnavdl.current, householdId, fnavdl, story.steps, o.today);
    n++;
  }
  for (const story of byFirstStep(aslliStories(o.today))) {
    const householdId = await createHousehold(tx, aslli.associationId, aslli.associationAgentId, story.household);
    const year = Number(story.steps[0].e.on.slice(0, 4));
    const conventionId = o.aslli.get(year) ?? o.aslli.get(years.filter((y) => y <= year).at(-1) ?? years[0])!;
    await writeCase(tx, "ASLLI", conventionId, householdId, aslli, story.steps, o.today);
    n++;
  }
  return { households: n, cases: n };
}
