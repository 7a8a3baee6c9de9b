-- 0005 · Indexes for the activities and notes API.
--
-- Plain SQL, unqualified names, run with search_path = the tenant schema (see the header of 0001).
-- Like 0004: partial on `excluido_em IS NULL` and ending with id, the keyset tiebreaker (docs/api.md, "Lists").
-- "My open tasks" uses ix_atividade_abertas (0001); timelines use the per-record indexes of 0001.

-- Activities sorted by start (?sort=startAt, the calendar order).
CREATE INDEX ix_atividade_inicio ON tb_atividade (inicio, id) WHERE excluido_em IS NULL;

-- Notes in creation order (the default list order).
CREATE INDEX ix_nota_criado ON tb_nota (criado_em, id) WHERE excluido_em IS NULL;
