import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { ApiTokensService } from './api-tokens/api-tokens.service';
import { IS_PUBLIC } from './decorators/public.decorator';
import { invalidToken } from './jwt.strategy';
import { Principal } from './principal';
import { looksLikeApiToken } from './token-secrets';

const BEARER = /^Bearer ([^\s]+)$/i;

/**
 * Global guard: every endpoint needs `Authorization: Bearer <JWT | API token>` unless marked @Public().
 * The Principal (tenant included) is built only from the verified token; nothing else in the request counts.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiTokens: ApiTokensService,
  ) {
    super();
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    const bearer = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer) throw new DomainError('UNAUTHENTICATED', 'Autenticação necessária (Authorization: Bearer <token>).', 401);
    if (looksLikeApiToken(bearer)) {
      req.user = await this.apiTokens.authenticate(bearer);
      return true;
    }
    return (await super.canActivate(ctx)) as boolean;
  }

  // Passport's outcome: a DomainError from JwtStrategy.validate passes through; any other failure is one 401.
  handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err instanceof DomainError) throw err;
    // passport-jwt reports a bad token through `info`; an `err` is a failure behind it (e.g. the database is
    // down while the tenant is looked up): let the global filter map it (503), never disguise it as a 401.
    if (err) throw err;
    if (!user) {
      if ((info as Error | undefined)?.name === 'TokenExpiredError') {
        throw new DomainError('TOKEN_EXPIRED', 'Token expirado. Renove a sessão.', 401);
      }
      throw invalidToken();
    }
    return user;
  }
}
