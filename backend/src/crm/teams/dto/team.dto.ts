import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';

export interface TeamRecord {
  id: string;
  name: string;
  description: string | null;
  managerId: string | null;
  active: boolean;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class TeamDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Vendas Interior' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Gestor da equipe (tb_equipe.gestor_id).' }) managerId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [String], description: 'Ids dos membros (usuários com esta equipe); colegas de equipe veem a carteira uns dos outros.' })
  memberIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class TeamPageDto extends PageOf(TeamDto) {}

export const toTeamDto = (r: TeamRecord): TeamDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  managerId: r.managerId,
  active: r.active,
  memberIds: r.memberIds,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
