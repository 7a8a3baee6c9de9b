import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed, TrimToNull, UpperTrim } from '../../shared/dto-helpers';
import { PRODUCT_TYPES, RECURRENCES } from '../products.list';

/** Digits only (a formatted NCM such as 1006.30.21 becomes 10063021); other values are left for the validator. */
const DigitsOnly = () => Transform(({ value }) => (typeof value === 'string' && /^[\d.\s-]+$/.test(value) ? value.replace(/\D/g, '') : value));

class ProductFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'ARZ-5KG', description: 'SKU: único entre os produtos não excluídos (409 DUPLICATE_SKU).' })
  @Nullable() @TrimToNull() @IsString() @MaxLength(60)
  sku?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ enum: PRODUCT_TYPES, default: 'produto' })
  @NotNullWhenPresent() @IsIn(PRODUCT_TYPES, { message: `$property: use ${PRODUCT_TYPES.join(', ')}` })
  type?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Categoria (não excluída).' })
  @Nullable() @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ example: 'CX', default: 'UN', description: 'Unidade (UN, CX, KG, L, H…).' })
  @NotNullWhenPresent() @UpperTrim() @IsString() @Length(1, 10)
  unit?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '7891234567895', description: 'GTIN/EAN: 8 a 14 dígitos.' })
  @Nullable() @DigitsOnly() @Matches(/^[0-9]{8,14}$/, { message: '$property: GTIN/EAN de 8 a 14 dígitos' })
  gtin?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '1006.30.21', description: 'NCM: 8 dígitos (com ou sem pontos).' })
  @Nullable() @DigitsOnly() @Matches(/^[0-9]{8}$/, { message: '$property: NCM de 8 dígitos' })
  ncm?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 24.9, minimum: 0, description: 'Preço de lista em BRL (ou currency), até 2 casas.' })
  @Nullable() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  price?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 17.5, minimum: 0 })
  @Nullable() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  cost?: number | null;

  @ApiPropertyOptional({ example: 'BRL', default: 'BRL' })
  @NotNullWhenPresent() @UpperTrim() @Matches(/^[A-Z]{3}$/, { message: '$property: código ISO 4217 de 3 letras, ex. BRL' })
  currency?: string;

  @ApiPropertyOptional({ enum: RECURRENCES, nullable: true, description: 'Para assinaturas.' })
  @Nullable() @IsIn(RECURRENCES, { message: `$property: use ${RECURRENCES.join(', ')}` })
  recurrence?: string | null;

  @ApiPropertyOptional({ default: true })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreateProductDto extends ProductFieldsDto {
  @ApiProperty({ example: 'Arroz tipo 1 5 kg' })
  @Trimmed() @IsString() @Length(1, 200)
  name: string;
}

export class UpdateProductDto extends ProductFieldsDto {
  @ApiPropertyOptional({ example: 'Arroz tipo 1 5 kg' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão lida (ou o cabeçalho If-Match). Uma das duas é obrigatória.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}
