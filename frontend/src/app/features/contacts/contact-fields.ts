import { ContactDto } from '../../core/api/generated/models/contact-dto';
import { MessageKey } from '../../core/i18n/messages.pt-br';
import { CONTACT_STATUSES, LIFECYCLE_STAGES } from '../../shared/crm-labels';
import { GridColumn } from '../../shared/data-grid/grid-query';
import { applyMask } from '../../shared/masks/br-masks';
import { FormFieldSpec } from '../../shared/record-form/form-spec';
import { UsersDirectory } from '../../shared/users-directory';

/** Labels of the contact's API fields (grid headers, form, history). */
export const CONTACT_LABELS: Record<string, MessageKey> = {
  name: 'contacts.field.name',
  email: 'contacts.field.email',
  phone: 'contacts.field.phone',
  mobile: 'contacts.field.mobile',
  cpf: 'contacts.field.cpf',
  birthDate: 'contacts.field.birthDate',
  jobTitle: 'contacts.field.jobTitle',
  department: 'contacts.field.department',
  linkedinUrl: 'contacts.field.linkedinUrl',
  companyId: 'contacts.field.company',
  lifecycleStage: 'contacts.field.lifecycleStage',
  status: 'contacts.field.status',
  disqualificationReason: 'contacts.field.disqualificationReason',
  lastActivityAt: 'contacts.field.lastActivityAt',
  ownerId: 'common.owner',
  tags: 'common.tags',
  createdAt: 'common.createdAt',
  updatedAt: 'common.updatedAt',
};

export const CONTACT_FORM: readonly FormFieldSpec[] = [
  {
    key: 'name',
    label: 'contacts.field.name',
    type: 'text',
    required: true,
    maxLength: 200,
    wide: true,
  },
  { key: 'email', label: 'contacts.field.email', type: 'email', maxLength: 320 },
  { key: 'mobile', label: 'contacts.field.mobile', type: 'mask', mask: 'phone' },
  { key: 'phone', label: 'contacts.field.phone', type: 'mask', mask: 'phone' },
  { key: 'cpf', label: 'contacts.field.cpf', type: 'mask', mask: 'cpf' },
  { key: 'birthDate', label: 'contacts.field.birthDate', type: 'date' },
  { key: 'companyId', label: 'contacts.field.company', type: 'company' },
  { key: 'jobTitle', label: 'contacts.field.jobTitle', type: 'text', maxLength: 200 },
  { key: 'department', label: 'contacts.field.department', type: 'text', maxLength: 200 },
  {
    key: 'lifecycleStage',
    label: 'contacts.field.lifecycleStage',
    type: 'select',
    options: LIFECYCLE_STAGES,
    section: 'form.section.relationship',
  },
  { key: 'status', label: 'contacts.field.status', type: 'select', options: CONTACT_STATUSES },
  { key: 'ownerId', label: 'common.owner', type: 'owner' },
  {
    key: 'linkedinUrl',
    label: 'contacts.field.linkedinUrl',
    type: 'url',
    maxLength: 500,
    hint: 'form.urlHint',
  },
];

export function contactColumns(users: UsersDirectory): GridColumn<ContactDto>[] {
  return [
    {
      field: 'name',
      header: 'contacts.field.name',
      sort: true,
      essential: true,
      flex: 2,
      link: (c) => `/contacts/${c.id}`,
    },
    {
      field: 'email',
      header: 'contacts.field.email',
      flex: 2,
      filter: { kind: 'text', param: 'email' },
    },
    {
      field: 'mobile',
      header: 'contacts.field.mobile',
      essential: true,
      value: (c) => applyMask('phone', c.mobile),
      filter: { kind: 'text', param: 'phone' },
    },
    {
      field: 'phone',
      header: 'contacts.field.phone',
      hidden: true,
      value: (c) => applyMask('phone', c.phone),
    },
    {
      field: 'cpf',
      header: 'contacts.field.cpf',
      hidden: true,
      value: (c) => applyMask('cpf', c.cpf),
      filter: { kind: 'text', param: 'cpf' },
    },
    { field: 'jobTitle', header: 'contacts.field.jobTitle', hidden: true },
    {
      field: 'lifecycleStage',
      header: 'contacts.field.lifecycleStage',
      filter: { kind: 'choice', param: 'lifecycleStage', options: LIFECYCLE_STAGES },
    },
    {
      field: 'status',
      header: 'contacts.field.status',
      filter: { kind: 'choice', param: 'status', options: CONTACT_STATUSES },
    },
    { field: 'ownerId', header: 'common.owner', value: (c) => users.name(c.ownerId) },
    {
      field: 'lastActivityAt',
      header: 'contacts.field.lastActivityAt',
      sort: true,
      format: 'date',
      filter: { kind: 'date', from: 'lastActivityFrom', to: 'lastActivityTo' },
    },
    {
      field: 'createdAt',
      header: 'common.createdAt',
      sort: true,
      format: 'date',
      hidden: true,
      filter: { kind: 'date', from: 'createdFrom', to: 'createdTo' },
    },
    { field: 'tags', header: 'common.tags', hidden: true },
  ];
}
