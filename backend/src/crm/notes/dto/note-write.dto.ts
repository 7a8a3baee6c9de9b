import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed } from '../../shared/dto-helpers';

/** Fields shared by create and update. A note stays linked to a contact, a company or a deal (at least one). */
class NoteFieldsDto {
  @ApiPropertyOptional({ default: false })
  @NotNullWhenPresent() @IsBoolean()
  pinned?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Contato (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  contactId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Empresa (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  companyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Oportunidade (deve existir e estar visível).' })
  @Nullable() @IsUUID()
  opportunityId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Dono (usuário ativo); null = pool. Na criação, o padrão é quem cria.' })
  @Nullable() @IsUUID()
  ownerId?: string | null;
}

export class CreateNoteDto extends NoteFieldsDto {
  @ApiProperty({ example: 'Prefere ser contatado por WhatsApp.', description: 'Markdown, até 50.000 caracteres.' })
  @Trimmed() @IsString() @Length(1, 50000)
  content: string;
}

export class UpdateNoteDto extends NoteFieldsDto {
  @ApiPropertyOptional({ description: 'Markdown, até 50.000 caracteres.' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 50000)
  content?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}
