import "server-only";
import { HOUSEHOLD_STALE_MESSAGE, futureDateErrors, type THouseholdOutput, ZCreateHouseholdInput, ZUpdateHouseholdInput } from "@/lib/validation/households";
import { ActionError, MSG, NotFoundError, orgAction } from "../action";
import { today } from "../clock";
import type { Tx } from "../db";
import { computeSearchKey, householdScope } from "../households";

// Issue 6 §1: a household belongs to the organisation that created it; only that organisation edits it.
// Audit events carry the names of the fields written, never their values (ACC-3).

const SCALARS = ["referenceLastName", "referenceFirstName", "referenceBirthDate", "nur", "housingSituation", "commune", "daloDecision", "daloRecognisedOn", "consentOn", "consentBy"] as const;
const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function refuseFutureDates(input: THouseholdOutput) {
  const errors = futureDateErrors(input, today());
  if (Object.keys(errors).length) throw new ActionError(MSG.invalid, errors);
}

function scalarData(input: THouseholdOutput) {
  return {
    referenceLastName: input.referenceLastName, referenceFirstName: input.referenceFirstName, referenceBirthDate: day(input.referenceBirthDate),
    nur: input.nur, housingSituation: input.housingSituation, commune: input.commune,
    daloDecision: input.daloDecision, daloRecognisedOn: day(input.daloRecognisedOn),
    consentOn: day(input.consentOn), consentBy: input.consentBy,
    searchKey: computeSearchKey(input),
  };
}

async function writeChildren(tx: Tx, householdId: string, input: THouseholdOutput) {
  if (input.members.length) {
    await tx.householdMember.createMany({
      data: input.members.map((m) => ({ householdId, lastName: m.lastName, firstName: m.firstName, birthDate: day(m.birthDate), relationship: m.relationship })),
    });
  }
  if (input.resources.length) {
    await tx.householdResource.createMany({ data: input.resources.map((r) => ({ householdId, source: r.source, monthlyCents: r.amount })) });
  }
}

/** The names of the fields given a value (creation). */
function filledFields(input: THouseholdOutput): string[] {
  return [
    ...SCALARS.filter((k) => input[k] !== null),
    ...(input.members.length ? ["members"] : []),
    ...(input.resources.length ? ["resources"] : []),
  ];
}

export const createHousehold = orgAction({
  name: "households.create",
  roles: ["ADMIN", "AGENT"],
  schema: ZCreateHouseholdInput,
  async handler(input, { caller, tx, audit }) {
    refuseFutureDates(input);
    const h = await tx.household.create({
      data: { organisationId: caller.org.id, createdById: caller.personId, ...scalarData(input) },
      select: { id: true },
    });
    await writeChildren(tx, h.id, input);
    await audit({ action: "household.create", entityType: "Household", entityId: h.id, fields: filledFields(input) });
    return { id: h.id };
  },
});

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
// Order carries no meaning: the lists are compared as multisets.
const sameList = (a: unknown[], b: unknown[]) => JSON.stringify(a.map((x) => JSON.stringify(x)).sort()) === JSON.stringify(b.map((x) => JSON.stringify(x)).sort());

export const updateHousehold = orgAction({
  name: "households.update",
  roles: ["ADMIN", "AGENT"],
  schema: ZUpdateHouseholdInput,
  async handler({ householdId, version, ...input }, { caller, tx, audit }) {
    const before = await tx.household.findFirst({
      where: { AND: [{ id: householdId }, householdScope(caller)] },
      select: {
        organisationId: true, referenceLastName: true, referenceFirstName: true, referenceBirthDate: true, nur: true, housingSituation: true, commune: true,
        daloDecision: true, daloRecognisedOn: true, consentOn: true, consentBy: true,
        members: { select: { lastName: true, firstName: true, birthDate: true, relationship: true } },
        resources: { select: { source: true, monthlyCents: true } },
      },
    });
    if (!before) throw new NotFoundError();
    if (before.organisationId !== caller.org.id) throw new ActionError("Seule l'organisation qui a enregistré ce ménage peut le modifier.");
    refuseFutureDates(input);
    // Optimistic concurrency: the write counts only if nobody saved since the form was opened.
    const r = await tx.household.updateMany({
      where: { id: householdId, organisationId: caller.org.id, version },
      data: { ...scalarData(input), version: { increment: 1 } },
    });
    if (r.count === 0) throw new ActionError(HOUSEHOLD_STALE_MESSAGE);
    await tx.householdMember.deleteMany({ where: { householdId } });
    await tx.householdResource.deleteMany({ where: { householdId } });
    await writeChildren(tx, householdId, input);

    const old: Record<string, unknown> = { ...before, referenceBirthDate: iso(before.referenceBirthDate), daloRecognisedOn: iso(before.daloRecognisedOn), consentOn: iso(before.consentOn) };
    const changed: string[] = SCALARS.filter((k) => old[k] !== input[k]);
    const members = (list: { lastName: string; firstName: string; birthDate: string | null; relationship: string }[]) =>
      list.map((m) => [m.lastName, m.firstName, m.birthDate, m.relationship]);
    if (!sameList(members(before.members.map((m) => ({ ...m, birthDate: iso(m.birthDate) }))), members(input.members))) changed.push("members");
    if (!sameList(before.resources.map((x) => [x.source, x.monthlyCents]), input.resources.map((x) => [x.source, x.amount]))) changed.push("resources");
    await audit({ action: "household.update", entityType: "Household", entityId: householdId, fields: changed });
    return { id: householdId, version: version + 1 };
  },
});
