import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt } from 'node:crypto';

/** A random token for links and API tokens (256 bits, URL-safe). */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored as their sha256, so a copy of the database cannot be used to sign in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Readable system-generated passwords: 3 groups of 4 from an alphabet without look-alikes. */
export function systemPassword(): string {
  const group = () =>
    Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/**
 * Learners' first passwords (emailed, or handed over as activation codes): 16 characters each, 92
 * bits, enough to be stored as a fast hash (lib/password `hashFirstPassword`). Drawn from one random
 * buffer per call, as an import makes thousands at a time; rejection sampling keeps every character
 * equally likely.
 */
export function firstPasswords(count: number): string[] {
  const size = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % size);
  // Written straight into one buffer (16 characters and 3 hyphens each): an import draws thousands.
  const text = Buffer.alloc(count * 19, '-');
  let drawn = 0;
  while (drawn < count * 16) {
    for (const byte of randomBytes(Math.ceil((count * 16 - drawn) * 1.1) + 16)) {
      if (byte >= limit) continue;
      const within = drawn % 16;
      text[(drawn - within) * (19 / 16) + within + (within >> 2)] = PASSWORD_CODES[byte % size] ?? 0;
      if (++drawn === count * 16) break;
    }
  }
  return Array.from({ length: count }, (_, n) => text.toString('latin1', n * 19, n * 19 + 19));
}

const PASSWORD_CODES = Buffer.from(PASSWORD_ALPHABET, 'latin1');

/**
 * Encrypts a secret the service must read back (memorable information: it asks for single
 * characters), with AES-256-GCM under a key derived from the server secret, so a copy of the
 * database alone does not reveal it.
 */
export function sealer(serverSecret: string) {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'lar', 'memorable-information', 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed: string): string {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('unreadable sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
