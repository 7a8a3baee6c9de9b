import { ApiProperty } from '@nestjs/swagger';
import { iso } from '../../shared/dto-helpers';
import { PageOf } from '../../shared/list/page.dto';
import { LIFECYCLE_STAGES } from '../../contacts/contacts.list';
import { COMPANY_SIZES, COMPANY_STATUSES, UFS } from '../companies.list';

export interface AddressRecord {
  postalCode: string | null;
  street: string | null;
  number: string | null;
  complement: string | null;
  district: string | null;
  city: string | null;
  state: string | null;
}

/** A company as the repository reads it (COMPANY_LIST's select list); with ?fields= only some are present. */
export interface CompanyRecord {
  id: string;
  legalName: string;
  tradeName: string | null;
  cnpj: string | null;
  stateRegistration: string | null;
  segment: string | null;
  size: string | null;
  lifecycleStage: string;
  status: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  employeeCount: number | null;
  annualRevenue: number | null;
  customerSince: string | null;
  parentCompanyId: string | null;
  originId: string | null;
  ownerId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  address: AddressRecord | null;
  tags: string[];
}

export class AddressDto {
  @ApiProperty({ type: String, nullable: true, example: '01310100', description: 'CEP, 8 dígitos.' }) postalCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Avenida Paulista' }) street: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1000' }) number: string | null;
  @ApiProperty({ type: String, nullable: true }) complement: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Bela Vista' }) district: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'São Paulo' }) city: string | null;
  @ApiProperty({ type: String, nullable: true, enum: UFS, example: 'SP' }) state: string | null;
}

export class CompanyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Distribuidora Lima Ltda', description: 'Razão social.' }) legalName: string;
  @ApiProperty({ type: String, nullable: true, example: 'Lima Distribuidora', description: 'Nome fantasia.' }) tradeName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '11222333000181', description: '14 caracteres, sem pontuação (alfanumérico a partir de 2026).' })
  cnpj: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Inscrição estadual.' }) stateRegistration: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'varejo alimentar' }) segment: string | null;
  @ApiProperty({ enum: COMPANY_SIZES, nullable: true, description: 'Porte.' }) size: string | null;
  @ApiProperty({ enum: LIFECYCLE_STAGES, example: 'lead' }) lifecycleStage: string;
  @ApiProperty({ enum: COMPANY_STATUSES, example: 'ativo' }) status: string;
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164.' }) phone: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) employeeCount: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1250000.5, description: 'BRL, 2 casas.' }) annualRevenue: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) customerSince: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Matriz.' }) parentCompanyId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) originId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dono; null = pool não atribuído.' }) ownerId: string | null;
  @ApiProperty({ type: AddressDto, nullable: true, description: 'Endereço principal.' }) address: AddressDto | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: 'integer', example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deletedAt: string | null;
}

export class CompanyPageDto extends PageOf(CompanyDto) {}

export const toCompanyDto = (r: CompanyRecord): CompanyDto => ({
  id: r.id,
  legalName: r.legalName,
  tradeName: r.tradeName,
  cnpj: r.cnpj,
  stateRegistration: r.stateRegistration,
  segment: r.segment,
  size: r.size,
  lifecycleStage: r.lifecycleStage,
  status: r.status,
  website: r.website,
  email: r.email,
  phone: r.phone,
  employeeCount: r.employeeCount,
  annualRevenue: r.annualRevenue,
  customerSince: r.customerSince,
  parentCompanyId: r.parentCompanyId,
  originId: r.originId,
  ownerId: r.ownerId,
  address: r.address,
  tags: r.tags,
  version: r.version,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
  deletedAt: iso(r.deletedAt),
});
