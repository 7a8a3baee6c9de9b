import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { TenantDb } from '../../tenancy/tenant-transaction';
import { AuditService, HistoryItem } from '../audit/audit.service';
import { parseListQuery, RawQuery } from '../shared/list/list-plan';
import { Page } from '../shared/list/list.repository';
import { MoreReferencesRepository } from '../shared/more-references.repository';
import { changedFields, sentFields } from '../shared/record-changes';
import { UserProfilesRepository } from '../users/user-profiles.repository';
import { USER_LIST } from '../users/users.list';
import { TeamRecord } from './dto/team.dto';
import { CreateTeamDto, UpdateTeamDto } from './dto/team-write.dto';
import { TEAM_LIST, TEAM_WRITABLE } from './teams.list';
import { TeamsRepository } from './teams.repository';

const AUDITED = [...TEAM_WRITABLE, 'memberIds'];
const notFound = (id: string) => new NotFoundError('TEAM_NOT_FOUND', 'Equipe não encontrada.', { id });

/**
 * Sales teams: a manager (gestor) and members. Membership is the member's profile (tb_usuario.equipe_id), which
 * drives ownership visibility (0003): moving someone between teams changes what they see, so it is audited on
 * the user (field teamId).
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly profiles: UserProfilesRepository,
    private readonly refs: MoreReferencesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<TeamRecord>> {
    return this.teams.findPage(parseListQuery(TEAM_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<TeamRecord> {
    const row = await this.teams.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateTeamDto): Promise<TeamRecord> {
    const memberIds = [...new Set(input.memberIds ?? [])];
    await this.refs.assertExist({ managerId: input.managerId }, [{ field: 'memberIds', kind: 'user', ids: memberIds }]);
    let row = await this.teams.insert(sentFields(input, TEAM_WRITABLE));
    if (memberIds.length) {
      for (const userId of memberIds) await this.moveMember(userId, row.id);
      row = (await this.teams.findById(row.id))!;
    }
    await this.audit.created(TEAM_LIST, row.id, sentFields(row, AUDITED));
    return row;
  }

  async update(id: string, input: UpdateTeamDto): Promise<TeamRecord> {
    const current = await this.teams.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const changes = changedFields(current, sentFields(input, TEAM_WRITABLE));
    if (!Object.keys(changes).length) return current;
    await this.refs.assertExist({ managerId: changes.managerId as string });
    const updated = (await this.teams.update(id, changes))!;
    await this.audit.changed(TEAM_LIST, id, AuditService.diff(current, updated, AUDITED));
    return updated;
  }

  /** Only an empty team is deleted: silently dropping its members would change what they see. */
  async remove(id: string): Promise<void> {
    const current = await this.teams.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    if (current.memberIds.length) {
      throw new ConflictError('TEAM_NOT_EMPTY', 'A equipe tem membros: mova-os antes de excluí-la.', { memberCount: current.memberIds.length });
    }
    const deleted = (await this.teams.setDeleted(id, true))!;
    await this.audit.deleted(TEAM_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<TeamRecord> {
    const current = await this.teams.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A equipe não está excluída.', { id });
    const restored = (await this.teams.setDeleted(id, false))!;
    await this.audit.restored(TEAM_LIST, id, current.deletedAt);
    return restored;
  }

  async history(id: string, query: RawQuery): Promise<Page<HistoryItem>> {
    if (!(await this.teams.findById(id, { includeDeleted: true }))) throw notFound(id);
    return this.audit.history(TEAM_LIST, id, query);
  }

  /** The user joins this team (leaving their previous one). */
  async addMember(id: string, userId: string): Promise<TeamRecord> {
    if (!(await this.teams.findById(id, { forUpdate: true }))) throw notFound(id);
    await this.refs.assertExist({}, [{ field: 'userId', kind: 'user', ids: [userId] }]);
    await this.moveMember(userId, id);
    return (await this.teams.findById(id))!;
  }

  async removeMember(id: string, userId: string): Promise<TeamRecord> {
    if (!(await this.teams.findById(id, { forUpdate: true }))) throw notFound(id);
    const profile = await this.profiles.findById(userId, { forUpdate: true });
    if (profile?.teamId !== id) throw new NotFoundError('TEAM_MEMBER_NOT_FOUND', 'O usuário não é membro desta equipe.', { id, userId });
    await this.moveMember(userId, null);
    return (await this.teams.findById(id))!;
  }

  private async moveMember(userId: string, teamId: string | null): Promise<void> {
    const profile = (await this.profiles.findById(userId, { forUpdate: true }))!;
    if (profile.teamId === teamId) return;
    await this.profiles.update(userId, { teamId });
    await this.audit.changed(USER_LIST, userId, [{ field: 'teamId', from: profile.teamId, to: teamId }]);
  }
}
