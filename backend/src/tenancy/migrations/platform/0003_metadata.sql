-- Metadata engine (docs/adr/0002-metadata-storage.md): objects, fields, views, dependencies and the DDL log of
-- every tenant, keyed by tenant_id in the platform catalog.
--
-- Who reads and writes (defence in depth):
--   * Reads come from the pinned per-request transaction (role t_<slug>_rw), which is granted SELECT on the four
--     readable tables at provisioning. RLS lets it see only rows of app.tenant_id, and only while it is the role
--     of that tenant (see the policy at the end).
--   * Writes go through the privileged DDL connection (the tables' owner), in the same transaction as the DDL they
--     describe, with an explicit `tenant_id = $1` in every statement: the owner is not subject to RLS (not
--     forced), and that is the one, explicit bypass.
--   * The API's login role gets DML on tenant_admin at bootstrap; the policy gives it no row (it is no tenant's role).
-- Nothing in a tenant schema references these tables (Citus schema-based sharding: no FK into tenant_admin).

CREATE TABLE tenant_admin.tb_meta_objeto (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id      uuid NOT NULL REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  api_nome       text NOT NULL CHECK (api_nome ~ '^[a-z][a-z0-9_]{1,62}$'),
  rotulo_pt      text NOT NULL CHECK (length(rotulo_pt) BETWEEN 1 AND 120),
  rotulo_en      text NOT NULL CHECK (length(rotulo_en) BETWEEN 1 AND 120),
  tipo           text NOT NULL CHECK (tipo IN ('base', 'tabela', 'consulta')),
  descricao      text CHECK (length(descricao) <= 2000),
  tabela         text CHECK (tabela ~ '^[a-z][a-z0-9_]{1,62}$'),      -- base / tabela: the real table
  sql            text CHECK (length(sql) <= 20000),                  -- consulta: the SELECT as saved
  modelo         jsonb,                                              -- consulta made in the designer (no SQL)
  papeis         text[],                                             -- roles that see it; NULL = every role
  versao         integer NOT NULL DEFAULT 1,
  criado_por     uuid,
  criado_em      timestamptz NOT NULL DEFAULT now(),
  atualizado_por uuid,
  atualizado_em  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, api_nome),
  UNIQUE (tenant_id, id),
  CHECK ((tipo IN ('base', 'tabela')) = (tabela IS NOT NULL)),
  CHECK ((tipo = 'consulta') = (sql IS NOT NULL)),
  CHECK (modelo IS NULL OR tipo = 'consulta'),
  CHECK (papeis IS NULL OR papeis <@ ARRAY['tenant_admin', 'analyst', 'manager', 'sales']::text[])
);
CREATE UNIQUE INDEX ux_meta_objeto_tabela ON tenant_admin.tb_meta_objeto (tenant_id, tabela) WHERE tabela IS NOT NULL;

