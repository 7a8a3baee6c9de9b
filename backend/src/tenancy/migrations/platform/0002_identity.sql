-- Identity and access: platform users, their tenant memberships, refresh tokens, per-tenant API tokens and
-- login failure counters. All in tenant_admin (the platform catalog): tenant schemas never reference these
-- tables; each tenant keeps its own profile row in tenant_<slug>.tb_usuario with the same id.

-- A person who can log in. One person may belong to several tenants (tb_membro).
CREATE TABLE tenant_admin.tb_usuario_plataforma (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email           text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length(email) <= 320),
  nome            text NOT NULL CHECK (length(nome) BETWEEN 1 AND 200),
  senha_hash      text CHECK (senha_hash LIKE '$argon2id$%'),     -- PHC string; NULL = no password login
  status          text NOT NULL DEFAULT 'ativo' CHECK (status IN ('ativo', 'desativado')),
  platform_admin  boolean NOT NULL DEFAULT false,                 -- operates the platform (tenants), not a tenant role
  ultimo_login_em timestamptz,
  criado_em       timestamptz NOT NULL DEFAULT now(),
  atualizado_em   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_usuario_plataforma_email ON tenant_admin.tb_usuario_plataforma (lower(email));

-- User × tenant × role. platform_admin is deliberately not a membership role (see tb_usuario_plataforma).
CREATE TABLE tenant_admin.tb_membro (
  usuario_id    uuid NOT NULL REFERENCES tenant_admin.tb_usuario_plataforma (id) ON DELETE CASCADE,
  tenant_id     uuid NOT NULL REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  papel         text NOT NULL CHECK (papel IN ('tenant_admin', 'analyst', 'manager', 'sales')),
  ativo         boolean NOT NULL DEFAULT true,
  criado_em     timestamptz NOT NULL DEFAULT now(),
  atualizado_em timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (usuario_id, tenant_id)
);
CREATE INDEX ix_membro_tenant ON tenant_admin.tb_membro (tenant_id);

-- Rotating refresh tokens: only the SHA-256 of the opaque secret is stored. Each rotation marks the old row
-- used and inserts a new one in the same family; presenting a used or revoked token revokes the family.
CREATE TABLE tenant_admin.tb_refresh_token (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  familia_id  uuid NOT NULL,
  usuario_id  uuid NOT NULL REFERENCES tenant_admin.tb_usuario_plataforma (id) ON DELETE CASCADE,
  tenant_id   uuid REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,   -- NULL = platform session
  token_hash  bytea NOT NULL UNIQUE CHECK (length(token_hash) = 32),
  expira_em   timestamptz NOT NULL,
  usado_em    timestamptz,
  revogado_em timestamptz,
  criado_em   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_refresh_token_familia ON tenant_admin.tb_refresh_token (familia_id);
CREATE INDEX ix_refresh_token_usuario ON tenant_admin.tb_refresh_token (usuario_id);
CREATE INDEX ix_refresh_token_expira ON tenant_admin.tb_refresh_token (expira_em);

-- Integrator tokens of one tenant: "crm_<prefixo>_<secret>". Looked up by prefix; SHA-256 of the secret
-- compared in constant time. The secret is shown once and never stored.
CREATE TABLE tenant_admin.tb_api_token (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id     uuid NOT NULL REFERENCES tenant_admin.tb_tenant (id) ON DELETE CASCADE,
  nome          text NOT NULL CHECK (length(nome) BETWEEN 1 AND 100),
  prefixo       text NOT NULL UNIQUE CHECK (prefixo ~ '^[a-z0-9]{12}$'),
  segredo_hash  bytea NOT NULL CHECK (length(segredo_hash) = 32),
  papel         text NOT NULL CHECK (papel IN ('tenant_admin', 'analyst', 'manager', 'sales')),
  expira_em     timestamptz,
  revogado_em   timestamptz,
  ultimo_uso_em timestamptz,
  criado_por    uuid REFERENCES tenant_admin.tb_usuario_plataforma (id) ON DELETE SET NULL,
  criado_em     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_api_token_tenant ON tenant_admin.tb_api_token (tenant_id, criado_em);

-- Failed login counters with lockout, per key: 'conta:<sha256 of the lower-cased e-mail>' and 'ip:<address>'.
-- Keyed by e-mail whether or not an account exists, so lockout behaves the same for unknown e-mails and
-- cannot be used to discover accounts.
CREATE TABLE tenant_admin.tb_falha_login (
  chave           text PRIMARY KEY CHECK (length(chave) <= 100),
  falhas          integer NOT NULL CHECK (falhas > 0),
  ultima_falha_em timestamptz NOT NULL,
  bloqueado_ate   timestamptz
);
CREATE INDEX ix_falha_login_ultima ON tenant_admin.tb_falha_login (ultima_falha_em);
