// The demo tenant, built from the five seed conventions (../shared/seeds). Pure data.
// FNAVDL and ASLLi are templates: their parties and dates are plausible choices, marked "démo".
import type { ConventionKind, OrgKind, Role } from "../lib/generated/prisma/enums";

export const DEMO_PASSWORD = "demo-logement-2026";

export type DemoOrg = { slug: string; name: string; kind: OrgKind; addressLine?: string; postcode?: string; commune?: string };
export const DEMO_ORGS: DemoOrg[] = [
  { slug: "choisy-le-roi", name: "Ville de Choisy-le-Roi", kind: "COMMUNE", addressLine: "Place Gabriel Péri", postcode: "94600", commune: "Choisy-le-Roi" },
  { slug: "aumv", name: "AUMV – Aide d'Urgence du Val-de-Marne", kind: "ASSOCIATION", addressLine: "26, avenue du Maréchal Joffre", postcode: "94290", commune: "Villeneuve-le-Roi" },
  { slug: "valophis-habitat", name: "Valophis Habitat", kind: "BAILLEUR", postcode: "94000", commune: "Créteil" },
  { slug: "prefecture-val-de-marne", name: "État – préfecture du Val-de-Marne", kind: "ETAT", addressLine: "21-29, avenue du Général de Gaulle", postcode: "94000", commune: "Créteil" },
  { slug: "alsace", name: "Collectivité européenne d'Alsace", kind: "DEPARTEMENT", addressLine: "Place du Quartier Blanc", postcode: "67000", commune: "Strasbourg" },
  { slug: "habiter-alsace", name: "Habiter Solidaire en Alsace (démo)", kind: "ASSOCIATION", postcode: "68100", commune: "Mulhouse" },
  { slug: "ush-midi-pyrenees", name: "USH Midi-Pyrénées", kind: "FEDERATION", postcode: "31000", commune: "Toulouse" },
  { slug: "fnars-midi-pyrenees", name: "FNARS Midi-Pyrénées", kind: "FEDERATION", postcode: "31000", commune: "Toulouse" },
];

// An ADMIN, an AGENT and a READER per organisation: e-mail <role>@<slug>.demo.
const NAMES: Record<string, [string, string][]> = {
  "choisy-le-roi": [["Sophie", "Martin"], ["Karim", "Haddad"], ["Élise", "Moreau"]],
  aumv: [["Michel", "Durand"], ["Fatou", "Diallo"], ["Jean", "Lefèvre"]],
  "valophis-habitat": [["Claire", "Bernard"], ["Thomas", "Petit"], ["Inès", "Roux"]],
  "prefecture-val-de-marne": [["Hélène", "Garnier"], ["Paul", "Fontaine"], ["Louise", "Chevalier"]],
  alsace: [["Anne", "Schmitt"], ["Lucas", "Meyer"], ["Marie", "Weber"]],
  "habiter-alsace": [["Julien", "Muller"], ["Léa", "Klein"], ["Hugo", "Fischer"]],
  "ush-midi-pyrenees": [["Nathalie", "Fabre"], ["Olivier", "Rouquette"], ["Camille", "Bonnet"]],
  "fnars-midi-pyrenees": [["Pierre", "Azéma"], ["Sarah", "Cazals"], ["Antoine", "Vidal"]],
};
const ROLE_PREFIX: Record<Role, string> = { ADMIN: "admin", AGENT: "agent", READER: "lecteur" };

export type DemoPerson = { email: string; firstName: string; lastName: string; memberships: { org: string; role: Role }[] };
export const DEMO_PERSONS: DemoPerson[] = [
  ...DEMO_ORGS.flatMap((o) =>
    (["ADMIN", "AGENT", "READER"] as const).map((role, i) => ({
      email: `${ROLE_PREFIX[role]}@${o.slug}.demo`,
      firstName: NAMES[o.slug][i][0],
      lastName: NAMES[o.slug][i][1],
      memberships: [{ org: o.slug, role }],
    })),
  ),
  // A delegate of the federation who also works for an association: two organisations, two roles.
  { email: "nadia.benali@multi.demo", firstName: "Nadia", lastName: "Benali", memberships: [{ org: "aumv", role: "AGENT" }, { org: "fnars-midi-pyrenees", role: "READER" }] },
];

export type DemoConvention = {
  kind: ConventionKind; title: string; reference?: string; territory?: string; isDemo?: boolean;
  signedOn: string; startOn: string;
  parties: { org: string; roleLabel: string }[];
  /** Values that differ from the seed text's defaults (lib/validation/convention-params.ts), as typed in the form. */
  params?: Record<string, string | string[]>;
  actions?: { objective: string; title: string }[];
};

/** The ASLLi partnerships are yearly (seed 004): the demo has one a year from 2025. */
export const FIRST_ASLLI_YEAR = 2025;

const aslliPartnership = (y: number): DemoConvention => ({
  kind: "ASLLI", title: `Partenariat ASLLi ${y} – Collectivité européenne d'Alsace / Habiter Solidaire en Alsace`, territory: "Haut-Rhin", isDemo: true,
  signedOn: `${y - 1}-12-15`, startOn: `${y}-01-01`,
  parties: [{ org: "alsace", roleLabel: "la Collectivité (FSL, Service Logement)" }, { org: "habiter-alsace", roleLabel: "l'association" }],
  params: { year: String(y), unitPriceCents: "285,00" },
});

/**
 * `year` is today's year: the ASLLi convention of the demo is the one running today. The conventions a
 * test reaches by kind come first (the current FNAVDL, this year's ASLLi); earlier ones are appended after.
 */
