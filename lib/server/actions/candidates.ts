import "server-only";
import { normaliseNur } from "@/lib/domain";
import { ActionError, fromDomainError, NotFoundError, type ActionCtx } from "../action";

// RES-19/RES-21: the candidates a réservataire designates for a vacancy or lists for a new programme, each from one of
// its own households (ACC-1) or typed; typed values override the record's. Refusals are tied to their field.

export type CandidateInput = { householdId?: string | null; nur: string; persons: number | null; monthlyResources: number | null; dalo: boolean };
export type ResolvedCandidate = { rank: number; householdId: string | null; nur: string; persons: number; monthlyResourcesCents: number; dalo: boolean };

export async function resolveCandidates(ctx: ActionCtx, inputs: readonly CandidateInput[], what: "la désignation" | "la liste"): Promise<ResolvedCandidate[]> {
  const out: ResolvedCandidate[] = [];
  for (const [i, c] of inputs.entries()) {
    let base = { householdId: null as string | null, nur: c.nur, persons: c.persons, monthlyResourcesCents: c.monthlyResources, dalo: c.dalo };
    if (c.householdId) {
      const h = await ctx.tx.household.findFirst({
        where: { id: c.householdId, organisationId: ctx.caller.org.id },
        select: { id: true, nur: true, daloRecognisedOn: true, _count: { select: { members: true } }, resources: { select: { monthlyCents: true } } },
      });
      if (!h) throw new NotFoundError();
      base = {
        householdId: h.id, nur: c.nur || h.nur || "", persons: c.persons ?? 1 + h._count.members,
        monthlyResourcesCents: c.monthlyResources ?? h.resources.reduce((s, r) => s + r.monthlyCents, 0), dalo: c.dalo || h.daloRecognisedOn !== null,
      };
    }
    const field = (k: string) => `candidates.${i}.${k}`;
    if (!base.nur) throw new ActionError(`Candidat ${i + 1} : le numéro unique (NUR) est obligatoire (RES-19).`, { [field("nur")]: ["NUR obligatoire."] });
    let nur: string;
    try { nur = normaliseNur(base.nur); } catch (e) { throw fromDomainError(e); }
    if (base.persons === null) throw new ActionError(`Candidat ${i + 1} : la composition du ménage est obligatoire.`, { [field("persons")]: ["Nombre de personnes obligatoire."] });
    if (base.monthlyResourcesCents === null) throw new ActionError(`Candidat ${i + 1} : les ressources mensuelles sont obligatoires.`, { [field("monthlyResources")]: ["Ressources obligatoires."] });
    out.push({ rank: i + 1, householdId: base.householdId, nur, persons: base.persons, monthlyResourcesCents: base.monthlyResourcesCents, dalo: base.dalo });
  }
  if (new Set(out.map((c) => c.nur)).size !== out.length) throw new ActionError(`Un même NUR figure deux fois dans ${what}.`);
  return out;
}
