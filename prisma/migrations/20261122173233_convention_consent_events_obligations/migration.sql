-- CreateEnum
CREATE TYPE "ObligationOwner" AS ENUM ('CONVENTION', 'CASE', 'VACANCY');

-- AlterTable
ALTER TABLE "Convention" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "createdByOrgId" TEXT,
ADD COLUMN     "obligationsComputedOn" DATE,
ADD COLUMN     "parameters" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "ConventionParty" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "declinedAt" TIMESTAMP(3),
ADD COLUMN     "declinedById" TEXT,
ADD COLUMN     "partyRole" TEXT NOT NULL DEFAULT '';
-- Existing parties (demo data made before this migration) get their rule role from their organisation's kind.
UPDATE "ConventionParty" p SET "partyRole" = o.kind::text FROM "Organisation" o WHERE o.id = p."organisationId";
ALTER TABLE "ConventionParty" ALTER COLUMN "partyRole" DROP DEFAULT;

-- CreateTable
CREATE TABLE "ConventionEvent" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "payload" JSONB NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConventionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConventionAction" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PLANNED',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConventionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Obligation" (
    "id" TEXT NOT NULL,
    "ownerType" "ObligationOwner" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "dueOn" DATE,
    "doneOn" DATE,
    "closesOn" DATE,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "amountCents" INTEGER,
    "periodKey" TEXT,
    "responsibleRole" TEXT NOT NULL,
    "responsibleOrganisationId" TEXT,
    "visibleToOrgIds" TEXT[],

    CONSTRAINT "Obligation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConventionEvent_conventionId_on_idx" ON "ConventionEvent"("conventionId", "on");

-- CreateIndex
CREATE INDEX "ConventionAction_conventionId_idx" ON "ConventionAction"("conventionId");

-- CreateIndex
CREATE INDEX "Obligation_conventionId_dueOn_idx" ON "Obligation"("conventionId", "dueOn");

-- CreateIndex
CREATE INDEX "Obligation_responsibleOrganisationId_doneOn_dueOn_idx" ON "Obligation"("responsibleOrganisationId", "doneOn", "dueOn");

-- CreateIndex
CREATE INDEX "Obligation_visibleToOrgIds_idx" ON "Obligation" USING GIN ("visibleToOrgIds");

-- CreateIndex
CREATE UNIQUE INDEX "Obligation_ownerType_ownerId_key_key" ON "Obligation"("ownerType", "ownerId", "key");

-- AddForeignKey
ALTER TABLE "ConventionEvent" ADD CONSTRAINT "ConventionEvent_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConventionAction" ADD CONSTRAINT "ConventionAction_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Obligation" ADD CONSTRAINT "Obligation_conventionId_fkey" FOREIGN KEY ("conventionId") REFERENCES "Convention"("id") ON DELETE CASCADE ON UPDATE CASCADE;
