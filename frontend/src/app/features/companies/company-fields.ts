import { CompanyDto } from '../../core/api/generated/models/company-dto';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { COMPANY_SIZES, COMPANY_STATUSES, LIFECYCLE_STAGES, UFS } from '../../shared/crm-labels';
import { GridColumn } from '../../shared/data-grid/grid-query';
import { applyMask } from '../../shared/masks/br-masks';
import { FormFieldSpec } from '../../shared/record-form/form-spec';
import { UsersDirectory } from '../../shared/users-directory';

/** Labels of the company's API fields (grid headers, form, history). */
export const COMPANY_LABELS: Record<string, MessageKey> = {
  legalName: 'companies.field.legalName',
  tradeName: 'companies.field.tradeName',
  cnpj: 'companies.field.cnpj',
  stateRegistration: 'companies.field.stateRegistration',
  segment: 'companies.field.segment',
  size: 'companies.field.size',
  lifecycleStage: 'contacts.field.lifecycleStage',
  status: 'contacts.field.status',
  website: 'companies.field.website',
  email: 'contacts.field.email',
  phone: 'contacts.field.phone',
  employeeCount: 'companies.field.employeeCount',
  annualRevenue: 'companies.field.annualRevenue',
  customerSince: 'companies.field.customerSince',
  address: 'companies.field.address',
  ownerId: 'common.owner',
  tags: 'common.tags',
};

export const COMPANY_FORM: readonly FormFieldSpec[] = [
  {
    key: 'legalName',
    label: 'companies.field.legalName',
    type: 'text',
    required: true,
    maxLength: 200,
    wide: true,
  },
  { key: 'tradeName', label: 'companies.field.tradeName', type: 'text', maxLength: 200 },
  { key: 'cnpj', label: 'companies.field.cnpj', type: 'mask', mask: 'cnpj', hint: 'form.cnpjHint' },
  {
    key: 'stateRegistration',
    label: 'companies.field.stateRegistration',
    type: 'text',
    maxLength: 30,
  },
  { key: 'segment', label: 'companies.field.segment', type: 'text', maxLength: 100 },
  {
    key: 'size',
    label: 'companies.field.size',
    type: 'select',
    options: COMPANY_SIZES,
    optional: true,
  },
  { key: 'email', label: 'contacts.field.email', type: 'email', maxLength: 320 },
  { key: 'phone', label: 'contacts.field.phone', type: 'mask', mask: 'phone' },
  {
    key: 'website',
    label: 'companies.field.website',
    type: 'url',
    maxLength: 500,
    hint: 'form.urlHint',
  },
  { key: 'employeeCount', label: 'companies.field.employeeCount', type: 'number' },
  { key: 'annualRevenue', label: 'companies.field.annualRevenue', type: 'number' },
  {
    key: 'address.postalCode',
    label: 'address.postalCode',
    type: 'mask',
    mask: 'cep',
    section: 'companies.field.address',
  },
  { key: 'address.street', label: 'address.street', type: 'text', maxLength: 200 },
  { key: 'address.number', label: 'address.number', type: 'text', maxLength: 20 },
  { key: 'address.complement', label: 'address.complement', type: 'text', maxLength: 200 },
  { key: 'address.district', label: 'address.district', type: 'text', maxLength: 100 },
  { key: 'address.city', label: 'address.city', type: 'text', maxLength: 100 },
  { key: 'address.state', label: 'address.state', type: 'select', values: UFS, optional: true },
  {
    key: 'lifecycleStage',
    label: 'contacts.field.lifecycleStage',
    type: 'select',
    options: LIFECYCLE_STAGES,
    section: 'form.section.relationship',
  },
  { key: 'status', label: 'contacts.field.status', type: 'select', options: COMPANY_STATUSES },
  { key: 'customerSince', label: 'companies.field.customerSince', type: 'date' },
  { key: 'ownerId', label: 'common.owner', type: 'owner' },
];

export function companyColumns(users: UsersDirectory): GridColumn<CompanyDto>[] {
  return [
    {
      field: 'legalName',
      header: 'companies.field.legalName',
      sort: true,
      essential: true,
      flex: 2,
      link: (c) => `/companies/${c.id}`,
    },
    { field: 'tradeName', header: 'companies.field.tradeName', sort: true, flex: 1.5 },
    {
      field: 'cnpj',
      header: 'companies.field.cnpj',
      value: (c) => applyMask('cnpj', c.cnpj),
      filter: { kind: 'text', param: 'cnpj' },
    },
    {
      field: 'city',
      header: 'address.city',
      essential: true,
      fields: ['address'],
      value: (c) => [c.address?.city, c.address?.state].filter(Boolean).join(' / '),
      filter: { kind: 'text', param: 'city' },
    },
    {
      field: 'state',
      header: 'address.state',
      hidden: true,
      fields: ['address'],
      value: (c) => c.address?.state ?? '',
    },
    {
      field: 'segment',
      header: 'companies.field.segment',
      hidden: true,
      filter: { kind: 'text', param: 'segment' },
    },
    {
      field: 'size',
      header: 'companies.field.size',
      filter: { kind: 'choice', param: 'size', options: COMPANY_SIZES },
    },
    {
      field: 'lifecycleStage',
      header: 'contacts.field.lifecycleStage',
      filter: { kind: 'choice', param: 'lifecycleStage', options: LIFECYCLE_STAGES },
    },
    {
      field: 'status',
      header: 'contacts.field.status',
      hidden: true,
      filter: { kind: 'choice', param: 'status', options: COMPANY_STATUSES },
    },
    {
      field: 'phone',
      header: 'contacts.field.phone',
      hidden: true,
      value: (c) => applyMask('phone', c.phone),
    },
    { field: 'ownerId', header: 'common.owner', value: (c) => users.name(c.ownerId) },
    {
      field: 'annualRevenue',
      header: 'companies.field.annualRevenue',
      format: 'currency',
      hidden: true,
      filter: { kind: 'number', min: 'annualRevenueMin', max: 'annualRevenueMax' },
    },
    {
      field: 'createdAt',
      header: 'common.createdAt',
      sort: true,
      format: 'date',
      filter: { kind: 'date', from: 'createdFrom', to: 'createdTo' },
    },
  ];
}
