import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../../shared/dto-helpers';
import { PageOf } from '../../../shared/list/page.dto';

export interface PriceListRecord {
  id: string;
  name: string;
  description: string | null;
  currency: string;
  isDefault: boolean;
  validFrom: string | null;
  validTo: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface PriceListItemRecord {
  id: string;
  productId: string;
  productName: string | null;
  productSku: string | null;
  price: number;
  minQuantity: number;
  maxDiscountPercent: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export class PriceListDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Atacado 2025' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ example: 'BRL' }) currency: string;
  @ApiProperty({ description: 'A tabela padrão (uma por tenant) dá o preço dos itens de oportunidade sem preço informado.' }) isDefault: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Vigência: início.' }) validFrom: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Vigência: fim (inclusive).' }) validTo: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class PriceListPageDto extends PageOf(PriceListDto) {}

export const toPriceListDto = (r: PriceListRecord): PriceListDto => ({
  id: r.id,
  name: r.name,
  description: r.description,
  currency: r.currency,
  isDefault: r.isDefault,
  validFrom: r.validFrom,
  validTo: r.validTo,
  active: r.active,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});

export class PriceListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ type: String, nullable: true }) productName: string | null;
  @ApiProperty({ type: String, nullable: true }) productSku: string | null;
  @ApiProperty({ example: 22.5, description: 'Preço (numeric(14,2)).' }) price: number;
  @ApiProperty({ example: 10, description: 'Faixa: vale a partir desta quantidade.' }) minQuantity: number;
  @ApiProperty({ type: Number, nullable: true, example: 10, description: 'Desconto máximo permitido (%).' }) maxDiscountPercent: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PriceListItemPageDto extends PageOf(PriceListItemDto) {}

export const toPriceListItemDto = (r: PriceListItemRecord): PriceListItemDto => ({
  id: r.id,
  productId: r.productId,
  productName: r.productName,
  productSku: r.productSku,
  price: r.price,
  minQuantity: r.minQuantity,
  maxDiscountPercent: r.maxDiscountPercent,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});
