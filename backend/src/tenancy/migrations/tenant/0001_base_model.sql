-- 0001 · Base model of one tenant schema (56 tables).
--
-- Run by the tenant migration runner as one multi-statement text, inside a transaction that has already set
-- `search_path` to the tenant schema only and `app.tenant_id`. So: names are never schema-qualified, and
-- extensions are reached through the `extensions` schema. Documented in docs/data-model.md.
--
-- Conventions (every table):
--   id uuid PK, tenant_id (second barrier behind the schema, checked by RLS), criado_em, atualizado_em.
--   atualizado_em is set by the API (no triggers: provisioning must stay fast).
--   Owned records add owner_id (→ tb_usuario, drives ownership RLS in 0003) and versao (optimistic locking).
--   User-deletable records add excluido_em (soft delete); list indexes are partial on `excluido_em IS NULL`.
--   Enums are text + CHECK (easier to evolve than PG enum types). Money numeric(14,2), moeda char(3).
--   CPF/CNPJ/CEP are stored normalized (no punctuation), phones in E.164, e-mails in lower case (CHECK).
--   Under RLS only leakproof operators can drive an index (=, <, > on text, uuid, timestamptz, date, int, bool), so
--   look-ups compare plain stored columns (`email = $1`, not `lower(email) = …`); see docs/data-model.md.
--   `busca` columns are generated, unaccented, lower-cased text for `?q=` search with a trigram GIN index:
--   query them with `busca LIKE '%' || extensions.immutable_unaccent(lower($1)) || '%'` (or OPERATOR(extensions.%)).

-- ============================================================================================================
-- Team
-- ============================================================================================================

CREATE TABLE tb_equipe (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    gestor_id     uuid,                                   -- FK added after tb_usuario (circular)
    ativo         boolean NOT NULL DEFAULT true,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);

-- Tenant-local profile of a member; id = the platform user id (kept in step with memberships by the API).
CREATE TABLE tb_usuario (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    email         text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    papel         text NOT NULL DEFAULT 'sales' CHECK (papel IN ('tenant_admin', 'analyst', 'manager', 'sales')),
    equipe_id     uuid REFERENCES tb_equipe (id) ON DELETE SET NULL,
    cargo         text,
    telefone      text CHECK (telefone ~ '^\+[1-9][0-9]{7,14}$'),
    avatar_url    text,
    fuso_horario  text,                                   -- NULL = tenant default (America/Sao_Paulo)
    idioma        text NOT NULL DEFAULT 'pt-BR' CHECK (idioma IN ('pt-BR', 'en')),
    ativo         boolean NOT NULL DEFAULT true,          -- members are deactivated, never deleted (records keep owners)
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_usuario_email ON tb_usuario (email);
CREATE INDEX ix_usuario_equipe ON tb_usuario (equipe_id);   -- team look-up of the ownership RLS

ALTER TABLE tb_equipe ADD CONSTRAINT fk_equipe_gestor FOREIGN KEY (gestor_id) REFERENCES tb_usuario (id) ON DELETE SET NULL;

CREATE TABLE tb_territorio (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    ufs           char(2)[] NOT NULL DEFAULT '{}',        -- states covered
    regras        jsonb NOT NULL DEFAULT '{}',            -- finer rules: CEP ranges, cities, segments
    equipe_id     uuid REFERENCES tb_equipe (id) ON DELETE SET NULL,
    ativo         boolean NOT NULL DEFAULT true,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);

-- Goal of a person, a team, or the whole company (both NULL) for a period.
CREATE TABLE tb_meta_venda (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    usuario_id     uuid REFERENCES tb_usuario (id) ON DELETE CASCADE,
    equipe_id      uuid REFERENCES tb_equipe (id) ON DELETE CASCADE,
    metrica        text NOT NULL DEFAULT 'receita'
                   CHECK (metrica IN ('receita', 'oportunidades_ganhas', 'oportunidades_criadas', 'atividades', 'novos_clientes', 'novos_leads')),
    periodo_inicio date NOT NULL,
    periodo_fim    date NOT NULL,
    valor_meta     numeric(14,2) NOT NULL CHECK (valor_meta >= 0),
    moeda          char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    criado_em      timestamptz NOT NULL DEFAULT now(),
    atualizado_em  timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(usuario_id, equipe_id) <= 1),
    CHECK (periodo_fim >= periodo_inicio)
);

-- ============================================================================================================
-- People and accounts
-- ============================================================================================================

