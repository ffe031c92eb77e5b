import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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

/**
 * Remembers, for a few minutes, that a user's password was just verified, so that re-entering it
 * for each action of a run (Select LAR asks for it with every ULN) costs an HMAC instead of ~11 ms of
 * argon2id CPU. Only an HMAC of the password under a key made for this process is kept, with the
 * stored hash it was verified against: a changed password, a wrong password or an expired entry
 * goes to argon2id as before (and a wrong one still counts toward the lock, in the caller).
 */
export class RecentlyVerified {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, { stored: string; digest: Buffer; until: number }>();

  constructor(
    private readonly ttlMs = 5 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  private digest(password: string): Buffer {
    return createHmac('sha256', this.key).update(password).digest();
  }

  async verify(accountId: string, password: string, stored: string): Promise<boolean> {
    const now = Date.now();
    const entry = this.entries.get(accountId);
    if (
      entry &&
      entry.stored === stored &&
      entry.until > now &&
      timingSafeEqual(entry.digest, this.digest(password))
    ) {
      return true;
    }
    if (!(await verifyPassword(password, stored))) return false;
    if (this.entries.size >= this.maxEntries) {
      for (const [id, e] of this.entries) if (e.until <= now) this.entries.delete(id);
      if (this.entries.size >= this.maxEntries) this.entries.clear();
    }
    this.entries.set(accountId, { stored, digest: this.digest(password), until: now + this.ttlMs });
    return true;
  }
}
