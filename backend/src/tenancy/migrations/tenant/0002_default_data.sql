-- 0002 · Default data every new tenant gets, so the console is usable on day one.
--
-- Plain INSERTs, run once per tenant inside the provisioning transaction (search_path = the tenant schema,
-- app.tenant_id set, so tenant_id comes from its column default). Vertical packs add their own data on top.

-- ------------------------------------------------------------------------------------------------------------
-- Sales pipeline: one default pipeline; probabilities are the stage's win chance (copied to new deals).
-- ------------------------------------------------------------------------------------------------------------
WITH funil AS (
    INSERT INTO tb_funil (nome, descricao, padrao, ordem)
    VALUES ('Funil de vendas', 'Funil padrão de vendas', true, 1)
    RETURNING id
)
INSERT INTO tb_etapa (funil_id, nome, ordem, probabilidade, tipo, cor, dias_estagnacao)
SELECT funil.id, e.nome, e.ordem, e.probabilidade, e.tipo, e.cor, e.dias_estagnacao
FROM funil, (VALUES
    ('Prospecção',   1,  10, 'aberto',  '#90CAF9', 14),
    ('Qualificação', 2,  25, 'aberto',  '#64B5F6', 14),
    ('Proposta',     3,  50, 'aberto',  '#42A5F5', 21),
    ('Negociação',   4,  75, 'aberto',  '#1E88E5', 21),
    ('Ganho',        5, 100, 'ganho',   '#43A047', NULL),
    ('Perdido',      6,   0, 'perdido', '#E53935', NULL)
) AS e (nome, ordem, probabilidade, tipo, cor, dias_estagnacao);

INSERT INTO tb_motivo_perda (nome, ordem) VALUES
    ('Preço', 1),
    ('Concorrente', 2),
    ('Sem orçamento', 3),
    ('Sem retorno do cliente', 4),
    ('Timing / adiado', 5),
    ('Produto não atende', 6),
    ('Sem poder de decisão', 7),
    ('Escolheu não comprar', 8),
    ('Outro', 99);

-- ------------------------------------------------------------------------------------------------------------
-- Leads
-- ------------------------------------------------------------------------------------------------------------
INSERT INTO tb_origem_lead (nome, ordem) VALUES
    ('Site', 1),
    ('Indicação', 2),
    ('Evento', 3),
    ('Prospecção ativa', 4),
    ('WhatsApp', 5),
    ('Redes sociais', 6),
    ('E-mail marketing', 7),
    ('Anúncio pago', 8),
    ('Parceiro', 9),
    ('Telefone', 10),
    ('Importação', 11),
    ('Outro', 99);

-- ------------------------------------------------------------------------------------------------------------
-- Activity types: the built-in codes the API and the console know (sistema = cannot be removed).
-- ------------------------------------------------------------------------------------------------------------
INSERT INTO tb_tipo_atividade (codigo, nome, icone, cor, duracao_padrao_minutos, ordem, sistema) VALUES
    ('ligacao',  'Ligação',  'call',          '#1E88E5', 15, 1, true),
    ('email',    'E-mail',   'mail',          '#8E24AA', NULL, 2, true),
    ('reuniao',  'Reunião',  'groups',        '#F4511E', 60, 3, true),
    ('tarefa',   'Tarefa',   'task_alt',      '#546E7A', NULL, 4, true),
    ('visita',   'Visita',   'storefront',    '#00897B', 60, 5, true),
    ('whatsapp', 'WhatsApp', 'chat',          '#25D366', NULL, 6, true),
    ('nota',     'Nota',     'sticky_note_2', '#FDD835', NULL, 7, true);

-- ------------------------------------------------------------------------------------------------------------
-- Catalog: generic product categories and the default price list.
-- ------------------------------------------------------------------------------------------------------------
INSERT INTO tb_categoria_produto (nome, ordem) VALUES
    ('Produtos', 1),
    ('Serviços', 2),
    ('Assinaturas', 3),
    ('Consultoria', 4),
    ('Treinamento', 5),
    ('Suporte e manutenção', 6),
    ('Outros', 99);

INSERT INTO tb_tabela_preco (nome, descricao, padrao) VALUES
    ('Tabela padrão', 'Preços de lista', true);

-- ------------------------------------------------------------------------------------------------------------
-- Gamification: starter rules and achievements (the tenant admin tunes or deactivates them).
-- ------------------------------------------------------------------------------------------------------------
INSERT INTO tb_pontuacao_regra (nome, evento, pontos, limite_diario) VALUES
    ('Atividade concluída', 'atividade_concluida', 5, 200),
    ('Novo contato', 'contato_criado', 2, 100),
    ('Nova oportunidade', 'oportunidade_criada', 10, NULL),
    ('Oportunidade avançou de etapa', 'oportunidade_etapa_avancada', 5, NULL),
    ('Proposta enviada', 'proposta_enviada', 15, NULL),
    ('Oportunidade ganha', 'oportunidade_ganha', 50, NULL),
    ('Meta atingida', 'meta_atingida', 100, NULL);

INSERT INTO tb_conquista (codigo, nome, descricao, icone, criterio, pontos_bonus) VALUES
    ('primeira_venda', 'Primeira venda', 'Ganhou a primeira oportunidade', 'emoji_events',
     '{"evento": "oportunidade_ganha", "quantidade": 1}', 20),
    ('dez_vendas', 'Vendedor de elite', 'Ganhou 10 oportunidades', 'military_tech',
     '{"evento": "oportunidade_ganha", "quantidade": 10}', 100),
    ('cem_atividades', 'Mão na massa', 'Concluiu 100 atividades', 'bolt',
     '{"evento": "atividade_concluida", "quantidade": 100}', 50),
    ('meta_batida', 'Meta batida', 'Atingiu a meta do período', 'flag',
     '{"evento": "meta_atingida", "quantidade": 1}', 50);
