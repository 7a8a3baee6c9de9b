import { Injectable } from '@nestjs/common';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { encodeCursor } from './cursor';
import { ListSpec } from './list-definition';
import { ListPlan, sortSignature } from './list-plan';
import { compileList, ScopeCondition } from './list-sql';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/**
 * Runs list plans in the caller's tenant transaction. RLS decides which rows exist for the caller (tenant,
 * ownership); the engine only adds the client's filters, order and keyset.
 */
@Injectable()
export class ListRepository {
  constructor(private readonly db: TenantDb) {}

  async findPage<T = Record<string, unknown>>(spec: ListSpec, plan: ListPlan, scope: ScopeCondition[] = []): Promise<Page<T>> {
    const { pages, count, keyAliases } = compileList(spec, plan, scope);
    const rows: Record<string, unknown>[] = [];
    for (const page of pages) {
      if (rows.length > plan.limit) break;
      rows.push(...(await this.db.query<Record<string, unknown>>(page.text, page.values)));
    }
    const more = rows.length > plan.limit;
    const items = rows.slice(0, plan.limit);
    const last = items[items.length - 1];
    const nextCursor = more ? encodeCursor(sortSignature(plan.sort), keyAliases.map((a) => last[a] as string | null)) : null;
    for (const row of items) for (const a of keyAliases) delete row[a];
    const result: Page<T> = { items: items as T[], nextCursor };
    if (count) result.total = (await this.db.query<{ total: number }>(count.text, count.values))[0].total;
    return result;
  }
}
