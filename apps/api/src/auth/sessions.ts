import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors';
import { hashToken, randomToken } from '../lib/secrets';
import type { Account, Principal } from './principal';

export const ACCESS_COOKIE = 'lar_access';
export const REFRESH_COOKIE = 'lar_refresh';
const ACCESS_SECONDS = 15 * 60;
const REFRESH_SECONDS = 30 * 24 * 60 * 60;

function cookieOptions(app: FastifyInstance, path: string, maxAge: number) {
  return {
    path,
    maxAge,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.config.publicUrl.startsWith('https:'),
  };
}

const owner = (account: Pick<Account, 'kind' | 'id'>) =>
  account.kind === 'user' ? { userId: account.id } : { learnerId: account.id };

/** Issues the short-lived access token and the rotating refresh token as httpOnly cookies. */
async function issue(app: FastifyInstance, reply: FastifyReply, account: Account, familyId: string) {
  const refresh = randomToken();
  const session = await app.db.prisma.session.create({
    data: {
      familyId,
      ...owner(account),
      tokenHash: hashToken(refresh),
      expiresAt: new Date(Date.now() + REFRESH_SECONDS * 1000),
    },
  });
  const principal: Principal = {
    sub: account.id,
    kind: account.kind,
    role: account.role,
    sid: session.id,
    ...(account.organisation && { org: account.organisation.id }),
  };
  const access = app.jwt.sign(principal, { expiresIn: ACCESS_SECONDS });
  reply.setCookie(ACCESS_COOKIE, access, cookieOptions(app, '/', ACCESS_SECONDS));
  reply.setCookie(REFRESH_COOKIE, refresh, cookieOptions(app, '/api/v1/auth', REFRESH_SECONDS));
  return session;
}

export function startSession(app: FastifyInstance, reply: FastifyReply, account: Account) {
  return issue(app, reply, account, randomUUID());
}

/**
 * Exchanges a refresh token for new tokens. A token that was already exchanged means it was
 * copied: the whole family of sessions from that sign-in is revoked.
 */
export async function rotateSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const token = request.cookies[REFRESH_COOKIE];
  const session = token
    ? await app.db.prisma.session.findUnique({ where: { tokenHash: hashToken(token) } })
    : null;
  if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (session.revokedAt || session.replacedById) {
    await app.db.prisma.session.updateMany({
      where: { familyId: session.familyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  }
  if (session.expiresAt < new Date()) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return { session, issue: (account: Account) => replace(app, reply, account, session) };
}

async function replace(
  app: FastifyInstance,
  reply: FastifyReply,
  account: Account,
  old: { id: string; familyId: string },
) {
  const next = await issue(app, reply, account, old.familyId);
  await app.db.prisma.session.update({
    where: { id: old.id },
    data: { revokedAt: new Date(), replacedById: next.id },
  });
  return next;
}

export async function endSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const sid = request.principal?.sid;
  if (sid)
    await app.db.prisma.session.updateMany({
      where: { id: sid, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  const token = request.cookies[REFRESH_COOKIE];
  if (token) {
    await app.db.prisma.session.updateMany({
      where: { tokenHash: hashToken(token), revokedAt: null },
      data: { revokedAt: new Date() },
    });
  }
  reply.clearCookie(ACCESS_COOKIE, { path: '/' });
  reply.clearCookie(REFRESH_COOKIE, { path: '/api/v1/auth' });
}

/** Ends every session of an account (password change or reset, account disabled). */
export function revokeAllSessions(app: FastifyInstance, account: Pick<Account, 'kind' | 'id'>) {
  return app.db.prisma.session.updateMany({
    where: { ...owner(account), revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
