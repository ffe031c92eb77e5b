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
  const limit = 256 - (256 % PASSWORD_ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < count * 16) {
    for (const byte of randomBytes(count * 20 + 16)) {
      if (byte < limit && chars.length < count * 16)
        chars.push(PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length] ?? '');
    }
  }
  return Array.from({ length: count }, (_, n) =>
    [0, 4, 8, 12].map((i) => chars.slice(n * 16 + i, n * 16 + i + 4).join('')).join('-'),
  );
}

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
