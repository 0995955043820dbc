-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "referenceFirstName" TEXT NOT NULL,
    "referenceLastName" TEXT NOT NULL,
    "referenceBirthDate" DATE,
    "searchKey" TEXT NOT NULL,
    "nur" TEXT,
    "daloRecognisedOn" DATE,
    "daloDecision" TEXT,
    "housingSituation" TEXT,
    "commune" TEXT,
    "consentOn" DATE,
    "consentBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE,
    "relationship" TEXT NOT NULL,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdResource" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "monthlyCents" INTEGER NOT NULL,

    CONSTRAINT "HouseholdResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "kind" "ConventionKind" NOT NULL,
    "conventionId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "createdByOrgId" TEXT NOT NULL,
    "quotaYear" INTEGER,
    "quotaRank" INTEGER,
    "nextDueOn" DATE,
    "closedOn" DATE,
    "obligationsComputedOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReferent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "CaseReferent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "payload" JSONB NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedByOrgId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseText" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventId" TEXT,
    "sections" JSONB NOT NULL,
    "authorOrgId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "sentToOrgIds" TEXT[],
    "sentOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaseText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Household_organisationId_referenceLastName_idx" ON "Household"("organisationId", "referenceLastName");

-- CreateIndex
CREATE INDEX "Household_nur_idx" ON "Household"("nur");

-- CreateIndex
CREATE INDEX "Household_searchKey_idx" ON "Household" USING GIN ("searchKey" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "HouseholdMember_householdId_idx" ON "HouseholdMember"("householdId");

-- CreateIndex
CREATE INDEX "HouseholdResource_householdId_idx" ON "HouseholdResource"("householdId");

-- CreateIndex
CREATE INDEX "Case_conventionId_nextDueOn_id_idx" ON "Case"("conventionId", "nextDueOn", "id");

-- CreateIndex
CREATE INDEX "Case_householdId_idx" ON "Case"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_conventionId_quotaYear_quotaRank_key" ON "Case"("conventionId", "quotaYear", "quotaRank");

-- CreateIndex
CREATE INDEX "CaseReferent_personId_idx" ON "CaseReferent"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseReferent_caseId_organisationId_key" ON "CaseReferent"("caseId", "organisationId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_on_idx" ON "CaseEvent"("caseId", "on");

-- CreateIndex
CREATE INDEX "CaseText_caseId_idx" ON "CaseText"("caseId");

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdResource" ADD CONSTRAINT "HouseholdResource_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReferent" ADD CONSTRAINT "CaseReferent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseText" ADD CONSTRAINT "CaseText_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
