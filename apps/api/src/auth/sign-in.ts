import type { FastifyInstance } from 'fastify';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { hashPassword, verifyPassword } from '../lib/password';
import { type Account, findLearnerAccount, findUserAccount } from './principal';
import { assertNotLocked, clearFailures, recordFailure, throttleKey } from './throttle';

/** A hash of a password nobody has, verified when there is no account so both answers take as long. */
let dummyHash: Promise<string> | undefined;
const invalid = () => new AppError('INVALID_CREDENTIALS', 'The User ID or password is not right.');

export interface SignInAttempt {
  kind: 'user' | 'learner';
  signInId: string;
  password: string;
  ip: string;
}

/**
 * Checks a sign-in. The answer and its timing are the same whether or not the account exists; five
 * failures for one identifier lock it for 15 minutes (existing or not); every outcome is audited.
 */
export async function checkSignIn(app: FastifyInstance, attempt: SignInAttempt): Promise<Account> {
  const { prisma } = app.db;
  const key = throttleKey(`sign-in:${attempt.kind}`, attempt.signInId);
  const hasFailures = await assertNotLocked(prisma, key);
  const account =
    attempt.kind === 'user'
      ? await findUserAccount(prisma, { userId: attempt.signInId.trim() })
      : await findLearnerAccount(prisma, { uln: attempt.signInId.trim() });
  dummyHash ??= hashPassword('no account has this password');
  const ok = await verifyPassword(attempt.password, account?.passwordHash ?? (await dummyHash));
  const actor = account ? `${account.kind}:${account.id}` : 'anonymous';
  if (!account || !ok || !account.passwordHash) {
    const locked = await recordFailure(prisma, key);
    await audit(prisma, {
      action: locked ? 'sign_in.locked' : 'sign_in.failed',
      actor,
      subjectType: attempt.kind,
      subjectId: account?.id,
      details: { signInId: attempt.signInId.slice(0, 100) },
      ip: attempt.ip,
    });
    throw invalid();
  }
  if (account.disabled) {
    await audit(prisma, {
      action: 'sign_in.disabled',
      actor,
      subjectType: attempt.kind,
      subjectId: account.id,
      ip: attempt.ip,
    });
    throw new AppError('UNAUTHENTICATED', 'This account is disabled. Contact the LAR service desk.');
  }
  if (hasFailures) await clearFailures(prisma, key);
  const lastSignInAt = new Date();
  if (account.kind === 'user')
    await prisma.user.update({ where: { id: account.id }, data: { lastSignInAt } });
  else await prisma.learner.update({ where: { id: account.id }, data: { lastSignInAt } });
  await audit(prisma, {
    action: 'sign_in.succeeded',
    actor,
    subjectType: attempt.kind,
    subjectId: account.id,
    ip: attempt.ip,
  });
  return account;
}
