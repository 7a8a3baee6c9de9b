import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, NotNullWhenPresent, Nullable, Trimmed, TrimToNull, UpperTrim } from '../../../shared/dto-helpers';

class PriceListFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ example: 'BRL', default: 'BRL' })
  @NotNullWhenPresent() @UpperTrim() @Matches(/^[A-Z]{3}$/, { message: '$property: código ISO 4217 de 3 letras, ex. BRL' })
  currency?: string;

  @ApiPropertyOptional({ description: 'true torna esta a tabela padrão (a anterior deixa de ser).' })
  @NotNullWhenPresent() @IsBoolean()
  isDefault?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-01-01' })
  @Nullable() @IsCalendarDate()
  validFrom?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-12-31', description: 'Não antes de validFrom.' })
  @Nullable() @IsCalendarDate()
  validTo?: string | null;

  @ApiPropertyOptional({ default: true })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreatePriceListDto extends PriceListFieldsDto {
  @ApiProperty({ example: 'Atacado 2025' })
  @Trimmed() @IsString() @Length(1, 100)
  name: string;
}

export class UpdatePriceListDto extends PriceListFieldsDto {
  @ApiPropertyOptional({ example: 'Atacado 2025' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

class PriceListItemFieldsDto {
  @ApiPropertyOptional({ example: 10, default: 1, description: 'Faixa de volume: o preço vale a partir desta quantidade (> 0, até 3 casas).' })
  @NotNullWhenPresent() @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false }) @Min(0.001) @Max(99_999_999_999)
  minQuantity?: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 10, description: 'Desconto máximo (%), 0–100.' })
  @Nullable() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(100)
  maxDiscountPercent?: number | null;
}

export class CreatePriceListItemDto extends PriceListItemFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Produto (não excluído).' })
  @IsUUID()
  productId: string;

  @ApiProperty({ example: 22.5, minimum: 0, description: 'Preço, até 2 casas.' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  price: number;
}

export class UpdatePriceListItemDto extends PriceListItemFieldsDto {
  @ApiPropertyOptional({ example: 22.5, minimum: 0 })
  @NotNullWhenPresent() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  price?: number;
}
