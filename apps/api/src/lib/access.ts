import type { FastifyInstance } from 'fastify';

/** Who a signed-in caller is. Organisation users take their organisation's role. */
export type Role = 'learner' | 'centre' | 'third_party' | 'awarding_organisation' | 'administrator';

/**
 * Every route declares who may call it in `config.access`; a route without a rule is refused at
 * start-up, so no endpoint is ever open by omission. The auth plugin enforces the rule.
 */
export type AccessRule = { kind: 'public'; why: string } | { kind: 'roles'; roles: readonly Role[] };

export const publicRoute: AccessRule = { kind: 'public', why: 'health and status carry no personal data' };

export const administratorsOnly: AccessRule = { kind: 'roles', roles: ['administrator'] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}

/** API routes that a plugin registers for itself: the public API documentation. */
const isApiDocs = (url: string) => /^\/api\/docs(\/|$)/.test(url);

export function requireAccessRules(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    // Outside /api are only the app's static files, which are public by nature.
    if (!route.url.startsWith('/api/') || isApiDocs(route.url)) return;
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    }
  });
}
