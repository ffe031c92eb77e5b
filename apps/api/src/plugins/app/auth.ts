import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Principal, roleOf } from '../../auth/principal';
import { ACCESS_COOKIE } from '../../auth/sessions';
import type { AccessRule } from '../../lib/access';
import { AppError } from '../../lib/errors';
import { hashToken } from '../../lib/secrets';

export type { Principal } from '../../auth/principal';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: Principal;
    user: Principal;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const API_TOKEN_PREFIX = 'lar_';
const signIn = () => new AppError('UNAUTHENTICATED', 'Sign in to continue.');

/** An awarding organisation system's `Authorization: Bearer lar_…` token. */
async function apiTokenPrincipal(app: FastifyInstance, token: string): Promise<Principal> {
  const row = await app.db.prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { organisation: true } } },
  });
  if (!row || row.revokedAt || row.user.disabledAt)
    throw new AppError('UNAUTHENTICATED', 'This API token is not valid.');
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await app.db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { user } = row;
  return {
    sub: user.id,
    kind: 'user',
    role: roleOf(user.organisation.type),
    sid: `api-token:${row.id}`,
    org: user.organisationId,
  };
}

/** The session behind an access token must still be open, and its account usable. */
async function sessionPrincipal(
  app: FastifyInstance,
  request: FastifyRequest,
  rule: Extract<AccessRule, { kind: 'roles' }>,
) {
  let principal: Principal;
  try {
    principal = await request.jwtVerify<Principal>();
  } catch {
    throw signIn();
  }
  const session = await app.db.prisma.session.findUnique({
    where: { id: principal.sid ?? '00000000-0000-0000-0000-000000000000' },
    select: {
      revokedAt: true,
      user: { select: { disabledAt: true, mustChangePassword: true } },
      learner: { select: { mustChangePassword: true } },
    },
  });
  if (!session || session.revokedAt || session.user?.disabledAt) throw signIn();
  const mustChange = session.user?.mustChangePassword ?? session.learner?.mustChangePassword ?? false;
  if (mustChange && !rule.beforePasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
  }
  return principal;
}

/**
 * Enforces each route's access rule: 401 without a valid session (httpOnly cookie from the app, or
 * a bearer access token) or API token, 403 with the wrong role.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      const rule = request.routeOptions.config.access as AccessRule | undefined;
      if (!rule || rule.kind === 'public') return;
      const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      let principal: Principal;
      if (bearer?.startsWith(API_TOKEN_PREFIX)) {
        if (!rule.apiToken) throw new AppError('UNAUTHENTICATED', 'API tokens cannot be used here: sign in.');
        principal = await apiTokenPrincipal(app, bearer);
      } else {
        if (!bearer && !request.cookies[ACCESS_COOKIE]) throw signIn();
        principal = await sessionPrincipal(app, request, rule);
      }
      request.principal = principal;
      if (!rule.roles.includes(principal.role)) {
        throw new AppError('FORBIDDEN', 'Your account does not have access to this.');
      }
    });
  },
  { name: 'lar-auth', dependencies: ['lar-error-handler', 'lar-database'] },
);

export { API_TOKEN_PREFIX };
