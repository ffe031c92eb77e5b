import type { FastifyInstance } from 'fastify';
import { audit } from '../lib/audit';
import { AppError } from '../lib/errors';
import { hashPassword, verifyPassword } from '../lib/password';
import { fieldError, memorableInformationProblem, passwordProblem } from '../lib/password-policy';
import { sealer } from '../lib/secrets';
import type { Account } from './principal';

type Db = FastifyInstance['db']['prisma'];

function updateAccount(prisma: Db, account: Pick<Account, 'kind' | 'id'>, data: Record<string, unknown>) {
  return account.kind === 'user'
    ? prisma.user.update({ where: { id: account.id }, data })
    : prisma.learner.update({ where: { id: account.id }, data });
}

export function assertPasswordAllowed(account: Account, password: string, field = 'newPassword'): void {
  const problem = passwordProblem(password, account.signInId);
  if (problem) throw new AppError('PASSWORD_REJECTED', problem, fieldError(field, problem));
}

export async function assertCurrentPassword(account: Account, password: string): Promise<void> {
  if (!account.passwordHash || !(await verifyPassword(password, account.passwordHash))) {
    throw new AppError(
      'CURRENT_PASSWORD_WRONG',
      'Your current password is not right.',
      fieldError('currentPassword', 'Your current password is not right'),
    );
  }
}

function sealMemorable(app: FastifyInstance, value: string): string {
  const problem = memorableInformationProblem(value);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, fieldError('memorableInformation', problem));
  return sealer(app.config.jwtSecret).seal(value);
}

/** Sets a new password chosen by the person (never a system one) and audits it. */
export async function setPassword(app: FastifyInstance, account: Account, password: string, action: string) {
  assertPasswordAllowed(account, password);
  const passwordHash = await hashPassword(password);
  await app.db.prisma.$transaction(async (tx) => {
    await updateAccount(tx as Db, account, { passwordHash, mustChangePassword: false });
    await audit(tx, {
      action,
      actor: `${account.kind}:${account.id}`,
      subjectType: account.kind,
      subjectId: account.id,
    });
  });
}

export async function completeFirstSignIn(
  app: FastifyInstance,
  account: Account,
  password: string,
  memorable: string,
) {
  if (!account.mustChangePassword) throw new AppError('CONFLICT', 'Your password has already been changed.');
  assertPasswordAllowed(account, password);
  const memorableInfo = sealMemorable(app, memorable);
  const passwordHash = await hashPassword(password);
  await app.db.prisma.$transaction(async (tx) => {
    await updateAccount(tx as Db, account, { passwordHash, mustChangePassword: false, memorableInfo });
    await audit(tx, {
      action: 'account.first_sign_in',
      actor: `${account.kind}:${account.id}`,
      subjectType: account.kind,
      subjectId: account.id,
    });
  });
}

export async function setMemorableInformation(app: FastifyInstance, account: Account, memorable: string) {
  const memorableInfo = sealMemorable(app, memorable);
  await app.db.prisma.$transaction(async (tx) => {
    await updateAccount(tx as Db, account, { memorableInfo });
    await audit(tx, {
      action: 'account.memorable_information_changed',
      actor: `${account.kind}:${account.id}`,
      subjectType: account.kind,
      subjectId: account.id,
    });
  });
}

/** The characters at the 1-based `positions` of the account's memorable information. */
export function memorableCharacters(app: FastifyInstance, account: Account, positions: number[]): string[] {
  if (!account.memorableInfo) return [];
  const value = sealer(app.config.jwtSecret).open(account.memorableInfo);
  return positions.map((p) => value[p - 1] ?? '');
}

export function memorableLength(app: FastifyInstance, account: Account): number {
  return account.memorableInfo ? sealer(app.config.jwtSecret).open(account.memorableInfo).length : 0;
}

export { updateAccount };
