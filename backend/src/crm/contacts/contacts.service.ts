import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { ContactRow, ContactsRepository } from './contacts.repository';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// timestamptz as PostgreSQL prints it (criado_em::text), e.g. 2025-01-31 12:00:00.123456+00
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2}){0,2}|Z)$/;

export interface ContactPage {
  items: ContactRow[];
  nextCursor: string | null;
}

@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly tenantDb: TenantDb,
  ) {}

  async list(query: { limit?: number; cursor?: string }): Promise<ContactPage> {
    const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE);
    const rows = await this.contacts.findPageByCreation(query.cursor ? decodeCursor(query.cursor) : null, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor(last) : null };
  }

  /** New contacts belong to the person who creates them (none for API tokens: the unassigned pool). */
  create(input: { name: string; email?: string }): Promise<ContactRow> {
    return this.contacts.insert({
      name: input.name.trim(),
      email: input.email?.trim().toLowerCase() ?? null,
      ownerId: this.tenantDb.scope.userId,
    });
  }
}

function encodeCursor(row: ContactRow): string {
  return Buffer.from(JSON.stringify([row.cursorTs, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { ts: string; id: string } {
  try {
    const [ts, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof ts === 'string' && TIMESTAMP.test(ts) && typeof id === 'string' && UUID.test(id)) return { ts, id };
  } catch {
    // fall through
  }
  throw new DomainError('INVALID_CURSOR', 'Cursor de paginação inválido.', 400, { field: 'cursor' });
}
