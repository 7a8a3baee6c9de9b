import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActivityDto, ActivityRecord, toActivityDto } from '../../activities/dto/activity.dto';
import { NoteDto, NoteRecord, toNoteDto } from './note.dto';

export interface TimelineItem {
  kind: 'activity' | 'note';
  at: Date;
  activity?: ActivityRecord;
  note?: NoteRecord;
}

export class TimelineItemDto {
  @ApiProperty({ enum: ['activity', 'note'] }) kind: 'activity' | 'note';
  @ApiProperty({ format: 'date-time', description: 'Quando foi registrada (createdAt): a ordem da linha do tempo.' }) at: string;
  @ApiPropertyOptional({ type: ActivityDto, description: 'Quando kind = activity.' }) activity?: ActivityDto;
  @ApiPropertyOptional({ type: NoteDto, description: 'Quando kind = note.' }) note?: NoteDto;
}

export class TimelinePageDto {
  @ApiProperty({ type: [TimelineItemDto], description: 'Atividades e notas, mais recentes primeiro.' }) items: TimelineItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Passe em ?cursor= para a próxima página; null no fim.' }) nextCursor: string | null;
}

export const toTimelineItemDto = (i: TimelineItem): TimelineItemDto => ({
  kind: i.kind,
  at: i.at.toISOString(),
  ...(i.activity ? { activity: toActivityDto(i.activity) } : {}),
  ...(i.note ? { note: toNoteDto(i.note) } : {}),
});
