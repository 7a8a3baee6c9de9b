import { isValidCnpj, isValidCpf, normalizePhoneBR } from '../../common/br';
import { DemoRefs, generateDemoData, proportionalSizes } from './generate';
import { Prng } from './prng';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const refs: DemoRefs = {
  funilId: uuid(1),
  stages: [
    { id: uuid(11), nome: 'Prospecção', ordem: 1, probabilidade: 10, tipo: 'aberto' },
    { id: uuid(12), nome: 'Qualificação', ordem: 2, probabilidade: 25, tipo: 'aberto' },
    { id: uuid(13), nome: 'Proposta', ordem: 3, probabilidade: 50, tipo: 'aberto' },
    { id: uuid(14), nome: 'Negociação', ordem: 4, probabilidade: 75, tipo: 'aberto' },
    { id: uuid(15), nome: 'Ganho', ordem: 5, probabilidade: 100, tipo: 'ganho' },
    { id: uuid(16), nome: 'Perdido', ordem: 6, probabilidade: 0, tipo: 'perdido' },
  ],
  motivosPerda: ['Preço', 'Concorrente', 'Sem orçamento', 'Outro'].map((nome, i) => ({ id: uuid(20 + i), nome })),
  origens: ['Site', 'Indicação', 'WhatsApp'].map((nome, i) => ({ id: uuid(30 + i), nome })),
  tiposAtividade: ['ligacao', 'email', 'reuniao', 'tarefa', 'visita', 'whatsapp', 'nota'],
  tabelaPrecoPadraoId: uuid(40),
};
const owners = [uuid(91), uuid(92), uuid(93)];
const now = new Date('2025-06-10T15:00:00Z');
const base = { seed: 42, now, ownerIds: owners, companies: 150, contacts: 1000, opportunities: 300, activities: 2500 };

const dump = (d: ReturnType<typeof generateDemoData>) => d.tables.map((t) => ({ name: t.name, data: t.data }));

