import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NotNullWhenPresent, Nullable, TrimToNull } from '../../shared/dto-helpers';

export interface OpportunityItemRecord {
  id: string;
  opportunityId: string;
  productId: string;
  productName: string | null;
  productSku: string | null;
  description: string | null;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  total: number;
  order: number;
  createdAt: Date;
  updatedAt: Date;
}

export class OpportunityItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ type: String, nullable: true, example: 'Arroz tipo 1 5 kg' }) productName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ARZ-5KG' }) productSku: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ example: 120, description: 'Quantidade (até 3 casas).' }) quantity: number;
  @ApiProperty({ example: 24.9, description: 'Preço unitário (2 casas).' }) unitPrice: number;
  @ApiProperty({ example: 5, description: 'Desconto (%), 0–100.' }) discountPercent: number;
  @ApiProperty({ example: 2838.6, description: 'quantity × unitPrice × (1 − discountPercent/100), arredondado a 2 casas.' }) total: number;
  @ApiProperty({ type: 'integer', example: 1 }) order: number;
}

export class OpportunityItemsDto {
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ type: [OpportunityItemDto] }) items: OpportunityItemDto[];
  @ApiProperty({ example: 2988, description: 'Soma de quantity × unitPrice (sem descontos).' }) subtotal: number;
  @ApiProperty({ example: 149.4, description: 'Soma dos descontos.' }) discount: number;
  @ApiProperty({ example: 2838.6, description: 'Soma dos totais dos itens = amount da oportunidade.' }) total: number;
  @ApiProperty({ example: 2838.6, description: 'amount da oportunidade.' }) amount: number;
  @ApiProperty({ type: 'integer', example: 4, description: 'Versão da oportunidade (If-Match); cada alteração de item a incrementa.' }) version: number;
}

export const toOpportunityItemDto = (r: OpportunityItemRecord): OpportunityItemDto => ({
  id: r.id,
  productId: r.productId,
  productName: r.productName,
  productSku: r.productSku,
  description: r.description,
  quantity: r.quantity,
  unitPrice: r.unitPrice,
  discountPercent: r.discountPercent,
  total: r.total,
  order: r.order,
});

class ItemFieldsDto {
  @ApiPropertyOptional({ example: 120, default: 1, description: 'Maior que 0, até 3 casas.' })
  @NotNullWhenPresent() @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false }) @Min(0.001) @Max(99_999_999_999)
  quantity?: number;

  @ApiPropertyOptional({ example: 24.9, description: 'Preço unitário, até 2 casas. Na inclusão, o padrão vem da tabela de preços (faixa de quantidade) ou do preço do produto.' })
  @NotNullWhenPresent() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999.99)
  unitPrice?: number;

  @ApiPropertyOptional({ example: 5, default: 0, description: 'Desconto (%), 0–100, até 2 casas.' })
  @NotNullWhenPresent() @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(100)
  discountPercent?: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ type: 'integer', description: 'Posição na lista (padrão: no fim).' })
  @NotNullWhenPresent() @IsInt() @Min(0) @Max(100000)
  order?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Versão da oportunidade (ou If-Match); conferida quando enviada.' })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class CreateOpportunityItemDto extends ItemFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Produto ativo do catálogo.' })
  @IsUUID()
  productId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tabela de preços para o preço padrão (padrão: a tabela padrão vigente).' })
  @IsOptional() @IsUUID()
  priceListId?: string;
}

export class UpdateOpportunityItemDto extends ItemFieldsDto {}
