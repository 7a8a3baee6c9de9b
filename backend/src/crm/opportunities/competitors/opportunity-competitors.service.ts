import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../common/domain-error';
import { AuditService } from '../../audit/audit.service';
import { isUniqueViolation } from '../../shared/db-errors';
import { invalidReference } from '../../shared/field-errors';
import { changedFields, sentFields } from '../../shared/record-changes';
import { OpportunityRecord } from '../dto/opportunity.dto';
import { OPPORTUNITY_LIST } from '../opportunities.list';
import { OpportunitiesRepository } from '../opportunities.repository';
import { opportunityNotFound } from '../opportunities.service';
import { CompetitorsRepository } from './competitors.repository';
import {
  CreateOpportunityCompetitorDto,
  OpportunityCompetitorRecord,
  UpdateOpportunityCompetitorDto,
} from './dto/opportunity-competitor.dto';
import { MAX_COMPETITORS, OPPORTUNITY_COMPETITOR_WRITABLE } from './opportunity-competitors.list';
import { OpportunityCompetitorsRepository } from './opportunity-competitors.repository';

export interface CompetitorsView {
  opportunityId: string;
  items: OpportunityCompetitorRecord[];
}

const linkNotFound = (competitorId: string) =>
  new NotFoundError('OPPORTUNITY_COMPETITOR_NOT_FOUND', 'Este concorrente não está nesta oportunidade.', { competitorId });
const alreadyLinked = (competitorId: string, existingId: string | null) =>
  new ConflictError('COMPETITOR_ALREADY_LINKED', 'Este concorrente já está nesta oportunidade.', { field: 'competitorId', competitorId, existingId });

// What the deal's audit keeps of each competitor.
const AUDITED = ['competitorId', 'competitorPrice', 'winner'] as const;
const auditView = (rows: OpportunityCompetitorRecord[]) => rows.map((r) => sentFields(r, AUDITED));

/**
 * The competitors of a deal. They follow the deal: whoever cannot see it gets 404 (RLS on the links too). Each
 * change locks the deal (so two requests cannot both leave a winner), and is audited on the deal (field
 * competitors), so GET /api/opportunities/{id}/history shows it. The deal's version and amount do not change.
 */
@Injectable()
export class OpportunityCompetitorsService {
  constructor(
    private readonly links: OpportunityCompetitorsRepository,
    private readonly competitors: CompetitorsRepository,
    private readonly deals: OpportunitiesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(opportunityId: string): Promise<CompetitorsView> {
    const deal = await this.deals.findById(opportunityId);
    if (!deal) throw opportunityNotFound(opportunityId);
    return { opportunityId: deal.id, items: await this.links.findByOpportunity(deal.id) };
  }

  /** Only live, active competitors are added; winner = true unmarks the deal's previous winner. */
  async add(opportunityId: string, input: CreateOpportunityCompetitorDto): Promise<CompetitorsView> {
    const deal = await this.lock(opportunityId);
    const competitor = await this.competitors.findById(input.competitorId);
    if (!competitor) throw invalidReference('competitorId', 'concorrente não encontrado');
    if (!competitor.active) throw invalidReference('competitorId', 'concorrente inativo');
    const before = await this.links.findByOpportunity(deal.id);
    const existing = before.find((l) => l.competitorId === input.competitorId);
    if (existing) throw alreadyLinked(input.competitorId, existing.id);
    if (before.length >= MAX_COMPETITORS) {
      throw new ConflictError('TOO_MANY_COMPETITORS', `Uma oportunidade tem no máximo ${MAX_COMPETITORS} concorrentes.`, { max: MAX_COMPETITORS });
    }
    const winner = input.winner ?? false;
    if (winner) await this.links.clearWinner(deal.id, null);
    await this.links
      .insert({
        opportunityId: deal.id,
        competitorId: input.competitorId,
        competitorPrice: input.competitorPrice ?? null,
        winner,
        notes: input.notes ?? null,
      })
      .catch((err) => {
        if (isUniqueViolation(err, 'tb_oportunidade_concorrente_oportunidade_id_concorrente_id_key')) throw alreadyLinked(input.competitorId, null);
        throw err;
      });
    return this.finish(deal, before);
  }

  async update(opportunityId: string, competitorId: string, input: UpdateOpportunityCompetitorDto): Promise<CompetitorsView> {
    const deal = await this.lock(opportunityId);
    const before = await this.links.findByOpportunity(deal.id);
    const current = before.find((l) => l.competitorId === competitorId);
    if (!current) throw linkNotFound(competitorId);
    const changes = changedFields(current, sentFields(input, OPPORTUNITY_COMPETITOR_WRITABLE));
    if (!Object.keys(changes).length) return { opportunityId: deal.id, items: before };
    if (changes.winner === true) await this.links.clearWinner(deal.id, current.id);
    await this.links.update(current.id, changes);
    return this.finish(deal, before);
  }

  async remove(opportunityId: string, competitorId: string): Promise<CompetitorsView> {
    const deal = await this.lock(opportunityId);
    const before = await this.links.findByOpportunity(deal.id);
    const current = before.find((l) => l.competitorId === competitorId);
    if (!current) throw linkNotFound(competitorId);
    await this.links.delete(current.id);
    return this.finish(deal, before);
  }

  /** The deal, locked for the rest of the transaction; 404 when it does not exist, is deleted or not visible. */
  private async lock(id: string): Promise<OpportunityRecord> {
    const deal = await this.deals.findById(id, { forUpdate: true });
    if (!deal) throw opportunityNotFound(id);
    return deal;
  }

  private async finish(deal: OpportunityRecord, before: OpportunityCompetitorRecord[]): Promise<CompetitorsView> {
    const after = await this.links.findByOpportunity(deal.id);
    await this.audit.changed(OPPORTUNITY_LIST, deal.id, AuditService.diff({ competitors: auditView(before) }, { competitors: auditView(after) }, ['competitors']));
    return { opportunityId: deal.id, items: after };
  }
}
