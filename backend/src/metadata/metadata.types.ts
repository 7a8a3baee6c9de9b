import type { FieldType, ObjectKind } from './metadata.constants';
import type { QueryModel } from './query-model/query-model.schema';

export interface SelectOption {
  value: string;
  label?: string;
}

export interface MetaObject {
  id: string;
  apiName: string;
  labelPt: string;
  labelEn: string;
  kind: ObjectKind;
  description: string | null;
  /** Real table (base, tabela). */
  table: string | null;
  /** The SELECT as saved (consulta); for a designer model, the SQL compiled at save time. */
  sql: string | null;
  model: QueryModel | null;
  /** Roles that see the object; null = every role of the tenant. */
  roles: string[] | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface MetaField {
  id: string;
  objectId: string;
  apiName: string;
  column: string;
  labelPt: string;
  labelEn: string;
  type: FieldType;
  /** PostgreSQL type (format_type form), e.g. numeric(14,2). */
  columnType: string;
  required: boolean;
  unique: boolean;
  default: unknown;
  options: SelectOption[] | null;
  targetObjectId: string | null;
  targetApiName: string | null;
  order: number;
  custom: boolean;
  system: boolean;
  readOnly: boolean;
}

export interface MetaObjectWithFields extends MetaObject {
  fields: MetaField[];
}

export interface Dependent {
  id: string;
  apiName: string;
  kind: 'consulta' | 'visual' | 'lookup';
  /** Fields of the removed object used by this dependent (empty when the whole object is used). */
  fields?: string[];
}

/** Runs one statement and returns its rows: the tenant transaction (rw role) or a privileged client. */
export type SqlRunner = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
