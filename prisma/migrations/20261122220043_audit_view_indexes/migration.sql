-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_id_idx" ON "AuditEvent"("organisationId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id");
