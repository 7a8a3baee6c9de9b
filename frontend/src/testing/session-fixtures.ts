import { HttpTestingController } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { SessionDto } from '../app/core/api/generated/models/session-dto';
import { TenantRefDto } from '../app/core/api/generated/models/tenant-ref-dto';
import { Role } from '../app/core/auth/roles';
import { REFRESH_TOKEN_STORAGE, SessionStore } from '../app/core/auth/session-store';

export const LIMA: TenantRefDto = {
  id: '11111111-1111-4111-8111-111111111111',
  slug: 'supermercado_lima',
  name: 'Supermercado Lima',
};

export const PADARIA: TenantRefDto = {
  id: '22222222-2222-4222-8222-222222222222',
  slug: 'padaria_central',
  name: 'Padaria Central',
};

let issued = 0;

/** A login/refresh answer as the API sends it; each call has new tokens, as the API's rotation does. */
export function sessionDto(overrides: Partial<SessionDto> = {}): SessionDto {
  issued += 1;
  return {
    accessToken: `access-${issued}`,
    refreshToken: `refresh-${issued}`,
    tokenType: 'Bearer',
    expiresIn: 900,
    refreshExpiresIn: 2_592_000,
    user: {
      id: '33333333-3333-4333-8333-333333333333',
      email: 'ana@lima.com.br',
      name: 'Ana Lima',
      platformAdmin: false,
    },
    tenant: LIMA,
    role: 'tenant_admin',
    ...overrides,
  };
}

/** A Storage kept in memory, so no test sees another's refresh token. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

export function provideMemoryStorage(storage = new MemoryStorage()): Provider {
  return { provide: REFRESH_TOKEN_STORAGE, useValue: storage };
}

/** Signs in through the real store, answering its login request (needs provideHttpClientTesting). */
export function signIn(role: Role, tenant: TenantRefDto | null = LIMA): SessionDto {
  const dto = sessionDto({ role, tenant });
  TestBed.inject(SessionStore).login({ email: dto.user.email, password: 'x' }).subscribe();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(dto);
  return dto;
}
