import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { hashPassword } from '../lib/password';
import { hashToken, randomToken } from '../lib/secrets';
import { enqueueEmail } from '../mail/outbox';
import {
  assertPasswordAllowed,
  memorableCharacters,
  memorableLength,
  updateAccount,
} from './account-changes';
import { type Account, findAccount, findLearnerAccount, findUserAccount } from './principal';
import { revokeAllSessions } from './sessions';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from './throttle';

const RESET_MINUTES = 60;
/** Reset emails per account per hour: more would let anyone flood someone's inbox. */
const RESETS_PER_HOUR = 3;
const MAX_CHALLENGE_FAILURES = 3;
const tokenInvalid = () =>
  new AppError('TOKEN_INVALID', 'This link has expired or has already been used. Ask for a new one.');

/** Three distinct positions, in order, within memorable information of `length` characters. */
export function choosePositions(length: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < 3) chosen.add(randomInt(length) + 1);
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Emails a single-use reset link when the account exists, has an email address and memorable
 * information; answers the same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(app: FastifyInstance, kind: 'user' | 'learner', signInId: string) {
  const { prisma } = app.db;
  const account =
    kind === 'user'
      ? await findUserAccount(prisma, { userId: signInId.trim() })
      : await findLearnerAccount(prisma, { uln: signInId.trim() });
  if (!account?.email || !account.memorableInfo || account.disabled) return;
  const recent = await prisma.accountToken.count({
    where: {
      purpose: 'PASSWORD_RESET',
      ...(kind === 'user' ? { userId: account.id } : { learnerId: account.id }),
      createdAt: { gt: new Date(Date.now() - 60 * 60_000) },
    },
  });
  if (recent >= RESETS_PER_HOUR) return;
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
  const challenge = choosePositions(memorableLength(app, account));
  await prisma.$transaction(async (tx) => {
    const row = await tx.accountToken.create({
      data: {
        purpose: 'PASSWORD_RESET',
        ...(kind === 'user' ? { userId: account.id } : { learnerId: account.id }),
        tokenHash: hashToken(token),
        expiresAt,
        challenge,
      },
    });
    const data = { recipientName: account.name, token, expiresAt };
    const email = {
      idempotencyKey: `password-reset:${row.id}`,
      to: account.email ?? '',
      template: 'password-reset' as const,
      data,
    };
    await enqueueEmail(tx, email, { publicUrl: app.config.publicUrl });
    await audit(tx, {
      action: 'password_reset.requested',
      actor: 'anonymous',
      subjectType: kind,
      subjectId: account.id,
    });
  });
  app.workers.wakeMail();
}

async function openResetToken(app: FastifyInstance, token: string) {
  const row = await app.db.prisma.accountToken.findUnique({ where: { tokenHash: hashToken(token) } });
  const usable =
    row?.purpose === 'PASSWORD_RESET' &&
    !row.usedAt &&
    row.expiresAt > new Date() &&
    row.failures < MAX_CHALLENGE_FAILURES;
  if (!row || !usable) throw tokenInvalid();
  const account = await findAccount(
    app.db.prisma,
    row.userId ? 'user' : 'learner',
    row.userId ?? row.learnerId ?? '',
  );
  if (!account || account.disabled) throw tokenInvalid();
  return { row, account };
}

export async function resetChallenge(app: FastifyInstance, token: string) {
  const { row, account } = await openResetToken(app, token);
  return { positions: row.challenge, kind: account.kind };
}

/** Checks the three characters, then sets the new password and ends every session. */
export async function completePasswordReset(
  app: FastifyInstance,
  input: { token: string; characters: string[]; newPassword: string },
) {
  const { prisma } = app.db;
  const { row, account } = await openResetToken(app, input.token);
  const key = throttleKey(`sign-in:${account.kind}`, account.signInId);
  await assertNotLocked(prisma, key);
  const expected = memorableCharacters(app, account, row.challenge);
  const matches =
    expected.length === 3 &&
    expected.every((c, i) => c.toLowerCase() === (input.characters[i] ?? '').toLowerCase());
  if (!matches) {
    await prisma.accountToken.update({ where: { id: row.id }, data: { failures: { increment: 1 } } });
    await recordFailure(prisma, key);
    await audit(prisma, {
      action: 'password_reset.challenge_failed',
      actor: 'anonymous',
      subjectType: account.kind,
      subjectId: account.id,
    });
    throw new AppError(
      'MEMORABLE_INFORMATION_MISMATCH',
      'Those characters do not match your memorable information.',
    );
  }
  assertPasswordAllowed(account, input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await prisma.$transaction(async (tx) => {
    const used = await tx.accountToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) throw tokenInvalid();
    await updateAccount(tx as typeof prisma, account, { passwordHash, mustChangePassword: false });
    await audit(tx, {
      action: 'password_reset.completed',
      actor: `${account.kind}:${account.id}`,
      subjectType: account.kind,
      subjectId: account.id,
    });
  });
  await clearFailures(prisma, key);
  await revokeAllSessions(app, account);
}

/** Sends a confirmation link to the new address; the address changes only when it is followed. */
export async function requestEmailChange(app: FastifyInstance, account: Account, newEmail: string) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + 24 * 60 * 60_000);
  await app.db.prisma.$transaction(async (tx) => {
    const row = await tx.accountToken.create({
      data: {
        purpose: 'EMAIL_CHANGE',
        ...(account.kind === 'user' ? { userId: account.id } : { learnerId: account.id }),
        tokenHash: hashToken(token),
        newEmail,
        expiresAt,
      },
    });
    const data = { recipientName: account.name, newEmail, token, expiresAt };
    await enqueueEmail(
      tx,
      { idempotencyKey: `email-change:${row.id}`, to: newEmail, template: 'email-change-confirmation', data },
      { publicUrl: app.config.publicUrl },
    );
    await audit(tx, {
      action: 'account.email_change_requested',
      actor: `${account.kind}:${account.id}`,
      subjectType: account.kind,
      subjectId: account.id,
      details: { newEmail },
    });
  });
  app.workers.wakeMail();
}

export async function confirmEmailChange(app: FastifyInstance, token: string) {
  const { prisma } = app.db;
  const row = await prisma.accountToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (row?.purpose !== 'EMAIL_CHANGE' || row.usedAt || row.expiresAt < new Date() || !row.newEmail)
    throw tokenInvalid();
  const account = await findAccount(
    prisma,
    row.userId ? 'user' : 'learner',
    row.userId ?? row.learnerId ?? '',
  );
  if (!account) throw tokenInvalid();
  await prisma.$transaction(async (tx) => {
    const used = await tx.accountToken.updateMany({
      where: { id: row.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) throw tokenInvalid();
    await updateAccount(tx as typeof prisma, account, { email: row.newEmail });
    await audit(tx, {
      action: 'account.email_changed',
      actor: `${account.kind}:${account.id}`,
      subjectType: account.kind,
      subjectId: account.id,
      details: { from: account.email, to: row.newEmail },
    });
  });
}
