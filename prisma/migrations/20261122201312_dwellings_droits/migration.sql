-- CreateTable
CREATE TABLE "Dwelling" (
    "id" TEXT NOT NULL,
    "bailleurOrgId" TEXT NOT NULL,
    "rplsId" TEXT NOT NULL,
    "residence" TEXT NOT NULL,
    "addressNumber" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "commune" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "financing" TEXT NOT NULL,
    "typology" TEXT NOT NULL,
    "surfaceCentiM2" INTEGER NOT NULL,
    "qpv" BOOLEAN NOT NULL,
    "constructionPeriod" TEXT NOT NULL,
    "rentCents" INTEGER NOT NULL,
    "chargesCents" INTEGER NOT NULL,
    "dpeClass" TEXT NOT NULL,
    "pmr" BOOLEAN NOT NULL,
    "classification" INTEGER NOT NULL,
    "firstLettingYear" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dwelling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DwellingRegime" (
    "id" TEXT NOT NULL,
    "dwellingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "reason" TEXT,
    "category" TEXT,
    "year" INTEGER,
    "reference" TEXT,
    "source" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DwellingRegime_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationVintage" (
    "id" TEXT NOT NULL,
    "bailleurOrgId" TEXT NOT NULL,
    "territory" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "moveIns" INTEGER NOT NULL,
    "letDwellings" INTEGER NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RotationVintage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreedRotation" (
    "id" TEXT NOT NULL,
    "bailleurOrgId" TEXT NOT NULL,
    "territory" TEXT NOT NULL,
    "ratePpm" INTEGER NOT NULL,
    "provenance" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgreedRotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReservationAgreement" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "droitsDeSuite" INTEGER NOT NULL,
    "endOn" DATE NOT NULL,
    "lastRepaymentOn" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReservationAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DroitsConversion" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "inventoryOn" DATE NOT NULL,
    "ratePpm" INTEGER NOT NULL,
    "rateProvenance" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "rounded" INTEGER NOT NULL,
    "lines" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DroitsConversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DroitUniqueGrant" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "origin" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "programmeDwellings" INTEGER,
    "droitsDeSuite" INTEGER,
    "ratePpm" INTEGER,
    "droitsUniques" DOUBLE PRECISION NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DroitUniqueGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FluxShareInput" (
    "id" TEXT NOT NULL,
    "conventionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "allDroitsUniques" INTEGER NOT NULL,
    "statePartPpm" INTEGER NOT NULL,
    "recordedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FluxShareInput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Dwelling_bailleurOrgId_commune_residence_id_idx" ON "Dwelling"("bailleurOrgId", "commune", "residence", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Dwelling_bailleurOrgId_rplsId_key" ON "Dwelling"("bailleurOrgId", "rplsId");

-- CreateIndex
CREATE INDEX "DwellingRegime_dwellingId_effectiveOn_idx" ON "DwellingRegime"("dwellingId", "effectiveOn");

-- CreateIndex
CREATE UNIQUE INDEX "RotationVintage_bailleurOrgId_territory_year_key" ON "RotationVintage"("bailleurOrgId", "territory", "year");

-- CreateIndex
CREATE INDEX "AgreedRotation_bailleurOrgId_territory_createdAt_idx" ON "AgreedRotation"("bailleurOrgId", "territory", "createdAt");

-- CreateIndex
CREATE INDEX "ReservationAgreement_conventionId_idx" ON "ReservationAgreement"("conventionId");

-- CreateIndex
CREATE UNIQUE INDEX "DroitsConversion_conventionId_key" ON "DroitsConversion"("conventionId");

-- CreateIndex
CREATE INDEX "DroitUniqueGrant_conventionId_on_idx" ON "DroitUniqueGrant"("conventionId", "on");

-- CreateIndex
CREATE UNIQUE INDEX "FluxShareInput_conventionId_year_key" ON "FluxShareInput"("conventionId", "year");

-- AddForeignKey
ALTER TABLE "DwellingRegime" ADD CONSTRAINT "DwellingRegime_dwellingId_fkey" FOREIGN KEY ("dwellingId") REFERENCES "Dwelling"("id") ON DELETE CASCADE ON UPDATE CASCADE;
