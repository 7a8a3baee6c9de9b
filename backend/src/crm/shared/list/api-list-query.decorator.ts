import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { DEFAULT_LIMIT, MAX_LIMIT } from './list-plan';
import { defaultRangeParams, FieldSpec, ListSpec } from './list-definition';

const SCHEMA_TYPES: Record<FieldSpec['type'], { type: string; format?: string }> = {
  text: { type: 'string' },
  enum: { type: 'string' },
  uuid: { type: 'string', format: 'uuid' },
  date: { type: 'string', format: 'date' },
  timestamp: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
};

/** Documents every query parameter of a list endpoint from its definition (the same allow-list the parser uses). */
export function ApiListQuery(spec: ListSpec) {
  const def = spec.def;
  const decorators: MethodDecorator[] = [];
  const query = (name: string, description: string, schema: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    decorators.push(ApiQuery({ name, required: false, description, schema, ...extra }));

  for (const [name, f] of Object.entries(def.fields)) {
    const base: Record<string, unknown> = { ...SCHEMA_TYPES[f.type], ...(f.values ? { enum: [...f.values] } : {}) };
    const label = f.description ?? name;
    if (f.filter?.includes('in') && f.type !== 'text') {
      query(name, `${label}: um valor ou vários separados por vírgula (qualquer um).`, { type: 'array', items: base }, { style: 'form', explode: false });
    } else if (f.filter?.includes('in')) {
      query(name, `${label}: igual a; repita o parâmetro para vários valores (qualquer um).`, { type: 'array', items: base }, { style: 'form', explode: true });
    } else if (f.filter?.includes('eq')) {
      query(name, `${label}: igual a.`, base);
    }
    if (f.filter?.includes('range')) {
      const [from, to] = f.rangeParams ?? defaultRangeParams(name, f.type);
      const day = f.type === 'timestamp' ? ' Data (AAAA-MM-DD, dia inteiro no fuso America/Sao_Paulo) ou data-hora ISO 8601 com fuso.' : '';
      query(from, `${label} maior ou igual a.${day}`, base);
      query(to, `${label} menor ou igual a.${day}`, base);
    }
  }
  for (const [name, filter] of Object.entries(def.filters ?? {})) {
    query(name, filter.description, { type: 'string', ...(filter.example ? { example: filter.example } : {}) });
  }
  if (def.search) query('q', def.search.description, { type: 'string', maxLength: 200 });
  query('sort', `Campos de ordenação separados por vírgula, - para decrescente (ex. -${spec.sortFields[0]},id). Permitidos: ${spec.sortFields.join(', ')}. id é sempre o desempate final. Padrão: ${def.defaultSort}.`, { type: 'string', default: def.defaultSort });
  query('fields', `Campos a retornar (id sempre vem). Permitidos: ${spec.selectableFields.join(', ')}.`, { type: 'string', example: 'id,name' });
  query('limit', `Itens por página (padrão ${DEFAULT_LIMIT}, máximo ${MAX_LIMIT}).`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT });
  query('cursor', 'nextCursor da página anterior (mesmo sort).', { type: 'string' });
  query('includeTotal', 'true: inclui total (contagem com os mesmos filtros).', { type: 'boolean', default: false });
  if (def.softDelete) query('deleted', 'Registros excluídos: exclude (padrão), only ou include.', { type: 'string', enum: ['exclude', 'only', 'include'], default: 'exclude' });
  return applyDecorators(...decorators);
}
