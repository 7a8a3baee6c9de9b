-- Audit of the secure SQL executor (docs/security.md, "The SQL executor"): one row per execution, accepted or
-- refused. Never the SQL text itself (it may carry personal data typed by the user): its SHA-256, so repeated
-- queries can be grouped and a given text can be matched.
--
-- Written by the API's login role through the trusted path (batched inserts), never by a tenant role. The bootstrap
-- takes UPDATE and DELETE on it back from the API's role (append-only for the application); retention purges are
-- an operator task on the privileged connection.

CREATE TABLE tenant_admin.tb_execucao_sql (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id    uuid NOT NULL REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  usuario_id   uuid,                                                  -- platform user (NULL for an API token)
  api_token_id uuid,                                                  -- set when an API token called
  origem       text NOT NULL CHECK (origem ~ '^[a-z_]{1,30}$'),        -- execute (free SQL), object, preview…
  sql_sha256   bytea NOT NULL CHECK (length(sql_sha256) = 32),
  resultado    text NOT NULL CHECK (resultado IN ('ok', 'recusada', 'erro')),
  codigo       text CHECK (codigo ~ '^[A-Z][A-Z0-9_]{1,63}$'),         -- validator or executor code; NULL when ok
  duracao_ms   integer NOT NULL CHECK (duracao_ms >= 0),
  linhas       integer NOT NULL DEFAULT 0 CHECK (linhas >= 0),
  truncado     boolean NOT NULL DEFAULT false,
  executado_em timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_execucao_sql_tenant ON tenant_admin.tb_execucao_sql (tenant_id, executado_em);
