import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Principal, roleOf } from '../../auth/principal';
import { ACCESS_COOKIE } from '../../auth/sessions';
import type { AccessRule } from '../../lib/access';
import { AppError } from '../../lib/errors';
import { AUTH_CHANGED_CHANNEL, NotifiedCache, VIEWING_CHANGED } from '../../lib/notified-cache';
import { hashToken } from '../../lib/secrets';
import { CATALOGUE_VERSION_SQL } from '../../record/record-cache';
import type { SelectLarLookup } from '../../record/select-lar';

export type { Principal } from '../../auth/principal';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: Principal;
    user: Principal;
  }
}

/** A signed-in learner's details and record versions, read with their session. */
export interface LearnerHead {
  uln: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  notifyOnView: boolean;
  recordVersion: number;
  catalogueVersion: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** What the auth hook read about sessions (see lib/notified-cache). */
    sessionCache: NotifiedCache<SessionRow>;
    /** What Select LAR read about a viewer and a learner they may view (see record/select-lar). */
    selectLarCache: NotifiedCache<SelectLarLookup>;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Set for a learner's session. */
    learnerHead?: LearnerHead;
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

/** What is kept of an open session (a closed one is never kept). */
type SessionRow = { mustChange: boolean; learnerHead?: LearnerHead };

/** The session behind an access token must still be open, and its account usable. */
async function sessionPrincipal(
  app: FastifyInstance,
  cache: NotifiedCache<SessionRow>,
  request: FastifyRequest,
  token: string,
  rule: Extract<AccessRule, { kind: 'roles' }>,
) {
  let principal: Principal;
  try {
    // The verifier keeps tokens it has verified (see the jwt options in plugins/external).
    principal = app.jwt.verify<Principal>(token);
  } catch {
    throw signIn();
  }
  const key = `${principal.sid}|${principal.sub}`;
  let session = cache.get(key);
  if (!session) {
    const generation = cache.generation;
    // One indexed read, so plain SQL rather than Prisma's relation loading. For a learner it also
    // reads what their record's header and cache stamp need (see routes/me/record).
    const [row] = await app.db.sql.prepared<
      { open: boolean; mustChange: boolean; recordVersion: number | null } & Omit<
        LearnerHead,
        'recordVersion'
      >
    >(
      'auth-session',
      `SELECT s."revokedAt" IS NULL AND u."disabledAt" IS NULL AS open,
              COALESCE(u."mustChangePassword", l."mustChangePassword", false) AS "mustChange",
              l.uln, l."givenName", l."familyName", l."dateOfBirth"::text AS "dateOfBirth", l."notifyOnView",
              l."recordVersion", ${CATALOGUE_VERSION_SQL} AS "catalogueVersion"
         FROM "Session" s
         LEFT JOIN "User" u ON u.id = s."userId"
         LEFT JOIN "Learner" l ON l.id = s."learnerId"
        WHERE s.id = $1 AND $2 IN (s."userId", s."learnerId")`,
      [principal.sid ?? '00000000-0000-0000-0000-000000000000', principal.sub],
    );
    if (!row?.open) throw signIn();
    const { open: _open, mustChange, recordVersion, ...head } = row;
    session = {
      mustChange,
      ...(recordVersion !== null ? { learnerHead: { ...head, recordVersion } } : {}),
    };
    cache.store(key, session, generation);
  }
  if (session.learnerHead) request.learnerHead = session.learnerHead;
  if (session.mustChange && !rule.beforePasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
  }
  return principal;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Enforces each route's access rule: 401 without a valid session (httpOnly cookie from the app, or
 * a bearer access token) or API token, 403 with the wrong role.
 */
export default fp(
  async (app) => {
    const sessions = new NotifiedCache<SessionRow>();
    const viewing = new NotifiedCache<SelectLarLookup>(10_000);
    app.decorate('sessionCache', sessions);
    app.decorate('selectLarCache', viewing);
    const caches = [sessions, viewing];
    const listener = await app.db.sql.listen(AUTH_CHANGED_CHANNEL, {
      notified: (payload) => {
        if (payload !== VIEWING_CHANGED) sessions.invalidate();
        viewing.invalidate();
      },
      connected: () => {
        for (const cache of caches) cache.connected();
      },
      lost: () => {
        for (const cache of caches) cache.lost();
      },
    });
    app.addHook('onClose', () => listener.close());
    // A request that may have changed a session, an account, a permission or a record empties the
    // caches before its client hears back, so the client's next request sees the change (other
    // processes hear of it from the database's notification a moment later).
    app.addHook('onSend', async (request) => {
      if (!READS.has(request.method) && !request.routeOptions.config?.leavesSessionsAlone)
        for (const cache of caches) cache.invalidate();
    });
    app.addHook('onRequest', async (request) => {
      const rule = request.routeOptions.config.access as AccessRule | undefined;
      if (!rule || rule.kind === 'public') return;
      const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      let principal: Principal;
      if (bearer?.startsWith(API_TOKEN_PREFIX)) {
        if (!rule.apiToken) throw new AppError('UNAUTHENTICATED', 'API tokens cannot be used here: sign in.');
        principal = await apiTokenPrincipal(app, bearer);
      } else {
        // As @fastify/jwt's own lookup: the Authorization header first, then the app's cookie.
        const token = bearer ?? request.cookies[ACCESS_COOKIE];
        if (!token) throw signIn();
        principal = await sessionPrincipal(app, sessions, request, token, rule);
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
