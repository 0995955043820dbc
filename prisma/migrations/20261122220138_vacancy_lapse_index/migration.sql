-- CreateIndex
CREATE INDEX "Vacancy_conventionId_outcome_designationDueOn_idx" ON "Vacancy"("conventionId", "outcome", "designationDueOn");
