-- CreateIndex
CREATE INDEX "Obligation_open_dueOn_idx" ON "Obligation"("dueOn", "id", "responsibleOrganisationId", "ownerType", "ownerId", "key", "visibleToOrgIds") WHERE ("doneOn" IS NULL AND NOT "optional");
