export type TenantStatus = 'ativo' | 'arquivado';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  schema: string;
  status: TenantStatus;
  schemaVersion: number;
  vertical: string | null;
  timeZone: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

export interface ProvisionTenantInput {
  slug: string;
  name: string;
  vertical?: string | null;
}
