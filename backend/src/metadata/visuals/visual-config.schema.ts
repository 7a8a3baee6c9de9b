import { z } from 'zod';
import { MetaField } from '../metadata.types';

/**
 * Views of an object (tb_meta_visual.config), one schema per kind, strict (unknown keys refused). Field names are
 * checked against the object's metadata after the shape (checkVisualFields), so a view never names a field the
 * object does not have, and removing a field a view uses is refused (fieldsOfVisual).
 */
const field = z.string().min(1).max(63);
const sort = z.array(z.object({ field, dir: z.enum(['asc', 'desc']).default('asc') }).strict()).max(4).default([]);
const filters = z
  .array(
    z
      .object({
        field,
        op: z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'isnull']),
        value: z.union([z.string().max(1000), z.number(), z.boolean(), z.null(), z.array(z.union([z.string().max(1000), z.number()])).max(200)]).optional(),
      })
      .strict(),
  )
  .max(20)
  .default([]);

export const gridConfigSchema = z
  .object({
    columns: z.array(z.object({ field, width: z.number().int().min(40).max(2000).optional(), label: z.string().max(120).optional() }).strict()).min(1).max(100),
    sort,
    filters,
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const kanbanConfigSchema = z
  .object({
    /** A select, lookup or boolean field: one column per value. */
    groupBy: field,
    cardTitle: field,
    cardFields: z.array(field).max(10).default([]),
    sort,
    filters,
  })
  .strict();

export const CHART_TYPES = ['bar', 'line', 'area', 'pie', 'donut', 'number', 'table'] as const;

export const chartConfigSchema = z
  .object({
    chartType: z.enum(CHART_TYPES),
    /** Category / x axis (absent for a single number). */
    groupBy: field.optional(),
    /** Second grouping (series). */
    seriesBy: field.optional(),
    measures: z
      .array(
        z
          .object({
            field: field.optional(),
            aggregate: z.enum(['sum', 'count', 'avg', 'min', 'max']),
            label: z.string().max(120).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    filters,
    sort,
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const formConfigSchema = z
  .object({
    sections: z.array(z.object({ title: z.string().max(120).optional(), fields: z.array(field).min(1).max(100) }).strict()).min(1).max(20),
  })
  .strict();

export const VISUAL_KINDS = ['grid', 'kanban', 'chart', 'form'] as const;
export type VisualKind = (typeof VISUAL_KINDS)[number];

const SCHEMAS = { grid: gridConfigSchema, kanban: kanbanConfigSchema, chart: chartConfigSchema, form: formConfigSchema } as const;

export type VisualConfig =
  | z.infer<typeof gridConfigSchema>
  | z.infer<typeof kanbanConfigSchema>
  | z.infer<typeof chartConfigSchema>
  | z.infer<typeof formConfigSchema>;

export type ParsedVisual = { ok: true; config: VisualConfig } | { ok: false; problems: { field: string; message: string }[] };

export function parseVisualConfig(kind: VisualKind, config: unknown): ParsedVisual {
  const r = SCHEMAS[kind].safeParse(config);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ field: ['config', ...i.path].join('.'), message: i.message })) };
}

/** Every field name a view uses (for validation and for "field in use" checks). */
export function fieldsOfVisual(kind: string, config: Record<string, unknown>): string[] {
  const c = config as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const names: string[] = [];
  const push = (v: unknown) => typeof v === 'string' && names.push(v);
  for (const s of c.sort ?? []) push(s?.field);
  for (const f of c.filters ?? []) push(f?.field);
  if (kind === 'grid') for (const col of c.columns ?? []) push(col?.field);
  if (kind === 'kanban') {
    push(c.groupBy);
    push(c.cardTitle);
    for (const f of c.cardFields ?? []) push(f);
  }
  if (kind === 'chart') {
    push(c.groupBy);
    push(c.seriesBy);
    for (const m of c.measures ?? []) push(m?.field);
  }
  if (kind === 'form') for (const s of c.sections ?? []) for (const f of s?.fields ?? []) push(f);
  return [...new Set(names)];
}

const NUMERIC = ['integer', 'decimal', 'currency_brl', 'percent'];

/** Names resolved against the object's fields, and the kinds of field each role in the view needs. */
export function checkVisualFields(kind: VisualKind, config: VisualConfig, fields: MetaField[]): { field: string; message: string }[] {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const problems: { field: string; message: string }[] = [];
  for (const name of fieldsOfVisual(kind, config as Record<string, unknown>)) {
    if (!byName.has(name)) problems.push({ field: 'config', message: `campo desconhecido: ${name}` });
  }
  if (kind === 'kanban') {
    const g = byName.get((config as z.infer<typeof kanbanConfigSchema>).groupBy);
    if (g && !['select', 'lookup', 'boolean'].includes(g.type)) {
      problems.push({ field: 'config.groupBy', message: 'o kanban agrupa por um campo de opções (select), referência (lookup) ou sim/não' });
    }
  }
  if (kind === 'chart') {
    for (const m of (config as z.infer<typeof chartConfigSchema>).measures) {
      if (m.aggregate !== 'count' && !m.field) problems.push({ field: 'config.measures', message: `${m.aggregate} precisa de um campo` });
      const f = m.field ? byName.get(m.field) : undefined;
      if (f && (m.aggregate === 'sum' || m.aggregate === 'avg') && !NUMERIC.includes(f.type)) {
        problems.push({ field: 'config.measures', message: `${m.aggregate} precisa de um campo numérico (${m.field} é ${f.type})` });
      }
    }
  }
  if (kind === 'form') {
    for (const s of (config as z.infer<typeof formConfigSchema>).sections) {
      for (const name of s.fields) {
        const f = byName.get(name);
        if (f && (f.readOnly || f.system)) problems.push({ field: 'config.sections', message: `${name} é somente leitura e não entra num formulário` });
      }
    }
  }
  return problems;
}
