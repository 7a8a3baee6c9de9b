import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Role } from '../principal';

export const ROLES = 'auth:roles';
export const USER_SESSION_ONLY = 'auth:user-session-only';

/** Documents an authenticated endpoint in OpenAPI: bearer auth and the roles allowed (`x-roles`). */
function documented(roles: readonly string[]) {
  return applyDecorators(
    ApiBearerAuth(),
    ApiExtension('x-roles', [...roles]),
    ApiUnauthorizedResponse({ description: 'Token ausente, inválido ou expirado.' }),
    ApiForbiddenResponse({ description: `Permitido para: ${roles.join(', ')}.` }),
  );
}

/**
 * Only these roles may call the endpoint (checked by RolesGuard, listed in OpenAPI as `x-roles`).
 * 'platform_admin' is satisfied by the person's platform flag, the others by the role in the token's tenant.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), documented(roles));

/** Any authenticated caller (still documented as such). */
export const Authenticated = () => documented(['any']);

/** Refuses API tokens: the endpoint acts for a person (e.g. managing API tokens, switching tenant). */
export const UserSessionOnly = () => SetMetadata(USER_SESSION_ONLY, true);
