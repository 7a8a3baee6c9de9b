import { planTypeChange } from './type-change';

describe('field type changes', () => {
  const c = '"x"';

  it('allows lossless or checked changes and gives the check and the conversion', () => {
    const p = planTypeChange('text', 'integer');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.bad!(c)).toContain(`btrim(${c}) ~`);
    expect(p.using(c)).toBe(`btrim(${c})::integer`);
    const widen = planTypeChange('integer', 'decimal');
    expect(widen).toMatchObject({ ok: true, bad: null });
    const narrow = planTypeChange('decimal', 'currency_brl');
    expect(narrow.ok && narrow.bad!(c)).toBe(`${c} <> round(${c}, 2) OR abs(${c}) >= 1000000000000`);
    expect(planTypeChange('currency_brl', 'decimal')).toMatchObject({ ok: true, bad: null });
    expect(planTypeChange('text', 'select')).toMatchObject({ ok: true, needsOptions: true });
    expect(planTypeChange('date', 'datetime')).toMatchObject({ ok: true, bad: null });
    expect(planTypeChange('email', 'text')).toMatchObject({ ok: true, bad: null });
    const cpf = planTypeChange('text', 'cpf');
    expect(cpf.ok && cpf.bad!(c)).toBe(`${c} !~ '^[0-9]{11}$'`);
  });

  it.each([
    ['lookup', 'text'],
    ['text', 'lookup'],
    ['multi_select', 'text'],
    ['boolean', 'date'],
    ['date', 'integer'],
    ['integer', 'email'],
  ] as const)('refuses %s → %s with a reason', (from, to) => {
    const p = planTypeChange(from, to);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.reason.length).toBeGreaterThan(5);
  });
});
