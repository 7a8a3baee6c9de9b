import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { Roles } from '../auth/decorators/roles.decorator';
import { type Principal, scopeOf, type TenantRole } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { ErrorResponseDto } from '../crm/shared/api-error-responses.decorator';
import { ExecuteSqlDto, SqlResultDto } from './dto/execute-sql.dto';
import { QueryExecutorService } from './query-executor.service';
import { TenantRelations } from './tenant-relations';

const ERRORS_400 =
  'Consulta recusada ou interrompida; `code` diz por quê. Pelo validador: SQL_SYNTAX_ERROR (details.position com linha/coluna), ' +
  'SQL_TOO_LONG, SQL_EMPTY_QUERY, SQL_MULTIPLE_STATEMENTS, SQL_NOT_SELECT, SQL_WRITE_IN_CTE, SQL_SELECT_INTO, SQL_LOCKING_CLAUSE, ' +
  'SQL_FORBIDDEN_FUNCTION, SQL_FOREIGN_SCHEMA, SQL_SYSTEM_CATALOG, SQL_FORBIDDEN_CAST, SQL_FORBIDDEN_OPERATOR, SQL_PARAMETER_NOT_ALLOWED, ' +
  'SQL_UNKNOWN_RELATION, SQL_UNSUPPORTED_CONSTRUCT, SQL_TOO_COMPLEX, SQL_INVALID_CHARACTER (details.subject nomeia o item recusado). ' +
  'Pelo banco: SQL_TIMEOUT (details.limitMs), SQL_RESOURCE_LIMIT, SQL_PERMISSION_DENIED, SQL_UNDEFINED_OBJECT (mensagem e posição do servidor), ' +
  'SQL_EXECUTION_ERROR (divisão por zero, tipo inválido…; details.sqlState). SQL_INVALID_PARAMS, VALIDATION_FAILED: corpo inválido.';

@ApiTags('query')
@Controller('query')
export class QueryExecutorController {
  constructor(
    private readonly executor: QueryExecutorService,
    private readonly relations: TenantRelations,
  ) {}

  @Post('execute')
  @HttpCode(200)
  @Roles('tenant_admin', 'analyst')
  @ApiOperation({
    summary: 'Executa um SELECT sobre os dados do tenant (perfis técnicos).',
    description:
      'Somente leitura, com o papel somente-leitura do tenant: um único SELECT validado pela gramática do PostgreSQL, ' +
      'tempo máximo SQL_TIMEOUT_MS (5 s), no máximo SQL_MAX_ROWS linhas e SQL_MAX_BYTES bytes (truncated: true quando cortado). ' +
      'Toda execução, aceita ou recusada, é auditada (hash SHA-256 do SQL, duração, linhas, resultado).',
  })
  @ApiOkResponse({ type: SqlResultDto })
  @ApiResponse({ status: 400, type: ErrorResponseDto, description: ERRORS_400 })
  @ApiResponse({ status: 429, type: ErrorResponseDto, description: 'SQL_TOO_MANY_QUERIES: consultas demais ao mesmo tempo neste tenant.' })
  @ApiResponse({ status: 503, type: ErrorResponseDto, description: 'DATABASE_UNAVAILABLE; SQL_PARSER_UNAVAILABLE (tente de novo).' })
  async execute(@Body() body: ExecuteSqlDto, @CurrentPrincipal() principal: Principal): Promise<SqlResultDto> {
    const scope = scopeOf(principal);
    if (!scope) throw new DomainError('TENANT_REQUIRED', 'Esta operação exige uma sessão em um tenant.', 403);
    const tenant = { id: scope.tenantId, slug: scope.slug };
    const params = body.params ?? [];
    return this.executor.execute({
      tenant,
      userId: scope.userId,
      role: scope.role as TenantRole, // scopeOf() returns a scope only for tenant roles
      sql: body.sql,
      params: body.params,
      limit: body.limit,
      allowedRelations: await this.relations.forTenant(tenant),
      apiTokenId: principal.apiTokenId,
      source: 'execute',
      // Saved query objects named like tables are expanded into CTEs (their own SQL, validated again).
      expand: (relations) => this.relations.expand(scope, body.sql, relations, params),
    });
  }
}
