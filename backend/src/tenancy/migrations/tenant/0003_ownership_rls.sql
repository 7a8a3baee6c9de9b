-- 0003 · Ownership visibility as row-level security (on top of tenant_isolation from 0001).
--
-- Transaction-local settings of every request: app.tenant_id, app.user_id (tb_usuario.id), app.role.
--
-- Rule (documented in docs/data-model.md, "Ownership visibility"):
--   * app.role tenant_admin / analyst / manager → every record of the tenant.
--   * app.role unset or '' → system context (migrations, background jobs) → every record. Request code must
--     always set app.role; any other value (sales, or a typo) gets the restricted view, so mistakes fail closed.
--   * otherwise (sales) → records whose owner_id is the user, a member of the user's team
--     (same tb_usuario.equipe_id), or NULL (the unassigned pool, so leads can be claimed).
--     The same test applies to the new row of INSERT/UPDATE: a seller cannot hand a record to another team.
--   * Child rows (a table without owner_id whose FK to an owned table is ON DELETE CASCADE: addresses, items,
--     deal history, tags, scores…) are visible only if the parent row is.
--   * tb_auditoria rows about a record are readable only if that record is; audit is append-only.
--
-- Performance: both helpers are called through scalar sub-selects, so each runs once per query (InitPlan);
-- the per-row work is `owner_id = ANY (array)`, which can also use the owner_id indexes.
-- The helpers are plain STABLE SQL functions (security invoker; tenant roles can read tb_usuario). Their
-- bodies are BEGIN ATOMIC, parsed now and bound to this schema's tb_usuario, so they need no pinned
-- search_path and cannot be redirected by a caller's search_path.

-- True when the current role sees every record of the tenant.
CREATE FUNCTION fn_ve_todos() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT coalesce(current_setting('app.role', true), '') IN ('', 'tenant_admin', 'analyst', 'manager');
END;

-- Owners whose records the current user may see: the user and the members of the user's team.
CREATE FUNCTION fn_donos_visiveis() RETURNS uuid[]
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT ARRAY(
        SELECT eu.id
          FROM (SELECT nullif(current_setting('app.user_id', true), '')::uuid AS id) AS eu
         WHERE eu.id IS NOT NULL
        UNION
        SELECT colega.id
          FROM tb_usuario AS eu
          JOIN tb_usuario AS colega ON colega.equipe_id = eu.equipe_id
         WHERE eu.id = nullif(current_setting('app.user_id', true), '')::uuid
    );
END;

DO $$
DECLARE
    -- Records people own (every table with owner_id).
    donos text[] := ARRAY['tb_empresa', 'tb_contato', 'tb_oportunidade', 'tb_atividade', 'tb_nota', 'tb_email_mensagem',
                          'tb_documento', 'tb_proposta', 'tb_contrato', 'tb_pedido', 'tb_chamado'];
    -- Child rows follow their parent: {child table, FK column, owned parent}. These are the ON DELETE CASCADE
    -- FKs into owned tables (parts of a record); plain references (SET NULL) do not hide a row.
    filhos text[] := ARRAY[
        ['tb_endereco',                 'empresa_id',      'tb_empresa'],
        ['tb_endereco',                 'contato_id',      'tb_contato'],
        ['tb_consentimento',            'contato_id',      'tb_contato'],
        ['tb_segmento_membro',          'contato_id',      'tb_contato'],
        ['tb_segmento_membro',          'empresa_id',      'tb_empresa'],
        ['tb_tag_registro',             'contato_id',      'tb_contato'],
        ['tb_tag_registro',             'empresa_id',      'tb_empresa'],
        ['tb_tag_registro',             'oportunidade_id', 'tb_oportunidade'],
        ['tb_campanha_membro',          'contato_id',      'tb_contato'],
        ['tb_chamado_interacao',        'chamado_id',      'tb_chamado'],
        ['tb_oportunidade_historico',   'oportunidade_id', 'tb_oportunidade'],
        ['tb_oportunidade_produto',     'oportunidade_id', 'tb_oportunidade'],
        ['tb_oportunidade_concorrente', 'oportunidade_id', 'tb_oportunidade'],
        ['tb_proposta_item',            'proposta_id',     'tb_proposta'],
        ['tb_pedido_item',              'pedido_id',       'tb_pedido'],
        ['tb_atividade_participante',   'atividade_id',    'tb_atividade'],
        ['tb_atividade_participante',   'contato_id',      'tb_contato'],
        ['tb_documento_versao',         'documento_id',    'tb_documento'],
        ['tb_sequencia_inscricao',      'contato_id',      'tb_contato'],
        ['tb_score',                    'contato_id',      'tb_contato'],
        ['tb_score',                    'empresa_id',      'tb_empresa'],
        ['tb_score',                    'oportunidade_id', 'tb_oportunidade'],
        ['tb_recomendacao',             'contato_id',      'tb_contato'],
        ['tb_recomendacao',             'empresa_id',      'tb_empresa'],
        ['tb_recomendacao',             'oportunidade_id', 'tb_oportunidade']];
    t          text;
    f          text[];
    auditaveis text[];
    audit_case text := '';
