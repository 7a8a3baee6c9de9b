import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';

export interface TagRecord {
  id: string;
  name: string;
  color: string | null;
  description: string | null;
  usageCount: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class TagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'VIP', description: 'Único entre as etiquetas ativas, sem diferenciar maiúsculas.' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '#E53935' }) color: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: 'integer', description: 'Registros (visíveis a quem consulta) com esta etiqueta.' }) usageCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class TagPageDto extends PageOf(TagDto) {}

export const toTagDto = (r: TagRecord): TagDto => ({
  id: r.id,
  name: r.name,
  color: r.color,
  description: r.description,
  usageCount: r.usageCount,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

export const TAGGABLE = ['contact', 'company', 'opportunity'] as const;
export type Taggable = (typeof TAGGABLE)[number];

/** A record's tags after attach/detach. */
export class TaggedRecordDto {
  @ApiProperty({ enum: TAGGABLE }) recordType: Taggable;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ type: [String], example: ['atacado', 'VIP'], description: 'Etiquetas do registro (nomes).' }) tags: string[];
  @ApiProperty({ type: 'integer', description: 'Nova versão do registro (etiquetar é uma alteração dele).' }) version: number;
}
