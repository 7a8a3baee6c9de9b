import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { PriceListsRepository } from '../products/price-lists/price-lists.repository';
import { ProductsRepository } from '../products/products.repository';
import { invalidField, invalidFields, invalidReference } from '../shared/field-errors';
import { changedFields, sentFields } from '../shared/record-changes';
import { expectedVersion, versionConflict } from '../shared/version';
import { OpportunityRecord } from './dto/opportunity.dto';
import { CreateOpportunityItemDto, OpportunityItemRecord, UpdateOpportunityItemDto } from './dto/opportunity-item.dto';
import { OPPORTUNITY_LIST } from './opportunities.list';
import { OpportunitiesRepository } from './opportunities.repository';
import { opportunityNotFound } from './opportunities.service';
import { ITEM_WRITABLE, MAX_ITEMS } from './opportunity-items.list';
import { OpportunityItemsRepository } from './opportunity-items.repository';

export interface ItemsView {
  opportunityId: string;
  items: OpportunityItemRecord[];
  subtotal: number;
  discount: number;
  total: number;
  amount: number;
  version: number;
}

const itemNotFound = (id: string) => new NotFoundError('OPPORTUNITY_ITEM_NOT_FOUND', 'Item não encontrado nesta oportunidade.', { id });

// What the deal's audit keeps of each line.
const AUDITED_ITEM = ['id', 'productId', 'quantity', 'unitPrice', 'discountPercent', 'total'] as const;
const auditView = (items: OpportunityItemRecord[]) => items.map((i) => sentFields(i, AUDITED_ITEM));

/**
 * Line items of a deal. They are parts of the deal: each change locks it, checks its version when one is
 * sent, sets its amount to the items' total (bumping its version) and is audited on the deal (fields items
 * and amount), so GET /api/opportunities/{id}/history shows them.
 */
@Injectable()
export class OpportunityItemsService {
  constructor(
    private readonly items: OpportunityItemsRepository,
    private readonly deals: OpportunitiesRepository,
    private readonly products: ProductsRepository,
    private readonly priceLists: PriceListsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(opportunityId: string): Promise<ItemsView> {
    const deal = await this.deals.findById(opportunityId);
    if (!deal) throw opportunityNotFound(opportunityId);
    return this.view(deal, await this.items.findByOpportunity(opportunityId));
  }

  /** Without unitPrice, the price comes from the price list (volume tier) or the product's list price. */
  async add(opportunityId: string, input: CreateOpportunityItemDto, ifMatch: string | undefined): Promise<ItemsView> {
    const deal = await this.lock(opportunityId, expectedVersion(ifMatch, input.version));
    const before = await this.items.findByOpportunity(opportunityId);
    if (before.length >= MAX_ITEMS) throw new ConflictError('TOO_MANY_ITEMS', `Uma oportunidade tem no máximo ${MAX_ITEMS} itens.`, { max: MAX_ITEMS });
    const quantity = input.quantity ?? 1;
    const unitPrice = await this.unitPrice(input, quantity);
    await this.items
      .insert({
        opportunityId,
        productId: input.productId,
        quantity,
        unitPrice,
        discountPercent: input.discountPercent ?? 0,
        description: input.description ?? null,
        order: input.order ?? (before.length ? Math.max(...before.map((i) => i.order)) + 1 : 1),
      })
      .catch(rethrowOverflow);
    return this.finish(deal, before);
  }

  async update(opportunityId: string, itemId: string, input: UpdateOpportunityItemDto, ifMatch: string | undefined): Promise<ItemsView> {
    const deal = await this.lock(opportunityId, expectedVersion(ifMatch, input.version));
    const before = await this.items.findByOpportunity(opportunityId);
    const current = before.find((i) => i.id === itemId);
    if (!current) throw itemNotFound(itemId);
    const changes = changedFields(current, sentFields(input, ITEM_WRITABLE));
    if (!Object.keys(changes).length) return this.view(deal, before);
    await this.items.update(itemId, changes).catch(rethrowOverflow);
    return this.finish(deal, before);
  }

  async remove(opportunityId: string, itemId: string, ifMatch: string | undefined): Promise<ItemsView> {
    const deal = await this.lock(opportunityId, expectedVersion(ifMatch, undefined));
    const before = await this.items.findByOpportunity(opportunityId);
    if (!before.some((i) => i.id === itemId)) throw itemNotFound(itemId);
    await this.items.delete(itemId);
    return this.finish(deal, before);
  }

  private async lock(id: string, expected: number | null): Promise<OpportunityRecord> {
    const deal = await this.deals.findById(id, { forUpdate: true });
    if (!deal) throw opportunityNotFound(id);
    if (expected !== null && deal.version !== expected) throw versionConflict(deal.version);
    return deal;
  }

  /** The price sent, else the price list's (volume tier) or the product's list price. Only active products are sold. */
  private async unitPrice(input: CreateOpportunityItemDto, quantity: number): Promise<number | string> {
    const priceListId = input.priceListId ?? null;
    if (priceListId && !(await this.priceLists.findById(priceListId))) throw invalidReference('priceListId', 'tabela de preços não encontrada');
    const found = await this.products.findUnitPrice(input.productId, quantity, priceListId);
    if (!found || !found.active) throw invalidReference('productId', 'produto não encontrado ou inativo');
    if (input.unitPrice !== undefined) return input.unitPrice;
    if (found.price === null) throw invalidField('unitPrice', 'o produto não tem preço de lista nem preço na tabela: informe unitPrice');
    return found.price;
  }

  /** The deal's amount follows its items; one version bump and one audit entry per change. */
  private async finish(deal: OpportunityRecord, before: OpportunityItemRecord[]): Promise<ItemsView> {
    const amount = await this.deals.itemsTotal(deal.id);
    const updated = await this.deals.update(deal.id, deal.version, { amount }).catch(rethrowOverflow);
    if (!updated) throw versionConflict(deal.version);
    const after = await this.items.findByOpportunity(deal.id);
    await this.audit.changed(OPPORTUNITY_LIST, deal.id, [
      ...AuditService.diff({ items: auditView(before) }, { items: auditView(after) }, ['items']),
      ...AuditService.diff(deal, updated, ['amount']),
    ]);
    return this.view(updated, after);
  }

  private async view(deal: OpportunityRecord, items: OpportunityItemRecord[]): Promise<ItemsView> {
    const totals = await this.items.totals(deal.id);
    const discount = Math.round((totals.subtotal - totals.total) * 100) / 100;
    return { opportunityId: deal.id, items, subtotal: totals.subtotal, discount, total: totals.total, amount: deal.amount, version: deal.version };
  }
}

// numeric(14,2) overflow of a line total or of the deal's amount (22003) is the client's input, not a server error.
function rethrowOverflow(err: unknown): never {
  const code = (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
  if (code === '22003') {
    throw invalidFields('O total excede o limite de valores (999.999.999.999,99).', [
      { field: 'quantity', message: 'quantidade × preço acima do limite' },
      { field: 'unitPrice', message: 'quantidade × preço acima do limite' },
    ]);
  }
  throw err;
}
