-- 0004 · Indexes for the contacts and companies API (lists, merges).
--
-- Plain SQL, unqualified names, run with search_path = the tenant schema (see the header of 0001).
-- List indexes are partial on `excluido_em IS NULL` like those of 0001 and end with id, the keyset tiebreaker
-- (docs/api.md, "Lists"); the API's queries carry exactly that predicate and ORDER BY <key>, id.

-- Contacts: sorts by update / last activity; lifecycle filter in creation order; origin filter; trash list.
CREATE INDEX ix_contato_atualizado ON tb_contato (atualizado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_ultima_atividade ON tb_contato (ultima_atividade_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_ciclo_vida ON tb_contato (ciclo_vida, criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_owner_criado ON tb_contato (owner_id, criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_origem ON tb_contato (origem_id) WHERE excluido_em IS NULL AND origem_id IS NOT NULL;
CREATE INDEX ix_contato_excluido ON tb_contato (excluido_em, id) WHERE excluido_em IS NOT NULL;

-- Companies: sorts by trade name / update; lifecycle and segment filters; branches (merge moves them); trash.
CREATE INDEX ix_empresa_fantasia ON tb_empresa (nome_fantasia, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_empresa_atualizado ON tb_empresa (atualizado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_empresa_ciclo_vida ON tb_empresa (ciclo_vida, criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_empresa_segmento ON tb_empresa (segmento) WHERE excluido_em IS NULL AND segmento IS NOT NULL;
CREATE INDEX ix_empresa_pai ON tb_empresa (empresa_pai_id) WHERE empresa_pai_id IS NOT NULL;
CREATE INDEX ix_empresa_excluido ON tb_empresa (excluido_em, id) WHERE excluido_em IS NOT NULL;

-- ?state= on companies: the main address of each company.
CREATE INDEX ix_endereco_empresa_uf ON tb_endereco (uf, empresa_id) WHERE empresa_id IS NOT NULL AND principal;

-- Merging contacts moves their proposals, contracts and orders (the other links already have indexes).
CREATE INDEX ix_proposta_contato ON tb_proposta (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_contrato_contato ON tb_contrato (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_pedido_contato ON tb_pedido (contato_id) WHERE contato_id IS NOT NULL;
