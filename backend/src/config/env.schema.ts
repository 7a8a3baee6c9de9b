import { z } from 'zod';

const DEFAULT_DEV_SECRET = 'dev-only-secret-change-me-in-production-0000';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

// Every variable the process reads, with its default. Documented in .env.example.
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
    DB_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
    DB_POOL_TENANT_GROUPS: z.coerce.number().int().min(1).max(100).default(4),
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(15000),
    DB_ROLE_PREFIX: z
      .string()
      .regex(/^([a-z][a-z0-9]{0,11}_)?$/, 'must be empty or like "abc_" (lowercase, ending in _)')
      .default(''),
    DB_ROLE_SECRET: z.string().min(16, 'must have at least 16 characters').default(DEFAULT_DEV_SECRET),
    JWT_SECRET: z.string().min(16, 'must have at least 16 characters').default(DEFAULT_DEV_SECRET),
    JWT_ACCESS_TTL_S: z.coerce.number().int().min(30).max(3600).default(900),
    JWT_REFRESH_TTL_S: z.coerce.number().int().min(300).max(90 * 86400).default(30 * 86400),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
    LOGIN_RATE_WINDOW_S: z.coerce.number().int().min(1).max(3600).default(60),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100000).default(50),
    LOGIN_FAILURE_WINDOW_S: z.coerce.number().int().min(10).max(86400).default(900),
    LOGIN_LOCKOUT_BASE_MS: z.coerce.number().int().min(10).max(3600000).default(1000),
    LOGIN_LOCKOUT_MAX_MS: z.coerce.number().int().min(10).max(86400000).default(900000),
    TENANT_CACHE_MAX: z.coerce.number().int().min(10).max(100000).default(5000),
    TENANT_CACHE_TTL_MS: z.coerce.number().int().min(1000).max(30000).default(30000),
    CORS_ORIGINS: z.string().default('http://localhost:3000,http://localhost:4200'),
    MIGRATION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
    DEMO_SEED: bool.optional(),
    SERVE_CONSOLE: bool.default(true),
    // Secure SQL executor (docs/security.md, "The SQL executor"). The timeout may not exceed the read-only role's
    // statement_timeout (5 s, set on the role at provisioning); pools × API instances must stay within the role's
    // CONNECTION LIMIT (8).
    SQL_MAX_LENGTH: z.coerce.number().int().min(100).max(100000).default(20000),
    SQL_MAX_ROWS: z.coerce.number().int().min(1).max(100000).default(1000),
    SQL_MAX_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(5 * 1024 * 1024),
    SQL_TIMEOUT_MS: z.coerce.number().int().min(100).max(5000).default(5000),
    SQL_POOL_SIZE: z.coerce.number().int().min(1).max(4).default(2),
    SQL_POOL_MAX_TENANTS: z.coerce.number().int().min(1).max(10000).default(50),
    SQL_POOL_IDLE_MS: z.coerce.number().int().min(1000).max(3600000).default(60000),
    SQL_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['DB_ROLE_SECRET', 'JWT_SECRET'] as const) {
      if (env[key] === DEFAULT_DEV_SECRET || env[key].length < 32) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be set to a secret of at least 32 characters in production',
        });
      }
    }
    if (env.DEMO_SEED) {
      ctx.addIssue({ code: 'custom', path: ['DEMO_SEED'], message: 'demo data is refused in production' });
    }
    if (!env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the environment; the error names every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.DEMO_SEED === undefined) env.DEMO_SEED = env.NODE_ENV === 'development';
  return env;
}
