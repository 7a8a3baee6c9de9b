import { HttpClient, HttpEvent, HttpHandler, HttpParams, HttpRequest } from '@angular/common/http';
import { map, Observable } from 'rxjs';

import { Api } from '../../core/api/generated/api';
import { objectsControllerDataOf } from '../../core/api/generated/fn/objects/objects-controller-data-of';
import { GridFetch } from '../data-grid/grid-query';
import { objectDataPage, objectDataQuery, ObjectRow } from './object-query';

/**
 * The object grid's data source: the generated `objectsControllerDataOf` builds the request (path, the declared
 * parameters, the typed answer), and the per-field filters are appended to its query string. They are named after
 * each object's fields (`?cidade=…&valor_min=…`), so the OpenAPI document cannot list them and the generated
 * function has no parameter for them.
 */
export function objectDataFetch(
  http: HttpClient,
  api: Api,
  objectId: string,
  lists: ReadonlySet<string>,
): GridFetch<ObjectRow> {
  return (request) => {
    const { params, filters } = objectDataQuery(objectId, request, lists);
    return objectsControllerDataOf(withQuery(http, filters), api.rootUrl, params).pipe(
      map((response) => objectDataPage(response.body)),
    );
  };
}

/** An HttpClient that sends through `http` (interceptors included) with `extra` added to each query string. */
function withQuery(http: HttpClient, extra: Record<string, readonly string[]>): HttpClient {
  if (!Object.keys(extra).length) return http;
  const handler: HttpHandler = {
    handle: (req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> =>
      http.request(req.clone({ params: appendAll(req.params, extra) })),
  };
  return new HttpClient(handler);
}

function appendAll(params: HttpParams, extra: Record<string, readonly string[]>): HttpParams {
  let next = params;
  for (const [name, values] of Object.entries(extra)) {
    for (const value of values) next = next.append(name, value);
  }
  return next;
}
