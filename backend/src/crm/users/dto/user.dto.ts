import { ApiProperty } from '@nestjs/swagger';
import { TENANT_ROLES, TenantRole } from '../../../auth/principal';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { LANGUAGES } from '../users.list';

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  role: TenantRole;
  teamId: string | null;
  jobTitle: string | null;
  phone: string | null;
  timeZone: string | null;
  language: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export class TenantUserDto {
  @ApiProperty({ format: 'uuid', description: 'O mesmo id da conta na plataforma.' }) id: string;
  @ApiProperty({ example: 'Ana Lima' }) name: string;
  @ApiProperty({ example: 'ana@supermercadolima.com.br' }) email: string;
  @ApiProperty({ enum: TENANT_ROLES, example: 'sales' }) role: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Equipe (colegas de equipe compartilham a carteira).' }) teamId: string | null;
  @ApiProperty({ type: String, nullable: true }) jobTitle: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164.' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'America/Sao_Paulo', description: 'null = fuso padrão do tenant.' }) timeZone: string | null;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ description: 'false: desativado neste tenant (não entra; registros mantêm o dono).' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TenantUserPageDto extends PageOf(TenantUserDto) {}

export class InvitedUserDto {
  @ApiProperty({ type: TenantUserDto }) user: TenantUserDto;
  @ApiProperty({ description: 'true: o e-mail já tinha conta na plataforma (entra com a senha que já tem).' }) existingAccount: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Senha gerada, mostrada só nesta resposta (quando nenhuma foi informada para uma conta nova).' })
  temporaryPassword: string | null;
}

export const toUserDto = (r: UserRecord): TenantUserDto => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  teamId: r.teamId,
  jobTitle: r.jobTitle,
  phone: r.phone,
  timeZone: r.timeZone,
  language: r.language,
  active: r.active,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});
