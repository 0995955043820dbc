import { DIAGNOSTIC_SECTION_LABELS } from "./cases";

// The kinds of social-detail texts (CaseText) and, for each section, whether it is housing-related
// ("LOGEMENT") or social detail ("SOCIAL"). ACC-2/ASL-12: the Département's Service Logement reads only the
// housing-related sections of an ASLLi text; the author organisation and the referents read everything.
// One table, read by the access layer (lib/server/cases.ts) and by the page that displays the texts.

export type SectionScope = "LOGEMENT" | "SOCIAL";
export type TextKindSpec = { label: string; sections: Record<string, { label: string; scope: SectionScope }> };

const social = (label: string) => ({ label, scope: "SOCIAL" as const });
const housing = (label: string) => ({ label, scope: "LOGEMENT" as const });

export const TEXT_KINDS = {
  // Relais (issue 6): the texts go whole to the Ville (REL-6..8).
  DIAGNOSTIC: { label: "Bilan diagnostic", sections: Object.fromEntries(Object.entries(DIAGNOSTIC_SECTION_LABELS).map(([k, l]) => [k, social(l)])) },
  CONTRACT: { label: "Contrat d'accompagnement", sections: {} },
  INTERMEDIATE_BILAN: { label: "Bilan intermédiaire", sections: { text: social("Bilan") } },
  FINAL_BILAN: { label: "Bilan final", sections: { text: social("Bilan") } },
  NOTE: { label: "Note", sections: { text: social("Note") } },
  // FNAVDL (AVD-7, AVD-9).
  FNAVDL_DIAGNOSTIC: {
    label: "Diagnostic FNAVDL",
    sections: {
      situation: social("Situation du ménage et besoins"),
      conclusion: social("Conclusion (nécessité d'un accompagnement, critères de réussite et de suivi)"),
    },
  },
  FNAVDL_MOTIVATION: { label: "Motivation de la demande", sections: { text: social("Motivation") } },
  FNAVDL_EVALUATION: { label: "Évaluation proposant la prolongation", sections: { text: social("Évaluation") } },
  // ASLLi (ASL-2, ASL-5, ASL-7, ASL-10).
  ASLLI_REQUEST: {
    label: "Évaluation sociale de la demande",
    sections: {
      symptoms: housing("Difficultés de logement constatées (symptômes)"),
      causes: social("Origine des difficultés (causes)"),
      priorityAxes: housing("Axes de travail prioritaires"),
    },
  },
  ASLLI_PLAN: {
    label: "Plan d'intervention",
    sections: { objectives: housing("Objectifs et actions liés au logement"), commitments: housing("Engagements du ménage et de l'association") },
  },
  ASLLI_MEETING: { label: "Compte rendu de rencontre", sections: { minutes: social("Compte rendu") } },
  ASLLI_INTERRUPTION: { label: "Information d'interruption", sections: { reason: housing("Motif (non-respect du plan d'intervention)") } },
  ASLLI_BILAN: {
    label: "Bilan de mesure",
    sections: {
      objectives: housing("Objectifs"),
      means: housing("Moyens mis en œuvre"),
      actions: housing("Actions réalisées"),
      results: housing("Résultats obtenus"),
      situationChange: social("Évolution de la situation sociale et financière"),
      householdOpinion: housing("Avis du ménage sur le renouvellement"),
      associationOpinion: housing("Avis de l'association sur le renouvellement"),
    },
  },
} satisfies Record<string, TextKindSpec>;
export type TextKind = keyof typeof TEXT_KINDS;

export function textKindSpec(kind: string): TextKindSpec {
  return (TEXT_KINDS as Record<string, TextKindSpec>)[kind] ?? { label: kind, sections: { text: social("Texte") } };
}

/** The housing-related section keys of a text kind (ASL-12). */
export function housingSections(kind: string): string[] {
  return Object.entries(textKindSpec(kind).sections).filter(([, s]) => s.scope === "LOGEMENT").map(([k]) => k);
}

/**
 * Issue 8 §4: the forms ask for no health detail (REL-7's health follow-up is a yes/no); every free-text field
 * says so. Storing health data would bring the French health-data hosting rules (HDS) into play.
 */
export const HEALTH_HINT = "N'y écrivez aucune information de santé (diagnostic, traitement, handicap…).";
