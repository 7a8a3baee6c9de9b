/**
 * Pure, deterministic generation of a tenant's demo data (no database access): the same seed, sizes, `now` day,
 * owners and reference data (default pipeline, loss reasons, lead origins, activity types) give the same rows,
 * ids included. The seeder (seed.ts) reads the reference data and inserts what this returns.
 */
import { centsToBrlNumeric, cnpjCheckDigits, cpfCheckDigits } from '../../common/br';
import {
  ACTIVITY_RESULTS,
  ACTIVITY_SUBJECTS,
  ACTIVITY_TYPE_WEIGHTS,
  BAIRROS,
  CARGOS_CLIENTE,
  CARGOS_FORNECEDOR,
  CITIES,
  City,
  COMPANY_CORES,
  COMPANY_KINDS,
  COMPLEMENTOS,
  CPF_REGION_BY_UF,
  CompanyKind,
  DEAL_DESCRIPTIONS,
  DEPARTAMENTO_BY_CARGO,
  DISQUALIFY_REASONS,
  EMPLOYEES_BY_PORTE,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  FREE_MAIL,
  LAST_NAMES,
  LOSS_DETAILS,
  MEETING_PLACES,
  OPPORTUNITY_TITLES,
  PORTE_BY_SUFFIX,
  PRODUCT_CATALOG,
  REVENUE_BY_PORTE,
  STREET_NAMES,
  STREET_TYPES,
  TAGS,
} from './pools';
import { Prng } from './prng';
import { TableData } from './table';

export interface DemoSizes {
  companies: number;
  contacts: number;
  opportunities: number;
  activities: number;
}

export interface StageRef {
  id: string;
  nome: string;
  ordem: number;
  probabilidade: number;
  tipo: 'aberto' | 'ganho' | 'perdido';
}

/** The tenant's default data the generated rows point at (read by the seeder from 0002's rows). */
export interface DemoRefs {
  funilId: string;
  stages: StageRef[];
  motivosPerda: { id: string; nome: string }[];
  origens: { id: string; nome: string }[];
  tiposAtividade: string[];
  tabelaPrecoPadraoId: string | null;
}

export interface GenerateOptions extends DemoSizes {
  seed: number;
  /** Dates are placed around the start of this day in America/Sao_Paulo (same day ⇒ same data). */
  now: Date;
  ownerIds: string[];
}

export interface DemoDataset {
  /** In insertion order (parents before children). */
  tables: TableData[];
  byName: Record<string, TableData>;
}

const DAY = 86_400_000;
const MIN = 60_000;
/** America/Sao_Paulo is UTC−3 all year since 2019 (no daylight saving time). */
const SP_OFFSET = 3 * 3_600_000;

export const DEMO_RATIOS = { companies: 0.15, opportunities: 0.3, activities: 2.5 } as const;

/** Sizes proportional to a contact count (the Supermercado Lima mix: 2,000 / 300 / 600 / 5,000). */
export function proportionalSizes(contacts: number): DemoSizes {
  return {
    contacts,
    companies: Math.round(contacts * DEMO_RATIOS.companies),
    opportunities: Math.round(contacts * DEMO_RATIOS.opportunities),
    activities: Math.round(contacts * DEMO_RATIOS.activities),
  };
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const slugCache = new Map<string, string>();
/** 'São João' → 'saojoao' (memoised: the inputs come from small pools) */
const slug = (s: string): string => {
  let r = slugCache.get(s);
  if (r === undefined) {
    r = stripAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, '');
    slugCache.set(s, r);
  }
  return r;
};

/** Unique strings: `make(base, n)` for n = 1, 2, … until unused; remembers the last n per base (no quadratic walk). */
class UniqueNames {
  private readonly used = new Set<string>();
  private readonly next = new Map<string, number>();
  get size(): number {
    return this.used.size;
  }
  has(s: string): boolean {
    return this.used.has(s);
  }
  take(base: string, make: (n: number) => string): string {
    let n = this.next.get(base) ?? 1;
    let s = make(n);
    while (this.used.has(s)) s = make(++n);
    this.next.set(base, n + 1);
    this.used.add(s);
    return s;
  }
}

class Clock {
  /** 00:00 of `now`'s day in São Paulo, as epoch ms */
  readonly dayStart: number;
  constructor(now: Date) {
    this.dayStart = Math.floor((now.getTime() - SP_OFFSET) / DAY) * DAY + SP_OFFSET;
  }
  /** the latest moment used for "already happened" timestamps: 06:00 today (only the day of `now` matters) */
  get earlyToday(): number {
    return this.at(0, 6, 0);
  }
  /** dayOffset days from today, at local hh:mm */
  at(dayOffset: number, hour: number, minute: number): number {
    return this.dayStart + dayOffset * DAY + (hour * 60 + minute) * MIN;
  }
  /** a business-hours moment dayOffset days from today */
  business(r: Prng, dayOffset: number, fromHour = 8, toHour = 18): number {
    return this.at(dayOffset, r.int(fromHour, toHour - 1), r.int(0, 11) * 5);
  }
  static date(ms: number): string {
    return new Date(ms - SP_OFFSET).toISOString().slice(0, 10);
  }
}