BEGIN
    -- 1. Owned records
    FOREACH t IN ARRAY donos LOOP
        EXECUTE format($p$CREATE POLICY visibilidade_dono ON %I AS RESTRICTIVE FOR ALL
            USING ((SELECT fn_ve_todos()) OR owner_id IS NULL OR owner_id = ANY ((SELECT fn_donos_visiveis())::uuid[]))
            WITH CHECK ((SELECT fn_ve_todos()) OR owner_id IS NULL OR owner_id = ANY ((SELECT fn_donos_visiveis())::uuid[]))$p$, t);
    END LOOP;

    -- 2. Child rows: visible when the parent row is (the parent's own policies decide, inside the EXISTS)
    FOREACH f SLICE 1 IN ARRAY filhos LOOP
        EXECUTE format($p$CREATE POLICY %I ON %I AS RESTRICTIVE FOR ALL
            USING (%3$I IS NULL OR (SELECT fn_ve_todos()) OR EXISTS (SELECT 1 FROM %4$I p WHERE p.id = %2$I.%3$I))
            WITH CHECK (%3$I IS NULL OR (SELECT fn_ve_todos()) OR EXISTS (SELECT 1 FROM %4$I p WHERE p.id = %2$I.%3$I))$p$,
            'visibilidade_' || f[2], f[1], f[2], f[3]);
    END LOOP;

    -- 3. Audit: a row about a record is readable when the record is; rows about other tables (pipelines,
    --    settings…) stay readable. Audit of a hard-deleted owned record becomes visible to full-view roles only.
    SELECT array_agg(DISTINCT x) INTO auditaveis
      FROM unnest(donos || ARRAY(SELECT filhos[i][1] FROM generate_subscripts(filhos, 1) AS i)) AS x;
    FOREACH t IN ARRAY auditaveis LOOP
        audit_case := audit_case || format(' WHEN %L THEN EXISTS (SELECT 1 FROM %I r WHERE r.id = tb_auditoria.registro_id)', t, t);
    END LOOP;
    EXECUTE format($p$CREATE POLICY visibilidade_registro ON tb_auditoria AS RESTRICTIVE FOR SELECT
        USING ((SELECT fn_ve_todos()) OR CASE entidade %s ELSE true END)$p$, audit_case);
END
$$;

-- Audit is append-only for the application; purging (LGPD erasure, retention) is for tenant admins and jobs.
CREATE POLICY auditoria_imutavel ON tb_auditoria AS RESTRICTIVE FOR UPDATE USING (false);
CREATE POLICY auditoria_expurgo ON tb_auditoria AS RESTRICTIVE FOR DELETE
    USING ((SELECT coalesce(current_setting('app.role', true), '') IN ('', 'tenant_admin')));
