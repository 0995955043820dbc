-- Accent-insensitive search of names (« Mediation » finds « Médiation »). unaccent is a trusted
-- extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
