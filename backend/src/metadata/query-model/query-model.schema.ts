import { z } from 'zod';

/**
 * The object designer's query model: what a no-code user builds instead of SQL. Shapes are checked here (zod,
 * strict: unknown keys refused); names are only *references*, resolved against the tenant's metadata by the
 * compiler, which never puts a name from the request into SQL (identifiers come from metadata, through ident()).
 */

const objectRef = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'nome de objeto inválido');
/** Fields of query objects are named like their result columns, so any short name; it must exist in metadata. */
const fieldRef = z.string().min(1).max(63);
/** Output column names the model creates: plain snake case. */
const alias = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'alias: minúsculas, dígitos e _, começando por letra');

const scalar = z.union([z.string().max(1000), z.number().finite(), z.boolean()]);

export const AGGREGATES = ['sum', 'count', 'avg', 'min', 'max'] as const;
export const FILTER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'isnull'] as const;

export const queryModelSchema = z
  .object({
    base: objectRef,
    joins: z
      .array(
        z
          .object({
            /** The object joined in. */
            object: objectRef,
            /** A lookup field: on an object already in the query pointing to `object`, or on `object` pointing back. */
            via: fieldRef,
            /** Which object already in the query (name or alias) the join attaches to, when several could. */
            from: objectRef.optional(),
            /** Needed when the same object is joined twice. */
            alias: alias.optional(),
            type: z.enum(['left', 'inner']).default('left'),
          })
          .strict(),
      )
      .max(8)
      .default([]),
    columns: z
      .array(
        z
          .object({
            /** Object name or join alias (default: the base). */
            object: objectRef.optional(),
            /** A field, or `*` with count. */
            field: fieldRef,
            alias: alias.optional(),
            aggregate: z.enum(AGGREGATES).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    filters: z
      .array(
        z
          .object({
            object: objectRef.optional(),
            field: fieldRef,
            op: z.enum(FILTER_OPS),
            value: z.union([scalar, z.array(scalar).max(1000), z.null()]).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    groupBy: z
      .array(z.object({ object: objectRef.optional(), field: fieldRef }).strict())
      .max(20)
      .default([]),
    sort: z
      .array(z.object({ column: fieldRef, dir: z.enum(['asc', 'desc']).default('asc') }).strict())
      .max(10)
      .default([]),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export type QueryModel = z.infer<typeof queryModelSchema>;
export type QueryModelInput = z.input<typeof queryModelSchema>;
