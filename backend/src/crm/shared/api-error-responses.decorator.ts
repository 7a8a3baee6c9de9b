import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** The one error shape of the API (common/error-response.filter.ts), for OpenAPI. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ description: 'Código estável; clientes decidem por ele.', example: 'CONTACT_NOT_FOUND' }) code: string;
  @ApiProperty({ description: 'Mensagem para pessoas (pt-BR).', example: 'Contato não encontrado.' }) message: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Dados do erro: fields [{field, message}] na validação; allowed nos filtros/ordenações; currentVersion no conflito de versão; existingId e field na duplicidade.',
  })
  details?: Record<string, unknown>;
  @ApiProperty({ description: 'Id da requisição (também no cabeçalho X-Request-Id).' }) requestId: string;
}

const DEFAULTS: Record<number, string> = {
  400: 'Requisição inválida: VALIDATION_FAILED (details.fields nomeia cada campo), INVALID_FILTER, INVALID_FILTER_VALUE, INVALID_SORT, INVALID_FIELDS, INVALID_CURSOR, INVALID_LIMIT, INVALID_ID.',
  401: '',
  403: '',
  404: 'Registro não encontrado (ou não visível ao seu papel).',
  409: 'Conflito.',
  428: 'VERSION_REQUIRED: informe version no corpo ou o cabeçalho If-Match.',
};

/**
 * Documents error responses with the error schema. 400, 401 and 403 are always added (401/403 keep the
 * descriptions @Roles gives them, in any decorator order); pass the other statuses, optionally with what they
 * mean for this endpoint:
 *   @ApiErrorResponses({ 404: 'CONTACT_NOT_FOUND', 409: 'VERSION_CONFLICT (details.currentVersion)' })
 */
export function ApiErrorResponses(statuses: Partial<Record<number, string | true>> = {}) {
  const wanted: Record<number, string | true | undefined> = { 400: true, 401: true, 403: true, ...statuses };
  // A schema reference rather than `type`: @Roles' own 401/403 entries are merged in, and would reset `type`.
  const schema = { $ref: getSchemaPath(ErrorResponseDto) };
  return applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    ...Object.entries(wanted)
      .filter(([, text]) => text !== undefined)
      .map(([status, text]) => ApiResponse({ status: Number(status), schema, description: text === true ? (DEFAULTS[Number(status)] ?? '') : String(text) })),
  );
}
