-- CreateTable
CREATE TABLE "FluxStamp" (
    "bailleurOrgId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "FluxStamp_pkey" PRIMARY KEY ("bailleurOrgId")
);

-- CreateTable
CREATE TABLE "FluxSnapshot" (
    "conventionId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "rows" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FluxSnapshot_pkey" PRIMARY KEY ("conventionId","year")
);

-- Issue 10: the bailleur's flux version is bumped in the same transaction as any change to its vacancies, dwellings
-- or dwelling regimes, once per statement and bailleur (statement triggers over transition tables: a 100 000-line
-- import bumps it once). A FluxSnapshot computed at an older version is stale and recomputed on the next read.
CREATE FUNCTION flux_bump_direct() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FluxStamp" ("bailleurOrgId", version)
  SELECT DISTINCT "bailleurOrgId", 1 FROM changed
  ORDER BY 1
  ON CONFLICT ("bailleurOrgId") DO UPDATE SET version = "FluxStamp".version + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION flux_bump_regime() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "FluxStamp" ("bailleurOrgId", version)
  SELECT DISTINCT d."bailleurOrgId", 1 FROM changed c JOIN "Dwelling" d ON d.id = c."dwellingId"
  ORDER BY 1
  ON CONFLICT ("bailleurOrgId") DO UPDATE SET version = "FluxStamp".version + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER vacancy_flux_ins AFTER INSERT ON "Vacancy" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_direct();
CREATE TRIGGER vacancy_flux_upd AFTER UPDATE ON "Vacancy" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_direct();
CREATE TRIGGER vacancy_flux_del AFTER DELETE ON "Vacancy" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_direct();
CREATE TRIGGER dwelling_flux_ins AFTER INSERT ON "Dwelling" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_direct();
CREATE TRIGGER dwelling_flux_upd AFTER UPDATE ON "Dwelling" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_direct();
CREATE TRIGGER dwelling_flux_del AFTER DELETE ON "Dwelling" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_direct();
CREATE TRIGGER regime_flux_ins AFTER INSERT ON "DwellingRegime" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_regime();
CREATE TRIGGER regime_flux_upd AFTER UPDATE ON "DwellingRegime" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_regime();
CREATE TRIGGER regime_flux_del AFTER DELETE ON "DwellingRegime" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION flux_bump_regime();
