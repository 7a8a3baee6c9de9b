import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { ACTIVITY_ORIGINS, ACTIVITY_PRIORITIES, BUILT_IN_ACTIVITY_TYPES, PARTICIPANT_RESPONSES } from '../activities.list';

export interface ParticipantRecord {
  userId: string | null;
  contactId: string | null;
  email: string | null;
  response: string;
  attended: boolean | null;
}

/** An activity as the repository reads it (ACTIVITY_LIST's select list); with ?fields= only some are present. */
export interface ActivityRecord {
  id: string;
  type: string;
  subject: string;
  description: string | null;
  startAt: Date | null;
  endAt: Date | null;
  allDay: boolean;
  dueAt: Date | null;
  reminderAt: Date | null;
  done: boolean;
  doneAt: Date | null;
  result: string | null;
  priority: string;
  location: string | null;
  origin: string;
  contactId: string | null;
  companyId: string | null;
  opportunityId: string | null;
  ownerId: string | null;
  participants: ParticipantRecord[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class ParticipantDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Usuário do tenant.' }) userId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Contato do CRM.' }) contactId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Convidado de fora (e-mail).' }) email: string | null;
  @ApiProperty({ enum: PARTICIPANT_RESPONSES, example: 'pendente' }) response: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Compareceu (preenchido depois do evento).' }) attended: boolean | null;
}

export class ActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ligacao', description: `Código do tipo (tb_tipo_atividade): ${BUILT_IN_ACTIVITY_TYPES.join(', ')} ou de um pacote vertical.` })
  type: string;
  @ApiProperty({ example: 'Ligar para confirmar o pedido' }) subject: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Início (reuniões, visitas).' }) startAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endAt: string | null;
  @ApiProperty() allDay: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Vencimento (tarefas, retornos).' }) dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reminderAt: string | null;
  @ApiProperty({ description: 'Concluída (POST /{id}/complete e /reopen).' }) done: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Quando foi concluída (definido pela API).' }) doneAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Resultado da ligação/visita.' }) result: string | null;
  @ApiProperty({ enum: ACTIVITY_PRIORITIES, example: 'normal' }) priority: string;
  @ApiProperty({ type: String, nullable: true }) location: string | null;
  @ApiProperty({ enum: ACTIVITY_ORIGINS, example: 'manual', description: 'Como foi registrada (digitada ou automática).' }) origin: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) contactId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) opportunityId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dono; null = pool não atribuído.' }) ownerId: string | null;
  @ApiProperty({ type: [ParticipantDto] }) participants: ParticipantDto[];
  @ApiProperty({ type: 'integer', example: 1, description: 'Versão para If-Match / version (controle otimista).' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Preenchido quando excluída (lixeira).' }) deletedAt: string | null;
}

export class ActivityPageDto extends PageOf(ActivityDto) {}

export const toActivityDto = (r: ActivityRecord): ActivityDto => ({
  id: r.id,
  type: r.type,
  subject: r.subject,
  description: r.description,
  startAt: iso(r.startAt),
  endAt: iso(r.endAt),
  allDay: r.allDay,
  dueAt: iso(r.dueAt),
  reminderAt: iso(r.reminderAt),
  done: r.done,
  doneAt: iso(r.doneAt),
  result: r.result,
  priority: r.priority,
  location: r.location,
  origin: r.origin,
  contactId: r.contactId,
  companyId: r.companyId,
  opportunityId: r.opportunityId,
  ownerId: r.ownerId,
  participants: r.participants,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
