import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiPropertyOptional({
    example: 'supermercado_lima',
    description: 'Identificador do tenant. Sem ele: sessão da plataforma (platform_admin), o único tenant do usuário, ou TENANT_CHOICE_REQUIRED com a lista.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tenant?: string;

  // Not format-checked: any e-mail without an account simply gets INVALID_CREDENTIALS.
  @ApiProperty({ example: 'admin@supermercadolima.com.br' })
  @IsString()
  @Length(3, 320)
  email: string;

  @ApiProperty({ example: 'demo1234', format: 'password' })
  @IsString()
  @Length(1, 200)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'O refresh token recebido no login ou na última renovação.' })
  @IsString()
  @Length(10, 200)
  refreshToken: string;
}

export class SwitchTenantDto {
  @ApiProperty({ example: 'padaria_central', description: 'Outro tenant de que o usuário participa.' })
  @IsString()
  @Length(1, 40)
  tenant: string;
}
