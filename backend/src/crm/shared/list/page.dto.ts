import { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export interface PageDto<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** Base class of a resource's page DTO: `export class ContactPageDto extends PageOf(ContactDto) {}`. */
export function PageOf<T>(item: Type<T>): Type<PageDto<T>> {
  class Page implements PageDto<T> {
    @ApiProperty({ type: [item], description: 'Os itens da página; com ?fields=, só os campos pedidos (e id).' })
    items: T[];

    @ApiProperty({ type: String, nullable: true, description: 'Passe em ?cursor= para a próxima página; null no fim.' })
    nextCursor: string | null;

    @ApiPropertyOptional({ type: 'integer', description: 'Total com os mesmos filtros; só com ?includeTotal=true.' })
    total?: number;
  }
  return Page;
}
