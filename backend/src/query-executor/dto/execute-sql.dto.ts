import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ExecuteSqlDto {
  @ApiProperty({
    description:
      'Um único SELECT (também WITH, VALUES, TABLE, UNION…) sobre as tabelas do seu tenant e objetos salvos, sem prefixo de esquema. ' +
      'Até SQL_MAX_LENGTH caracteres (padrão 20.000).',
    example: "SELECT ciclo_vida, count(*) AS total FROM tb_contato WHERE excluido_em IS NULL GROUP BY 1 ORDER BY 2 DESC",
  })
  @IsString()
  sql: string;

  @ApiPropertyOptional({
    description: 'Valores de $1, $2… (ligados pelo servidor, nunca colados no texto). Até 100 valores simples.',
    type: 'array',
    items: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    example: ['lead'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  params?: Array<string | number | boolean | null>;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'Linhas desejadas (no máximo SQL_MAX_ROWS, padrão 1.000; acima disso vale o limite do servidor).',
    example: 100,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  limit?: number;
}

export class SqlColumnDto {
  @ApiProperty({ example: 'total' }) name: string;
  @ApiProperty({ description: 'Tipo PostgreSQL, como pg_typeof() o escreve.', example: 'bigint' }) type: string;
  @ApiProperty({ type: 'integer', description: 'OID do tipo (estável para tipos nativos).', example: 20 }) typeOid: number;
}

export class SqlResultDto {
  @ApiProperty({ type: [SqlColumnDto] }) columns: SqlColumnDto[];

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: {} },
    description:
      'Uma lista por linha, valores na ordem de columns. boolean, smallint/integer, real/double e json/jsonb viram valores JSON; ' +
      'timestamptz vira instante ISO-8601 (UTC); bigint, numeric, date e os demais tipos vêm como o texto do PostgreSQL.',
    example: [['lead', '42'], ['cliente', '17']],
  })
  rows: unknown[][];

  @ApiProperty({ type: 'integer', example: 2 }) rowCount: number;

  @ApiProperty({ description: 'Havia mais linhas do que as devolvidas (limite de linhas, limit ou limite de bytes).', example: false })
  truncated: boolean;

  @ApiProperty({ type: String, enum: ['rows', 'bytes'], nullable: true, description: 'Qual limite cortou o resultado.', example: null })
  truncatedBy: 'rows' | 'bytes' | null;

  @ApiProperty({ description: 'Tempo total no servidor, em ms (validação + execução).', example: 3.2 }) elapsedMs: number;
}
