import type { FastifyInstance } from 'fastify';

/** Who a signed-in caller is. Organisation users take their organisation's role. */
export type Role = 'learner' | 'centre' | 'third_party' | 'awarding_organisation' | 'administrator';

/**
 * Every route declares who may call it in `config.access`; a route without a rule is refused at
 * start-up, so no endpoint is ever open by omission. The auth plugin enforces the rule.
 */
export type AccessRule =
  | { kind: 'public'; why: string }
  | {
      kind: 'roles';
      roles: readonly Role[];
      /** Reachable while a system-generated password still has to be changed (first sign-in). */
      beforePasswordChange?: boolean;
      /** Also reachable with an awarding organisation's API token (its systems), not only a session. */
      apiToken?: boolean;
    };

export const allRoles: readonly Role[] = [
  'learner',
  'centre',
  'third_party',
  'awarding_organisation',
  'administrator',
];

export const publicRoute: AccessRule = { kind: 'public', why: 'health and status carry no personal data' };

export const administratorsOnly: AccessRule = { kind: 'roles', roles: ['administrator'] };

/** Anyone signed in, for their own account. */
export const signedIn: AccessRule = { kind: 'roles', roles: allRoles };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
    /**
     * A POST/PUT/PATCH/DELETE that never changes sessions, accounts or a learner's record, so its
     * response need not empty this process's session and Select LAR caches (see lib/notified-cache).
     */
    leavesSessionsAlone?: boolean;
  }
}

/** API routes that a plugin registers for itself: the public API documentation. */
const isApiDocs = (url: string) => /^\/api\/docs(\/|$)/.test(url);

export interface RouteRule {
  method: string;
  url: string;
  access: AccessRule;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule, for the authorization matrix test and audits. */
    routeRules: RouteRule[];
  }
}

export function requireAccessRules(app: FastifyInstance): void {
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route) => {
    // Outside /api are only the app's static files, which are public by nature.
    if (!route.url.startsWith('/api/') || isApiDocs(route.url)) return;
    const access = (route.config as { access?: AccessRule } | undefined)?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') rules.push({ method, url: route.url, access });
    }
  });
}