describe('demo data generator (pure)', () => {
  const data = generateDemoData(base, refs);
  const t = data.byName;

  it('PRNG is deterministic and uuid v4-shaped', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const xs = Array.from({ length: 100 }, () => a.nextUint32());
    expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(xs);
    expect(new Prng(8).nextUint32()).not.toBe(xs[0]);
    expect(new Prng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Prng(1).fork('x').next()).toBe(new Prng(1).fork('x').next());
    expect(new Prng(1).fork('x').next()).not.toBe(new Prng(1).fork('y').next());
  });

  it('same seed and day ⇒ identical data; another seed ⇒ different data', () => {
    expect(dump(generateDemoData({ ...base, now: new Date('2025-06-10T23:59:00-03:00') }, refs))).toEqual(dump(data));
    expect(dump(generateDemoData({ ...base, seed: 43 }, refs))).not.toEqual(dump(data));
  });

  it('changing one count leaves the catalog and the companies alone', () => {
    const other = generateDemoData({ ...base, activities: 10 }, refs);
    expect(other.byName.tb_produto.data).toEqual(t.tb_produto.data);
    expect(other.byName.tb_empresa.data).toEqual(t.tb_empresa.data);
    expect(other.byName.tb_atividade.length).toBe(10);
  });

  it('produces the requested counts', () => {
    expect(t.tb_empresa.length).toBe(150);
    expect(t.tb_contato.length).toBe(1000);
    expect(t.tb_oportunidade.length).toBe(300);
    expect(t.tb_atividade.length).toBe(2500);
    expect(t.tb_endereco.length).toBeGreaterThanOrEqual(150);
    expect(t.tb_produto.length).toBeGreaterThan(50);
    expect(t.tb_tag_registro.length).toBeGreaterThan(0);
    expect(proportionalSizes(100_000)).toEqual({ contacts: 100_000, companies: 15_000, opportunities: 30_000, activities: 250_000 });
  });

  it('documents are valid and unique; phones E.164; e-mails unique and lower case', () => {
    const cnpjs = t.tb_empresa.col<string>('cnpj');
    expect(cnpjs.every(isValidCnpj)).toBe(true);
    expect(new Set(cnpjs).size).toBe(cnpjs.length);
    expect(cnpjs.some((c) => /[A-Z]/.test(c))).toBe(true); // some alphanumeric CNPJs
    const cpfs = t.tb_contato.col<string | null>('cpf').filter((c): c is string => c !== null);
    expect(cpfs.length).toBeGreaterThan(300);
    expect(cpfs.every(isValidCpf)).toBe(true);
    expect(new Set(cpfs).size).toBe(cpfs.length);
    for (const col of ['telefone', 'celular'] as const) {
      for (const p of t.tb_contato.col<string | null>(col)) if (p !== null) expect(normalizePhoneBR(p)).toBe(p);
    }
    for (const p of t.tb_empresa.col<string | null>('telefone')) if (p !== null) expect(normalizePhoneBR(p)).toBe(p);
    const emails = t.tb_contato.col<string | null>('email').filter((e): e is string => e !== null);
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9.]+@[a-z0-9.]+\.[a-z]{2,}$/);
    for (const cep of t.tb_endereco.col<string>('cep')) expect(cep).toMatch(/^\d{8}$/);
  });

  it('stage, status, probability and loss reason agree; the history walks to the current stage', () => {
    const stageById = new Map(refs.stages.map((s) => [s.id, s]));
    const o = t.tb_oportunidade;
    const hist = new Map<string, Record<string, unknown>[]>();
    for (let i = 0; i < t.tb_oportunidade_historico.length; i++) {
      const h = t.tb_oportunidade_historico.row(i);
      hist.set(h.oportunidade_id as string, [...(hist.get(h.oportunidade_id as string) ?? []), h]);
    }
    const statuses = new Set<string>();
    for (let i = 0; i < o.length; i++) {
      const r = o.row(i);
      const stage = stageById.get(r.etapa_id as string)!;
      statuses.add(r.status as string);
      expect(r.status).toBe(stage.tipo);
      expect(r.probabilidade).toBe(stage.probabilidade);
      expect(r.motivo_perda_id !== null).toBe(r.status === 'perdido');
      expect(r.fechada_em !== null).toBe(r.status !== 'aberto');
      const h = hist.get(r.id as string)!;
      expect(h[0].etapa_anterior_id).toBeNull();
      expect(h[h.length - 1].etapa_nova_id).toBe(r.etapa_id);
      expect(h[h.length - 1].alterado_em).toBe(r.etapa_alterada_em);
      for (let k = 1; k < h.length; k++) {
        expect(h[k].etapa_anterior_id).toBe(h[k - 1].etapa_nova_id);
        expect(h[k].alterado_em as number).toBeGreaterThan(h[k - 1].alterado_em as number);
      }
    }
    expect([...statuses].sort()).toEqual(['aberto', 'ganho', 'perdido']);
  });

  it('activities straddle now: done, overdue, due today and upcoming', () => {
    const a = t.tb_atividade;
    const todayStart = Date.parse('2025-06-10T03:00:00Z');
    const buckets = { done: 0, overdue: 0, today: 0, future: 0 };
    for (let i = 0; i < a.length; i++) {
      const r = a.row(i);
      if (r.concluida) {
        buckets.done++;
        expect(r.concluida_em).not.toBeNull();
        continue;
      }
      const due = r.vencimento as number;
      if (due < todayStart) buckets.overdue++;
      else if (due < todayStart + 86_400_000) buckets.today++;
      else buckets.future++;
    }
    for (const v of Object.values(buckets)) expect(v).toBeGreaterThan(50);
  });

  it('spreads ownership over the given users', () => {
    const o = new Set(t.tb_contato.col('owner_id'));
    for (const id of owners) expect(o.has(id)).toBe(true);
    const none = generateDemoData({ ...base, ownerIds: [], contacts: 50, companies: 10, opportunities: 5, activities: 5 }, refs);
    expect(new Set(none.byName.tb_contato.col('owner_id'))).toEqual(new Set([null]));
  });
});
