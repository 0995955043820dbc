import "server-only";
import type { Db } from "./db";

export type AuditInput = {
  actorId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Names of the fields changed — never their values. */
  fields?: string[];
};

export async function writeAudit(db: Db, e: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: { actorId: e.actorId, organisationId: e.organisationId, action: e.action, entityType: e.entityType, entityId: e.entityId ?? null, fields: e.fields ?? [] },
  });
}
