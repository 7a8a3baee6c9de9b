import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { IdListReference, MoreReferencesRepository } from '../shared/more-references.repository';
import { invalidField } from '../shared/field-errors';
import { changedFields, sentFields } from '../shared/record-changes';
import { FieldValues } from '../shared/record-sql';
import { expectedVersion, requiredVersion, versionConflict } from '../shared/version';
import { ACTIVITY_LIST, ACTIVITY_WRITABLE } from './activities.list';
import { ActivitiesRepository } from './activities.repository';
import { ActivityRecord, ParticipantRecord } from './dto/activity.dto';
import { CompleteActivityDto, CreateActivityDto, MY_OPEN_RANGES, MyOpenRange, ParticipantInputDto, UpdateActivityDto } from './dto/activity-write.dto';
import { dueRangeParams, knownTimeZone } from './due-range';

const AUDITED = [...ACTIVITY_WRITABLE, 'origin', 'done', 'doneAt', 'participants'];
// What a client may add to "my open tasks"; the rest (owner, done, due range, order) is the endpoint's meaning.
const MY_OPEN_PARAMS = ['range', 'type', 'limit', 'cursor', 'fields', 'includeTotal'];

const notFound = (id: string) => new NotFoundError('ACTIVITY_NOT_FOUND', 'Atividade não encontrada.', { id });

const participantKey = (p: ParticipantRecord) => [p.userId, p.contactId, p.email, p.response, p.attended];
const byKey = (a: ParticipantRecord, b: ParticipantRecord) => {
  for (const k of ['userId', 'contactId', 'email'] as const) {
    if (a[k] === b[k]) continue;
    if (a[k] === null) return 1;
    if (b[k] === null) return -1;
    return a[k]! < b[k]! ? -1 : 1;
  }
  return 0;
};

/** Participants in the order the API reads them back; a person listed twice is refused. */
function normalizeParticipants(input: ParticipantInputDto[]): ParticipantRecord[] {
  const list = input
    .map((p) => ({ userId: p.userId ?? null, contactId: p.contactId ?? null, email: p.email ?? null, response: p.response ?? 'pendente', attended: p.attended ?? null }))
    .sort(byKey);
  for (let i = 1; i < list.length; i++) if (byKey(list[i - 1], list[i]) === 0) throw invalidField('participants', 'participante repetido');
  return list;
}

const sameParticipants = (a: ParticipantRecord[], b: ParticipantRecord[]) =>
  JSON.stringify(a.map(participantKey)) === JSON.stringify(b.map(participantKey));

const participantRefs = (list: ParticipantRecord[]): IdListReference[] => [
  { field: 'participants.userId', kind: 'user', ids: list.flatMap((p) => (p.userId ? [p.userId] : [])) },
  { field: 'participants.contactId', kind: 'contact', ids: list.flatMap((p) => (p.contactId ? [p.contactId] : [])) },
];

const epoch = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : null);

