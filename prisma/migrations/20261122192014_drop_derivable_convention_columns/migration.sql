-- The duration, renewal rule, denunciation and termination are derived from Convention.parameters
-- (written at creation, changed by avenants) and from ConventionEvent rows: these columns only
-- duplicated them and could go stale.
-- AlterTable
ALTER TABLE "Convention" DROP COLUMN "denouncedOn",
DROP COLUMN "initialMonths",
DROP COLUMN "renewalKind",
DROP COLUMN "renewalMaxTotalMonths",
DROP COLUMN "renewalPeriodMonths",
DROP COLUMN "terminatedOn";

-- DropEnum
DROP TYPE "RenewalKind";
