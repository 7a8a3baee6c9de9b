import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DomainError } from '../common/domain-error';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { AccessClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt-claims';
import { isTenantRole, PLATFORM_ADMIN, Principal } from './principal';
import { TenantDirectory } from './tenant-directory';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const invalidToken = () => new DomainError('INVALID_TOKEN', 'Token inválido.', 401);

/**
 * Verifies access JWTs (HS256 only, issuer and audience checked, expiry enforced) and turns their claims into
 * a Principal. The tenant's id and slug come from the catalog: a token naming an unknown or archived tenant,
 * or whose slug claim disagrees with the catalog, is refused.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(ENV) env: Env,
    private readonly tenants: TenantDirectory,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken otherwise tries to parse the secret as a PEM public key on
      // every verification (an exception per request, ~13% of the CPU of a list request).
      secretOrKey: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessClaims): Promise<Principal> {
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) throw invalidToken();
    const platformAdmin = claims.padm === true;
    if (claims.tid === undefined) {
      if (claims.role !== PLATFORM_ADMIN || !platformAdmin) throw invalidToken();
      return { kind: 'user', userId: claims.sub, apiTokenId: null, tenant: null, role: PLATFORM_ADMIN, platformAdmin };
    }
    if (typeof claims.tid !== 'string' || !UUID.test(claims.tid) || !isTenantRole(claims.role)) throw invalidToken();
    const tenant = await this.tenants.findById(claims.tid);
    if (!tenant || tenant.status !== 'ativo' || tenant.slug !== claims.tslug) throw invalidToken();
    return {
      kind: 'user',
      userId: claims.sub,
      apiTokenId: null,
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      role: claims.role,
      platformAdmin,
    };
  }
}
