import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Account, AccountRequest, ErrorBody } from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { revokeAllSessions } from '../../../../auth/sessions';
import { throttleKey } from '../../../../auth/throttle';
import type { Prisma } from '../../../../generated/prisma/client';
import { administratorsOnly } from '../../../../lib/access';
import { audit } from '../../../../lib/audit';
import { AppError } from '../../../../lib/errors';
import { hashPassword } from '../../../../lib/password';
import { systemPassword } from '../../../../lib/secrets';
import { enqueueEmail } from '../../../../mail/outbox';
import { approveAccountRequest, declineAccountRequest, view } from '../account-requests/service';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['administration'];

type UserWithOrganisation = Prisma.UserGetPayload<{ include: { organisation: true } }>;

/** Accounts as the service desk sees them: two queries however many users (no query per row). */
async function accountViews(app: FastifyInstance, users: UserWithOrganisation[]): Promise<Account[]> {
  const keys = users.map((u) => throttleKey('sign-in:user', u.userId));
  const locks = await app.db.prisma.signInThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    select: { key: true },
  });
  const locked = new Set(locks.map((l) => l.key));
  return users.map((u, i) => ({
    id: u.id,
    userId: u.userId,
    fullName: u.fullName,
    email: u.email,
    organisation: {
      id: u.organisation.id,
      name: u.organisation.name,
      code: u.organisation.code,
      type: u.organisation.type,
    },
    disabled: u.disabledAt !== null,
    locked: locked.has(keys[i] ?? ''),
    mustChangePassword: u.mustChangePassword,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}

async function accountView(app: FastifyInstance, id: string): Promise<Account> {
  const user = await app.db.prisma.user.findUnique({ where: { id }, include: { organisation: true } });
  if (!user) throw new AppError('NOT_FOUND', 'No such account.');
  const [view] = await accountViews(app, [user]);
  if (!view) throw new AppError('NOT_FOUND', 'No such account.');
  return view;
}

/** The service desk's account requests and organisation accounts. */
const accounts: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: administratorsOnly };
  const actorId = (request: { principal?: { sub: string } }) => request.principal?.sub ?? '';

  app.get(
    '/account-requests',
    {
      config,
      schema: {
        tags,
        summary: 'Account requests',
        querystring: Type.Object({
          status: Type.Optional(Type.Union(['PENDING', 'APPROVED', 'DECLINED'].map((s) => Type.Literal(s)))),
        }),
        response: { 200: Type.Object({ items: Type.Array(AccountRequest) }), ...errors },
      },
    },
    async (request) => {
      const rows = await app.db.prisma.accountRequest.findMany({
        where: { status: (request.query.status ?? 'PENDING') as 'PENDING' },
        orderBy: { createdAt: 'asc' },
        take: 500,
      });
      return { items: rows.map(view) };
    },
  );
  app.post(
    '/account-requests/:id/approve',
    {
      config,
      schema: {
        tags,
        summary: 'Approve: create the account and email its sign-in',
        params: Id,
        response: { 200: AccountRequest, ...errors },
      },
    },
    (request) => approveAccountRequest(app, request.params.id, actorId(request)),
  );
  app.post(
    '/account-requests/:id/decline',
    {
      config,
      schema: {
        tags,
        summary: 'Decline with a reason',
        params: Id,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }),
        response: { 200: AccountRequest, ...errors },
      },
    },
    (request) => declineAccountRequest(app, request.params.id, actorId(request), request.body.reason),
  );

  app.get(
    '/accounts',
    {
      config,
      schema: {
        tags,
        summary: 'Organisation accounts',
        querystring: Type.Object({ query: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Object({ items: Type.Array(Account) }), ...errors },
      },
    },
    async (request) => {
      const q = request.query.query?.trim();
      const contains = (v: string) => ({ contains: v, mode: 'insensitive' as const });
      const rows = await app.db.prisma.user.findMany({
        where: q
          ? {
              OR: [
                { userId: contains(q) },
                { fullName: contains(q) },
                { email: contains(q) },
                { organisation: { name: contains(q) } },
                { organisation: { code: q } },
              ],
            }
          : {},
        orderBy: { createdAt: 'desc' },
        take: 200,
        include: { organisation: true },
      });
      return { items: await accountViews(app, rows) };
    },
  );
  const setDisabled =
    (disabled: boolean) => async (request: { params: { id: string }; principal?: { sub: string } }) => {
      const user = await app.db.prisma.user
        .update({ where: { id: request.params.id }, data: { disabledAt: disabled ? new Date() : null } })
        .catch(() => {
          throw new AppError('NOT_FOUND', 'No such account.');
        });
      if (disabled) await revokeAllSessions(app, { kind: 'user', id: user.id });
      await audit(app.db.prisma, {
        action: disabled ? 'account.disabled' : 'account.enabled',
        actor: `user:${actorId(request)}`,
        subjectType: 'user',
        subjectId: user.id,
      });
      return accountView(app, user.id);
    };
  app.post(
    '/accounts/:id/disable',
    {
      config,
      schema: { tags, summary: 'Disable an account', params: Id, response: { 200: Account, ...errors } },
    },
    setDisabled(true),
  );
  app.post(
    '/accounts/:id/enable',
    {
      config,
      schema: { tags, summary: 'Enable an account', params: Id, response: { 200: Account, ...errors } },
    },
    setDisabled(false),
  );
  app.post(
    '/accounts/:id/reset-password',
    {
      config,
      schema: {
        tags,
        summary: 'Email a new system-generated password',
        params: Id,
        response: { 200: Account, ...errors },
      },
    },
    async (request) => {
      const password = systemPassword();
      const passwordHash = await hashPassword(password);
      await app.db.prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({
          where: { id: request.params.id },
          include: { organisation: true },
        });
        if (!user) throw new AppError('NOT_FOUND', 'No such account.');
        await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
        await tx.session.updateMany({
          where: { userId: user.id, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        const data = {
          recipientName: user.fullName,
          organisationName: user.organisation.name,
          userId: user.userId,
          password,
          passwordReset: true,
        };
        const key = `admin-password-reset:${user.id}:${Date.now()}`;
        await enqueueEmail(
          tx,
          { idempotencyKey: key, to: user.email, template: 'account-approved', data },
          { publicUrl: app.config.publicUrl },
        );
        await audit(tx, {
          action: 'account.password_reset_by_service_desk',
          actor: `user:${actorId(request)}`,
          subjectType: 'user',
          subjectId: user.id,
        });
      });
      app.workers.wakeMail();
      return accountView(app, request.params.id);
    },
  );
};

export default accounts;
