import { applyDecorators, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../../auth/decorators/roles.decorator';
import type { Role } from '../../auth/principal';
import type { Page } from '../shared/list/list.repository';
import { ApiErrorResponses } from '../shared/api-error-responses.decorator';
import { ApiListQuery } from '../shared/list/api-list-query.decorator';
import { AUDIT_LIST } from './audit.list';
import type { HistoryItem } from './audit.service';
import { HistoryPageDto, toHistoryItemDto } from './dto/history.dto';

/**
 * `GET :id/history` of a resource, documented once: the audit list's query parameters, a page of history items,
 * and the resource's 404. The handler takes `@Param('id', UuidParam)` and `@Query()` and returns {@link historyPage}.
 */
export const HistoryEndpoint = (roles: readonly Role[], summary: string, notFound: Partial<Record<number, string | true>>) =>
  applyDecorators(
    Get(':id/history'),
    Roles(...roles),
    ApiOperation({ summary }),
    ApiListQuery(AUDIT_LIST),
    ApiOkResponse({ type: HistoryPageDto }),
    ApiErrorResponses(notFound),
  );

/** A page of audit rows as the API returns it. */
export const historyPage = (page: Page<HistoryItem>): HistoryPageDto => ({ ...page, items: page.items.map(toHistoryItemDto) });
