import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DomainError } from '../common/domain-error';
import { TenantTransaction } from '../tenancy/tenant-transaction';
import { TENANT_SCOPED } from './decorators/tenant-scoped.decorator';
import { Principal, scopeOf } from './principal';

/**
 * Runs each @TenantScoped() handler (validation pipes included) inside one TenantTransaction pinned to the
 * caller's tenant: commit when it returns, rollback when it throws.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tx: TenantTransaction,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.getAllAndOverride<boolean>(TENANT_SCOPED, [ctx.getHandler(), ctx.getClass()])) return next.handle();
    const caller = ctx.switchToHttp().getRequest<{ user?: Principal }>().user;
    const scope = caller ? scopeOf(caller) : null;
    if (!scope) throw new DomainError('TENANT_REQUIRED', 'Esta operação exige uma sessão em um tenant.', 403);
    // next.handle() is called inside the transaction so the handler runs in its CLS context.
    return from(this.tx.run(scope, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