/** EAN-13 check digit over 12 digits. */
function ean13(base12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (base12.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return base12 + String((10 - (sum % 10)) % 10);
}

const CNPJ_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function mobile(r: Prng, ddd: string): string {
  return `+55${ddd}9${r.int(6, 9)}${r.digits(7)}`;
}

function landline(r: Prng, ddd: string): string {
  return `+55${ddd}${r.int(2, 5)}${r.digits(7)}`;
}

function cep(r: Prng, city: City): string {
  const [from, to] = r.pick(city.cep);
  return String(r.int(from, to)).padStart(5, '0') + String(r.int(0, 999)).padStart(3, '0');
}

const IE_LENGTH: Record<string, number> = { SP: 12, MG: 13, RJ: 8, PR: 10, RS: 10, BA: 9, PE: 9, SC: 9, ES: 9, GO: 9, DF: 13 };

interface Company {
  id: string;
  kind: CompanyKind;
  razao: string;
  fantasia: string;
  city: City;
  domain: string;
  owner: string | null;
  criado: number;
  ciclo: string;
  origem: string | null;
  cnpjRoot: string;
  /** branches opened so far (head offices only) */
  branches: number;
  /** the head office of a branch */
  head: Company | null;
  contacts: number[];
}

interface Contact {
  id: string;
  nome: string;
  empresa: number | null;
  owner: string | null;
  criado: number;
  ultimaAtividade: number;
}

interface Opportunity {
  id: string;
  empresa: number | null;
  contato: number | null;
  owner: string | null;
  criado: number;
}

function checkSizes(o: DemoSizes): void {
  for (const k of ['companies', 'contacts', 'opportunities', 'activities'] as const) {
    const v = o[k];
    if (!Number.isInteger(v) || v < 0 || v > 10_000_000) throw new RangeError(`${k} deve ser um inteiro entre 0 e 10.000.000`);
  }
}

export function generateDemoData(opts: GenerateOptions, refs: DemoRefs): DemoDataset {
  checkSizes(opts);
  const root = new Prng(opts.seed >>> 0);
  const clock = new Clock(opts.now);
  const owners = opts.ownerIds;
  const pickOwner = (r: Prng): string | null => (owners.length === 0 || r.chance(0.04) ? null : r.pick(owners));

  const openStages = refs.stages.filter((s) => s.tipo === 'aberto').sort((a, b) => a.ordem - b.ordem);
  const wonStage = refs.stages.find((s) => s.tipo === 'ganho');
  const lostStage = refs.stages.find((s) => s.tipo === 'perdido');
  if (!openStages.length || !wonStage || !lostStage) throw new Error('o funil padrão precisa de etapas aberto, ganho e perdido');

  const origemWeights: Record<string, number> = {
    Site: 20, 'Indicação': 18, Evento: 6, 'Prospecção ativa': 20, WhatsApp: 14, 'Redes sociais': 8,
    'E-mail marketing': 5, 'Anúncio pago': 4, Parceiro: 3, Telefone: 6, 'Importação': 2, Outro: 1,
  };
  const origemTable = refs.origens.map((o) => [o.id, origemWeights[o.nome] ?? 2] as const);
  const pickOrigem = (r: Prng): string | null => (origemTable.length ? r.weighted(origemTable) : null);
  const cityTable = CITIES.map((c) => [c, c.weight] as const);

  const t = {
    categoria: new TableData('tb_categoria_produto', [
      ['id', 'uuid'], ['nome', 'text'], ['descricao', 'text'], ['ordem', 'int4'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    produto: new TableData('tb_produto', [
      ['id', 'uuid'], ['codigo', 'text'], ['nome', 'text'], ['descricao', 'text'], ['categoria_id', 'uuid'], ['unidade', 'text'],
      ['gtin', 'text'], ['ncm', 'text'], ['preco', 'numeric'], ['custo', 'numeric'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    tabela: new TableData('tb_tabela_preco', [
      ['id', 'uuid'], ['nome', 'text'], ['descricao', 'text'], ['padrao', 'bool'], ['vigencia_inicio', 'date'], ['criado_em', 'timestamptz'],
      ['atualizado_em', 'timestamptz'],
    ]),
    tabelaItem: new TableData('tb_tabela_preco_item', [
      ['id', 'uuid'], ['tabela_preco_id', 'uuid'], ['produto_id', 'uuid'], ['preco', 'numeric'], ['quantidade_minima', 'numeric'],
      ['desconto_maximo_percentual', 'numeric'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    tag: new TableData('tb_tag', [['id', 'uuid'], ['nome', 'text'], ['cor', 'text'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz']]),
    empresa: new TableData('tb_empresa', [
      ['id', 'uuid'], ['razao_social', 'text'], ['nome_fantasia', 'text'], ['cnpj', 'text'], ['inscricao_estadual', 'text'],
      ['segmento', 'text'], ['porte', 'text'], ['ciclo_vida', 'text'], ['status', 'text'], ['site', 'text'], ['email', 'text'],
      ['telefone', 'text'], ['numero_funcionarios', 'int4'], ['receita_anual', 'numeric'], ['cliente_desde', 'date'],
      ['empresa_pai_id', 'uuid'], ['origem_id', 'uuid'], ['owner_id', 'uuid'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    endereco: new TableData('tb_endereco', [
      ['id', 'uuid'], ['empresa_id', 'uuid'], ['tipo', 'text'], ['principal', 'bool'], ['cep', 'text'], ['logradouro', 'text'],
      ['numero', 'text'], ['complemento', 'text'], ['bairro', 'text'], ['cidade', 'text'], ['codigo_ibge', 'text'], ['uf', 'text'],
      ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    contato: new TableData('tb_contato', [
      ['id', 'uuid'], ['nome', 'text'], ['email', 'text'], ['telefone', 'text'], ['celular', 'text'], ['cpf', 'text'],
      ['data_nascimento', 'date'], ['cargo', 'text'], ['departamento', 'text'], ['linkedin_url', 'text'], ['empresa_id', 'uuid'],
      ['origem_id', 'uuid'], ['ciclo_vida', 'text'], ['status', 'text'], ['motivo_desqualificacao', 'text'], ['convertido_em', 'timestamptz'],
      ['ultima_atividade_em', 'timestamptz'], ['owner_id', 'uuid'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    oportunidade: new TableData('tb_oportunidade', [
      ['id', 'uuid'], ['titulo', 'text'], ['descricao', 'text'], ['empresa_id', 'uuid'], ['contato_id', 'uuid'], ['funil_id', 'uuid'],
      ['etapa_id', 'uuid'], ['valor', 'numeric'], ['probabilidade', 'int4'], ['previsao_fechamento', 'date'], ['status', 'text'],
      ['tipo_negocio', 'text'], ['motivo_perda_id', 'uuid'], ['motivo_perda_detalhe', 'text'], ['fechada_em', 'timestamptz'],
      ['etapa_alterada_em', 'timestamptz'], ['origem_id', 'uuid'], ['owner_id', 'uuid'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    historico: new TableData('tb_oportunidade_historico', [
      ['id', 'uuid'], ['oportunidade_id', 'uuid'], ['etapa_anterior_id', 'uuid'], ['etapa_nova_id', 'uuid'], ['status', 'text'],
      ['valor', 'numeric'], ['probabilidade', 'int4'], ['usuario_id', 'uuid'], ['alterado_em', 'timestamptz'], ['criado_em', 'timestamptz'],
      ['atualizado_em', 'timestamptz'],
    ]),
    item: new TableData('tb_oportunidade_produto', [
      ['id', 'uuid'], ['oportunidade_id', 'uuid'], ['produto_id', 'uuid'], ['descricao', 'text'], ['quantidade', 'numeric'],
      ['preco_unitario', 'numeric'], ['desconto_percentual', 'numeric'], ['ordem', 'int4'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    atividade: new TableData('tb_atividade', [
      ['id', 'uuid'], ['tipo', 'text'], ['assunto', 'text'], ['descricao', 'text'], ['inicio', 'timestamptz'], ['fim', 'timestamptz'],
      ['vencimento', 'timestamptz'], ['lembrete_em', 'timestamptz'], ['concluida', 'bool'], ['concluida_em', 'timestamptz'],
      ['resultado', 'text'], ['prioridade', 'text'], ['local', 'text'], ['origem', 'text'], ['contato_id', 'uuid'], ['empresa_id', 'uuid'],
      ['oportunidade_id', 'uuid'], ['owner_id', 'uuid'], ['criado_em', 'timestamptz'], ['atualizado_em', 'timestamptz'],
    ]),
    tagRegistro: new TableData('tb_tag_registro', [
      ['id', 'uuid'], ['tag_id', 'uuid'], ['contato_id', 'uuid'], ['empresa_id', 'uuid'], ['oportunidade_id', 'uuid'], ['criado_em', 'timestamptz'],
      ['atualizado_em', 'timestamptz'],
    ]),
  };

  // ---------------------------------------------------------------------------------------------- catalog
  const rc = root.fork('catalogo');
  const catalogCreated = clock.at(-400, 9, 0);
  const catalogAt = (catalogCreated);
  interface Product { id: string; nome: string; unidade: string; cents: number }
  const products: Product[] = [];
  const gtins = new Set<string>();
  PRODUCT_CATALOG.forEach((cat, ci) => {
    const catId = rc.uuid();
    t.categoria.add([catId, cat.nome, `Linha de ${cat.nome.toLowerCase()} para supermercados`, 10 + ci, catalogAt, catalogAt]);
    cat.products.forEach((p, pi) => {
      const id = rc.uuid();
      const cents = Math.round(p.preco * 100);
      const cost = Math.round(cents * rc.float(0.58, 0.8));
      let gtin: string;
      do gtin = ean13('789' + rc.digits(9));
      while (gtins.has(gtin));
      gtins.add(gtin);
      const created = catalogCreated + rc.int(0, 300) * DAY;
      t.produto.add([
        id, `${cat.sku}-${String(pi + 1).padStart(4, '0')}`, p.nome, `${p.nome}. Categoria ${cat.nome}, venda por ${p.unidade}.`, catId,
        p.unidade, gtin, p.ncm, centsToBrlNumeric(cents), centsToBrlNumeric(cost), (created), (created),
      ]);
      products.push({ id, nome: p.nome, unidade: p.unidade, cents });
    });
  });
  // price lists: the tenant's default list gets every product; a wholesale list adds volume tiers
  const atacadoId = rc.uuid();
  const listAt = (clock.at(-30, 9, 0));
  t.tabela.add([atacadoId, 'Tabela atacado', 'Preços por volume para atacarejo e food service', false, Clock.date(clock.at(-30, 9, 0)), listAt, listAt]);
  for (const p of products) {
    if (refs.tabelaPrecoPadraoId) t.tabelaItem.add([rc.uuid(), refs.tabelaPrecoPadraoId, p.id, centsToBrlNumeric(p.cents), '1', '10.00', listAt, listAt]);
    t.tabelaItem.add([rc.uuid(), atacadoId, p.id, centsToBrlNumeric(Math.round(p.cents * 0.93)), '10', '5.00', listAt, listAt]);
    t.tabelaItem.add([rc.uuid(), atacadoId, p.id, centsToBrlNumeric(Math.round(p.cents * 0.88)), '50', '3.00', listAt, listAt]);
  }
  const tagIds = TAGS.map(([nome, cor]) => {
    const id = rc.uuid();
    t.tag.add([id, nome, cor, catalogAt, catalogAt]);
    return id;
  });

  // ---------------------------------------------------------------------------------------------- companies
  const re = root.fork('empresas');
  const companies: Company[] = [];
  const razoes = new Set<string>();
  const domains = new UniqueNames();
  const cnpjs = new Set<string>();
  const kindTable = COMPANY_KINDS.map((k) => [k, k.weight] as const);
  const cicloTable = [['lead', 22], ['lead_qualificado', 12], ['oportunidade', 14], ['cliente', 44], ['ex_cliente', 8]] as const;

  const newCnpjRoot = (r: Prng): string => {
    for (;;) {
      let root8: string;
      if (r.chance(0.06)) {
        // alphanumeric CNPJ (IN RFB 2.229/2024): letters and digits in the root
        root8 = '';
        for (let i = 0; i < 8; i++) root8 += CNPJ_ALNUM[r.int(0, CNPJ_ALNUM.length - 1)];
        if (!/[A-Z]/.test(root8)) continue;
      } else {
        root8 = r.digits(8);
      }
      if (/^(.)\1{7}$/.test(root8)) continue;
      const full = root8 + '0001' + cnpjCheckDigits(root8 + '0001');
      if (cnpjs.has(full)) continue;
      cnpjs.add(full);
      return root8;
    }
  };

  for (let i = 0; i < opts.companies; i++) {
    const id = re.uuid();
    const city = re.weighted(cityTable);
    let criado = clock.business(re, -re.int(1, 1095));
    const owner = pickOwner(re);
    // about 6% are branches (filiais) of an earlier company: same razão social and CNPJ root, next order number
    const picked = i > 20 && re.chance(0.06) ? companies[re.int(0, i - 1)] : null;
    const parent = picked ? (picked.head ?? picked) : null;
    if (parent && criado < parent.criado) criado = Math.min(parent.criado + re.int(30, 400) * DAY, clock.business(re, -1));
    let kind: CompanyKind, razao: string, fantasia: string, domain: string, cnpj: string, suffix: string;
    let root8: string;
    if (parent) {
      kind = parent.kind;
      razao = parent.razao;
      fantasia = `${parent.fantasia} - ${city.name}`;
      domain = parent.domain;
      suffix = razao.split(' ').pop() ?? 'Ltda';
      parent.branches++;
      root8 = parent.cnpjRoot;
      const order = String(parent.branches + 1).padStart(4, '0');
      cnpj = root8 + order + cnpjCheckDigits(root8 + order);
      cnpjs.add(cnpj);
    } else {
      kind = re.weighted(kindTable);
      suffix = re.weighted(kind.suffixes);
      let core = '';
      razao = '';
      for (let attempt = 0; attempt < 8; attempt++) {
        core = re.pick(COMPANY_CORES);
        razao = `${re.pick(kind.razao).replace('{n}', core)} ${suffix}`;
        if (!razoes.has(razao)) break;
      }
      if (razoes.has(razao)) razao = `${razao.slice(0, -suffix.length - 1)} ${city.name} ${suffix}`;
      razoes.add(razao);
      fantasia = re.pick(kind.fantasia).replace('{n}', core);
      const word = re.pick(kind.domainWords);
      const cityWord = slug(city.name);
      const base = `${slug(core)}${word}`;
      domain = domains.take(base, (n) => (n === 1 ? `${base}.com.br` : n === 2 ? `${base}${cityWord}.com.br` : `${base}${n - 1}.com.br`));
      root8 = newCnpjRoot(re);
      cnpj = root8 + '0001' + cnpjCheckDigits(root8 + '0001');
    }
    const porte = re.weighted(PORTE_BY_SUFFIX[suffix] ?? PORTE_BY_SUFFIX.Ltda);
    const [eMin, eMax] = EMPLOYEES_BY_PORTE[porte];
    const [rMin, rMax] = REVENUE_BY_PORTE[porte];
    const ciclo = parent ? parent.ciclo : re.weighted(cicloTable);
    const status = ciclo === 'ex_cliente' ? (re.chance(0.7) ? 'inativo' : 'ativo') : re.chance(0.04) ? 'inativo' : 'ativo';
    const clienteDesde = ciclo === 'cliente' || ciclo === 'ex_cliente' ? Clock.date(criado + re.int(5, 200) * DAY) : null;
    const ie = re.chance(0.12) ? 'ISENTO' : re.digits(IE_LENGTH[city.uf] ?? 9);
    const origem = parent ? parent.origem : pickOrigem(re);
    const atualizado = Math.min(criado + re.int(0, 400) * DAY, clock.earlyToday);
    const mailbox = parent ? slug(city.name) : re.pick(kind.papel === 'fornecedor' ? ['contato', 'comercial', 'vendas', 'sac'] : ['contato', 'compras', 'financeiro', 'administrativo']);
    t.empresa.add([
      id, razao, fantasia, cnpj, ie, kind.segmento, porte, ciclo, status, re.chance(0.7) ? `https://www.${domain}` : null,
      re.chance(0.9) ? `${mailbox}@${domain}` : null, re.chance(0.92) ? landline(re, city.ddd) : null, re.int(eMin, eMax),
      centsToBrlNumeric(re.int(rMin, rMax) * 100), clienteDesde, parent?.id ?? null, origem, owner, (criado), (atualizado),
    ]);
    const streetType = re.weighted(STREET_TYPES);
    const addAddress = (tipo: string, principal: boolean) =>
      t.endereco.add([
        re.uuid(), id, tipo, principal, cep(re, city), `${streetType} ${re.pick(STREET_NAMES)}`, re.chance(0.03) ? 'S/N' : String(re.int(1, 4999)),
        re.chance(0.3) ? re.pick(COMPLEMENTOS) : null, re.pick(BAIRROS), city.name, city.ibge, city.uf, (criado), (criado),
      ]);
    addAddress('comercial', true);
    if (re.chance(0.25)) addAddress(re.chance(0.6) ? 'entrega' : 'cobranca', false);
    companies.push({ id, kind, razao, fantasia, city, domain, owner, criado, ciclo, origem, cnpjRoot: root8, branches: 0, head: parent, contacts: [] });
  }

  // ---------------------------------------------------------------------------------------------- contacts
  const rp = root.fork('contatos');
  const contacts: Contact[] = [];
  const emails = new UniqueNames();
  const cpfs = new Set<string>();
  const phones = new Set<string>();
  const uniquePhone = (make: () => string): string => {
    for (;;) {
      const p = make();
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  };
  const uniqueEmail = (local: string, domain: string): string =>
    emails.take(`${local}@${domain}`, (n) => (n === 1 ? `${local}@${domain}` : `${local}${n}@${domain}`));
  const contactCiclo = [['lead', 35], ['lead_qualificado', 18], ['oportunidade', 14], ['cliente', 28], ['ex_cliente', 5]] as const;
  const linkedShare = companies.length ? 0.8 : 0;
  const roundRobin = Math.min(companies.length, Math.floor(opts.contacts * linkedShare));

  for (let i = 0; i < opts.contacts; i++) {
    const id = rp.uuid();
    const female = rp.chance(0.5);
    const first = rp.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
    const last1 = rp.pick(LAST_NAMES);
    const last2 = rp.chance(0.45) ? rp.pick(LAST_NAMES) : null;
    const nome = last2 && last2 !== last1 ? `${first} ${last1} ${last2}` : `${first} ${last1}`;
    const lastForMail = last2 && last2 !== last1 ? last2 : last1;
    // every company gets a contact first, then the rest are spread at random
    const empresa = i < roundRobin ? i : companies.length && rp.chance(linkedShare) ? rp.int(0, companies.length - 1) : null;
    const company = empresa !== null ? companies[empresa] : null;
    const city = company ? company.city : rp.weighted(cityTable);
    let email: string | null = null;
    if (rp.chance(0.95)) {
      const local = `${slug(first)}.${slug(lastForMail)}`;
      email = company && rp.chance(0.8) ? uniqueEmail(local, company.domain) : uniqueEmail(rp.chance(0.3) ? `${local}${rp.int(1, 99)}` : local, rp.weighted(FREE_MAIL));
    }
    const celular = rp.chance(0.88) ? uniquePhone(() => mobile(rp, city.ddd)) : null;
    const telefone = rp.chance(0.3) ? uniquePhone(() => landline(rp, city.ddd)) : null;
    let cpf: string | null = null;
    if (rp.chance(company ? 0.45 : 0.85)) {
      for (;;) {
        const base = rp.digits(8) + (CPF_REGION_BY_UF[city.uf] ?? '8');
        const c = base + cpfCheckDigits(base);
        if (/^(\d)\1{10}$/.test(c) || cpfs.has(c)) continue;
        cpfs.add(c);
        cpf = c;
        break;
      }
    }
    const nascimento = rp.chance(0.4) ? Clock.date(clock.at(-rp.int(20 * 365, 65 * 365), 12, 0)) : null;
    const cargo = company
      ? rp.weighted(company.kind.papel === 'fornecedor' ? CARGOS_FORNECEDOR : CARGOS_CLIENTE)
      : rp.chance(0.5) ? rp.weighted(CARGOS_CLIENTE) : null;
    const departamento = cargo ? (DEPARTAMENTO_BY_CARGO[cargo] ?? null) : null;
    const linkedin = rp.chance(0.18) ? `https://www.linkedin.com/in/${slug(first)}-${slug(last1)}-${rp.uuid().slice(0, 8)}` : null;
    const ciclo = company && rp.chance(0.6) ? company.ciclo : rp.weighted(contactCiclo);
    const status = ciclo === 'lead' && rp.chance(0.08) ? 'desqualificado' : ciclo === 'ex_cliente' || rp.chance(0.05) ? 'inativo' : 'ativo';
    const criado = company ? Math.min(company.criado + rp.int(0, 120) * DAY, clock.business(rp, -1)) : clock.business(rp, -rp.int(1, 1095));
    const convertido = ciclo === 'cliente' || ciclo === 'ex_cliente' ? Math.min(criado + rp.int(3, 180) * DAY, clock.business(rp, -1)) : null;
    const owner = company && rp.chance(0.85) ? company.owner : pickOwner(rp);
    const atualizado = Math.min(criado + rp.int(0, 300) * DAY, clock.earlyToday);
    t.contato.add([
      id, nome, email, telefone, celular, cpf, nascimento, cargo, departamento, linkedin, company?.id ?? null,
      company && rp.chance(0.7) ? company.origem : pickOrigem(rp), ciclo, status, status === 'desqualificado' ? rp.pick(DISQUALIFY_REASONS) : null,
      convertido !== null ? (convertido) : null, null /* ultima_atividade_em: filled from activities */, owner, (criado), (atualizado),
    ]);
    if (company) company.contacts.push(i);
    contacts.push({ id, nome, empresa, owner, criado, ultimaAtividade: 0 });
  }

  // ---------------------------------------------------------------------------------------------- opportunities
  const ro = root.fork('oportunidades');
  const opportunities: Opportunity[] = [];
  const stageTable: (readonly [StageRef, number])[] = [
    ...openStages.map((s, i) => [s, Math.max(5, 25 - 5 * i)] as const),
    [wonStage, 18],
    [lostStage, 12],
  ];
  const lossWeights: Record<string, number> = { 'Preço': 30, Concorrente: 22, 'Sem orçamento': 10, 'Sem retorno do cliente': 14, 'Timing / adiado': 8, 'Produto não atende': 6, 'Sem poder de decisão': 4, 'Escolheu não comprar': 4, Outro: 2 };
  const lossTable = refs.motivosPerda.map((m) => [m, lossWeights[m.nome] ?? 2] as const);
  const qtyByUnit: Record<string, readonly [number, number]> = { KG: [20, 400], CX: [5, 120], FD: [5, 150], UN: [10, 300], PCT: [10, 200] };
  const discountTable = [[0, 50], [3, 12], [5, 18], [8, 8], [10, 9], [12, 3]] as const;
  const contactsWithoutCompany = contacts.length ? contacts.map((c, i) => (c.empresa === null ? i : -1)).filter((i) => i >= 0) : [];

  for (let i = 0; i < opts.opportunities; i++) {
    const id = ro.uuid();
    let empresa: number | null = null;
    let contato: number | null = null;
    if (companies.length && (ro.chance(0.9) || !contactsWithoutCompany.length)) {
      empresa = ro.int(0, companies.length - 1);
      const cs = companies[empresa].contacts;
      contato = cs.length && ro.chance(0.92) ? ro.pick(cs) : null;
    } else if (contacts.length) {
      contato = contactsWithoutCompany.length ? ro.pick(contactsWithoutCompany) : ro.int(0, contacts.length - 1);
      empresa = contacts[contato].empresa;
    }
    const company = empresa !== null ? companies[empresa] : null;
    const contact = contato !== null ? contacts[contato] : null;
    const stage = ro.weighted(stageTable);
    const owner = company && ro.chance(0.8) ? company.owner : contact && ro.chance(0.8) ? contact.owner : pickOwner(ro);
    const closed = stage.tipo !== 'aberto';
    const floor = Math.max(company?.criado ?? 0, contact?.criado ?? 0);
    let criado = closed ? clock.business(ro, -ro.int(20, 540)) : clock.business(ro, -ro.int(3, 180));
    if (criado < floor) criado = Math.min(floor + ro.int(1, 10) * DAY, clock.business(ro, -2));

    // the stage path: the open stages walked (some skipped on the way to a win), then the final stage
    let path: StageRef[];
    if (stage.tipo === 'aberto') path = openStages.slice(0, openStages.indexOf(stage) + 1);
    else if (stage.tipo === 'ganho') path = [...openStages.filter((s, k) => k === 0 || ro.chance(0.8)), stage];
    else path = [...openStages.slice(0, ro.int(1, openStages.length)), stage];
    const end = closed ? Math.min(criado + ro.int(7, 120) * DAY, clock.business(ro, -1)) : Math.max(criado, clock.business(ro, -ro.int(0, 12)));
    const times = [criado];
    const offsets = Array.from({ length: path.length - 1 }, () => ro.next()).sort((a, b) => a - b);
    for (let k = 0; k < offsets.length; k++) times.push(k === offsets.length - 1 ? Math.max(end, criado) : criado + Math.floor(offsets[k] * (end - criado)));
    // strictly increasing, so "the latest change" is never a tie
    for (let k = 1; k < times.length; k++) times[k] = Math.max(times[k], times[k - 1] + ro.int(5, 240) * MIN);
    const last = times[times.length - 1];

    // line items; the deal's value is their sum (valor_total is a generated column: same rounding)
    const nItems = ro.weighted([[1, 35], [2, 30], [3, 20], [4, 15]] as const);
    let valueCents = 0;
    ro.sample(products, nItems).forEach((p, k) => {
      const [qMin, qMax] = qtyByUnit[p.unidade] ?? [1, 100];
      const q = ro.int(qMin, qMax);
      const unitCents = q >= 50 ? Math.round(p.cents * 0.88) : q >= 10 ? Math.round(p.cents * 0.93) : p.cents;
      const d = ro.weighted(discountTable);
      valueCents += Math.floor((q * unitCents * (100 - d) + 50) / 100);
      t.item.add([ro.uuid(), id, p.id, null, String(q), centsToBrlNumeric(unitCents), String(d), k + 1, (criado), (criado)]);
    });
    const valor = centsToBrlNumeric(valueCents);
    const motivo = stage.tipo === 'perdido' && lossTable.length ? ro.weighted(lossTable) : null;
    const detalhe = motivo ? ro.pick(LOSS_DETAILS[motivo.nome] ?? LOSS_DETAILS.Outro) : null;
    const previsao = closed ? Clock.date(last) : Clock.date(clock.at(ro.int(-20, 120), 12, 0));
    const titulo = `${ro.pick(OPPORTUNITY_TITLES)} - ${company?.fantasia ?? contact?.nome ?? 'Cliente balcão'}`;
    t.oportunidade.add([
      id, titulo, ro.pick(DEAL_DESCRIPTIONS), company?.id ?? null, contact?.id ?? null, refs.funilId, stage.id, valor, stage.probabilidade,
      previsao, stage.tipo, ro.weighted([['novo_negocio', 60], ['renovacao', 15], ['upsell', 15], ['cross_sell', 10]] as const),
      motivo?.id ?? null, detalhe, closed ? (last) : null, (last), company?.origem ?? pickOrigem(ro), owner,
      (criado), (last),
    ]);
    path.forEach((s, k) => {
      const at = (times[k]);
      t.historico.add([ro.uuid(), id, k === 0 ? null : path[k - 1].id, s.id, s.tipo, valor, s.probabilidade, owner, at, at, at]);
    });
    opportunities.push({ id, empresa, contato, owner, criado });
  }

  // ---------------------------------------------------------------------------------------------- activities
  const ra = root.fork('atividades');
  const types = ACTIVITY_TYPE_WEIGHTS.filter(([code]) => refs.tiposAtividade.includes(code));
  if (opts.activities > 0 && !types.length) throw new Error('nenhum tipo de atividade conhecido no tenant');
  for (let i = 0; i < opts.activities; i++) {
    const id = ra.uuid();
    const tipo = ra.weighted(types);
    // what it is about
    let opp: Opportunity | null = null;
    let contact: Contact | null = null;
    let company: Company | null = null;
    const link = ra.next();
    if (link < 0.45 && opportunities.length) {
      opp = ra.pick(opportunities);
      contact = opp.contato !== null ? contacts[opp.contato] : null;
      company = opp.empresa !== null ? companies[opp.empresa] : null;
    } else if (link < 0.85 && contacts.length) {
      contact = ra.pick(contacts);
      company = contact.empresa !== null ? companies[contact.empresa] : null;
    } else if (companies.length) {
      company = ra.pick(companies);
      contact = company.contacts.length && ra.chance(0.5) ? contacts[ra.pick(company.contacts)] : null;
    }
    const owner = opp?.owner ?? contact?.owner ?? company?.owner ?? pickOwner(ra);
    const floor = Math.max(opp?.criado ?? 0, contact?.criado ?? 0, company?.criado ?? 0);

    // when: done in the past, overdue, today (early ones done), upcoming
    const bucket = tipo === 'nota' ? 'feita' : ra.weighted([['feita', 45], ['atrasada', 15], ['hoje', 10], ['futura', 30]] as const);
    let when: number;
    let done: boolean;
    if (bucket === 'feita') {
      when = clock.business(ra, -ra.int(1, 365));
      if (when < floor) when = Math.min(floor + ra.int(0, 30) * DAY + ra.int(1, 8) * 3_600_000, clock.business(ra, -1));
      done = true;
    } else if (bucket === 'atrasada') {
      when = clock.business(ra, -ra.int(1, 30));
      done = false;
    } else if (bucket === 'hoje') {
      done = ra.chance(0.35);
      when = done ? clock.at(0, 7, ra.int(0, 11) * 5) : clock.business(ra, 0, 8, 19);
    } else {
      when = clock.business(ra, ra.int(1, 60));
      done = false;
    }
    const scheduled = tipo === 'reuniao' || tipo === 'visita';
    const durationMin = tipo === 'reuniao' ? ra.pick([30, 45, 60, 90]) : tipo === 'visita' ? ra.pick([30, 60, 90, 120]) : 15;
    const criado = Math.max(Math.min(when, clock.at(0, 7, 0)) - ra.int(0, 14) * DAY - ra.int(1, 120) * MIN, Math.min(floor, clock.at(0, 6, 0)));
    const concluidaEm = done ? when + (scheduled ? durationMin : ra.int(2, 40)) * MIN : null;
    const results = ACTIVITY_RESULTS[tipo] ?? [];
    const subject = ra.pick(ACTIVITY_SUBJECTS[tipo] ?? ACTIVITY_SUBJECTS.tarefa);
    const origem =
      tipo === 'whatsapp' && ra.chance(0.6) ? 'whatsapp' : tipo === 'email' && ra.chance(0.5) ? 'email' : ra.weighted([['manual', 90], ['sequencia', 4], ['automacao', 4], ['importacao', 2]] as const);
    const local = tipo === 'visita' ? `${company?.fantasia ?? 'Cliente'} - ${company?.city.name ?? 'São Paulo'}` : tipo === 'reuniao' ? ra.pick(MEETING_PLACES) : null;
    const descricao = contact && ra.chance(0.35) ? `Falar com ${contact.nome}${company ? ` (${company.fantasia})` : ''}.` : null;
    t.atividade.add([
      id, tipo, subject, descricao, scheduled ? (when) : null, scheduled ? (when + durationMin * MIN) : null,
      tipo === 'nota' ? null : (when), !done && tipo !== 'nota' && ra.chance(0.25) ? (when - 30 * MIN) : null, done,
      concluidaEm !== null ? (concluidaEm) : null, done && results.length && ra.chance(0.8) ? ra.pick(results) : null,
      ra.weighted([['normal', 70], ['alta', 15], ['baixa', 15]] as const), local, origem, contact?.id ?? null, company?.id ?? null,
      opp?.id ?? null, owner, (criado), (concluidaEm ?? criado),
    ]);
    if (contact && concluidaEm !== null && concluidaEm > contact.ultimaAtividade) contact.ultimaAtividade = concluidaEm;
  }
  const ultima = t.contato.col('ultima_atividade_em');
  contacts.forEach((c, i) => (ultima[i] = c.ultimaAtividade ? (c.ultimaAtividade) : null));

  // ---------------------------------------------------------------------------------------------- tags
  const rt = root.fork('tags');
  const tagRecords = (n: number, share: number, col: 0 | 1 | 2, record: (i: number) => { id: string; criado: number }) => {
    for (let i = 0; i < n; i++) {
      if (!rt.chance(share)) continue;
      const r = record(i);
      const at = (Math.min(r.criado + rt.int(0, 30) * DAY, clock.earlyToday));
      for (const tag of rt.sample(tagIds, rt.int(1, 3))) {
        const ref: (string | null)[] = [null, null, null];
        ref[col] = r.id;
        t.tagRegistro.add([rt.uuid(), tag, ...ref, at, at]);
      }
    }
  };
  tagRecords(contacts.length, 0.2, 0, (i) => contacts[i]);
  tagRecords(companies.length, 0.3, 1, (i) => companies[i]);
  tagRecords(opportunities.length, 0.1, 2, (i) => opportunities[i]);

  const tables = [
    t.categoria, t.produto, t.tabela, t.tabelaItem, t.tag, t.empresa, t.endereco, t.contato,
    t.oportunidade, t.historico, t.item, t.atividade, t.tagRegistro,
  ];
  return { tables, byName: Object.fromEntries(tables.map((x) => [x.name, x])) };
}
