import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { NotNullWhenPresent, Nullable, Trimmed, TrimToNull } from '../../shared/dto-helpers';

class TeamFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(1000)
  description?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Gestor (usuário ativo do tenant).' })
  @Nullable() @IsUUID()
  managerId?: string | null;

  @ApiPropertyOptional({ default: true })
  @NotNullWhenPresent() @IsBoolean()
  active?: boolean;
}

export class CreateTeamDto extends TeamFieldsDto {
  @ApiProperty({ example: 'Vendas Interior' })
  @Trimmed() @IsString() @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: [String], description: 'Usuários que entram na equipe (saem da equipe anterior).' })
  @NotNullWhenPresent() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class UpdateTeamDto extends TeamFieldsDto {
  @ApiPropertyOptional({ example: 'Vendas Capital' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 200)
  name?: string;
}

export class AddTeamMemberDto {
  @ApiProperty({ format: 'uuid', description: 'Usuário que entra na equipe (sai da anterior).' })
  @IsUUID()
  userId: string;
}
