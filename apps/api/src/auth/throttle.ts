import type { PrismaClient } from '../generated/prisma/client';
import { AppError } from '../lib/errors';
import { hashToken } from '../lib/secrets';

/** Failures allowed before a lock, and how long the lock lasts. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** One key per identifier and purpose, whether or not an account has it. */
export const throttleKey = (purpose: string, identifier: string) =>
  hashToken(`${purpose}:${identifier.trim().toLowerCase()}`);

const lockedMessage = (until: Date) =>
  `Too many failed attempts. Try again after ${until.toLocaleTimeString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  })} (UK time), or reset your password.`;

/** Throws when a throttle row's lock (read by the caller) has not yet ended. */
export function throwIfLocked(lockedUntil: Date | null | undefined) {
  if (lockedUntil && lockedUntil > new Date()) {
    throw new AppError('SIGN_IN_LOCKED', lockedMessage(lockedUntil));
  }
}

/** Throws while the identifier is locked; returns whether it has a record of failures to clear. */
export async function assertNotLocked(prisma: PrismaClient, key: string): Promise<boolean> {
  const row = await prisma.signInThrottle.findUnique({ where: { key } });
  throwIfLocked(row?.lockedUntil);
  return row !== null;
}

/** Counts a failure; the failure that reaches the limit starts a lock. Returns whether it locked. */
export async function recordFailure(prisma: PrismaClient, key: string): Promise<boolean> {
  const [row] = await prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" (key, failures, "updatedAt") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "SignInThrottle"."lockedUntil" < now() THEN 1 ELSE "SignInThrottle".failures + 1 END,
      "lockedUntil" = CASE WHEN "SignInThrottle"."lockedUntil" < now() THEN NULL ELSE "SignInThrottle"."lockedUntil" END,
      "updatedAt" = now()
    RETURNING failures`;
  if ((row?.failures ?? 0) < MAX_FAILURES) return false;
  await prisma.signInThrottle.update({
    where: { key },
    data: { lockedUntil: new Date(Date.now() + LOCK_MINUTES * 60_000), failures: 0 },
  });
  return true;
}

export function clearFailures(prisma: PrismaClient, key: string) {
  return prisma.signInThrottle.deleteMany({ where: { key } });
}
