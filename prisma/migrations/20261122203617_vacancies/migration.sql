-- CreateTable
CREATE TABLE "Vacancy" (
    "id" TEXT NOT NULL,
    "dwellingId" TEXT NOT NULL,
    "bailleurOrgId" TEXT NOT NULL,
    "orientation" TEXT NOT NULL,
    "conventionId" TEXT,
    "soustraitCategory" TEXT,
    "availableOn" DATE NOT NULL,
    "declaredOn" DATE NOT NULL,
    "declaration" JSONB NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'PENDING',
    "outcomeOn" DATE,
    "designationDueOn" DATE,
    "stateComputedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vacancy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacancyStep" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "payload" JSONB NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedByOrgId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VacancyStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VacancyCandidate" (
    "id" TEXT NOT NULL,
    "vacancyId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "householdId" TEXT,
    "nur" TEXT NOT NULL,
    "persons" INTEGER NOT NULL,
    "monthlyResourcesCents" INTEGER NOT NULL,
    "dalo" BOOLEAN NOT NULL,
    "decision" TEXT,
    "decisionRank" INTEGER,
    "accepted" BOOLEAN,

    CONSTRAINT "VacancyCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Vacancy_conventionId_declaredOn_idx" ON "Vacancy"("conventionId", "declaredOn");

-- CreateIndex
CREATE INDEX "Vacancy_bailleurOrgId_declaredOn_idx" ON "Vacancy"("bailleurOrgId", "declaredOn");

-- CreateIndex
CREATE INDEX "Vacancy_dwellingId_idx" ON "Vacancy"("dwellingId");

-- CreateIndex
CREATE INDEX "VacancyStep_vacancyId_on_idx" ON "VacancyStep"("vacancyId", "on");

-- CreateIndex
CREATE INDEX "VacancyCandidate_householdId_idx" ON "VacancyCandidate"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "VacancyCandidate_vacancyId_round_rank_key" ON "VacancyCandidate"("vacancyId", "round", "rank");

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vacancy" ADD CONSTRAINT "Vacancy_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyStep" ADD CONSTRAINT "VacancyStep_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VacancyCandidate" ADD CONSTRAINT "VacancyCandidate_vacancyId_fkey" FOREIGN KEY ("vacancyId") REFERENCES "Vacancy"("id") ON DELETE CASCADE ON UPDATE CASCADE;
