import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { AccessClaims, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt-claims';

/** Signs short-lived access JWTs (HS256 pinned; verification lives in JwtStrategy). */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  get ttlSeconds(): number {
    return this.env.JWT_ACCESS_TTL_S;
  }

  sign(claims: AccessClaims): string {
    return this.jwt.sign(claims, {
      algorithm: JWT_ALGORITHM,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: this.env.JWT_ACCESS_TTL_S,
    });
  }
}