export function demoConventions(year: number): DemoConvention[] {
  return [
    {
      kind: "RELAIS", title: "Logement relais avec accompagnement social – Choisy-le-Roi / AUMV", territory: "Choisy-le-Roi",
      reference: "Délibération n° 24 164 du 18 décembre 2024",
      signedOn: "2024-12-20", startOn: "2025-01-01",
      parties: [{ org: "choisy-le-roi", roleLabel: "la Ville" }, { org: "aumv", roleLabel: "l'Association" }],
    },
    {
      // The previous relais convention (seed 000 preamble: "la dernière convention 2023-2024").
      kind: "RELAIS", title: "Logement relais 2023-2024 – Choisy-le-Roi / AUMV", territory: "Choisy-le-Roi",
      signedOn: "2022-12-15", startOn: "2023-01-01",
      parties: [{ org: "choisy-le-roi", roleLabel: "la Ville" }, { org: "aumv", roleLabel: "l'Association" }],
      params: { initialMonths: "24", renewalKind: "NONE", renewalPeriodMonths: "", maxTotalMonths: "" },
    },
    {
      kind: "RESERVATION_FLUX", title: "Convention bilatérale de réservation en flux 2024-2026 – Choisy-le-Roi / Valophis Habitat", territory: "Choisy-le-Roi",
      reference: "Délibération du conseil municipal du 22 mai 2024",
      signedOn: "2024-06-14", startOn: "2024-01-01",
      parties: [{ org: "choisy-le-roi", roleLabel: "la Ville (réservataire)" }, { org: "valophis-habitat", roleLabel: "le bailleur" }],
    },
    {
      kind: "FNAVDL", title: "Convention d'objectifs FNAVDL – Val-de-Marne / AUMV", territory: "Val-de-Marne", isDemo: true,
      signedOn: "2025-03-14", startOn: "2025-03-14",
      parties: [{ org: "prefecture-val-de-marne", roleLabel: "l'administration" }, { org: "aumv", roleLabel: "l'association" }],
      params: {
        publicKind: "DALO", actions: ["DIAGNOSTIC", "AVDL", "BAIL_GLISSANT"], months: "24", startDelayDays: "15",
        totalEligibleCostCents: "186000", indirectCostRate: "8", budgetDiagnosticCents: "24000", budgetAvdlCents: "132000", budgetBailGlissantCents: "16444,44",
        firstPeriodContributionCents: "93000", secondPeriodContributionCents: "93000", advanceRate: "50", secondYearFirstAdvanceRate: "30", secondYearSecondAdvanceRate: "40",
        forecastLeger: "20", forecastMoyen: "25", forecastApprofondi: "10",
        objY1Referred: "60", objY1Measures: "50", objY1Accompanied: "40", objY1Housed: "15", objY2Referred: "60", objY2Measures: "55", objY2Accompanied: "45", objY2Housed: "20",
        capServicesEtat: "20", capBailleurs: "10",
      },
    },
    aslliPartnership(year),
    {
      kind: "CADRE", title: "Convention de partenariat USH Midi-Pyrénées / FNARS Midi-Pyrénées", territory: "Midi-Pyrénées",
      signedOn: "2010-04-07", startOn: "2010-04-07",
      parties: [{ org: "ush-midi-pyrenees", roleLabel: "l'USH Midi-Pyrénées" }, { org: "fnars-midi-pyrenees", roleLabel: "la FNARS Midi-Pyrénées" }],
      actions: [
        { objective: "BESOINS", title: "Contribuer aux diagnostics des PLH et des PDALPD de la région" },
        { objective: "FLUIDITE", title: "Mettre en place un observatoire des sorties d'hébergement vers le logement social" },
        { objective: "ACCOMPAGNEMENT", title: "Formaliser les engagements réciproques d'accompagnement social lié au logement" },
        { objective: "PRODUCTION", title: "Recenser les besoins en pensions de famille et résidences sociales" },
      ],
    },
    {
      // The previous FNAVDL convention (24 months from its signature, ended 2026-01-14): its DALO households
      // show a prolongation beyond 9 months after an evaluation (AVD-9) and a lease that slid (AVD-11).
      kind: "FNAVDL", title: "Convention d'objectifs FNAVDL 2024-2025 – Val-de-Marne / AUMV", territory: "Val-de-Marne", isDemo: true,
      signedOn: "2024-01-15", startOn: "2024-01-15",
      parties: [{ org: "prefecture-val-de-marne", roleLabel: "l'administration" }, { org: "aumv", roleLabel: "l'association" }],
      params: {
        publicKind: "DALO", actions: ["DIAGNOSTIC", "AVDL", "BAIL_GLISSANT"], months: "24", startDelayDays: "15",
        totalEligibleCostCents: "162000", indirectCostRate: "8", budgetDiagnosticCents: "21000", budgetAvdlCents: "115000", budgetBailGlissantCents: "14000",
        firstPeriodContributionCents: "81000", secondPeriodContributionCents: "81000", advanceRate: "50", secondYearFirstAdvanceRate: "30", secondYearSecondAdvanceRate: "40",
        forecastLeger: "18", forecastMoyen: "22", forecastApprofondi: "8",
        objY1Referred: "55", objY1Measures: "45", objY1Accompanied: "38", objY1Housed: "12", objY2Referred: "55", objY2Measures: "50", objY2Accompanied: "42", objY2Housed: "16",
        capServicesEtat: "20", capBailleurs: "10",
      },
    },
    // The ASLLi partnerships of the past years (measures decided then are still followed, ASL-1).
    ...Array.from({ length: Math.max(0, year - FIRST_ASLLI_YEAR) }, (_, i) => aslliPartnership(FIRST_ASLLI_YEAR + i)),
  ];
}
