import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../../shared/dto-helpers';
import { PageOf } from '../../../shared/list/page.dto';

export interface CategoryRecord {
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  order: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Mercearia' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Categoria-mãe; null no primeiro nível.' }) parentId: string | null;
  @ApiProperty({ type: 'integer', example: 1 }) order: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class CategoryPageDto extends PageOf(CategoryDto) {}

export const toCategoryDto = (r: CategoryRecord): CategoryDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  parentId: r.parentId,
  order: r.order,
  active: r.active,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
