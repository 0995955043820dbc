-- CreateTable
CREATE TABLE "DigestPreference" (
    "personId" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "organisationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestPreference_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "DigestClaim" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "fromDay" DATE NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "itemCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DigestClaim_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DigestClaim_personId_sentAt_day_idx" ON "DigestClaim"("personId", "sentAt", "day");

-- CreateIndex
CREATE UNIQUE INDEX "DigestClaim_personId_day_key" ON "DigestClaim"("personId", "day");

-- AddForeignKey
ALTER TABLE "DigestPreference" ADD CONSTRAINT "DigestPreference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestClaim" ADD CONSTRAINT "DigestClaim_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 13: the daily retention purge runs in the app's job worker, as the application role, which may not
-- delete audit events. This one function (owned by the migrating owner) deletes only reads of social detail
-- older than the given day (issue 8: the read log is kept 12 months), scripts/lib/pg.mjs grants it to the app.
-- (The migration runner splits statements at each semicolon: the body is one SQL statement, without any.)
CREATE FUNCTION purge_read_log(before timestamp) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH d AS (DELETE FROM "AuditEvent" WHERE action = 'case.socialDetail.read' AND at < before RETURNING 1)
  SELECT count(*) FROM d
$$;
REVOKE ALL ON FUNCTION purge_read_log(timestamp) FROM PUBLIC;