CREATE TABLE tb_origem_lead (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    ordem         integer NOT NULL DEFAULT 0,
    ativo         boolean NOT NULL DEFAULT true,          -- referenced by records: deactivate, don't delete
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_origem_lead_nome ON tb_origem_lead (lower(nome));

CREATE TABLE tb_empresa (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    razao_social        text NOT NULL,
    nome_fantasia       text,
    cnpj                varchar(14) CHECK (cnpj ~ '^[0-9A-Z]{12}[0-9]{2}$'),   -- alphanumeric CNPJ from 2026
    inscricao_estadual  text,
    segmento            text,                              -- industry (not tb_segmento, which is a saved filter)
    porte               text CHECK (porte IN ('mei', 'me', 'epp', 'medio', 'grande')),
    ciclo_vida          text NOT NULL DEFAULT 'lead'
                        CHECK (ciclo_vida IN ('lead', 'lead_qualificado', 'oportunidade', 'cliente', 'ex_cliente')),
    status              text NOT NULL DEFAULT 'ativo' CHECK (status IN ('ativo', 'inativo')),
    site                text,
    email               text CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    telefone            text CHECK (telefone ~ '^\+[1-9][0-9]{7,14}$'),
    numero_funcionarios integer CHECK (numero_funcionarios >= 0),
    receita_anual       numeric(14,2),
    cliente_desde       date,
    empresa_pai_id      uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,   -- head office / branch
    origem_id           uuid REFERENCES tb_origem_lead (id),
    territorio_id       uuid REFERENCES tb_territorio (id) ON DELETE SET NULL,
    campos_extras       jsonb NOT NULL DEFAULT '{}',
    busca               text GENERATED ALWAYS AS (extensions.immutable_unaccent(lower(
                            razao_social || ' ' || coalesce(nome_fantasia, '') || ' ' || coalesce(cnpj, '')))) STORED,
    owner_id            uuid REFERENCES tb_usuario (id),
    versao              integer NOT NULL DEFAULT 1,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now(),
    excluido_em         timestamptz
);
CREATE UNIQUE INDEX ux_empresa_cnpj ON tb_empresa (cnpj) WHERE excluido_em IS NULL AND cnpj IS NOT NULL;
CREATE INDEX ix_empresa_criado ON tb_empresa (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_empresa_nome ON tb_empresa (razao_social, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_empresa_owner ON tb_empresa (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_empresa_busca ON tb_empresa USING gin (busca extensions.gin_trgm_ops) WHERE excluido_em IS NULL;

CREATE TABLE tb_contato (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id              uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome                   text NOT NULL,
    email                  text CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    telefone               text CHECK (telefone ~ '^\+[1-9][0-9]{7,14}$'),
    celular                text CHECK (celular ~ '^\+[1-9][0-9]{7,14}$'),   -- also the WhatsApp number
    cpf                    char(11) CHECK (cpf ~ '^[0-9]{11}$'),
    data_nascimento        date,
    cargo                  text,
    departamento           text,
    linkedin_url           text,
    empresa_id             uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    origem_id              uuid REFERENCES tb_origem_lead (id),
    ciclo_vida             text NOT NULL DEFAULT 'lead'
                           CHECK (ciclo_vida IN ('lead', 'lead_qualificado', 'oportunidade', 'cliente', 'ex_cliente')),
    status                 text NOT NULL DEFAULT 'ativo' CHECK (status IN ('ativo', 'inativo', 'desqualificado')),
    motivo_desqualificacao text,
    convertido_em          timestamptz,                   -- became cliente
    ultima_atividade_em    timestamptz,                   -- kept by the API; "stale leads" sort
    campos_extras          jsonb NOT NULL DEFAULT '{}',
    busca                  text GENERATED ALWAYS AS (extensions.immutable_unaccent(lower(
                               nome || ' ' || coalesce(email, '')))) STORED,
    owner_id               uuid REFERENCES tb_usuario (id),
    versao                 integer NOT NULL DEFAULT 1,
    criado_em              timestamptz NOT NULL DEFAULT now(),
    atualizado_em          timestamptz NOT NULL DEFAULT now(),
    excluido_em            timestamptz
);
-- Duplicate detection is done by the API (clear 409 with the existing id): plain indexes, except CPF.
CREATE UNIQUE INDEX ux_contato_cpf ON tb_contato (cpf) WHERE excluido_em IS NULL AND cpf IS NOT NULL;
CREATE INDEX ix_contato_email ON tb_contato (email) WHERE excluido_em IS NULL AND email IS NOT NULL;
CREATE INDEX ix_contato_telefone ON tb_contato (telefone) WHERE excluido_em IS NULL AND telefone IS NOT NULL;
CREATE INDEX ix_contato_celular ON tb_contato (celular) WHERE excluido_em IS NULL AND celular IS NOT NULL;
CREATE INDEX ix_contato_criado ON tb_contato (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_nome ON tb_contato (nome, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_owner ON tb_contato (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contato_empresa ON tb_contato (empresa_id);
CREATE INDEX ix_contato_busca ON tb_contato USING gin (busca extensions.gin_trgm_ops) WHERE excluido_em IS NULL;

-- Address of a company or a contact (exactly one).
CREATE TABLE tb_endereco (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    empresa_id    uuid REFERENCES tb_empresa (id) ON DELETE CASCADE,
    contato_id    uuid REFERENCES tb_contato (id) ON DELETE CASCADE,
    tipo          text NOT NULL DEFAULT 'comercial' CHECK (tipo IN ('comercial', 'cobranca', 'entrega', 'residencial', 'outro')),
    principal     boolean NOT NULL DEFAULT false,
    cep           text,
    logradouro    text,
    numero        text,
    complemento   text,
    bairro        text,
    cidade        text,
    codigo_ibge   char(7) CHECK (codigo_ibge ~ '^[0-9]{7}$'),
    uf            char(2),
    pais          char(2) NOT NULL DEFAULT 'BR',
    latitude      numeric(9,6),                           -- route planning / visit check-in
    longitude     numeric(9,6),
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(empresa_id, contato_id) = 1),
    CHECK (pais <> 'BR' OR cep IS NULL OR cep ~ '^[0-9]{8}$'),
    CHECK (pais <> 'BR' OR uf IS NULL OR uf IN ('AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG',
                                               'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO'))
);
CREATE INDEX ix_endereco_empresa ON tb_endereco (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_endereco_contato ON tb_endereco (contato_id) WHERE contato_id IS NOT NULL;

CREATE TABLE tb_tag (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    cor           text CHECK (cor ~ '^#[0-9A-Fa-f]{6}$'),
    descricao     text,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);
CREATE UNIQUE INDEX ux_tag_nome ON tb_tag (lower(nome)) WHERE excluido_em IS NULL;
-- tb_tag_registro (tag ↔ contact/company/deal) is created after tb_oportunidade, in the sales section.

-- Saved filter (dynamic) or hand-picked list (static) of contacts, companies or deals.
CREATE TABLE tb_segmento (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    entidade      text NOT NULL CHECK (entidade IN ('contato', 'empresa', 'oportunidade')),
    tipo          text NOT NULL DEFAULT 'dinamico' CHECK (tipo IN ('dinamico', 'estatico')),
    filtro        jsonb NOT NULL DEFAULT '{}',            -- the list API's filter/sort parameters
    compartilhado boolean NOT NULL DEFAULT false,         -- false: personal to criado_por_id
    criado_por_id uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);

-- Members of a static segment. Unique keys lead with the member so they also serve the FK cascades.
CREATE TABLE tb_segmento_membro (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    segmento_id   uuid NOT NULL REFERENCES tb_segmento (id) ON DELETE CASCADE,
    contato_id    uuid REFERENCES tb_contato (id) ON DELETE CASCADE,
    empresa_id    uuid REFERENCES tb_empresa (id) ON DELETE CASCADE,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(contato_id, empresa_id) = 1),
    UNIQUE (contato_id, segmento_id),
    UNIQUE (empresa_id, segmento_id)
);
CREATE INDEX ix_segmento_membro_segmento ON tb_segmento_membro (segmento_id);

-- LGPD: one row per purpose; revoking keeps the row (proof of what was consented when).
CREATE TABLE tb_consentimento (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    contato_id    uuid NOT NULL REFERENCES tb_contato (id) ON DELETE CASCADE,
    finalidade    text NOT NULL CHECK (finalidade IN ('email_marketing', 'whatsapp', 'sms', 'ligacao',
                                                      'compartilhamento', 'perfilamento', 'outro')),
    base_legal    text NOT NULL DEFAULT 'consentimento'
                  CHECK (base_legal IN ('consentimento', 'execucao_contrato', 'legitimo_interesse', 'obrigacao_legal',
                                        'protecao_credito', 'exercicio_direitos', 'outro')),
    status        text NOT NULL DEFAULT 'concedido' CHECK (status IN ('concedido', 'revogado')),
    concedido_em  timestamptz,
    revogado_em   timestamptz,
    canal         text,                                   -- where it was collected (form, WhatsApp, event…)
    versao_termo  text,
    evidencia     jsonb NOT NULL DEFAULT '{}',            -- IP, user agent, text shown
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    CHECK (status <> 'revogado' OR revogado_em IS NOT NULL)
);
CREATE INDEX ix_consentimento_contato ON tb_consentimento (contato_id, finalidade);

-- ============================================================================================================
-- Marketing and service
-- ============================================================================================================

CREATE TABLE tb_campanha (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome           text NOT NULL,
    descricao      text,
    tipo           text NOT NULL DEFAULT 'outro'
                   CHECK (tipo IN ('email', 'whatsapp', 'evento', 'anuncio', 'webinar', 'conteudo', 'indicacao',
                                   'trade_marketing', 'outro')),
    status         text NOT NULL DEFAULT 'planejada' CHECK (status IN ('planejada', 'ativa', 'pausada', 'concluida', 'cancelada')),
    data_inicio    date,
    data_fim       date,
    orcamento      numeric(14,2),
    custo_real     numeric(14,2),
    moeda          char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    utm_campaign   text,                                  -- matches web leads to the campaign
    -- responsible marketer; deliberately not owner_id: campaigns are visible to every seller (see 0003)
    responsavel_id uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    versao         integer NOT NULL DEFAULT 1,
    criado_em      timestamptz NOT NULL DEFAULT now(),
    atualizado_em  timestamptz NOT NULL DEFAULT now(),
    excluido_em    timestamptz,
    CHECK (data_fim IS NULL OR data_inicio IS NULL OR data_fim >= data_inicio)
);

CREATE TABLE tb_campanha_membro (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    campanha_id   uuid NOT NULL REFERENCES tb_campanha (id) ON DELETE CASCADE,
    contato_id    uuid NOT NULL REFERENCES tb_contato (id) ON DELETE CASCADE,
    status        text NOT NULL DEFAULT 'incluido'
                  CHECK (status IN ('incluido', 'enviado', 'aberto', 'clicou', 'respondeu', 'convertido', 'descadastrado', 'falhou')),
    respondeu_em  timestamptz,
    convertido_em timestamptz,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campanha_id, contato_id)
);
CREATE INDEX ix_campanha_membro_contato ON tb_campanha_membro (contato_id);

-- Support ticket with SLA deadlines (computed by the API from the tenant's SLA policy).
CREATE TABLE tb_chamado (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    numero               bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE,   -- "chamado #123"
    assunto              text NOT NULL,
    descricao            text,
    status               text NOT NULL DEFAULT 'aberto'
                         CHECK (status IN ('aberto', 'em_andamento', 'aguardando_cliente', 'resolvido', 'fechado', 'cancelado')),
    prioridade           text NOT NULL DEFAULT 'media' CHECK (prioridade IN ('baixa', 'media', 'alta', 'urgente')),
    categoria            text,
    canal                text NOT NULL DEFAULT 'email'
                         CHECK (canal IN ('email', 'telefone', 'whatsapp', 'portal', 'chat', 'presencial')),
    contato_id           uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    empresa_id           uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    sla_resposta_ate     timestamptz,
    sla_resolucao_ate    timestamptz,
    primeira_resposta_em timestamptz,
    resolvido_em         timestamptz,
    fechado_em           timestamptz,
    satisfacao           smallint CHECK (satisfacao BETWEEN 1 AND 5),   -- CSAT
    owner_id             uuid REFERENCES tb_usuario (id),
    versao               integer NOT NULL DEFAULT 1,
    criado_em            timestamptz NOT NULL DEFAULT now(),
    atualizado_em        timestamptz NOT NULL DEFAULT now(),
    excluido_em          timestamptz
);
CREATE INDEX ix_chamado_criado ON tb_chamado (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_chamado_owner ON tb_chamado (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_chamado_contato ON tb_chamado (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_chamado_empresa ON tb_chamado (empresa_id) WHERE empresa_id IS NOT NULL;
-- SLA queue: open tickets by resolution deadline
CREATE INDEX ix_chamado_sla ON tb_chamado (sla_resolucao_ate)
    WHERE excluido_em IS NULL AND status IN ('aberto', 'em_andamento', 'aguardando_cliente');

CREATE TABLE tb_chamado_interacao (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    chamado_id       uuid NOT NULL REFERENCES tb_chamado (id) ON DELETE CASCADE,
    tipo             text NOT NULL CHECK (tipo IN ('mensagem_cliente', 'resposta', 'nota_interna', 'mudanca_status')),
    conteudo         text,
    autor_usuario_id uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    autor_contato_id uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    status_anterior  text,
    status_novo      text,
    criado_em        timestamptz NOT NULL DEFAULT now(),
    atualizado_em    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_chamado_interacao_chamado ON tb_chamado_interacao (chamado_id, criado_em);

-- ============================================================================================================
-- Catalog
-- ============================================================================================================

CREATE TABLE tb_categoria_produto (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id        uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome             text NOT NULL,
    descricao        text,
    categoria_pai_id uuid REFERENCES tb_categoria_produto (id) ON DELETE SET NULL,
    ordem            integer NOT NULL DEFAULT 0,
    ativo            boolean NOT NULL DEFAULT true,
    criado_em        timestamptz NOT NULL DEFAULT now(),
    atualizado_em    timestamptz NOT NULL DEFAULT now(),
    excluido_em      timestamptz
);

CREATE TABLE tb_produto (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    codigo        text,                                   -- SKU; also the ERP key
    nome          text NOT NULL,
    descricao     text,
    tipo          text NOT NULL DEFAULT 'produto' CHECK (tipo IN ('produto', 'servico', 'assinatura')),
    categoria_id  uuid REFERENCES tb_categoria_produto (id) ON DELETE SET NULL,
    unidade       text NOT NULL DEFAULT 'UN',             -- UN, CX, KG, L, H…
    gtin          varchar(14) CHECK (gtin ~ '^[0-9]{8,14}$'),   -- EAN/GTIN barcode
    ncm           char(8) CHECK (ncm ~ '^[0-9]{8}$'),     -- Brazilian tax classification
    preco         numeric(14,2) CHECK (preco >= 0),       -- list price; price lists override
    custo         numeric(14,2) CHECK (custo >= 0),
    moeda         char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    recorrencia   text CHECK (recorrencia IN ('mensal', 'trimestral', 'semestral', 'anual')),   -- for assinatura
    ativo         boolean NOT NULL DEFAULT true,
    busca         text GENERATED ALWAYS AS (extensions.immutable_unaccent(lower(
                      nome || ' ' || coalesce(codigo, '') || ' ' || coalesce(gtin, '')))) STORED,
    versao        integer NOT NULL DEFAULT 1,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);
CREATE UNIQUE INDEX ux_produto_codigo ON tb_produto (codigo) WHERE excluido_em IS NULL AND codigo IS NOT NULL;
CREATE INDEX ix_produto_nome ON tb_produto (nome, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_produto_busca ON tb_produto USING gin (busca extensions.gin_trgm_ops) WHERE excluido_em IS NULL;

CREATE TABLE tb_tabela_preco (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome            text NOT NULL,
    descricao       text,
    moeda           char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    padrao          boolean NOT NULL DEFAULT false,
    vigencia_inicio date,
    vigencia_fim    date,
    ativo           boolean NOT NULL DEFAULT true,
    versao          integer NOT NULL DEFAULT 1,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    excluido_em     timestamptz,
    CHECK (vigencia_fim IS NULL OR vigencia_inicio IS NULL OR vigencia_fim >= vigencia_inicio)
);
CREATE UNIQUE INDEX ux_tabela_preco_padrao ON tb_tabela_preco ((true)) WHERE padrao AND excluido_em IS NULL;

CREATE TABLE tb_tabela_preco_item (
    id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id                  uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    tabela_preco_id            uuid NOT NULL REFERENCES tb_tabela_preco (id) ON DELETE CASCADE,
    produto_id                 uuid NOT NULL REFERENCES tb_produto (id) ON DELETE CASCADE,
    preco                      numeric(14,2) NOT NULL CHECK (preco >= 0),
    quantidade_minima          numeric(14,3) NOT NULL DEFAULT 1 CHECK (quantidade_minima > 0),   -- volume tiers
    desconto_maximo_percentual numeric(5,2) CHECK (desconto_maximo_percentual BETWEEN 0 AND 100),
    criado_em                  timestamptz NOT NULL DEFAULT now(),
    atualizado_em              timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tabela_preco_id, produto_id, quantidade_minima)
);
CREATE INDEX ix_tabela_preco_item_produto ON tb_tabela_preco_item (produto_id);

-- ============================================================================================================
-- Sales
-- ============================================================================================================

CREATE TABLE tb_funil (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    padrao        boolean NOT NULL DEFAULT false,
    ordem         integer NOT NULL DEFAULT 0,
    ativo         boolean NOT NULL DEFAULT true,
    versao        integer NOT NULL DEFAULT 1,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);
CREATE UNIQUE INDEX ux_funil_padrao ON tb_funil ((true)) WHERE padrao AND excluido_em IS NULL;   -- one default

CREATE TABLE tb_etapa (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id          uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    funil_id           uuid NOT NULL REFERENCES tb_funil (id) ON DELETE CASCADE,
    nome               text NOT NULL,
    ordem              integer NOT NULL,                  -- not unique: reordering swaps values freely
    probabilidade      smallint NOT NULL DEFAULT 0 CHECK (probabilidade BETWEEN 0 AND 100),
    tipo               text NOT NULL DEFAULT 'aberto' CHECK (tipo IN ('aberto', 'ganho', 'perdido')),
    cor                text CHECK (cor ~ '^#[0-9A-Fa-f]{6}$'),
    dias_estagnacao    integer CHECK (dias_estagnacao > 0),   -- deal flagged when idle longer in this stage
    criado_em          timestamptz NOT NULL DEFAULT now(),
    atualizado_em      timestamptz NOT NULL DEFAULT now(),
    excluido_em        timestamptz,
    UNIQUE (funil_id, id)                                 -- target of the deal's (funil_id, etapa_id) FK
);
-- "mark as won/lost" moves the deal to the one ganho/perdido stage of its pipeline
CREATE UNIQUE INDEX ux_etapa_ganho ON tb_etapa (funil_id) WHERE tipo = 'ganho' AND excluido_em IS NULL;
CREATE UNIQUE INDEX ux_etapa_perdido ON tb_etapa (funil_id) WHERE tipo = 'perdido' AND excluido_em IS NULL;

CREATE TABLE tb_motivo_perda (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    ordem         integer NOT NULL DEFAULT 0,
    ativo         boolean NOT NULL DEFAULT true,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_motivo_perda_nome ON tb_motivo_perda (lower(nome));

CREATE TABLE tb_concorrente (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome           text NOT NULL,
    site           text,
    pontos_fortes  text,
    pontos_fracos  text,
    ativo          boolean NOT NULL DEFAULT true,
    criado_em      timestamptz NOT NULL DEFAULT now(),
    atualizado_em  timestamptz NOT NULL DEFAULT now(),
    excluido_em    timestamptz
);

CREATE TABLE tb_oportunidade (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    titulo               text NOT NULL,
    descricao            text,
    empresa_id           uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    contato_id           uuid REFERENCES tb_contato (id) ON DELETE SET NULL,   -- main contact
    funil_id             uuid NOT NULL REFERENCES tb_funil (id),
    etapa_id             uuid NOT NULL,
    valor                numeric(14,2) NOT NULL DEFAULT 0 CHECK (valor >= 0),
    moeda                char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    probabilidade        smallint NOT NULL DEFAULT 0 CHECK (probabilidade BETWEEN 0 AND 100),   -- from the stage, overridable
    valor_ponderado      numeric(14,2) GENERATED ALWAYS AS (round(valor * probabilidade / 100.0, 2)) STORED,   -- forecast
    previsao_fechamento  date,
    status               text NOT NULL DEFAULT 'aberto' CHECK (status IN ('aberto', 'ganho', 'perdido')),
    tipo_negocio         text NOT NULL DEFAULT 'novo_negocio'
                         CHECK (tipo_negocio IN ('novo_negocio', 'renovacao', 'upsell', 'cross_sell')),
    motivo_perda_id      uuid REFERENCES tb_motivo_perda (id),
    motivo_perda_detalhe text,
    fechada_em           timestamptz,                     -- when it became ganho/perdido
    etapa_alterada_em    timestamptz NOT NULL DEFAULT now(),   -- time in stage / stagnation
    origem_id            uuid REFERENCES tb_origem_lead (id),
    campanha_id          uuid REFERENCES tb_campanha (id) ON DELETE SET NULL,
    campos_extras        jsonb NOT NULL DEFAULT '{}',
    busca                text GENERATED ALWAYS AS (extensions.immutable_unaccent(lower(titulo))) STORED,
    owner_id             uuid REFERENCES tb_usuario (id),
    versao               integer NOT NULL DEFAULT 1,
    criado_em            timestamptz NOT NULL DEFAULT now(),
    atualizado_em        timestamptz NOT NULL DEFAULT now(),
    excluido_em          timestamptz,
    -- the stage must belong to the deal's pipeline
    FOREIGN KEY (funil_id, etapa_id) REFERENCES tb_etapa (funil_id, id),
    CHECK (motivo_perda_id IS NULL OR status = 'perdido')
);
CREATE INDEX ix_oportunidade_criado ON tb_oportunidade (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_titulo ON tb_oportunidade (titulo, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_valor ON tb_oportunidade (valor, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_previsao ON tb_oportunidade (previsao_fechamento, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_funil_status ON tb_oportunidade (funil_id, status);   -- also the funil FK
CREATE INDEX ix_oportunidade_etapa ON tb_oportunidade (etapa_id);                  -- kanban column; stage FK
CREATE INDEX ix_oportunidade_owner ON tb_oportunidade (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_oportunidade_empresa ON tb_oportunidade (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_oportunidade_contato ON tb_oportunidade (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_oportunidade_busca ON tb_oportunidade USING gin (busca extensions.gin_trgm_ops) WHERE excluido_em IS NULL;

-- Every stage or status change, written by the API in the same transaction (cycle time, conversion per stage).
CREATE TABLE tb_oportunidade_historico (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    oportunidade_id   uuid NOT NULL REFERENCES tb_oportunidade (id) ON DELETE CASCADE,
    etapa_anterior_id uuid REFERENCES tb_etapa (id) ON DELETE SET NULL,   -- NULL on creation
    etapa_nova_id     uuid REFERENCES tb_etapa (id) ON DELETE SET NULL,
    status            text NOT NULL CHECK (status IN ('aberto', 'ganho', 'perdido')),
    valor             numeric(14,2),                      -- value at that moment (conversion by value)
    probabilidade     smallint,
    usuario_id        uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    alterado_em       timestamptz NOT NULL DEFAULT now(),
    criado_em         timestamptz NOT NULL DEFAULT now(),
    atualizado_em     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_oportunidade_historico_op ON tb_oportunidade_historico (oportunidade_id, alterado_em);

-- Line items of a deal; valor_total is derived so it can never disagree with its parts.
CREATE TABLE tb_oportunidade_produto (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    oportunidade_id     uuid NOT NULL REFERENCES tb_oportunidade (id) ON DELETE CASCADE,
    produto_id          uuid NOT NULL REFERENCES tb_produto (id),
    descricao           text,
    quantidade          numeric(14,3) NOT NULL DEFAULT 1 CHECK (quantidade > 0),
    preco_unitario      numeric(14,2) NOT NULL CHECK (preco_unitario >= 0),
    desconto_percentual numeric(5,2) NOT NULL DEFAULT 0 CHECK (desconto_percentual BETWEEN 0 AND 100),
    valor_total         numeric(14,2) GENERATED ALWAYS AS
                            (round(quantidade * preco_unitario * (1 - desconto_percentual / 100), 2)) STORED,
    ordem               integer NOT NULL DEFAULT 0,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_oportunidade_produto_op ON tb_oportunidade_produto (oportunidade_id);
CREATE INDEX ix_oportunidade_produto_produto ON tb_oportunidade_produto (produto_id);

CREATE TABLE tb_oportunidade_concorrente (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id         uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    oportunidade_id   uuid NOT NULL REFERENCES tb_oportunidade (id) ON DELETE CASCADE,
    concorrente_id    uuid NOT NULL REFERENCES tb_concorrente (id) ON DELETE CASCADE,
    preco_concorrente numeric(14,2),
    vencedor          boolean NOT NULL DEFAULT false,     -- the competitor that won a lost deal
    observacoes       text,
    criado_em         timestamptz NOT NULL DEFAULT now(),
    atualizado_em     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (oportunidade_id, concorrente_id)
);
CREATE INDEX ix_oportunidade_concorrente_conc ON tb_oportunidade_concorrente (concorrente_id);

-- Tag on a contact, company or deal (exactly one). Unique keys lead with the record: tags of a record, FK cascade.
CREATE TABLE tb_tag_registro (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    tag_id          uuid NOT NULL REFERENCES tb_tag (id) ON DELETE CASCADE,
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE CASCADE,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE CASCADE,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE CASCADE,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(contato_id, empresa_id, oportunidade_id) = 1),
    UNIQUE (contato_id, tag_id),
    UNIQUE (empresa_id, tag_id),
    UNIQUE (oportunidade_id, tag_id)
);
CREATE INDEX ix_tag_registro_tag ON tb_tag_registro (tag_id);   -- "records with tag X"

-- ============================================================================================================
-- Proposals, contracts, orders
-- ============================================================================================================

CREATE TABLE tb_proposta (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    numero              bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE,
    titulo              text NOT NULL,
    oportunidade_id     uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    empresa_id          uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    contato_id          uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    tabela_preco_id     uuid REFERENCES tb_tabela_preco (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'rascunho'
                        CHECK (status IN ('rascunho', 'enviada', 'visualizada', 'aceita', 'recusada', 'expirada', 'cancelada')),
    valor_total         numeric(14,2) NOT NULL DEFAULT 0 CHECK (valor_total >= 0),   -- sum of items, kept by the API
    desconto_total      numeric(14,2) NOT NULL DEFAULT 0 CHECK (desconto_total >= 0),
    moeda               char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    validade            date,
    condicoes_pagamento text,
    observacoes         text,
    enviada_em          timestamptz,
    respondida_em       timestamptz,                      -- accepted or refused
    owner_id            uuid REFERENCES tb_usuario (id),
    versao              integer NOT NULL DEFAULT 1,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now(),
    excluido_em         timestamptz
);
CREATE INDEX ix_proposta_criado ON tb_proposta (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_proposta_owner ON tb_proposta (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_proposta_oportunidade ON tb_proposta (oportunidade_id) WHERE oportunidade_id IS NOT NULL;
CREATE INDEX ix_proposta_empresa ON tb_proposta (empresa_id) WHERE empresa_id IS NOT NULL;

CREATE TABLE tb_proposta_item (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    proposta_id         uuid NOT NULL REFERENCES tb_proposta (id) ON DELETE CASCADE,
    produto_id          uuid REFERENCES tb_produto (id) ON DELETE SET NULL,   -- NULL: free-text item
    descricao           text NOT NULL,
    quantidade          numeric(14,3) NOT NULL DEFAULT 1 CHECK (quantidade > 0),
    preco_unitario      numeric(14,2) NOT NULL CHECK (preco_unitario >= 0),
    desconto_percentual numeric(5,2) NOT NULL DEFAULT 0 CHECK (desconto_percentual BETWEEN 0 AND 100),
    valor_total         numeric(14,2) GENERATED ALWAYS AS
                            (round(quantidade * preco_unitario * (1 - desconto_percentual / 100), 2)) STORED,
    ordem               integer NOT NULL DEFAULT 0,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_proposta_item_proposta ON tb_proposta_item (proposta_id);

CREATE TABLE tb_contrato (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id             uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    numero                bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE,
    titulo                text NOT NULL,
    empresa_id            uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    contato_id            uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    oportunidade_id       uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    proposta_id           uuid REFERENCES tb_proposta (id) ON DELETE SET NULL,
    status                text NOT NULL DEFAULT 'rascunho'
                          CHECK (status IN ('rascunho', 'em_assinatura', 'vigente', 'suspenso', 'encerrado', 'cancelado')),
    data_inicio           date,
    data_fim              date,
    renovacao_automatica  boolean NOT NULL DEFAULT false,
    aviso_renovacao_dias  integer CHECK (aviso_renovacao_dias >= 0),
    periodicidade         text NOT NULL DEFAULT 'unica'
                          CHECK (periodicidade IN ('unica', 'mensal', 'trimestral', 'semestral', 'anual')),
    valor_total           numeric(14,2) NOT NULL DEFAULT 0 CHECK (valor_total >= 0),
    valor_recorrente      numeric(14,2) CHECK (valor_recorrente >= 0),   -- MRR/ARR base, churn
    moeda                 char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    assinado_em           timestamptz,
    cancelado_em          timestamptz,
    motivo_cancelamento   text,
    owner_id              uuid REFERENCES tb_usuario (id),
    versao                integer NOT NULL DEFAULT 1,
    criado_em             timestamptz NOT NULL DEFAULT now(),
    atualizado_em         timestamptz NOT NULL DEFAULT now(),
    excluido_em           timestamptz,
    CHECK (data_fim IS NULL OR data_inicio IS NULL OR data_fim >= data_inicio)
);
CREATE INDEX ix_contrato_criado ON tb_contrato (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contrato_owner ON tb_contrato (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_contrato_empresa ON tb_contrato (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_contrato_oportunidade ON tb_contrato (oportunidade_id) WHERE oportunidade_id IS NOT NULL;
CREATE INDEX ix_contrato_renovacao ON tb_contrato (data_fim) WHERE status = 'vigente' AND excluido_em IS NULL;

-- Orders (also imported from the ERP): purchase history feeds churn risk and recommendations.
CREATE TABLE tb_pedido (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    numero          bigint GENERATED BY DEFAULT AS IDENTITY UNIQUE,
    numero_externo  text,                                 -- ERP order number: idempotent sync
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    proposta_id     uuid REFERENCES tb_proposta (id) ON DELETE SET NULL,
    contrato_id     uuid REFERENCES tb_contrato (id) ON DELETE SET NULL,
    status          text NOT NULL DEFAULT 'rascunho'
                    CHECK (status IN ('rascunho', 'confirmado', 'faturado', 'entregue', 'cancelado')),
    data_pedido     date NOT NULL DEFAULT current_date,
    valor_total     numeric(14,2) NOT NULL DEFAULT 0 CHECK (valor_total >= 0),
    desconto_total  numeric(14,2) NOT NULL DEFAULT 0 CHECK (desconto_total >= 0),
    frete           numeric(14,2) NOT NULL DEFAULT 0 CHECK (frete >= 0),
    moeda           char(3) NOT NULL DEFAULT 'BRL' CHECK (moeda ~ '^[A-Z]{3}$'),
    observacoes     text,
    owner_id        uuid REFERENCES tb_usuario (id),
    versao          integer NOT NULL DEFAULT 1,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    excluido_em     timestamptz
);
CREATE UNIQUE INDEX ux_pedido_numero_externo ON tb_pedido (numero_externo) WHERE numero_externo IS NOT NULL;
CREATE INDEX ix_pedido_criado ON tb_pedido (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_pedido_owner ON tb_pedido (owner_id) WHERE excluido_em IS NULL;
CREATE INDEX ix_pedido_empresa_data ON tb_pedido (empresa_id, data_pedido);   -- recency/frequency per customer
CREATE INDEX ix_pedido_oportunidade ON tb_pedido (oportunidade_id) WHERE oportunidade_id IS NOT NULL;

CREATE TABLE tb_pedido_item (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    pedido_id           uuid NOT NULL REFERENCES tb_pedido (id) ON DELETE CASCADE,
    produto_id          uuid NOT NULL REFERENCES tb_produto (id),   -- products with sales are soft-deleted only
    descricao           text,
    quantidade          numeric(14,3) NOT NULL DEFAULT 1 CHECK (quantidade > 0),
    preco_unitario      numeric(14,2) NOT NULL CHECK (preco_unitario >= 0),
    desconto_percentual numeric(5,2) NOT NULL DEFAULT 0 CHECK (desconto_percentual BETWEEN 0 AND 100),
    valor_total         numeric(14,2) GENERATED ALWAYS AS
                            (round(quantidade * preco_unitario * (1 - desconto_percentual / 100), 2)) STORED,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_pedido_item_pedido ON tb_pedido_item (pedido_id);
CREATE INDEX ix_pedido_item_produto ON tb_pedido_item (produto_id);   -- who bought what (cross-sell)

-- ============================================================================================================
-- Activities and documents
-- ============================================================================================================

-- Activity types are data, so a vertical pack can add its own (e.g. 'auditoria_loja'); the built-in codes are
-- seeded by 0002 and marked sistema.
CREATE TABLE tb_tipo_atividade (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id              uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    codigo                 text NOT NULL UNIQUE CHECK (codigo ~ '^[a-z][a-z0-9_]{1,39}$'),
    nome                   text NOT NULL,
    icone                  text,
    cor                    text CHECK (cor ~ '^#[0-9A-Fa-f]{6}$'),
    duracao_padrao_minutos integer CHECK (duracao_padrao_minutos > 0),
    ordem                  integer NOT NULL DEFAULT 0,
    sistema                boolean NOT NULL DEFAULT false,   -- built-in: cannot be removed
    ativo                  boolean NOT NULL DEFAULT true,
    criado_em              timestamptz NOT NULL DEFAULT now(),
    atualizado_em          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tb_atividade (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    tipo            text NOT NULL REFERENCES tb_tipo_atividade (codigo),   -- ligacao, email, reuniao, tarefa, visita, whatsapp, nota…
    assunto         text NOT NULL,
    descricao       text,
    inicio          timestamptz,                          -- scheduled events (calendar)
    fim             timestamptz,
    dia_inteiro     boolean NOT NULL DEFAULT false,
    vencimento      timestamptz,                          -- due date of tasks and follow-ups
    lembrete_em     timestamptz,
    concluida       boolean NOT NULL DEFAULT false,
    concluida_em    timestamptz,
    resultado       text,                                 -- outcome of a call/visit
    prioridade      text NOT NULL DEFAULT 'normal' CHECK (prioridade IN ('baixa', 'normal', 'alta')),
    local           text,
    origem          text NOT NULL DEFAULT 'manual'        -- automatic logging is distinguishable from typing
                    CHECK (origem IN ('manual', 'email', 'whatsapp', 'automacao', 'sequencia', 'importacao', 'ia', 'integracao')),
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    chamado_id      uuid REFERENCES tb_chamado (id) ON DELETE SET NULL,
    owner_id        uuid REFERENCES tb_usuario (id),
    versao          integer NOT NULL DEFAULT 1,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    excluido_em     timestamptz,
    CHECK (fim IS NULL OR inicio IS NULL OR fim >= inicio),
    CHECK (concluida OR concluida_em IS NULL)
);
-- "my open tasks", ordered by due date
CREATE INDEX ix_atividade_abertas ON tb_atividade (owner_id, vencimento) WHERE NOT concluida AND excluido_em IS NULL;
-- "my calendar" and ?owner= lists
CREATE INDEX ix_atividade_owner_inicio ON tb_atividade (owner_id, inicio) WHERE excluido_em IS NULL;
CREATE INDEX ix_atividade_criado ON tb_atividade (criado_em, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_atividade_vencimento ON tb_atividade (vencimento, id) WHERE excluido_em IS NULL;
CREATE INDEX ix_atividade_contato ON tb_atividade (contato_id) WHERE contato_id IS NOT NULL;   -- timelines + FK
CREATE INDEX ix_atividade_empresa ON tb_atividade (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_atividade_oportunidade ON tb_atividade (oportunidade_id) WHERE oportunidade_id IS NOT NULL;

-- Internal users, CRM contacts or outside guests (by e-mail) of a meeting/visit.
CREATE TABLE tb_atividade_participante (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    atividade_id  uuid NOT NULL REFERENCES tb_atividade (id) ON DELETE CASCADE,
    usuario_id    uuid REFERENCES tb_usuario (id) ON DELETE CASCADE,
    contato_id    uuid REFERENCES tb_contato (id) ON DELETE CASCADE,
    email         text CHECK (email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    resposta      text NOT NULL DEFAULT 'pendente' CHECK (resposta IN ('pendente', 'aceito', 'recusado', 'talvez')),
    presente      boolean,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(usuario_id, contato_id, email) >= 1)
);
CREATE INDEX ix_atividade_participante_atividade ON tb_atividade_participante (atividade_id);
CREATE INDEX ix_atividade_participante_usuario ON tb_atividade_participante (usuario_id) WHERE usuario_id IS NOT NULL;
CREATE INDEX ix_atividade_participante_contato ON tb_atividade_participante (contato_id) WHERE contato_id IS NOT NULL;

CREATE TABLE tb_nota (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    conteudo        text NOT NULL,                        -- Markdown
    fixada          boolean NOT NULL DEFAULT false,       -- pinned on top of the timeline
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    owner_id        uuid REFERENCES tb_usuario (id),
    versao          integer NOT NULL DEFAULT 1,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    excluido_em     timestamptz
);
CREATE INDEX ix_nota_contato ON tb_nota (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_nota_empresa ON tb_nota (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_nota_oportunidade ON tb_nota (oportunidade_id) WHERE oportunidade_id IS NOT NULL;

-- E-mails synced from a member's mailbox or sent from the CRM; owner = whose mailbox.
CREATE TABLE tb_email_mensagem (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    direcao         text NOT NULL CHECK (direcao IN ('entrada', 'saida')),
    status          text NOT NULL DEFAULT 'recebido'
                    CHECK (status IN ('rascunho', 'agendado', 'enviado', 'recebido', 'falhou')),
    message_id      text,                                 -- RFC 5322 Message-ID: idempotent sync
    thread_id       text,
    in_reply_to     text,
    remetente       text NOT NULL,
    destinatarios   text[] NOT NULL DEFAULT '{}',
    cc              text[] NOT NULL DEFAULT '{}',
    assunto         text,
    corpo_texto     text,
    corpo_html      text,
    enviado_em      timestamptz,                          -- sent or received at
    aberto_em       timestamptz,                          -- first open (tracking pixel)
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    atividade_id    uuid REFERENCES tb_atividade (id) ON DELETE SET NULL,   -- the logged activity
    owner_id        uuid REFERENCES tb_usuario (id),
    versao          integer NOT NULL DEFAULT 1,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    excluido_em     timestamptz
);
-- the same message may sit in two members' mailboxes
CREATE UNIQUE INDEX ux_email_mensagem_owner_msg ON tb_email_mensagem (owner_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX ix_email_mensagem_contato ON tb_email_mensagem (contato_id, enviado_em) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_email_mensagem_oportunidade ON tb_email_mensagem (oportunidade_id) WHERE oportunidade_id IS NOT NULL;
CREATE INDEX ix_email_mensagem_thread ON tb_email_mensagem (thread_id) WHERE thread_id IS NOT NULL;

-- A file attached to a customer, deal, proposal or contract; its bytes live in tb_documento_versao.
CREATE TABLE tb_documento (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome            text NOT NULL,
    descricao       text,
    categoria       text NOT NULL DEFAULT 'anexo' CHECK (categoria IN ('proposta', 'contrato', 'anexo', 'imagem', 'planilha', 'outro')),
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE SET NULL,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE SET NULL,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE SET NULL,
    proposta_id     uuid REFERENCES tb_proposta (id) ON DELETE SET NULL,
    contrato_id     uuid REFERENCES tb_contrato (id) ON DELETE SET NULL,
    owner_id        uuid REFERENCES tb_usuario (id),
    versao          integer NOT NULL DEFAULT 1,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    excluido_em     timestamptz
);
CREATE INDEX ix_documento_contato ON tb_documento (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_documento_empresa ON tb_documento (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_documento_oportunidade ON tb_documento (oportunidade_id) WHERE oportunidade_id IS NOT NULL;

-- Immutable versions of a document. Bytes in the database (embedded default) or a key in external storage.
CREATE TABLE tb_documento_versao (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    documento_id  uuid NOT NULL REFERENCES tb_documento (id) ON DELETE CASCADE,
    numero        integer NOT NULL CHECK (numero > 0),
    nome_arquivo  text NOT NULL,
    mime_type     text NOT NULL,
    tamanho_bytes bigint NOT NULL CHECK (tamanho_bytes >= 0),
    sha256        char(64) CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    armazenamento text NOT NULL DEFAULT 'banco' CHECK (armazenamento IN ('banco', 'disco', 's3')),
    chave         text,                                   -- path/key when not in the database
    conteudo      bytea,                                  -- bytes when armazenamento = 'banco'
    enviado_por_id uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    UNIQUE (documento_id, numero),
    CHECK ((armazenamento = 'banco') = (conteudo IS NOT NULL)),
    CHECK (armazenamento = 'banco' OR chave IS NOT NULL)
);

-- ============================================================================================================
-- Automation and integration
-- ============================================================================================================

-- Rule "when <entity> <event> [and conditions] then <actions>" (create task, assign owner, send e-mail, webhook…).
CREATE TABLE tb_automacao (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome                text NOT NULL,
    descricao           text,
    ativo               boolean NOT NULL DEFAULT false,
    gatilho_entidade    text NOT NULL
                        CHECK (gatilho_entidade IN ('contato', 'empresa', 'oportunidade', 'atividade', 'chamado', 'pedido', 'contrato', 'proposta')),
    gatilho_evento      text NOT NULL
                        CHECK (gatilho_evento IN ('criado', 'atualizado', 'campo_alterado', 'etapa_alterada', 'ganho', 'perdido',
                                                  'excluido', 'vencido', 'agendado')),
    agendamento         text,                             -- cron expression when gatilho_evento = 'agendado'
    condicoes           jsonb NOT NULL DEFAULT '{}',
    acoes               jsonb NOT NULL DEFAULT '[]',
    ordem               integer NOT NULL DEFAULT 0,
    ultima_execucao_em  timestamptz,
    criado_por_id       uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    versao              integer NOT NULL DEFAULT 1,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now(),
    excluido_em         timestamptz,
    CHECK (gatilho_evento <> 'agendado' OR agendamento IS NOT NULL)
);
-- looked up on every write of the entity
CREATE INDEX ix_automacao_gatilho ON tb_automacao (gatilho_entidade, gatilho_evento, ordem) WHERE ativo AND excluido_em IS NULL;

CREATE TABLE tb_automacao_execucao (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    automacao_id  uuid NOT NULL REFERENCES tb_automacao (id) ON DELETE CASCADE,
    entidade      text,                                   -- table name of the triggering record
    registro_id   uuid,
    status        text NOT NULL DEFAULT 'pendente' CHECK (status IN ('pendente', 'executando', 'sucesso', 'erro', 'ignorada')),
    tentativas    integer NOT NULL DEFAULT 0,
    iniciada_em   timestamptz,
    finalizada_em timestamptz,
    resultado     jsonb,
    erro          text,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_automacao_execucao_automacao ON tb_automacao_execucao (automacao_id, criado_em);

-- Cadence of steps (e-mail, call, task…) a contact is enrolled in.
CREATE TABLE tb_sequencia (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome          text NOT NULL,
    descricao     text,
    ativo         boolean NOT NULL DEFAULT true,
    configuracao  jsonb NOT NULL DEFAULT '{}',            -- business days/hours, stop on reply…
    criado_por_id uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    versao        integer NOT NULL DEFAULT 1,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    excluido_em   timestamptz
);

CREATE TABLE tb_sequencia_passo (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    sequencia_id  uuid NOT NULL REFERENCES tb_sequencia (id) ON DELETE CASCADE,
    ordem         integer NOT NULL,
    tipo          text NOT NULL CHECK (tipo IN ('email', 'ligacao', 'tarefa', 'whatsapp', 'linkedin', 'espera')),
    espera_dias   integer NOT NULL DEFAULT 0 CHECK (espera_dias >= 0),   -- delay after the previous step
    assunto       text,
    modelo        text,                                   -- message template with {{placeholders}}
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_sequencia_passo_sequencia ON tb_sequencia_passo (sequencia_id, ordem);

CREATE TABLE tb_sequencia_inscricao (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    sequencia_id        uuid NOT NULL REFERENCES tb_sequencia (id) ON DELETE CASCADE,
    contato_id          uuid NOT NULL REFERENCES tb_contato (id) ON DELETE CASCADE,
    passo_atual_id      uuid REFERENCES tb_sequencia_passo (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'ativa'
                        CHECK (status IN ('ativa', 'pausada', 'concluida', 'respondeu', 'cancelada', 'erro')),
    proxima_execucao_em timestamptz,
    inscrito_por_id     uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    concluida_em        timestamptz,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now()
);
-- a contact runs a given sequence at most once at a time
CREATE UNIQUE INDEX ux_sequencia_inscricao_ativa ON tb_sequencia_inscricao (contato_id, sequencia_id) WHERE status IN ('ativa', 'pausada');
CREATE INDEX ix_sequencia_inscricao_contato ON tb_sequencia_inscricao (contato_id);
CREATE INDEX ix_sequencia_inscricao_sequencia ON tb_sequencia_inscricao (sequencia_id);
CREATE INDEX ix_sequencia_inscricao_agenda ON tb_sequencia_inscricao (proxima_execucao_em) WHERE status = 'ativa';

CREATE TABLE tb_webhook (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome                 text NOT NULL,
    url                  text NOT NULL CHECK (url ~ '^https?://'),
    eventos              text[] NOT NULL CHECK (cardinality(eventos) > 0),   -- e.g. {contato.criado, oportunidade.ganha}
    segredo_cifrado      text NOT NULL,                   -- HMAC signing secret, encrypted by the API (never plain)
    ativo                boolean NOT NULL DEFAULT true,
    falhas_consecutivas  integer NOT NULL DEFAULT 0,      -- auto-disable after too many
    criado_por_id        uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    versao               integer NOT NULL DEFAULT 1,
    criado_em            timestamptz NOT NULL DEFAULT now(),
    atualizado_em        timestamptz NOT NULL DEFAULT now(),
    excluido_em          timestamptz
);

CREATE TABLE tb_webhook_entrega (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id            uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    webhook_id           uuid NOT NULL REFERENCES tb_webhook (id) ON DELETE CASCADE,
    evento               text NOT NULL,
    payload              jsonb NOT NULL,
    status               text NOT NULL DEFAULT 'pendente' CHECK (status IN ('pendente', 'entregue', 'falhou', 'cancelada')),
    tentativas           integer NOT NULL DEFAULT 0,
    proxima_tentativa_em timestamptz,
    http_status          smallint,
    resposta             text,                            -- first KB of the response body
    duracao_ms           integer,
    entregue_em          timestamptz,
    criado_em            timestamptz NOT NULL DEFAULT now(),
    atualizado_em        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_webhook_entrega_webhook ON tb_webhook_entrega (webhook_id, criado_em);

CREATE TABLE tb_importacao (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    entidade            text NOT NULL CHECK (entidade IN ('contato', 'empresa', 'oportunidade', 'produto', 'atividade', 'pedido')),
    arquivo_nome        text NOT NULL,
    formato             text NOT NULL CHECK (formato IN ('csv', 'xlsx', 'json')),
    status              text NOT NULL DEFAULT 'pendente'
                        CHECK (status IN ('pendente', 'validando', 'processando', 'concluida', 'concluida_com_erros', 'falhou', 'cancelada')),
    mapeamento          jsonb NOT NULL DEFAULT '{}',      -- file column → field
    opcoes              jsonb NOT NULL DEFAULT '{}',      -- duplicate strategy, default owner…
    total_linhas        integer,
    linhas_processadas  integer NOT NULL DEFAULT 0,
    linhas_criadas      integer NOT NULL DEFAULT 0,
    linhas_atualizadas  integer NOT NULL DEFAULT 0,
    linhas_com_erro     integer NOT NULL DEFAULT 0,
    erros               jsonb NOT NULL DEFAULT '[]',      -- sample: [{linha, campo, mensagem}]
    usuario_id          uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,
    iniciada_em         timestamptz,
    concluida_em        timestamptz,
    criado_em           timestamptz NOT NULL DEFAULT now(),
    atualizado_em       timestamptz NOT NULL DEFAULT now()
);

-- ============================================================================================================
-- Gamification
-- ============================================================================================================

CREATE TABLE tb_pontuacao_regra (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    nome            text NOT NULL,
    evento          text NOT NULL
                    CHECK (evento IN ('atividade_criada', 'atividade_concluida', 'contato_criado', 'empresa_criada',
                                      'oportunidade_criada', 'oportunidade_etapa_avancada', 'oportunidade_ganha',
                                      'proposta_enviada', 'pedido_criado', 'chamado_resolvido', 'meta_atingida')),
    condicoes       jsonb NOT NULL DEFAULT '{}',          -- e.g. {"tipo": "visita"} for visits only
    pontos          integer NOT NULL,
    limite_diario   integer CHECK (limite_diario > 0),    -- anti-gaming cap per user and day
    ativo           boolean NOT NULL DEFAULT true,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tb_pontuacao_evento (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    regra_id      uuid REFERENCES tb_pontuacao_regra (id) ON DELETE SET NULL,
    usuario_id    uuid NOT NULL REFERENCES tb_usuario (id) ON DELETE CASCADE,
    pontos        integer NOT NULL,
    entidade      text,                                   -- table name of the record that earned the points
    registro_id   uuid,
    descricao     text,
    ocorrido_em   timestamptz NOT NULL DEFAULT now(),
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);
-- a record earns a rule's points once per user (re-completing a task does not pay twice)
CREATE UNIQUE INDEX ux_pontuacao_evento_unico ON tb_pontuacao_evento (regra_id, registro_id, usuario_id) WHERE registro_id IS NOT NULL;
CREATE INDEX ix_pontuacao_evento_usuario ON tb_pontuacao_evento (usuario_id, ocorrido_em);
CREATE INDEX ix_pontuacao_evento_ranking ON tb_pontuacao_evento (ocorrido_em);   -- rankings per period

CREATE TABLE tb_conquista (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    codigo        text NOT NULL UNIQUE CHECK (codigo ~ '^[a-z][a-z0-9_]{1,39}$'),
    nome          text NOT NULL,
    descricao     text,
    icone         text,
    criterio      jsonb NOT NULL DEFAULT '{}',            -- e.g. {"evento": "oportunidade_ganha", "quantidade": 10}
    pontos_bonus  integer NOT NULL DEFAULT 0,
    ativo         boolean NOT NULL DEFAULT true,
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tb_usuario_conquista (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    usuario_id    uuid NOT NULL REFERENCES tb_usuario (id) ON DELETE CASCADE,
    conquista_id  uuid NOT NULL REFERENCES tb_conquista (id) ON DELETE CASCADE,
    obtida_em     timestamptz NOT NULL DEFAULT now(),
    criado_em     timestamptz NOT NULL DEFAULT now(),
    atualizado_em timestamptz NOT NULL DEFAULT now(),
    UNIQUE (usuario_id, conquista_id)
);
CREATE INDEX ix_usuario_conquista_conquista ON tb_usuario_conquista (conquista_id);

-- ============================================================================================================
-- Intelligence and audit
-- ============================================================================================================

-- Latest score of one record per kind (upsert on the unique keys); fatores explains it to the user.
CREATE TABLE tb_score (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    tipo            text NOT NULL CHECK (tipo IN ('lead_score', 'risco_churn', 'propensao_compra', 'saude_cliente')),
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE CASCADE,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE CASCADE,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE CASCADE,
    valor           numeric(5,2) NOT NULL CHECK (valor BETWEEN 0 AND 100),
    faixa           text CHECK (faixa IN ('baixo', 'medio', 'alto')),
    fatores         jsonb NOT NULL DEFAULT '[]',          -- [{fator, peso, valor, descricao}]
    modelo          text NOT NULL,
    modelo_versao   text,
    calculado_em    timestamptz NOT NULL DEFAULT now(),
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(contato_id, empresa_id, oportunidade_id) = 1),
    UNIQUE (contato_id, tipo),
    UNIQUE (empresa_id, tipo),
    UNIQUE (oportunidade_id, tipo)
);
CREATE INDEX ix_score_tipo_valor ON tb_score (tipo, valor);   -- "top churn risks", "hottest leads"

CREATE TABLE tb_recomendacao (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    tipo            text NOT NULL CHECK (tipo IN ('cross_sell', 'up_sell', 'proxima_acao', 'reativacao')),
    contato_id      uuid REFERENCES tb_contato (id) ON DELETE CASCADE,
    empresa_id      uuid REFERENCES tb_empresa (id) ON DELETE CASCADE,
    oportunidade_id uuid REFERENCES tb_oportunidade (id) ON DELETE CASCADE,
    produto_id      uuid REFERENCES tb_produto (id) ON DELETE CASCADE,   -- recommended product
    usuario_id      uuid REFERENCES tb_usuario (id) ON DELETE CASCADE,   -- seller it is addressed to
    titulo          text NOT NULL,
    justificativa   text,
    fatores         jsonb NOT NULL DEFAULT '[]',
    confianca       numeric(5,2) CHECK (confianca BETWEEN 0 AND 100),
    status          text NOT NULL DEFAULT 'nova' CHECK (status IN ('nova', 'vista', 'aceita', 'descartada', 'expirada')),
    modelo          text,
    expira_em       timestamptz,
    respondida_em   timestamptz,
    criado_em       timestamptz NOT NULL DEFAULT now(),
    atualizado_em   timestamptz NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(contato_id, empresa_id, oportunidade_id) >= 1)
);
CREATE INDEX ix_recomendacao_contato ON tb_recomendacao (contato_id) WHERE contato_id IS NOT NULL;
CREATE INDEX ix_recomendacao_empresa ON tb_recomendacao (empresa_id) WHERE empresa_id IS NOT NULL;
CREATE INDEX ix_recomendacao_oportunidade ON tb_recomendacao (oportunidade_id) WHERE oportunidade_id IS NOT NULL;
CREATE INDEX ix_recomendacao_usuario ON tb_recomendacao (usuario_id, criado_em) WHERE status IN ('nova', 'vista');

-- Field-by-field change log written by the API in the same transaction as the change.
-- Polymorphic on purpose (any table, including custom ones), hence no FK on registro_id.
CREATE TABLE tb_auditoria (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id      uuid NOT NULL DEFAULT current_setting('app.tenant_id')::uuid,
    entidade       text NOT NULL,                         -- table name, e.g. 'tb_contato'
    registro_id    uuid NOT NULL,
    usuario_id     uuid REFERENCES tb_usuario (id) ON DELETE SET NULL,   -- NULL: system/integration
    acao           text NOT NULL CHECK (acao IN ('criar', 'atualizar', 'excluir', 'restaurar', 'mesclar')),
    campo          text,                                  -- NULL when the row as a whole is concerned
    valor_anterior jsonb,
    valor_novo     jsonb,
    origem         text NOT NULL DEFAULT 'api'
                   CHECK (origem IN ('api', 'console', 'importacao', 'automacao', 'integracao', 'sistema')),
    requisicao_id  text,                                  -- request id, ties the rows of one change together
    ocorrido_em    timestamptz NOT NULL DEFAULT now(),
    criado_em      timestamptz NOT NULL DEFAULT now(),
    atualizado_em  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_auditoria_registro ON tb_auditoria (entidade, registro_id, ocorrido_em);

-- ============================================================================================================
-- Tenant isolation on every table of this schema (second barrier behind the schema and its roles):
--   * RLS enabled and forced (the table owner too), policy on tenant_id. The setting is read through a scalar
--     sub-select so it is evaluated once per query (an InitPlan), not once per row; nullif() because a pooled
--     connection reports '' (not NULL) for a setting some earlier transaction used: no tenant → no rows.
--   * CHECK pinning tenant_id to this schema's tenant, so a row tagged for another tenant can never be stored
--     here, whatever the session settings. NOT VALID only skips scanning existing rows (there are none yet,
--     and skipping the scan saves provisioning time); every insert and update is checked.
-- Ownership visibility (sales sees own + team) is added by 0003.
-- ============================================================================================================

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY,
                            ADD CONSTRAINT ck_%s_tenant CHECK (tenant_id = %L::uuid) NOT VALID',
                       t, substr(t, 4), current_setting('app.tenant_id'));
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
                              USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))
                              WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid))$p$, t);
    END LOOP;
END
$$;
