import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../../shared/dto-helpers';

class LossReasonFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ type: 'integer', default: 0 })
  @NotNullWhenPresent() @IsInt() @Min(0) @Max(100000)
  order?: number;

  @ApiPropertyOptional({ default: true })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreateLossReasonDto extends LossReasonFieldsDto {
  @ApiProperty({ example: 'Prazo de entrega', description: 'Único (sem diferenciar maiúsculas).' })
  @Trimmed() @IsString() @Length(1, 100)
  name: string;
}

export class UpdateLossReasonDto extends LossReasonFieldsDto {
  @ApiPropertyOptional({ example: 'Prazo de entrega' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 100)
  name?: string;
}
