import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { decodeCursor, encodeCursor } from '../shared/list/cursor';
import { DEFAULT_LIMIT, MAX_LIMIT, RawQuery } from '../shared/list/list-plan';
import { TimelineItem } from './dto/timeline.dto';
import { TimelineKind, TimelineParent, TimelineRepository } from './timeline.repository';

const PARAMS = ['kind', 'limit', 'cursor'];
const KINDS: TimelineKind[] = ['activity', 'note'];
const NOT_FOUND: Record<TimelineParent, [string, string]> = {
  contact: ['CONTACT_NOT_FOUND', 'Contato não encontrado.'],
  company: ['COMPANY_NOT_FOUND', 'Empresa não encontrada.'],
  opportunity: ['OPPORTUNITY_NOT_FOUND', 'Oportunidade não encontrada.'],
};

const badValue = (parameter: string, hint: string) =>
  new DomainError('INVALID_FILTER_VALUE', `Valor inválido para ${parameter}: ${hint}.`, 400, { parameter });

/** The timeline of a contact, company or deal: activities and notes merged, newest first, keyset-paged. */
@Injectable()
export class TimelineService {
  constructor(private readonly timeline: TimelineRepository) {}

  async page(parent: TimelineParent, id: string, query: RawQuery): Promise<{ items: TimelineItem[]; nextCursor: string | null }> {
    const { kinds, limit, cursor } = parseQuery(query);
    // A record the caller cannot see has no timeline for them: 404, as for GET /{id}.
    if (!(await this.timeline.parentExists(parent, id))) throw new NotFoundError(NOT_FOUND[parent][0], NOT_FOUND[parent][1], { id });
    const signature = `timeline:${kinds.join('+')}`;
    const after = cursor
      ? (decodeCursor(cursor, signature, [{ type: 'timestamp', nullable: false }, { type: 'uuid', nullable: false }]) as [string, string])
      : null;

    const keys = await this.timeline.findKeys(parent, id, kinds, after, limit + 1);
    const page = keys.slice(0, limit);
    const ids = (kind: TimelineKind) => page.filter((k) => k.kind === kind).map((k) => k.id);
    const [activities, notes] = await Promise.all([this.timeline.findActivities(ids('activity')), this.timeline.findNotes(ids('note'))]);
    const byId = new Map<string, TimelineItem>([
      ...activities.map((a): [string, TimelineItem] => [a.id, { kind: 'activity', at: a.createdAt, activity: a }]),
      ...notes.map((n): [string, TimelineItem] => [n.id, { kind: 'note', at: n.createdAt, note: n }]),
    ]);
    const last = page[page.length - 1];
    return {
      items: page.map((k) => byId.get(k.id)!),
      nextCursor: keys.length > limit ? encodeCursor(signature, [last.key, last.id]) : null,
    };
  }
}

function parseQuery(query: RawQuery): { kinds: TimelineKind[]; limit: number; cursor: string | null } {
  const unknown = Object.keys(query).filter((k) => !PARAMS.includes(k));
  if (unknown.length) {
    throw new DomainError('INVALID_FILTER', `Parâmetro desconhecido: ${unknown.join(', ')}. Permitidos: ${PARAMS.join(', ')}.`, 400, { unknown, allowed: PARAMS });
  }
  for (const p of PARAMS) if (query[p] !== undefined && typeof query[p] !== 'string') throw badValue(p, 'informe um único valor');
  const { kind, limit, cursor } = query as Record<string, string | undefined>;
  if (kind !== undefined && !KINDS.includes(kind as TimelineKind)) throw badValue('kind', `use ${KINDS.join(' ou ')}`);
  const n = limit === undefined ? DEFAULT_LIMIT : /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) {
    throw new DomainError('INVALID_LIMIT', `limit deve ser um inteiro de 1 a ${MAX_LIMIT}.`, 400, { parameter: 'limit', max: MAX_LIMIT });
  }
  return { kinds: kind ? [kind as TimelineKind] : KINDS, limit: n, cursor: cursor ?? null };
}
