import { createHash, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 30 ms per hash here,
 * which keeps sign-in p99 under 300 ms with 10 concurrent clients on 2 cores (`pnpm bench:auth`).
 * The parameters are stored in each hash (PHC string), so they can be raised later.
 */
export const PASSWORD_HASH_PARAMETERS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_PARAMETERS);
}

/**
 * System-generated first passwords of learners created in bulk (an import of 100,000 learners would
 * spend over 15 minutes of CPU on argon2id). Such a password is random with over 90 bits of entropy
 * (see `firstPassword`), so a slow hash adds nothing against guessing: like API tokens, it is stored
 * as its sha256. It must be changed at the first sign-in, and the chosen password is hashed with argon2id.
 */
const FIRST_PASSWORD_PREFIX = '$sha256$';

export function hashFirstPassword(password: string): string {
  return FIRST_PASSWORD_PREFIX + createHash('sha256').update(password).digest('hex');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith(FIRST_PASSWORD_PREFIX)) {
    const expected = Buffer.from(stored.slice(FIRST_PASSWORD_PREFIX.length), 'hex');
    const actual = createHash('sha256').update(password).digest();
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
