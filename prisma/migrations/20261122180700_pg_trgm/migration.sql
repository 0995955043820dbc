-- Accent- and typo-tolerant search of households by name (trigram index on Household.searchKey).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