CREATE TABLE tenant_admin.tb_meta_campo (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id       uuid NOT NULL,
  objeto_id       uuid NOT NULL,
  api_nome        text NOT NULL,                                     -- = coluna (query columns may be any name)
  coluna          text NOT NULL CHECK (length(coluna) BETWEEN 1 AND 63),
  rotulo_pt       text NOT NULL CHECK (length(rotulo_pt) BETWEEN 1 AND 120),
  rotulo_en       text NOT NULL CHECK (length(rotulo_en) BETWEEN 1 AND 120),
  tipo            text NOT NULL CHECK (tipo IN ('text', 'long_text', 'integer', 'decimal', 'currency_brl', 'percent', 'date',
                    'datetime', 'boolean', 'select', 'multi_select', 'email', 'phone', 'cpf', 'cnpj', 'cep', 'url',
                    'lookup', 'uuid', 'json')),
  tipo_coluna     text NOT NULL,                                     -- PostgreSQL type, format_type() form
  obrigatorio     boolean NOT NULL DEFAULT false,
  unico           boolean NOT NULL DEFAULT false,
  padrao          jsonb,                                             -- default applied by the record API
  opcoes          jsonb CHECK (opcoes IS NULL OR jsonb_typeof(opcoes) = 'array'),
  alvo_objeto_id  uuid,                                              -- lookup target
  ordem           integer NOT NULL DEFAULT 0,
  personalizado   boolean NOT NULL DEFAULT false,                    -- created through the API (custom)
  sistema         boolean NOT NULL DEFAULT false,                    -- standard column (id, owner, audit, version)
  somente_leitura boolean NOT NULL DEFAULT false,
  criado_em       timestamptz NOT NULL DEFAULT now(),
  atualizado_em   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (objeto_id, api_nome),                                     -- api_nome = coluna today, so one index
  FOREIGN KEY (tenant_id, objeto_id) REFERENCES tenant_admin.tb_meta_objeto (tenant_id, id) ON DELETE CASCADE,
  -- deferred: checked at commit, after the cascades of the same transaction (an object whose lookup points to itself)
  FOREIGN KEY (tenant_id, alvo_objeto_id) REFERENCES tenant_admin.tb_meta_objeto (tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
  CHECK ((tipo = 'lookup') = (alvo_objeto_id IS NOT NULL))
);
CREATE INDEX ix_meta_campo_alvo ON tenant_admin.tb_meta_campo (alvo_objeto_id) WHERE alvo_objeto_id IS NOT NULL;

CREATE TABLE tenant_admin.tb_meta_visual (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL,
  objeto_id     uuid NOT NULL,
  nome          text NOT NULL CHECK (length(nome) BETWEEN 1 AND 120),
  tipo          text NOT NULL CHECK (tipo IN ('grid', 'kanban', 'chart', 'form')),
  config        jsonb NOT NULL CHECK (jsonb_typeof(config) = 'object'),
  papeis        text[] CHECK (papeis IS NULL OR papeis <@ ARRAY['tenant_admin', 'analyst', 'manager', 'sales']::text[]),
  padrao        boolean NOT NULL DEFAULT false,
  versao        integer NOT NULL DEFAULT 1,
  criado_por    uuid,
  criado_em     timestamptz NOT NULL DEFAULT now(),
  atualizado_em timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, objeto_id) REFERENCES tenant_admin.tb_meta_objeto (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_meta_visual_objeto ON tenant_admin.tb_meta_visual (tenant_id, objeto_id);

-- What a query object uses: an object, or one field of it. Removing a used object or field is refused with the
-- list of dependents; the foreign keys (no cascade on the used side) are the safety net behind that check.
CREATE TABLE tenant_admin.tb_meta_dependencia (
  tenant_id          uuid NOT NULL,
  objeto_id          uuid NOT NULL,
  depende_objeto_id  uuid NOT NULL,
  depende_campo_id   uuid,
  FOREIGN KEY (tenant_id, objeto_id) REFERENCES tenant_admin.tb_meta_objeto (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, depende_objeto_id) REFERENCES tenant_admin.tb_meta_objeto (tenant_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (depende_campo_id) REFERENCES tenant_admin.tb_meta_campo (id) DEFERRABLE INITIALLY DEFERRED,
  CHECK (objeto_id <> depende_objeto_id)
);
CREATE UNIQUE INDEX ux_meta_dependencia ON tenant_admin.tb_meta_dependencia
  (objeto_id, depende_objeto_id, coalesce(depende_campo_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX ix_meta_dependencia_objeto ON tenant_admin.tb_meta_dependencia (depende_objeto_id);
CREATE INDEX ix_meta_dependencia_campo ON tenant_admin.tb_meta_dependencia (depende_campo_id) WHERE depende_campo_id IS NOT NULL;

-- Every DDL statement the metadata engine ran, in the transaction that ran it (so the log, the schema and the
-- metadata commit or roll back together).
CREATE TABLE tenant_admin.tb_meta_ddl (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id     uuid NOT NULL REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  objeto_id     uuid,                                              -- no FK: the log outlives a dropped object
  objeto_api    text NOT NULL,
  operacao      text NOT NULL CHECK (operacao IN ('criar_objeto', 'excluir_objeto', 'criar_campo', 'alterar_campo',
                  'renomear_campo', 'excluir_campo')),
  ddl           text NOT NULL,
  executado_por uuid,
  executado_em  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_meta_ddl_tenant ON tenant_admin.tb_meta_ddl (tenant_id, executado_em);

-- Up to which tenant schema version the base objects of a tenant were registered (backfill of existing tenants,
-- and of columns added by later tenant migrations).
CREATE TABLE tenant_admin.tb_meta_sincronizacao (
  tenant_id        uuid PRIMARY KEY REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  versao_schema    integer NOT NULL,
  sincronizado_em  timestamptz NOT NULL DEFAULT now()
);

-- Row-level security, not forced: the owner (the privileged DDL role) is the one explicit bypass, used only by the
-- metadata services, always with `tenant_id = $1` in the statement. Every other role sees a row only when BOTH
--   * its tenant_id is the transaction's app.tenant_id (set by the API's pinned transaction), and
--   * the current role may use that tenant's schema (the tenant's own rw role; never another tenant's role, nor the
--     API's login role itself, which reaches tenant data only through SET LOCAL ROLE).
-- Both are scalar sub-selects: evaluated once per query (InitPlan), not per row.

-- Does role `r` hold USAGE on the schema of tenant `t`? SECURITY DEFINER so tenant roles need no access to
-- tb_tenant; it answers a yes/no about a role and a tenant id, nothing else. Executable by roles that can use
-- schema tenant_admin (the API's login role, tenant rw roles); the read-only roles of untrusted SQL cannot.
CREATE FUNCTION tenant_admin.fn_meta_leitor(t uuid, r name) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog
AS $$
    SELECT coalesce((SELECT has_schema_privilege(r, tt.schema_nome, 'USAGE')
                       FROM tenant_admin.tb_tenant tt WHERE tt.id = t), false)
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tb_meta_objeto', 'tb_meta_campo', 'tb_meta_visual', 'tb_meta_dependencia', 'tb_meta_ddl',
                             'tb_meta_sincronizacao'] LOOP
        EXECUTE format('ALTER TABLE tenant_admin.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON tenant_admin.%I
            USING (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
                   AND (SELECT tenant_admin.fn_meta_leitor(nullif(current_setting('app.tenant_id', true), '')::uuid, current_user)))
            WITH CHECK (tenant_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
                   AND (SELECT tenant_admin.fn_meta_leitor(nullif(current_setting('app.tenant_id', true), '')::uuid, current_user)))$p$, t);
    END LOOP;
END
$$;
