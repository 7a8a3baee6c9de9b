import { Dependent, MetaField, MetaObject, MetaObjectWithFields, SqlRunner } from './metadata.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const OBJECT_COLUMNS = `o.id, o.api_nome AS "apiName", o.rotulo_pt AS "labelPt", o.rotulo_en AS "labelEn", o.tipo AS kind,
  o.descricao AS description, o.tabela AS "table", o.sql, o.modelo AS model, o.papeis AS roles, o.versao AS version,
  o.criado_por AS "createdBy", o.criado_em AS "createdAt", o.atualizado_por AS "updatedBy", o.atualizado_em AS "updatedAt"`;

const FIELD_COLUMNS = `c.id, c.objeto_id AS "objectId", c.api_nome AS "apiName", c.coluna AS "column", c.rotulo_pt AS "labelPt",
  c.rotulo_en AS "labelEn", c.tipo AS type, c.tipo_coluna AS "columnType", c.obrigatorio AS required, c.unico AS unique,
  c.padrao AS default, c.opcoes AS options, c.alvo_objeto_id AS "targetObjectId", a.api_nome AS "targetApiName",
  c.ordem AS order, c.personalizado AS custom, c.sistema AS system, c.somente_leitura AS "readOnly"`;

/**
 * Reads of one tenant's metadata. Every statement names the tenant (`tenant_id = $1`) even where RLS already
 * pins it (the rw role of the request transaction): the privileged connection bypasses RLS as the owner, and this
 * keeps that bypass harmless.
 */
export class MetadataStore {
  constructor(
    private readonly run: SqlRunner,
    readonly tenantId: string,
  ) {}

  /** Objects visible to a role (all for tenant_admin), optionally of some kinds, by label. */
  listObjects(opts: { role?: string; kinds?: string[] } = {}): Promise<MetaObject[]> {
    return this.run<MetaObject>(
      `SELECT ${OBJECT_COLUMNS} FROM tenant_admin.tb_meta_objeto o
        WHERE o.tenant_id = $1
          AND ($2::text IS NULL OR $2 = 'tenant_admin' OR o.papeis IS NULL OR $2 = ANY (o.papeis))
          AND ($3::text[] IS NULL OR o.tipo = ANY ($3))
        ORDER BY o.tipo <> 'base', o.rotulo_pt, o.api_nome`,
      [this.tenantId, opts.role ?? null, opts.kinds ?? null],
    );
  }

  /** One object by id or API name (null when absent). */
  async findObject(idOrApiName: string): Promise<MetaObject | null> {
    const byId = UUID.test(idOrApiName);
    const rows = await this.run<MetaObject>(
      `SELECT ${OBJECT_COLUMNS} FROM tenant_admin.tb_meta_objeto o
        WHERE o.tenant_id = $1 AND ${byId ? 'o.id = $2::uuid' : 'o.api_nome = $2'}`,
      [this.tenantId, byId ? idOrApiName.toLowerCase() : idOrApiName],
    );
    return rows[0] ?? null;
  }

  async findObjects(apiNames: string[]): Promise<MetaObject[]> {
    if (!apiNames.length) return [];
    return this.run<MetaObject>(
      `SELECT ${OBJECT_COLUMNS} FROM tenant_admin.tb_meta_objeto o WHERE o.tenant_id = $1 AND o.api_nome = ANY ($2::text[])`,
      [this.tenantId, apiNames],
    );
  }

  async objectsByIds(ids: string[]): Promise<MetaObject[]> {
    if (!ids.length) return [];
    return this.run<MetaObject>(
      `SELECT ${OBJECT_COLUMNS} FROM tenant_admin.tb_meta_objeto o WHERE o.tenant_id = $1 AND o.id = ANY ($2::uuid[])`,
      [this.tenantId, ids],
    );
  }

  fields(objectIds: string[]): Promise<MetaField[]> {
    return this.run<MetaField>(
      `SELECT ${FIELD_COLUMNS}
         FROM tenant_admin.tb_meta_campo c
         LEFT JOIN tenant_admin.tb_meta_objeto a ON a.tenant_id = c.tenant_id AND a.id = c.alvo_objeto_id
        WHERE c.tenant_id = $1 AND c.objeto_id = ANY ($2::uuid[])
        ORDER BY c.ordem, c.api_nome`,
      [this.tenantId, objectIds],
    );
  }

  async withFields(object: MetaObject): Promise<MetaObjectWithFields> {
    return { ...object, fields: await this.fields([object.id]) };
  }

  /** Names usable as relations in a tenant's SQL: base and custom tables, and query objects by API name. */
  async relationNames(): Promise<{ tables: Map<string, MetaObject>; queries: Map<string, MetaObject> }> {
    const rows = await this.run<MetaObject>(
      `SELECT ${OBJECT_COLUMNS} FROM tenant_admin.tb_meta_objeto o WHERE o.tenant_id = $1`,
      [this.tenantId],
    );
    const tables = new Map<string, MetaObject>();
    const queries = new Map<string, MetaObject>();
    for (const o of rows) {
      if (o.table) tables.set(o.table, o);
      if (o.kind === 'consulta') queries.set(o.apiName, o);
    }
    return { tables, queries };
  }

  /** Query objects' dependency edges (object → objects it uses), for expansion and cycle checks. */
  dependencyEdges(): Promise<{ objectId: string; dependsOn: string }[]> {
    return this.run(
      `SELECT DISTINCT objeto_id AS "objectId", depende_objeto_id AS "dependsOn"
         FROM tenant_admin.tb_meta_dependencia WHERE tenant_id = $1`,
      [this.tenantId],
    );
  }

  /** Who uses an object (any of its fields, or the object itself): query objects and lookups of other objects. */
  async dependentsOfObject(objectId: string): Promise<Dependent[]> {
    const queries = await this.run<{ id: string; apiName: string; fields: string[] | null }>(
      `SELECT o.id, o.api_nome AS "apiName", array_remove(array_agg(DISTINCT c.api_nome), NULL) AS fields
         FROM tenant_admin.tb_meta_dependencia d
         JOIN tenant_admin.tb_meta_objeto o ON o.tenant_id = d.tenant_id AND o.id = d.objeto_id
         LEFT JOIN tenant_admin.tb_meta_campo c ON c.id = d.depende_campo_id
        WHERE d.tenant_id = $1 AND d.depende_objeto_id = $2
        GROUP BY o.id, o.api_nome ORDER BY o.api_nome`,
      [this.tenantId, objectId],
    );
    const lookups = await this.run<{ id: string; apiName: string; field: string }>(
      `SELECT o.id, o.api_nome AS "apiName", c.api_nome AS field
         FROM tenant_admin.tb_meta_campo c
         JOIN tenant_admin.tb_meta_objeto o ON o.tenant_id = c.tenant_id AND o.id = c.objeto_id
        WHERE c.tenant_id = $1 AND c.alvo_objeto_id = $2 AND c.objeto_id <> $2
        ORDER BY o.api_nome, c.api_nome`,
      [this.tenantId, objectId],
    );
    return [
      ...queries.map((q) => ({ id: q.id, apiName: q.apiName, kind: 'consulta' as const, fields: q.fields ?? [] })),
      ...lookups.map((l) => ({ id: l.id, apiName: l.apiName, kind: 'lookup' as const, fields: [l.field] })),
    ];
  }

  /** Query objects using one field (or the whole object, e.g. `SELECT *`, which counts as using every field). */
  async dependentsOfField(objectId: string, fieldId: string): Promise<Dependent[]> {
    const rows = await this.run<{ id: string; apiName: string }>(
      `SELECT DISTINCT o.id, o.api_nome AS "apiName"
         FROM tenant_admin.tb_meta_dependencia d
         JOIN tenant_admin.tb_meta_objeto o ON o.tenant_id = d.tenant_id AND o.id = d.objeto_id
        WHERE d.tenant_id = $1 AND d.depende_objeto_id = $2 AND d.depende_campo_id = $3
        ORDER BY o.api_nome`,
      [this.tenantId, objectId, fieldId],
    );
    return rows.map((r) => ({ id: r.id, apiName: r.apiName, kind: 'consulta' as const }));
  }

  visuals(objectId: string): Promise<{ id: string; name: string; kind: string; config: Record<string, unknown> }[]> {
    return this.run(
      `SELECT v.id, v.nome AS name, v.tipo AS kind, v.config FROM tenant_admin.tb_meta_visual v
        WHERE v.tenant_id = $1 AND v.objeto_id = $2 ORDER BY v.nome`,
      [this.tenantId, objectId],
    );
  }
}
