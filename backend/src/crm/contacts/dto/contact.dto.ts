import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { ContactPage } from '../contacts.service';
import { ContactRow } from '../contacts.repository';

export class ListContactsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor da página anterior.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class CreateContactDto {
  @ApiProperty({ example: 'Maria Souza' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'maria@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

export class ContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactDto] }) items: ContactDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Passe em ?cursor= para a próxima página; null no fim.' })
  nextCursor: string | null;
}

export const toContactDto = (c: ContactRow): ContactDto => ({
  id: c.id,
  name: c.name,
  email: c.email,
  ownerId: c.ownerId,
  createdAt: c.createdAt.toISOString(),
});

export const toContactPageDto = (p: ContactPage): ContactPageDto => ({ items: p.items.map(toContactDto), nextCursor: p.nextCursor });
