import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../shared/list/page.dto';
import { AUDIT_ACTIONS } from '../audit.list';
import { HistoryItem } from '../audit.service';

export class HistoryItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ enum: AUDIT_ACTIONS, description: 'criar, atualizar (um item por campo), excluir, restaurar, mesclar.' })
  action: string;
  @ApiProperty({ type: String, nullable: true, description: 'Campo alterado (nome da API); null quando o registro todo.', example: 'email' })
  field: string | null;
  @ApiProperty({ nullable: true, description: 'Valor anterior (JSON).' }) from: unknown;
  @ApiProperty({ nullable: true, description: 'Valor novo (JSON); na criação, o registro criado.' }) to: unknown;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Quem alterou; null para tokens de API sem usuário.' })
  userId: string | null;
  @ApiProperty({ example: 'api' }) origin: string;
  @ApiProperty({ type: String, nullable: true, description: 'Requisição que fez a alteração (liga os itens de uma mesma mudança).' })
  requestId: string | null;
}

export class HistoryPageDto extends PageOf(HistoryItemDto) {}

export const toHistoryItemDto = (h: HistoryItem): HistoryItemDto => ({
  id: h.id,
  occurredAt: h.occurredAt instanceof Date ? h.occurredAt.toISOString() : String(h.occurredAt),
  action: h.action,
  field: h.field,
  from: h.from,
  to: h.to,
  userId: h.userId,
  origin: h.origin,
  requestId: h.requestId,
});
