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
    owned   text[];            -- tables with owner_id
    visible text[] := '{}';    -- every table with a visibility policy (for the audit policy)
    t       text;
    fk      record;
    audit_case text := '';
BEGIN
    SELECT array_agg(c.relname::text ORDER BY c.relname) INTO owned
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attname = 'owner_id' AND NOT a.attisdropped;

    -- 1. Owned records
    FOREACH t IN ARRAY owned LOOP
        EXECUTE format($p$CREATE POLICY visibilidade_dono ON %I AS RESTRICTIVE FOR ALL
            USING ((SELECT fn_ve_todos()) OR owner_id IS NULL OR owner_id = ANY ((SELECT fn_donos_visiveis())::uuid[]))
            WITH CHECK ((SELECT fn_ve_todos()) OR owner_id IS NULL OR owner_id = ANY ((SELECT fn_donos_visiveis())::uuid[]))$p$, t);
        visible := visible || t;
    END LOOP;

    -- 2. Child rows follow their parent (single-column ON DELETE CASCADE FKs into an owned table)
    FOR fk IN
        SELECT child.relname::text AS child, col.attname::text AS col, parent.relname::text AS parent
          FROM pg_constraint con
          JOIN pg_class child  ON child.oid  = con.conrelid
          JOIN pg_class parent ON parent.oid = con.confrelid
          JOIN pg_namespace n   ON n.oid = child.relnamespace
          JOIN pg_attribute col ON col.attrelid = con.conrelid AND col.attnum = con.conkey[1]
         WHERE con.contype = 'f' AND con.confdeltype = 'c' AND cardinality(con.conkey) = 1
           AND n.nspname = current_schema()
           AND parent.relname = ANY (owned) AND NOT child.relname = ANY (owned)
         ORDER BY 1, 2
    LOOP
        EXECUTE format($p$CREATE POLICY %I ON %I AS RESTRICTIVE FOR ALL
            USING (%I IS NULL OR (SELECT fn_ve_todos()) OR EXISTS (SELECT 1 FROM %I p WHERE p.id = %I.%I))
            WITH CHECK (%I IS NULL OR (SELECT fn_ve_todos()) OR EXISTS (SELECT 1 FROM %I p WHERE p.id = %I.%I))$p$,
            'visibilidade_' || fk.col, fk.child,
            fk.col, fk.parent, fk.child, fk.col,
            fk.col, fk.parent, fk.child, fk.col);
        IF NOT fk.child = ANY (visible) THEN
            visible := visible || fk.child;
        END IF;
    END LOOP;

    -- 3. Audit: a row about a record is readable when the record is (its own policies decide); rows about
    --    other tables (pipelines, settings…) stay readable. Hard-deleted records' audit becomes admin-only.
    FOREACH t IN ARRAY visible LOOP
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
