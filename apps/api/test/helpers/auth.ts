import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/lib/access';

/**
 * A signed access token for a role, as sign-in would issue it. Until sign-in exists ("Accounts and
 * access") tests reach guarded routes this way; the guard itself is real.
 */
export function accessToken(app: FastifyInstance, role: Role, sub: string = randomUUID()): string {
  return app.jwt.sign({ sub, role, kind: role === 'learner' ? 'learner' : 'user' });
}

export const asRole = (app: FastifyInstance, role: Role) => ({
  cookie: `lar_access=${accessToken(app, role)}`,
});
