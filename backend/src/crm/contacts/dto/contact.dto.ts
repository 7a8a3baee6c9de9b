import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { CONTACT_STATUSES, LIFECYCLE_STAGES } from '../contacts.list';

/** A contact as the repository reads it (CONTACT_LIST's select list); with ?fields= only some are present. */
export interface ContactRecord {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  cpf: string | null;
  birthDate: string | null;
  jobTitle: string | null;
  department: string | null;
  linkedinUrl: string | null;
  companyId: string | null;
  originId: string | null;
  lifecycleStage: string;
  status: string;
  disqualificationReason: string | null;
  convertedAt: Date | null;
  lastActivityAt: Date | null;
  ownerId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  tags: string[];
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Maria Souza' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'maria@example.com.br', description: 'Sempre em minúsculas.' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+551134567890', description: 'E.164.' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+5511987654321', description: 'Celular/WhatsApp, E.164.' }) mobile: string | null;
  @ApiProperty({ type: String, nullable: true, example: '52998224725', description: '11 dígitos, sem pontuação.' }) cpf: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) birthDate: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Compradora' }) jobTitle: string | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ type: String, nullable: true }) linkedinUrl: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Origem do lead.' }) originId: string | null;
  @ApiProperty({ enum: LIFECYCLE_STAGES, example: 'lead' }) lifecycleStage: string;
  @ApiProperty({ enum: CONTACT_STATUSES, example: 'ativo' }) status: string;
  @ApiProperty({ type: String, nullable: true }) disqualificationReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Quando virou cliente (definido pela API).' }) convertedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActivityAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dono; null = pool não atribuído.' }) ownerId: string | null;
  @ApiProperty({ type: [String], example: ['vip'] }) tags: string[];
  @ApiProperty({ type: 'integer', example: 1, description: 'Versão para If-Match / version (controle otimista).' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Preenchido quando excluído (lixeira).' }) deletedAt: string | null;
}

export class ContactPageDto extends PageOf(ContactDto) {}

export const toContactDto = (r: ContactRecord): ContactDto => ({
  id: r.id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  mobile: r.mobile,
  cpf: r.cpf,
  birthDate: r.birthDate,
  jobTitle: r.jobTitle,
  department: r.department,
  linkedinUrl: r.linkedinUrl,
  companyId: r.companyId,
  originId: r.originId,
  lifecycleStage: r.lifecycleStage,
  status: r.status,
  disqualificationReason: r.disqualificationReason,
  convertedAt: iso(r.convertedAt),
  lastActivityAt: iso(r.lastActivityAt),
  ownerId: r.ownerId,
  tags: r.tags,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
