import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/domain-error';
import { IS_PUBLIC } from './decorators/public.decorator';
import { ROLES, USER_SESSION_ONLY } from './decorators/roles.decorator';
import { PLATFORM_ADMIN, Principal, Role } from './principal';

/** Global guard after authentication: @Roles(...) and @UserSessionOnly() of the handler or its controller. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const caller = ctx.switchToHttp().getRequest<{ user: Principal }>().user;
    if (this.reflector.getAllAndOverride<boolean>(USER_SESSION_ONLY, targets) && caller.kind !== 'user') {
      throw new DomainError('USER_SESSION_REQUIRED', 'Esta operação exige login de um usuário (não aceita token de API).', 403);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles || allowed(caller, roles)) return true;
    throw new DomainError('FORBIDDEN_ROLE', 'Seu papel não permite esta operação.', 403, { requiredRoles: roles });
  }
}

function allowed(caller: Principal, roles: Role[]): boolean {
  if (roles.includes(PLATFORM_ADMIN) && caller.platformAdmin) return true;
  // Tenant roles count only inside the tenant the token is bound to.
  return caller.tenant !== null && roles.includes(caller.role);
}
