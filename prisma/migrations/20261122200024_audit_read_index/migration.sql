-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_action_id_idx" ON "AuditEvent"("organisationId", "action", "id");
