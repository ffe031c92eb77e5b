import fp from 'fastify-plugin';
import type { AccessRule, Role } from '../../lib/access';
import { AppError } from '../../lib/errors';

/** The claims of an access token. */
export interface Principal {
  /** User or learner id. */
  sub: string;
  kind: 'user' | 'learner';
  role: Role;
  /** The organisation of an organisation user. */
  org?: string;
}

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

const roles: readonly Role[] = ['learner', 'centre', 'third_party', 'awarding_organisation', 'administrator'];

/**
 * Reads the access token (httpOnly cookie from the app, or `Authorization: Bearer` from scripts) and
 * enforces each route's access rule: 401 without a valid token, 403 with the wrong role.
 */
export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      const rule = request.routeOptions.config.access as AccessRule | undefined;
      if (!rule || rule.kind === 'public') return;
      let principal: Principal;
      try {
        principal = await request.jwtVerify<Principal>();
      } catch {
        throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      }
      if (!roles.includes(principal.role)) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      request.principal = principal;
      if (!rule.roles.includes(principal.role)) {
        throw new AppError('FORBIDDEN', 'Your account does not have access to this.');
      }
    });
  },
  { name: 'lar-auth', dependencies: ['lar-error-handler'] },
);
