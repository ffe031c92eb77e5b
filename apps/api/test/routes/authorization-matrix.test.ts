import type { Role, RouteRule } from '../../src/lib/access';
import { buildTestApp } from '../helpers/app';
import { type SignedIn, signInAs } from '../helpers/auth';

/**
 * Every registered API route against every kind of caller. A route without a rule cannot be
 * registered at all (the app refuses to start); here each rule is checked to hold: anonymous callers
 * get 401 from guarded routes, callers of other roles 403, allowed roles get past the guard. New
 * routes join automatically. Ownership rules (another learner, another centre) are checked by the
 * features that have them; here those callers must at least be treated as their role.
 */
const callers = [
  'anonymous',
  'learner',
  'another learner',
  'centre',
  'another centre',
  'third_party',
  'awarding_organisation',
  'administrator',
] as const;
type Caller = (typeof callers)[number];
const roleOf = (caller: Caller): Role | undefined =>
  caller === 'anonymous' ? undefined : ((caller.replace('another ', '') as Role) ?? undefined);

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, SOME_ID);

describe('authorization matrix', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const sessions = new Map<Caller, SignedIn>();
  beforeAll(async () => {
    t = await buildTestApp();
    for (const caller of callers) {
      const role = roleOf(caller);
      if (role) sessions.set(caller, await signInAs(t.app, role));
    }
  });
  afterAll(async () => t.close());

  it('covers a non-trivial set of routes, each with a rule', () => {
    expect(t.app.routeRules.length).toBeGreaterThan(20);
    for (const rule of t.app.routeRules) expect(rule.access).toBeDefined();
  });

  it('holds for every route and every caller', async () => {
    const failures: string[] = [];
    const rules: RouteRule[] = t.app.routeRules;
    for (const { method, url, access } of rules) {
      for (const caller of callers) {
        const res = await t.app.inject({
          method: method as 'GET',
          url: concrete(url),
          headers: { ...sessions.get(caller)?.headers, 'content-type': 'application/json' },
          payload: method === 'GET' || method === 'DELETE' ? undefined : '{}',
        });
        const role = roleOf(caller);
        // Sign-out and refresh end or replace the caller's session: give it a new one.
        if (role && /\/auth\/(sign-out|refresh)$/.test(url))
          sessions.set(caller, await signInAs(t.app, role));
        const expected =
          access.kind === 'public' ? 'public' : !role ? 401 : access.roles.includes(role) ? 'allowed' : 403;
        // A public route's own answers may be 401 (wrong password, no refresh cookie), never 403.
        const ok =
          expected === 'public'
            ? res.statusCode !== 403
            : expected === 'allowed'
              ? ![401, 403].includes(res.statusCode)
              : res.statusCode === expected;
        if (!ok)
          failures.push(
            `${method} ${url} as ${caller}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  });
});
