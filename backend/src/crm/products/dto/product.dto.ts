import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { PRODUCT_TYPES, RECURRENCES } from '../products.list';

/** A product as the repository reads it (PRODUCT_LIST's select list); with ?fields= only some are present. */
export interface ProductRecord {
  id: string;
  sku: string | null;
  name: string;
  description: string | null;
  type: string;
  categoryId: string | null;
  categoryName: string | null;
  unit: string;
  gtin: string | null;
  ncm: string | null;
  price: number | null;
  cost: number | null;
  currency: string;
  recurrence: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export class ProductDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'ARZ-5KG', description: 'SKU, único entre os produtos não excluídos (também a chave do ERP).' }) sku: string | null;
  @ApiProperty({ example: 'Arroz tipo 1 5 kg' }) name: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: PRODUCT_TYPES, example: 'produto' }) type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) categoryId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Produtos' }) categoryName: string | null;
  @ApiProperty({ example: 'UN', description: 'Unidade: UN, CX, KG, L, H…' }) unit: string;
  @ApiProperty({ type: String, nullable: true, example: '7891234567895', description: 'GTIN/EAN, 8 a 14 dígitos.' }) gtin: string | null;
  @ApiProperty({ type: String, nullable: true, example: '10063021', description: 'NCM, 8 dígitos.' }) ncm: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 24.9, description: 'Preço de lista (numeric(14,2)); as tabelas de preços o substituem.' }) price: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 17.5, description: 'Custo (numeric(14,2)).' }) cost: number | null;
  @ApiProperty({ example: 'BRL' }) currency: string;
  @ApiProperty({ enum: RECURRENCES, nullable: true, description: 'Para assinaturas.' }) recurrence: string | null;
  @ApiProperty({ description: 'Inativos não entram em novas oportunidades.' }) active: boolean;
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class ProductPageDto extends PageOf(ProductDto) {}

export const toProductDto = (r: ProductRecord): ProductDto => ({
  id: r.id,
  sku: r.sku,
  name: r.name,
  description: r.description,
  type: r.type,
  categoryId: r.categoryId,
  categoryName: r.categoryName,
  unit: r.unit,
  gtin: r.gtin,
  ncm: r.ncm,
  price: r.price,
  cost: r.cost,
  currency: r.currency,
  recurrence: r.recurrence,
  active: r.active,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
