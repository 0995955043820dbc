import "server-only";
import type { ConventionKind } from "@/lib/generated/prisma/client";
import type { PartyRole } from "@/lib/domain";
import { formatDate } from "@/lib/format";
import { ActionError, NotFoundError, type ActionCtx } from "../action";
import { today } from "../clock";
import { conventionView, paramsInForce } from "../conventions";

// What every case creation shares (relais referral, FNAVDL prescription, ASLLi request): the convention locked
// (so that counts and caps hold under concurrency), confirmed by its parties, and the date inside its period;
// the household and the referent of the caller's own organisation; the case number of the year.

/** The convention, locked for the transaction; 404 unless the caller's organisation is a party (ACC-1). */
export async function lockConventionForCase(ctx: ActionCtx, conventionId: string, kind: ConventionKind) {
  await ctx.tx.$queryRaw`SELECT id FROM "Convention" WHERE id = ${conventionId} FOR UPDATE`;
  const conv = await ctx.tx.convention.findFirst({
    where: { id: conventionId, kind, parties: { some: { organisationId: ctx.caller.org.id } } },
    select: {
      id: true, kind: true, startOn: true, parameters: true,
      parties: { select: { organisationId: true, partyRole: true, confirmedAt: true, declinedAt: true } },
      events: { select: { type: true, payload: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
    },
  });
  if (!conv) throw new NotFoundError();
  if (!conv.events.some((e) => e.type === "SIGNED")) throw new ActionError("La convention n'est pas encore confirmée par toutes ses parties.");
  const view = conventionView(conv, conv.events, today());
  const role = conv.parties.find((p) => p.organisationId === ctx.caller.org.id)!.partyRole;
  const orgOf = (r: PartyRole) => conv.parties.find((p) => p.partyRole === r)?.organisationId ?? null;
  return { conv, view, role, orgOf, params: (at: string) => paramsInForce(conv.parameters as Record<string, unknown>, conv.events, at) };
}

/** The date of the first step lies in the convention's period, and not in the future. */
export function assertInConventionPeriod(on: string, conv: { startOn: Date }, view: { endOn: string }, field: string): void {
  if (on > today()) throw new ActionError("Cette date est dans le futur.", { [field]: ["Une date passée ou aujourd'hui."] });
  const from = conv.startOn.toISOString().slice(0, 10);
  if (on < from || on > view.endOn) {
    const msg = `La date doit se situer dans la période de la convention, du ${formatDate(from)} au ${formatDate(view.endOn)}.`;
    throw new ActionError(msg, { [field]: [msg] });
  }
}

/** The household (of the caller's organisation) and the referent (a member of it). */
export async function ownHouseholdAndReferent(ctx: ActionCtx, householdId: string, referentPersonId: string) {
  const household = await ctx.tx.household.findFirst({ where: { id: householdId, organisationId: ctx.caller.org.id }, select: { id: true } });
  if (!household) throw new ActionError("Choisissez un ménage de votre organisation.", { householdId: ["Choisissez un ménage de votre organisation."] });
  const referent = await ctx.tx.membership.findFirst({ where: { organisationId: ctx.caller.org.id, personId: referentPersonId }, select: { personId: true } });
  if (!referent) throw new ActionError("Le référent doit être membre de votre organisation.", { referentPersonId: ["Choisissez un membre de votre organisation."] });
  return { householdId: household.id, referentPersonId: referent.personId };
}

/** The case's number in its convention and year (ASL-11: the household number of the semester table). */
export async function nextCaseRank(ctx: ActionCtx, conventionId: string, year: number): Promise<number> {
  const last = await ctx.tx.case.findFirst({ where: { conventionId, quotaYear: year }, orderBy: { quotaRank: "desc" }, select: { quotaRank: true } });
  return (last?.quotaRank ?? 0) + 1;
}
