import { ApiProperty } from '@nestjs/swagger';
import { Me, Session } from '../auth.service';
import { Membership, PlatformUser } from '../identity.repository';
import { PLATFORM_ADMIN, TENANT_ROLES, TenantRef } from '../principal';

const ROLES = [...TENANT_ROLES, PLATFORM_ADMIN];

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() platformAdmin: boolean;
}

export class TenantRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class MembershipDto extends TenantRefDto {
  @ApiProperty({ enum: TENANT_ROLES }) role: string;
}

export class SessionDto {
  @ApiProperty({ description: 'JWT de acesso (HS256), curto; envie como Authorization: Bearer.' }) accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Segundos até o accessToken expirar.' }) expiresIn: number;
  @ApiProperty({ description: 'Token opaco de renovação; cada uso gera um novo (o antigo deixa de valer).' }) refreshToken: string;
  @ApiProperty() refreshExpiresIn: number;
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: TenantRefDto, nullable: true, description: 'null numa sessão da plataforma.' }) tenant: TenantRefDto | null;
  @ApiProperty({ enum: ROLES }) role: string;
}

export class MeDto {
  @ApiProperty({ type: UserDto, nullable: true, description: 'null para tokens de API.' }) user: UserDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Id do token de API, quando for o caso.' }) apiTokenId: string | null;
  @ApiProperty({ type: TenantRefDto, nullable: true }) tenant: TenantRefDto | null;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty({ type: [MembershipDto], description: 'Tenants de que o usuário participa (para trocar de tenant).' }) tenants: MembershipDto[];
}

export const toUserDto = (u: PlatformUser): UserDto => ({ id: u.id, email: u.email, name: u.name, platformAdmin: u.platformAdmin });

const toTenantRefDto = (t: TenantRef | null): TenantRefDto | null => (t ? { id: t.id, slug: t.slug, name: t.name } : null);

const toMembershipDto = (m: Membership): MembershipDto => ({ id: m.tenantId, slug: m.slug, name: m.tenantName, role: m.role });

export function toSessionDto(s: Session): SessionDto {
  return {
    accessToken: s.accessToken,
    tokenType: 'Bearer',
    expiresIn: s.expiresIn,
    refreshToken: s.refreshToken,
    refreshExpiresIn: s.refreshExpiresIn,
    user: toUserDto(s.user),
    tenant: toTenantRefDto(s.tenant),
    role: s.role,
  };
}

export function toMeDto(me: Me): MeDto {
  return {
    user: me.user ? toUserDto(me.user) : null,
    apiTokenId: me.apiTokenId,
    tenant: toTenantRefDto(me.tenant),
    role: me.role,
    tenants: me.tenants.map(toMembershipDto),
  };
}
