import "server-only";
import type { OrgKind, Prisma } from "@/lib/generated/prisma/client";

// Issue 6 §1 and ACC-2: every field of a household, classified once. A field added to one of these
// models without a class does not compile here, and tests/integration/households.test.ts reads the
// generated client's field lists to fail as well.

export type FieldClass = "identity" | "housing" | "social" | "technical";

export const HOUSEHOLD_FIELD_CLASSES = {
  Household: {
    id: "technical", organisationId: "technical", searchKey: "technical", version: "technical",
    createdById: "technical", createdAt: "technical", updatedAt: "technical", purgedOn: "technical",
    referenceFirstName: "identity", referenceLastName: "identity", referenceBirthDate: "identity",
    nur: "housing", daloRecognisedOn: "housing", daloDecision: "housing", housingSituation: "housing",
    commune: "housing", consentOn: "housing", consentBy: "housing",
  } satisfies Record<Prisma.HouseholdScalarFieldEnum, FieldClass>,
  HouseholdMember: {
    id: "technical", householdId: "technical",
    firstName: "identity", lastName: "identity", birthDate: "identity", relationship: "identity",
  } satisfies Record<Prisma.HouseholdMemberScalarFieldEnum, FieldClass>,
  HouseholdResource: {
    id: "technical", householdId: "technical",
    source: "housing", monthlyCents: "housing",
  } satisfies Record<Prisma.HouseholdResourceScalarFieldEnum, FieldClass>,
  CaseText: {
    id: "technical", caseId: "technical", kind: "technical", eventId: "technical", authorOrgId: "technical",
    authorId: "technical", sentToOrgIds: "technical", sentOn: "technical", version: "technical",
    createdAt: "technical", updatedAt: "technical",
    sections: "social",
  } satisfies Record<Prisma.CaseTextScalarFieldEnum, FieldClass>,
} as const;

export type HouseholdModel = keyof typeof HOUSEHOLD_FIELD_CLASSES;
export type FieldOf<M extends HouseholdModel> = keyof (typeof HOUSEHOLD_FIELD_CLASSES)[M] & string;

/**
 * ACC-2, the bailleur: « only what attribution needs (composition, resources, NUR, DALO status) ».
 * Composition is who lives in the household (links and ages), not their names.
 */
export const ATTRIBUTION_FIELDS: { readonly [M in HouseholdModel]: readonly FieldOf<M>[] } = {
  Household: ["referenceBirthDate", "nur", "daloRecognisedOn", "daloDecision"],
  HouseholdMember: ["birthDate", "relationship"],
  HouseholdResource: ["source", "monthlyCents"],
  CaseText: [],
};

/** Who looks: the organisation that owns the household, or a party to the convention of one of its cases. */
export type Viewer = { relation: "owner" | "party"; orgKind: OrgKind };
export type Visibility = { classes: readonly FieldClass[]; attributionOnly: boolean };

/**
 * ACC-2. The owner and the parties of a case's convention see identity and housing; a bailleur that is
 * not the owner sees only the attribution fields. Social detail is never part of a read of the household:
 * it is shown on an explicit request, to the entitled organisations, and audited (ACC-2, ACC-3).
 */
export function visibleClasses(viewer: Viewer): Visibility {
  const classes: FieldClass[] = ["technical", "identity", "housing"];
  return { classes, attributionOnly: viewer.relation === "party" && viewer.orgKind === "BAILLEUR" };
}

/** The fields of a model this viewer may read. */
export function visibleFields<M extends HouseholdModel>(model: M, viewer: Viewer): ReadonlySet<FieldOf<M>> {
  const { classes, attributionOnly } = visibleClasses(viewer);
  const map = HOUSEHOLD_FIELD_CLASSES[model] as Record<FieldOf<M>, FieldClass>;
  const allowed = (Object.keys(map) as FieldOf<M>[]).filter((f) =>
    classes.includes(map[f]) && (map[f] === "technical" || !attributionOnly || (ATTRIBUTION_FIELDS[model] as readonly string[]).includes(f)),
  );
  return new Set(allowed);
}

/** A Prisma `select` of the wanted fields this viewer may read (what it may not read is never fetched). */
export function selectVisible<M extends HouseholdModel>(model: M, viewer: Viewer, wanted: readonly FieldOf<M>[]): Record<string, true> {
  const allowed = visibleFields(model, viewer);
  return Object.fromEntries(wanted.filter((f) => allowed.has(f)).map((f) => [f, true]));
}
