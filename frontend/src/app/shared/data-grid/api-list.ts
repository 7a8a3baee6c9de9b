import { Api, ApiFnOptional } from '../../core/api/generated/api';
import { GridFetch, GridPage } from './grid-query';

/**
 * A list operation of the generated client (`contactsControllerList`…) as a grid fetch function.
 * The grid's filter parameters come from column definitions as text (`status=ativo,inativo`), which is
 * how the client serializes its array parameters too, so they are passed through as they are.
 */
export function apiListFetch<P, T>(api: Api, list: ApiFnOptional<P, GridPage<T>>): GridFetch<T> {
  return (request) =>
    api.invoke(list, {
      ...request.params,
      sort: request.sort,
      limit: request.limit,
      cursor: request.cursor,
      fields: request.fields,
      ...(request.includeTotal ? { includeTotal: true } : {}),
    } as P);
}
