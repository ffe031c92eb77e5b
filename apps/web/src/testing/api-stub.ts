import type { Me } from '@lar/shared/api';
import { json, stubFetch } from './fetch-stub';

type Answer = Response | ((request: Request, body: unknown) => Response | Promise<Response>);

export interface ApiCall {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

/**
 * Stubs the API by `'METHOD /api/path'` (no query string). Unlisted: `/api/health` is fine and
 * `/api/v1/me` answers 401 (signed out); anything else is a 404. `calls` records every request.
 */
export function stubApi(answers: Record<string, Answer>) {
  const calls: ApiCall[] = [];
  const fetchStub = stubFetch(async (request) => {
    const url = new URL(request.url);
    const text = await request.clone().text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    calls.push({ method: request.method, path: url.pathname, search: url.search, body });
    const answer = answers[`${request.method} ${url.pathname}`];
    if (answer) return typeof answer === 'function' ? answer(request, body) : answer.clone();
    if (url.pathname === '/api/health')
      return json({ status: 'ok', database: { reachable: true, latencyMs: 1 }, version: '1' });
    if (url.pathname === '/api/v1/me' || url.pathname === '/api/v1/auth/refresh')
      return apiError(401, 'UNAUTHENTICATED', 'Sign in');
    return apiError(404, 'NOT_FOUND', 'Not found');
  });
  return {
    fetchStub,
    calls,
    /** The bodies sent to `'METHOD /api/path'`. */
    bodies: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key).map((c) => c.body),
  };
}

export const apiError = (status: number, code: string, message: string, details?: unknown) =>
  json({ error: { code, message, ...(details !== undefined && { details }) } }, status);

export const noContent = () => new Response(null, { status: 204 });

export function aMe(overrides: Partial<Me> = {}): Me {
  return {
    kind: 'user',
    id: 'u1',
    role: 'centre',
    name: 'Grace Hopper',
    signInId: 'ghopper',
    email: 'grace@example.org',
    organisation: { id: 'o1', name: 'Harbour College', code: '10012345', type: 'CENTRE' },
    mustChangePassword: false,
    hasMemorableInformation: true,
    ...overrides,
  };
}
