import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../../shared/dto-helpers';

class CategoryFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Categoria-mãe (não pode ser ela mesma nem uma descendente).' })
  @Nullable() @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: 'integer', default: 0 })
  @NotNullWhenPresent() @IsInt() @Min(0) @Max(100000)
  order?: number;

  @ApiPropertyOptional({ default: true })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreateCategoryDto extends CategoryFieldsDto {
  @ApiProperty({ example: 'Mercearia' })
  @Trimmed() @IsString() @Length(1, 100)
  name: string;
}

export class UpdateCategoryDto extends CategoryFieldsDto {
  @ApiPropertyOptional({ example: 'Mercearia' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 100)
  name?: string;
}
