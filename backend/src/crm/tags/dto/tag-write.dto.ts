import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { Nullable, NotNullWhenPresent, Trimmed, TrimToNull } from '../../shared/dto-helpers';

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const COLOR_MESSAGE = '$property: cor #RRGGBB';

export class CreateTagDto {
  @ApiProperty({ example: 'VIP' })
  @Trimmed() @IsString() @Length(1, 60)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#E53935' })
  @Nullable() @Matches(COLOR, { message: COLOR_MESSAGE })
  color?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  description?: string | null;
}

export class UpdateTagDto {
  @ApiPropertyOptional({ example: 'Cliente VIP' })
  @NotNullWhenPresent() @Trimmed() @IsString() @Length(1, 60)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '#E53935' })
  @Nullable() @Matches(COLOR, { message: COLOR_MESSAGE })
  color?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Nullable() @TrimToNull() @IsString() @MaxLength(500)
  description?: string | null;
}

/** The record to tag or untag: exactly one of the three (checked by the service, naming all three). */
export class TagTargetDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  opportunityId?: string;
}
