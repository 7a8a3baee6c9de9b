import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** A single record's response carries `ETag: "<version>"`, which a later write may send back as If-Match. */
@Injectable()
export class VersionEtagInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') ctx.switchToHttp().getResponse<Response>().setHeader('ETag', `"${version}"`);
        return body;
      }),
    );
  }
}
