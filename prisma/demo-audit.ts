// Issue 14: the audit trail the demo's recorded steps would have left — who recorded what, for which organisation, on the
// day of the step — so that each organisation's audit view (/o/…/membres/journal) has a history. Action names are the
// ones the server actions write (lib/server/actions/cases.ts, fnavdl.ts, aslli.ts, households.ts). No read of social
// detail is invented (the read logs stay empty until someone reads).
import type { PrismaClient } from "../lib/generated/prisma/client";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const FIRST: Record<string, string> = { RELAIS: "case.refer", FNAVDL: "case.fnavdl.prescribe", ASLLI: "case.aslli.request" };
const PREFIX: Record<string, string> = { RELAIS: "case.event", FNAVDL: "case.fnavdl", ASLLI: "case.aslli" };

export async function seedDemoAudit(tx: Tx): Promise<number> {
  const cases = await tx.case.findMany({
    select: {
      id: true, kind: true, household: { select: { id: true, organisationId: true, createdById: true } },
      events: { select: { type: true, on: true, recordedById: true, recordedByOrgId: true }, orderBy: [{ on: "asc" }, { createdAt: "asc" }] },
    },
    orderBy: { id: "asc" },
  });
  const rows: { at: Date; actorId: string; organisationId: string; action: string; entityType: string; entityId: string; fields: string[] }[] = [];
  const households = new Set<string>();
  for (const c of cases) {
    const first = c.events[0];
    if (!first) continue;
    if (!households.has(c.household.id)) {
      households.add(c.household.id);
      rows.push({ at: new Date(`${first.on.toISOString().slice(0, 10)}T08:45:00Z`), actorId: c.household.createdById, organisationId: c.household.organisationId, action: "household.create", entityType: "Household", entityId: c.household.id, fields: ["referenceFirstName", "referenceLastName", "members", "resources"] });
    }
    c.events.forEach((e, i) => {
      const minutes = String(10 + ((i * 7) % 45)).padStart(2, "0");
      rows.push({
        at: new Date(`${e.on.toISOString().slice(0, 10)}T09:${minutes}:00Z`), actorId: e.recordedById, organisationId: e.recordedByOrgId,
        action: i === 0 ? FIRST[c.kind] : `${PREFIX[c.kind]}.${e.type.toLowerCase()}`, entityType: "Case", entityId: c.id, fields: ["on"],
      });
    });
  }
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Inserted oldest first, so that the ids (the view's keyset) follow the dates.
  await tx.auditEvent.createMany({ data: rows });
  return rows.length;
}
