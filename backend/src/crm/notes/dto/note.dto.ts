import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';

/** A note as the repository reads it (NOTE_LIST's select list); with ?fields= only some are present. */
export interface NoteRecord {
  id: string;
  content: string;
  pinned: boolean;
  contactId: string | null;
  companyId: string | null;
  opportunityId: string | null;
  ownerId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class NoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Prefere ser contatado por **WhatsApp** depois das 14h.', description: 'Markdown.' }) content: string;
  @ApiProperty({ description: 'Fixada no topo da linha do tempo.' }) pinned: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dono; null = pool não atribuído.' }) ownerId: string | null;
  @ApiProperty({ type: 'integer', example: 1, description: 'Versão para If-Match / version (controle otimista).' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Preenchido quando excluída (lixeira).' }) deletedAt: string | null;
}

export class NotePageDto extends PageOf(NoteDto) {}

export const toNoteDto = (r: NoteRecord): NoteDto => ({
  id: r.id,
  content: r.content,
  pinned: r.pinned,
  contactId: r.contactId,
  companyId: r.companyId,
  opportunityId: r.opportunityId,
  ownerId: r.ownerId,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
