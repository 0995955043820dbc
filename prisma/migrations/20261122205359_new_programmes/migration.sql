-- AlterEnum
ALTER TYPE "ObligationOwner" ADD VALUE 'NEW_PROGRAMME';

-- AlterTable
ALTER TABLE "VacancyCandidate" ADD COLUMN     "associationOrgId" TEXT,
ADD COLUMN     "relaisCaseId" TEXT;

-- CreateTable
CREATE TABLE "NewProgramme" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "bailleurOrgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "programmeKind" TEXT NOT NULL DEFAULT 'NEW',
    "addressLine" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "commune" TEXT NOT NULL,
    "dwellings" INTEGER NOT NULL,
    "plannedCommissioningOn" DATE NOT NULL,
    "commissioningOn" DATE NOT NULL,
    "receivedOn" DATE NOT NULL,
    "nextListDueOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewProgrammeStep" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "payload" JSONB NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedByOrgId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewProgrammeStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NewProgramme_conventionId_receivedOn_idx" ON "NewProgramme"("conventionId", "receivedOn");

-- CreateIndex
CREATE INDEX "NewProgramme_bailleurOrgId_receivedOn_idx" ON "NewProgramme"("bailleurOrgId", "receivedOn");

-- CreateIndex
CREATE INDEX "NewProgrammeStep_programmeId_on_idx" ON "NewProgrammeStep"("programmeId", "on");

-- AddForeignKey
ALTER TABLE "NewProgramme" ADD CONSTRAINT "NewProgramme_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewProgrammeStep" ADD CONSTRAINT "NewProgrammeStep_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "NewProgramme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
