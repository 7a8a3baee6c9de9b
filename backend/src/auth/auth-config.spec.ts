import { ConfigError, parseEnv } from '../config/env.schema';
import { newApiToken, newRefreshToken, parseApiToken, sameHash, sha256 } from './token-secrets';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://crm@db.internal:5432/crm',
  DB_ROLE_SECRET: 'r'.repeat(40),
  JWT_SECRET: 'j'.repeat(40),
} as NodeJS.ProcessEnv;

describe('auth configuration', () => {
  it('starts in production with long secrets', () => {
    expect(parseEnv(production)).toMatchObject({ NODE_ENV: 'production', JWT_ACCESS_TTL_S: 900, DEMO_SEED: false });
  });

  it.each([
    ['missing (the development default)', undefined],
    ['short', 'x'.repeat(20)],
    ['the development default', 'dev-only-secret-change-me-in-production-0000'],
  ])('refuses to start in production with a JWT secret that is %s', (_, secret) => {
    expect(() => parseEnv({ ...production, JWT_SECRET: secret })).toThrow(ConfigError);
    expect(() => parseEnv({ ...production, JWT_SECRET: secret })).toThrow(/JWT_SECRET/);
  });

  it('keeps the tenant cache TTL at 30 s or less', () => {
    expect(() => parseEnv({ TENANT_CACHE_TTL_MS: '60000' })).toThrow(/TENANT_CACHE_TTL_MS/);
    expect(parseEnv({}).TENANT_CACHE_TTL_MS).toBeLessThanOrEqual(30000);
  });
});

describe('token secrets', () => {
  it('makes API tokens crm_<prefix>_<secret> that parse back, and refuses look-alikes', () => {
    const t = newApiToken();
    expect(t.token).toMatch(/^crm_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiToken(t.token)).toEqual({ prefix: t.prefix, secret: t.secret });
    for (const bad of ['crm_short_x', `crm_${t.prefix}_${t.secret}x`, `xcrm_${t.prefix}_${t.secret}`, `crm_${t.prefix.toUpperCase()}_${t.secret}`]) {
      expect(parseApiToken(bad)).toBeNull();
    }
    expect(newApiToken().prefix).not.toBe(t.prefix);
  });

  it('compares hashes in constant time and only equal ones match', () => {
    expect(sameHash(sha256('a'), sha256('a'))).toBe(true);
    expect(sameHash(sha256('a'), sha256('b'))).toBe(false);
    expect(sameHash(sha256('a'), Buffer.alloc(3))).toBe(false);
    expect(newRefreshToken()).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
  });
});
