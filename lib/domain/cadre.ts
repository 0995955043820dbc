import { assertOneOf } from "./numbers";

/** CAD-1: the four objectives of the framework partnership (seed 001 art. 1). */
export type CadreObjective = "BESOINS" | "FLUIDITE" | "ACCOMPAGNEMENT" | "PRODUCTION";
export const CADRE_OBJECTIVES: readonly CadreObjective[] = ["BESOINS", "FLUIDITE", "ACCOMPAGNEMENT", "PRODUCTION"];

export type CadreActionStatus = "PLANNED" | "IN_PROGRESS" | "DONE" | "ABANDONED";
export const CADRE_ACTION_STATUSES: readonly CadreActionStatus[] = ["PLANNED", "IN_PROGRESS", "DONE", "ABANDONED"];

export interface CadreObjectiveProgress {
  objective: CadreObjective;
  total: number;
  byStatus: Record<CadreActionStatus, number>;
}

/** CAD-1: the objectives tracked as actions with a status: counts per objective, in the seed's order. */
export function cadreProgress(actions: readonly { objective: CadreObjective; status: CadreActionStatus }[]): CadreObjectiveProgress[] {
  const rows = CADRE_OBJECTIVES.map((objective) => ({
    objective,
    total: 0,
    byStatus: { PLANNED: 0, IN_PROGRESS: 0, DONE: 0, ABANDONED: 0 } as Record<CadreActionStatus, number>,
  }));
  for (const a of actions) {
    assertOneOf(a.objective, CADRE_OBJECTIVES, "objective", "CAD-1");
    assertOneOf(a.status, CADRE_ACTION_STATUSES, "status", "CAD-1");
    const row = rows[CADRE_OBJECTIVES.indexOf(a.objective)];
    row.total += 1;
    row.byStatus[a.status] += 1;
  }
  return rows;
}
