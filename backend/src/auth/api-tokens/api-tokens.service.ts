import { Injectable, Logger } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../common/domain-error';
import { Principal, TenantRole } from '../principal';
import { newApiToken, parseApiToken, sameHash, sha256 } from '../token-secrets';
import { ApiTokenRow, ApiTokensRepository } from './api-tokens.repository';

const TOUCH_EVERY_SECONDS = 60;
const MAX_LIFETIME_MS = 2 * 366 * 86400_000;

export const invalidApiToken = () => new DomainError('INVALID_TOKEN', 'Token inválido.', 401);

@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);

  constructor(private readonly tokens: ApiTokensRepository) {}

  /** Creates a token for the caller's tenant. The secret is returned here once and never again. */
  async create(caller: Principal, input: { name: string; role: TenantRole; expiresAt?: string }): Promise<{ row: ApiTokenRow; token: string }> {
    const tenant = requireTenant(caller);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && (expiresAt.getTime() <= Date.now() || expiresAt.getTime() > Date.now() + MAX_LIFETIME_MS)) {
      throw new DomainError('API_TOKEN_EXPIRY_INVALID', 'A validade deve estar no futuro e em no máximo 2 anos.', 400, { field: 'expiresAt' });
    }
    const { prefix, secret, token } = newApiToken();
    const row = await this.tokens.insert({
      tenantId: tenant.id,
      name: input.name.trim(),
      prefix,
      hash: sha256(secret),
      role: input.role,
      expiresAt,
      createdBy: caller.userId,
    });
    return { row, token };
  }

  list(caller: Principal): Promise<ApiTokenRow[]> {
    return this.tokens.listByTenant(requireTenant(caller).id);
  }

  async revoke(caller: Principal, id: string): Promise<void> {
    if (!(await this.tokens.revoke(requireTenant(caller).id, id))) {
      throw new NotFoundError('API_TOKEN_NOT_FOUND', 'Token de API não encontrado.', { id });
    }
  }

  /**
   * Turns "crm_<prefix>_<secret>" into a Principal: look-up by prefix (one indexed read, joined with the
   * tenant's catalog row so revocation and archiving apply at once), constant-time hash comparison.
   */
  async authenticate(bearer: string): Promise<Principal> {
    const parsed = parseApiToken(bearer);
    if (!parsed) throw invalidApiToken();
    const cred = await this.tokens.findCredential(parsed.prefix, TOUCH_EVERY_SECONDS);
    if (!cred || !sameHash(sha256(parsed.secret), cred.hash) || !cred.usable || cred.tenantStatus !== 'ativo') {
      throw invalidApiToken();
    }
    if (cred.touchDue) {
      // Off the request path: last_used_at is informative, at most one write a minute per token.
      this.tokens.touch(cred.id, TOUCH_EVERY_SECONDS).catch((err) => this.logger.warn({ err }, 'last_used_at not recorded'));
    }
    return {
      kind: 'api_token',
      userId: null,
      apiTokenId: cred.id,
      tenant: { id: cred.tenantId, slug: cred.slug, name: cred.tenantName },
      role: cred.role,
      platformAdmin: false,
    };
  }
}

function requireTenant(caller: Principal) {
  if (!caller.tenant) throw new DomainError('TENANT_REQUIRED', 'Esta operação exige uma sessão em um tenant.', 403);
  return caller.tenant;
}