/**
 * Calls, meetings, tasks, visits…: due dates and completion, participants, optimistic versions, audit.
 * Completing or logging an activity on a contact moves the contact's last-activity time. Visibility is RLS.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly activities: ActivitiesRepository,
    private readonly refs: MoreReferencesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<ActivityRecord>> {
    return this.activities.findPage(parseListQuery(ACTIVITY_LIST, query, this.db.scope.userId));
  }

  /** The caller's open activities due in a range of their own calendar (ix_atividade_abertas), earliest first. */
  async myOpen(query: RawQuery): Promise<Page<ActivityRecord>> {
    const unknown = Object.keys(query).filter((k) => !MY_OPEN_PARAMS.includes(k));
    if (unknown.length) {
      throw new DomainError('INVALID_FILTER', `Parâmetro desconhecido: ${unknown.join(', ')}. Permitidos: ${MY_OPEN_PARAMS.join(', ')}.`, 400, {
        unknown,
        allowed: MY_OPEN_PARAMS,
      });
    }
    const { range, ...rest } = query;
    if (!MY_OPEN_RANGES.includes(range as MyOpenRange)) {
      throw new DomainError('INVALID_FILTER_VALUE', `Valor inválido para range: use ${MY_OPEN_RANGES.join(', ')}.`, 400, {
        parameter: 'range',
        allowedValues: MY_OPEN_RANGES,
      });
    }
    const userId = this.db.scope.userId!;
    const tz = knownTimeZone(await this.activities.userTimeZone(userId));
    const raw = { ...rest, owner: 'me', done: 'false', sort: 'dueAt', ...dueRangeParams(range as MyOpenRange, tz, Date.now()) };
    return this.activities.findPage(parseListQuery(ACTIVITY_LIST, raw, userId));
  }

  async get(id: string): Promise<ActivityRecord> {
    const row = await this.activities.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  /** New activities belong to whoever creates them unless ownerId says otherwise (API tokens: the pool). */
  async create(input: CreateActivityDto): Promise<ActivityRecord> {
    const values: FieldValues = { ownerId: this.db.scope.userId, ...sentFields(input, [...ACTIVITY_WRITABLE, 'origin']) };
    if (input.done) Object.assign(values, { done: true, doneAt: new Date() });
    assertTimeOrder(values);
    const participants = normalizeParticipants(input.participants ?? []);
    await this.refs.assertExist(
      { contactId: input.contactId, companyId: input.companyId, opportunityId: input.opportunityId, ownerId: input.ownerId, activityType: input.type },
      participantRefs(participants),
    );
    let row = await this.activities.insert(values);
    if (participants.length) {
      await this.activities.replaceParticipants(row.id, participants);
      row = (await this.activities.findById(row.id))!;
    }
    if (row.contactId) await this.activities.touchContactLastActivity(row.contactId);
    await this.audit.created(ACTIVITY_LIST, row.id, sentFields(row, AUDITED));
    return row;
  }

  async update(id: string, input: UpdateActivityDto, ifMatch: string | undefined): Promise<ActivityRecord> {
    const version = requiredVersion(ifMatch, input.version);
    const current = await this.lockVersion(id, version);

    const changes = changedFields(current, sentFields(input, ACTIVITY_WRITABLE));
    if (input.done !== undefined && input.done !== current.done) Object.assign(changes, { done: input.done, doneAt: input.done ? new Date() : null });
    const participants = input.participants === undefined ? undefined : normalizeParticipants(input.participants);
    const participantsChanged = participants !== undefined && !sameParticipants(current.participants, participants);
    if (!Object.keys(changes).length && !participantsChanged) return current;
    assertTimeOrder({ ...current, ...changes });
    await this.refs.assertExist(
      {
        contactId: changes.contactId as string,
        companyId: changes.companyId as string,
        opportunityId: changes.opportunityId as string,
        ownerId: changes.ownerId as string,
        activityType: changes.type as string,
      },
      participantsChanged ? participantRefs(participants!) : [],
    );

    let updated = await this.activities.update(id, version, changes);
    if (!updated) throw versionConflict((await this.activities.findById(id))?.version ?? version);
    if (participantsChanged) {
      await this.activities.replaceParticipants(id, participants!);
      updated = (await this.activities.findById(id))!;
    }
    if (updated.contactId && (changes.done === true || changes.contactId !== undefined)) await this.activities.touchContactLastActivity(updated.contactId);
    await this.audit.changed(ACTIVITY_LIST, id, AuditService.diff(current, updated, AUDITED));
    return updated;
  }

  /** Marks it done (doneAt = now) and records the result; completing a done activity only updates the result. */
  async complete(id: string, input: CompleteActivityDto, ifMatch: string | undefined): Promise<ActivityRecord> {
    const current = await this.lockVersion(id, expectedVersion(ifMatch, input.version));
    const changes: FieldValues = current.done ? {} : { done: true, doneAt: new Date() };
    if (input.result !== undefined && input.result !== current.result) changes.result = input.result;
    return this.applyCompletion(current, changes);
  }

  async reopen(id: string, ifMatch: string | undefined): Promise<ActivityRecord> {
    const current = await this.lockVersion(id, expectedVersion(ifMatch, undefined));
    return this.applyCompletion(current, current.done ? { done: false, doneAt: null } : {});
  }

  async remove(id: string, ifMatch: string | undefined): Promise<void> {
    const version = expectedVersion(ifMatch, undefined);
    const deleted = await this.activities.setDeleted(id, true, version);
    if (!deleted) {
      const current = await this.activities.findById(id);
      throw current ? versionConflict(current.version) : notFound(id);
    }
    await this.audit.deleted(ACTIVITY_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<ActivityRecord> {
    const current = await this.activities.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A atividade não está excluída.', { id });
    const restored = (await this.activities.setDeleted(id, false, null))!;
    await this.audit.restored(ACTIVITY_LIST, id, current.deletedAt);
    return restored;
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.activities.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(ACTIVITY_LIST, id, query);
  }

  /** The live row, locked; 409 when a version was expected and is not the current one. */
  private async lockVersion(id: string, expected: number | null): Promise<ActivityRecord> {
    const current = await this.activities.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (expected !== null && current.version !== expected) throw versionConflict(current.version);
    return current;
  }

  private async applyCompletion(current: ActivityRecord, changes: FieldValues): Promise<ActivityRecord> {
    if (!Object.keys(changes).length) return current;
    const updated = (await this.activities.update(current.id, current.version, changes))!;
    if (changes.done === true && updated.contactId) await this.activities.touchContactLastActivity(updated.contactId);
    await this.audit.changed(ACTIVITY_LIST, current.id, AuditService.diff(current, updated, AUDITED));
    return updated;
  }
}

function assertTimeOrder(v: FieldValues): void {
  const start = epoch(v.startAt);
  const end = epoch(v.endAt);
  if (start !== null && end !== null && end < start) throw invalidField('endAt', 'não pode ser antes de startAt');
}
