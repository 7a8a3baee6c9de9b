import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../../shared/dto-helpers';

class CompetitorFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://distribuidorapaulista.com.br' })
  @Nullable() @TrimToNull() @IsUrl({ require_protocol: true }, { message: '$property: URL inválida (com http:// ou https://)' }) @MaxLength(500)
  website?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pontos fortes.' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  strengths?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pontos fracos.' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(2000)
  weaknesses?: string | null;

  @ApiPropertyOptional({ default: true })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreateCompetitorDto extends CompetitorFieldsDto {
  @ApiProperty({ example: 'Distribuidora Paulista', description: 'Único entre os concorrentes não excluídos (sem diferenciar maiúsculas).' })
  @Trimmed() @IsString() @Length(1, 200)
  name: string;
}

export class UpdateCompetitorDto extends CompetitorFieldsDto {
  @ApiPropertyOptional({ example: 'Distribuidora Paulista' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  name?: string;
}
