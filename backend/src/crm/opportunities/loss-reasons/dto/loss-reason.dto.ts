import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../../shared/dto-helpers';
import { PageOf } from '../../../shared/list/page.dto';

export interface LossReasonRecord {
  id: string;
  name: string;
  description: string | null;
  order: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export class LossReasonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Preço' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: 'integer', example: 1 }) order: number;
  @ApiProperty({ description: 'Inativos não podem ser escolhidos em novas perdas.' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LossReasonPageDto extends PageOf(LossReasonDto) {}

export const toLossReasonDto = (r: LossReasonRecord): LossReasonDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  order: r.order,
  active: r.active,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});
