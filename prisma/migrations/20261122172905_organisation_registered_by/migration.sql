-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "registeredByOrgId" TEXT;
