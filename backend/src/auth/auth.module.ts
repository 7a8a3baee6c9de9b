import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { ENV } from '../config/config.module';
import { Env } from '../config/env.schema';
import { TenancyModule } from '../tenancy/tenancy.module';
import { AccessTokenService } from './access-token.service';
import { ApiTokensController } from './api-tokens/api-tokens.controller';
import { ApiTokensRepository } from './api-tokens/api-tokens.repository';
import { ApiTokensService } from './api-tokens/api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt-claims';
import { JwtStrategy } from './jwt.strategy';
import { LoginFailureRepository } from './login-failure.repository';
import { LoginLockoutService } from './login-lockout.service';
import { PasswordHasher } from './password-hasher';
import { PlatformTenantsController } from './platform-tenants/platform-tenants.controller';
import { PlatformTenantsService } from './platform-tenants/platform-tenants.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import { RolesGuard } from './roles.guard';
import { TenantDirectory } from './tenant-directory';
import { TenantProfileRepository } from './tenant-profile.repository';
import { TenantTransactionInterceptor } from './tenant-transaction.interceptor';

/**
 * Identity and access: login/refresh/logout, API tokens, platform tenant operations, and the global pieces
 * every request goes through (authentication guard, roles guard, tenant-transaction interceptor).
 */
@Module({
  imports: [
    TenancyModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        secret: env.JWT_SECRET,
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ENV],
      useFactory: (env: Env) => ({
        throttlers: [{ name: 'default', ttl: env.LOGIN_RATE_WINDOW_S * 1000, limit: env.LOGIN_RATE_LIMIT }],
        errorMessage: 'Muitas requisições de login deste endereço. Aguarde e tente novamente.',
      }),
    }),
  ],
  controllers: [AuthController, ApiTokensController, PlatformTenantsController],
  providers: [
    AccessTokenService,
    ApiTokensRepository,
    ApiTokensService,
    AuthService,
    IdentityRepository,
    IdentityService,
    JwtStrategy,
    LoginFailureRepository,
    LoginLockoutService,
    PasswordHasher,
    PlatformTenantsService,
    RefreshTokenRepository,
    TenantDirectory,
    TenantProfileRepository,
    // Order matters: authenticate, then check roles; the interceptor runs after both.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
  ],
  exports: [IdentityService, TenantDirectory],
})
export class AuthModule {}
