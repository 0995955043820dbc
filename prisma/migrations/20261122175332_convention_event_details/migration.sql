-- AlterTable
ALTER TABLE "ConventionEvent" ADD COLUMN     "details" JSONB;
