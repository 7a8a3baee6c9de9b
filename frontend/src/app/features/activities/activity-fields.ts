import { ACTIVITY_PRIORITIES, ACTIVITY_TYPES } from '../../shared/crm-labels';
import { FormFieldSpec } from '../../shared/record-form/form-spec';

/** The "Nova atividade" form (the API's CreateActivityDto, the fields a person fills by hand). */
export const ACTIVITY_FORM: readonly FormFieldSpec[] = [
  {
    key: 'subject',
    label: 'activities.field.subject',
    type: 'text',
    required: true,
    maxLength: 500,
    wide: true,
  },
  {
    key: 'type',
    label: 'activities.field.type',
    type: 'select',
    options: ACTIVITY_TYPES,
    required: true,
  },
  {
    key: 'priority',
    label: 'activities.field.priority',
    type: 'select',
    options: ACTIVITY_PRIORITIES,
  },
  {
    key: 'dueAt',
    label: 'activities.field.dueAt',
    type: 'datetime-local',
    hint: 'activities.dueAtHint',
  },
  { key: 'startAt', label: 'activities.field.startAt', type: 'datetime-local' },
  { key: 'companyId', label: 'activities.field.company', type: 'company' },
  { key: 'ownerId', label: 'common.owner', type: 'owner' },
  { key: 'location', label: 'activities.field.location', type: 'text', maxLength: 500 },
  {
    key: 'description',
    label: 'activities.field.description',
    type: 'textarea',
    maxLength: 10000,
    wide: true,
  },
];

/** Keys of date-times typed in the browser's time zone (`2025-03-10T14:00`), sent as UTC instants. */
const LOCAL_DATE_TIMES = ['dueAt', 'startAt'];

/** The form's local date-times as ISO instants with offset (the API refuses a time without one). */
export function withInstants(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const key of LOCAL_DATE_TIMES) {
    const value = out[key];
    if (typeof value === 'string' && value) {
      const ms = Date.parse(value); // no offset: the browser's time zone
      if (!Number.isNaN(ms)) out[key] = new Date(ms).toISOString();
    }
  }
  return out;
}
