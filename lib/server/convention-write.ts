import "server-only";
import type { IsoDate } from "@/lib/domain";
import type { TCreateConventionOutput } from "@/lib/validation/conventions";
import { PARTY_SLOTS } from "@/lib/validation/conventions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionError } from "./action";
import type { Tx } from "./db";
import { conventionView, day, refreshConventionObligations } from "./conventions";

/** Checks the parties against the kind's slots (organisation kinds) and returns them with their rule role. */
async function resolveParties(tx: Tx, input: TCreateConventionOutput) {
  const slots = PARTY_SLOTS[input.kind];
  const orgs = await tx.organisation.findMany({ where: { id: { in: input.parties.map((p) => p.organisationId) } }, select: { id: true, kind: true, name: true, commune: true } });
  return input.parties.map((p, i) => {
    const org = orgs.find((o) => o.id === p.organisationId);
    if (!org) throw new ActionError("Organisation introuvable dans l'annuaire.", { [`parties.${i}.organisationId`]: ["Organisation introuvable."] });
    if (!slots[i].orgKinds.includes(org.kind)) throw new ActionError(`${org.name} ne peut pas être « ${slots[i].roleLabel} » de cette convention.`, { [`parties.${i}.organisationId`]: ["Type d'organisation incompatible avec ce rôle."] });
    return { ...p, partyRole: slots[i].partyRole, org };
  });
}

/** RES: one réservation convention in force (or in project) per bailleur × réservataire × territory. */
async function assertSingleReservation(tx: Tx, parties: { organisationId: string }[], territory: string, today: IsoDate) {
  const existing = await tx.convention.findMany({
    where: {
      kind: "RESERVATION_FLUX",
      territory: { equals: territory, mode: "insensitive" },
      AND: parties.map((p) => ({ parties: { some: { organisationId: p.organisationId } } })),
    },
    select: {
      id: true, kind: true, title: true, startOn: true, parameters: true,
      parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } },
      events: { select: { payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
    },
  });
  // The status is derived from the events (a termination, the end in force), never from a stored column.
  const live = existing.filter((c) => !["REFUSEE", "ECHUE", "RESILIEE"].includes(conventionView(c, c.events, today).status));
  if (live.length) {
    throw new ActionError(`Une convention de réservation existe déjà entre ces parties sur ${territory} : « ${live[0].title} ». Modifiez-la par avenant plutôt que d'en créer une seconde.`, { territory: ["Convention déjà existante pour ce bailleur, ce réservataire et ce territoire."] });
  }
}

/** Creates the convention as a draft; the creating organisation's party is confirmed by its ADMIN's act. */
export async function createConvention(tx: Tx, who: { personId: string; orgId: string }, input: TCreateConventionOutput, today: IsoDate, opts: { isDemo?: boolean; confirmAll?: boolean } = {}) {
  const parties = await resolveParties(tx, input);
  if (!parties.some((p) => p.organisationId === who.orgId)) {
    throw new ActionError("Votre organisation doit être l'une des parties de la convention.", { parties: ["Votre organisation doit être partie à la convention."] });
  }
  if (input.kind === "RESERVATION_FLUX") await assertSingleReservation(tx, parties, input.territory, today);
  const p = input.params as Record<string, unknown>;
  const now = new Date();
  const c = await tx.convention.create({
    data: {
      kind: input.kind, title: input.title, reference: input.reference || null, territory: input.territory || null, isDemo: opts.isDemo ?? false,
      signedOn: day(input.signedOn), startOn: day(input.kind === "FNAVDL" ? input.signedOn : input.startOn),
      parameters: p as Prisma.InputJsonValue, createdByOrgId: who.orgId, createdById: who.personId,
      parties: {
        create: parties.map((x) => ({
          organisationId: x.organisationId, roleLabel: x.roleLabel, partyRole: x.partyRole,
          // The demo's conventions were confirmed when they were signed.
          ...(opts.confirmAll ? { confirmedAt: day(input.signedOn) } : x.organisationId === who.orgId ? { confirmedAt: now, confirmedById: who.personId } : {}),
        })),
      },
      ...(input.kind === "CADRE" ? { actions: { create: input.actions.map((a) => ({ objective: a.objective, title: a.title })) } } : {}),
    },
  });
  if (opts.confirmAll) await markSigned(tx, c.id, who.personId, today);
  return c;
}

/** Once every party has confirmed: the SIGNED event (GEN-1) on the signature date, and its obligations. */
export async function markSigned(tx: Tx, conventionId: string, personId: string | null, today: IsoDate) {
  const c = await tx.convention.findUniqueOrThrow({ where: { id: conventionId }, select: { signedOn: true } });
  const on = c.signedOn.toISOString().slice(0, 10);
  await tx.conventionEvent.create({ data: { conventionId, type: "SIGNED", on: c.signedOn, payload: { type: "SIGNED", on }, recordedById: personId } });
  await refreshConventionObligations(tx, conventionId, today);
}
