import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '../../../common/domain-error';
import { TenantDb } from '../../../tenancy/tenant-transaction';
import { AuditService } from '../../audit/audit.service';
import { invalidField, invalidReference } from '../../shared/field-errors';
import { parseListQuery, RawQuery } from '../../shared/list/list-plan';
import { Page } from '../../shared/list/list.repository';
import { changedFields, sentFields } from '../../shared/record-changes';
import { CATEGORY_LIST, CATEGORY_WRITABLE } from './categories.list';
import { CategoriesRepository } from './categories.repository';
import { CategoryRecord } from './dto/category.dto';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category-write.dto';

const notFound = (id: string) => new NotFoundError('CATEGORY_NOT_FOUND', 'Categoria não encontrada.', { id });

/** Product categories: a tree without cycles; a category in use is not deleted. Audited; no versions. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  list(query: RawQuery): Promise<Page<CategoryRecord>> {
    return this.categories.findPage(parseListQuery(CATEGORY_LIST, query, this.db.scope.userId));
  }

  async get(id: string): Promise<CategoryRecord> {
    const row = await this.categories.findById(id);
    if (!row) throw notFound(id);
    return row;
  }

  async create(input: CreateCategoryDto): Promise<CategoryRecord> {
    await this.assertParent(input.parentId, null);
    const row = await this.categories.insert(sentFields(input, CATEGORY_WRITABLE));
    await this.audit.created(CATEGORY_LIST, row.id, sentFields(row, CATEGORY_WRITABLE));
    return row;
  }

  async update(id: string, input: UpdateCategoryDto): Promise<CategoryRecord> {
    const current = await this.categories.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const changes = changedFields(current, sentFields(input, CATEGORY_WRITABLE));
    if (!Object.keys(changes).length) return current;
    await this.assertParent(changes.parentId as string | undefined, id);
    const updated = (await this.categories.update(id, changes))!;
    await this.audit.changed(CATEGORY_LIST, id, AuditService.diff(current, updated, CATEGORY_WRITABLE));
    return updated;
  }

  async remove(id: string): Promise<void> {
    const current = await this.categories.findById(id, { forUpdate: true });
    if (!current) throw notFound(id);
    const usage = await this.categories.usage(id);
    if (usage.products || usage.subcategories) {
      throw new ConflictError('CATEGORY_IN_USE', 'A categoria tem produtos ou subcategorias: mova-os antes de excluí-la.', { ...usage });
    }
    const deleted = (await this.categories.setDeleted(id, true))!;
    await this.audit.deleted(CATEGORY_LIST, id, deleted.deletedAt);
  }

  async restore(id: string): Promise<CategoryRecord> {
    const current = await this.categories.findById(id, { includeDeleted: true, forUpdate: true });
    if (!current) throw notFound(id);
    if (!current.deletedAt) throw new ConflictError('NOT_DELETED', 'A categoria não está excluída.', { id });
    if (current.parentId && !(await this.categories.findById(current.parentId))) {
      throw new ConflictError('PARENT_DELETED', 'A categoria-mãe foi excluída: restaure-a antes.', { parentId: current.parentId });
    }
    const restored = (await this.categories.setDeleted(id, false))!;
    await this.audit.restored(CATEGORY_LIST, id, current.deletedAt);
    return restored;
  }

  private async assertParent(parentId: string | null | undefined, selfId: string | null): Promise<void> {
    if (!parentId) return;
    if (!(await this.categories.findById(parentId))) throw invalidReference('parentId', 'categoria não encontrada');
    if (selfId && (await this.categories.isSelfOrDescendant(selfId, parentId))) {
      throw invalidField('parentId', 'a categoria-mãe não pode ser a própria categoria nem uma descendente');
    }
  }
}
