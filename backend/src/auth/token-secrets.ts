import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// Refresh tokens and API token secrets are 256-bit random values: a fast hash (SHA-256) is enough to store
// them (nothing to brute-force), and keeps per-request API token checks cheap, unlike argon2.

export const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export const sameHash = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

const randomSecret = (): string => randomBytes(32).toString('base64url');

/** An opaque refresh token: "rt_<43 base64url chars>". */
export const newRefreshToken = (): string => `rt_${randomSecret()}`;

const API_TOKEN = /^crm_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export const looksLikeApiToken = (bearer: string): boolean => bearer.startsWith('crm_');

/** A new API token "crm_<prefix>_<secret>": the prefix is stored (for look-up), the secret only as a hash. */
export function newApiToken(): { prefix: string; secret: string; token: string } {
  const prefix = Array.from({ length: 12 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join('');
  const secret = randomSecret();
  return { prefix, secret, token: `crm_${prefix}_${secret}` };
}

export function parseApiToken(token: string): { prefix: string; secret: string } | null {
  const m = API_TOKEN.exec(token);
  return m ? { prefix: m[1], secret: m[2] } : null;
}
