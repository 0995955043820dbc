-- CreateIndex
CREATE INDEX "Vacancy_conventionId_outcome_outcomeOn_orientation_idx" ON "Vacancy"("conventionId", "outcome", "outcomeOn", "orientation");
