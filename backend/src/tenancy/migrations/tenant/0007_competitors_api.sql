-- 0007 · Competitors API: /api/competitors (tb_concorrente) and /api/opportunities/{id}/competitors
-- (tb_oportunidade_concorrente).
--
-- Plain SQL, unqualified names, run with search_path = the tenant schema (see the header of 0001).
-- Like 0004: list indexes are partial on `excluido_em IS NULL` and end with id, the keyset tiebreaker
-- (docs/api.md, "Lists"). Nothing wrote these tables before this API (base objects are read-only in the generic
-- record API), so the unique indexes below build on empty or duplicate-free tables.

-- ?q= on competitors: the generated, unaccented, lower-cased `busca` column of the other searchable tables.
ALTER TABLE tb_concorrente
    ADD COLUMN busca text GENERATED ALWAYS AS (extensions.immutable_unaccent(lower(nome))) STORED;
CREATE INDEX ix_concorrente_busca ON tb_concorrente USING gin (busca extensions.gin_trgm_ops) WHERE excluido_em IS NULL;

-- A name is unique (ignoring case) among live competitors; a deleted one frees its name (restore re-checks it).
CREATE UNIQUE INDEX ux_concorrente_nome ON tb_concorrente (lower(nome)) WHERE excluido_em IS NULL;

-- Sorts of the competitor list (name is the default) and the trash list.
CREATE INDEX ix_concorrente_nome ON tb_concorrente (nome, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_concorrente_criado ON tb_concorrente (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_concorrente_excluido ON tb_concorrente (excluido_em, id) WHERE excluido_em IS NOT NULL;

-- At most one winner per deal (the API clears the others in the same transaction; this is the guarantee).
CREATE UNIQUE INDEX ux_oportunidade_concorrente_vencedor ON tb_oportunidade_concorrente (oportunidade_id) WHERE vencedor;
