-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "purgedOn" DATE;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 24;
