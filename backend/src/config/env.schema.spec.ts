import { ConfigError, parseEnv } from './env.schema';

describe('configuration', () => {
  it('applies defaults for development', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DEMO_SEED: true, DB_ROLE_PREFIX: '' });
  });

  it('names each malformed variable', () => {
    expect(() => parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      parseEnv({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    }
  });

  it('refuses default or short secrets, demo data and a missing database in production', () => {
    let message = '';
    try {
      parseEnv({ NODE_ENV: 'production', DEMO_SEED: 'true', JWT_SECRET: 'x'.repeat(20) });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/JWT_SECRET: must be set to a secret of at least 32 characters/);
    expect(message).toMatch(/DB_ROLE_SECRET: must be set/);
    expect(message).toMatch(/DEMO_SEED: demo data is refused in production/);
    expect(message).toMatch(/DATABASE_URL: is required in production/);
  });

  it('accepts a proper production configuration and turns demo data off', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db/crm',
      JWT_SECRET: 'j'.repeat(40),
      DB_ROLE_SECRET: 'r'.repeat(40),
    });
    expect(env.DEMO_SEED).toBe(false);
  });
});
