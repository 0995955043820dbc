-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "sharedWithOrgIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Case_sharedWithOrgIds_idx" ON "Case" USING GIN ("sharedWithOrgIds");
