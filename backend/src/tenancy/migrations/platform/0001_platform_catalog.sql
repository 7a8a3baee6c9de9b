-- Platform catalog: what is not one tenant's data. Runs once per database, as the privileged role.

-- Extensions live in their own schema so tenant search_paths never include `public`.
CREATE SCHEMA IF NOT EXISTS extensions;
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions;

-- unaccent() is STABLE (it reads a dictionary); indexes need an IMMUTABLE wrapper with the dictionary pinned.
CREATE OR REPLACE FUNCTION extensions.immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT extensions.unaccent('extensions.unaccent'::regdictionary, $1) $$;

GRANT USAGE ON SCHEMA extensions TO PUBLIC;

CREATE TABLE tenant_admin.tb_tenant (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9_]{2,39}$'),
  nome           text NOT NULL CHECK (length(nome) BETWEEN 1 AND 200),
  schema_nome    text NOT NULL UNIQUE,
  status         text NOT NULL DEFAULT 'ativo' CHECK (status IN ('ativo', 'arquivado')),
  versao_schema  integer NOT NULL DEFAULT 0,
  vertical       text,
  fuso_horario   text NOT NULL DEFAULT 'America/Sao_Paulo',
  criado_em      timestamptz NOT NULL DEFAULT now(),
  atualizado_em  timestamptz NOT NULL DEFAULT now(),
  arquivado_em   timestamptz
);
-- The fan-out walks tenants behind their schema version.
CREATE INDEX tb_tenant_versao_idx ON tenant_admin.tb_tenant (versao_schema);

-- One row per tenant migration applied: the tenant's migration log.
CREATE TABLE tenant_admin.tb_tenant_migracao (
  tenant_id    uuid NOT NULL REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  versao       integer NOT NULL,
  nome         text NOT NULL,
  checksum     text NOT NULL,
  aplicada_em  timestamptz NOT NULL DEFAULT now(),
  duracao_ms   integer NOT NULL,
  PRIMARY KEY (tenant_id, versao)
);
