-- 0006 · Indexes for the pipelines, opportunities and catalog API.
--
-- Plain SQL, unqualified names, run with search_path = the tenant schema (see the header of 0001).
-- Like 0004: list indexes are partial on `excluido_em IS NULL` and end with id, the keyset tiebreaker
-- (docs/api.md, "Lists"). 0001 already serves: creation, title, amount and close-date sorts; the kanban
-- (funil_id, status) and stage filters; owner, company, contact filters; ?q= (busca); stage history per deal.

-- ?status=aberto (the console's default deal list) in creation order, and the other sorts of the deal list.
CREATE INDEX ix_oportunidade_status_criado ON tb_oportunidade (status, criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_atualizado ON tb_oportunidade (atualizado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_ponderado ON tb_oportunidade (valor_ponderado, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_fechada ON tb_oportunidade (fechada_em, id) WHERE excluido_em IS NULL;
-- Deals of one stage by creation (a kanban column's cards) and the trash list.
CREATE INDEX ix_oportunidade_etapa_criado ON tb_oportunidade (etapa_id, criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_excluido ON tb_oportunidade (excluido_em, id) WHERE excluido_em IS NOT NULL;

-- Products: creation and price sorts, category filter; a price list's entries in creation order.
CREATE INDEX ix_produto_criado ON tb_produto (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_produto_preco ON tb_produto (preco, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_produto_categoria ON tb_produto (categoria_id) WHERE excluido_em IS NULL AND categoria_id IS NOT NULL;
CREATE INDEX ix_tabela_preco_item_lista ON tb_tabela_preco_item (tabela_preco_id, criado_em, id);
