import { ACTIVITY_FORM, withInstants } from './activity-fields';

describe('activity form', () => {
  it('asks for a subject and a type', () => {
    expect(ACTIVITY_FORM.filter((f) => f.required).map((f) => f.key)).toEqual(['subject', 'type']);
  });

  it('sends local date-times as UTC instants and leaves the rest alone', () => {
    const local = '2026-03-10T14:30';
    const body = withInstants({ subject: 'Ligar', dueAt: local, startAt: '' });
    expect(body['dueAt']).toBe(new Date(local).toISOString());
    expect(body['dueAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(body['startAt']).toBe('');
    expect(body['subject']).toBe('Ligar');
  });
});
