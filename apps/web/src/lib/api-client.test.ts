import { json, stubFetch } from '@/testing/fetch-stub';
import { ApiError, api, onUnauthorized } from './api-client';

describe('api client', () => {
  it('sends JSON with the session cookie and resolves with the parsed body', async () => {
    const fetchStub = stubFetch(() => json({ id: 7 }, 201));

    await expect(api.post('/v1/things', { name: 'a' }, { query: { dryRun: true } })).resolves.toEqual({
      id: 7,
    });
    const [url, init] = fetchStub.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/things?dryRun=true');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"name":"a"}' });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  it('turns an error body into an ApiError with its code, message, details and status', async () => {
    stubFetch(() =>
      json({ error: { code: 'ULN_INVALID', message: 'ULN is not valid', details: { field: 'uln' } } }, 400),
    );

    const error = await api.get('/v1/learners/1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'ULN_INVALID',
      message: 'ULN is not valid',
      details: { field: 'uln' },
    });
  });

  it('gives a body that is not the error contract a code from its status', async () => {
    stubFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await expect(api.get('/health')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('reports an unreachable API as a network error', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.get('/health')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('calls the 401 handler once per unauthorised answer, and only for 401', async () => {
    const handler = jest.fn();
    const stop = onUnauthorized(handler);
    stubFetch(() => json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, 401));
    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[0]).toBeInstanceOf(ApiError);

    stubFetch(() => json({ error: { code: 'FORBIDDEN', message: 'No' } }, 403));
    await expect(api.get('/v1/me')).rejects.toBeInstanceOf(ApiError);
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('api client session refresh', () => {
  it('answers a 401 by refreshing the session once and retrying the request', async () => {
    const handler = jest.fn();
    const stop = onUnauthorized(handler);
    let refreshed = false;
    const fetchStub = stubFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/auth/refresh') {
        refreshed = true;
        return json({ id: 'u1' });
      }
      return refreshed
        ? json({ items: [1] })
        : json({ error: { code: 'UNAUTHENTICATED', message: 'Expired' } }, 401);
    });

    await expect(api.get('/v1/things')).resolves.toEqual({ items: [1] });
    expect(fetchStub.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'GET /api/v1/things',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/things',
    ]);
    expect(handler).not.toHaveBeenCalled();
    stop();
  });

  it('shares one refresh between calls that fail together, since the refresh cookie is used once', async () => {
    let refreshes = 0;
    let refreshed = false;
    stubFetch(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/auth/refresh') {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        refreshed = true;
        return json({});
      }
      return refreshed
        ? json({ ok: pathname })
        : json({ error: { code: 'UNAUTHENTICATED', message: 'x' } }, 401);
    });
    await expect(Promise.all([api.get('/v1/a'), api.get('/v1/b')])).resolves.toEqual([
      { ok: '/api/v1/a' },
      { ok: '/api/v1/b' },
    ]);
    expect(refreshes).toBe(1);
  });

  it('reports the 401 once when the refresh fails, and never refreshes for the auth calls themselves', async () => {
    const handler = jest.fn();
    const stop = onUnauthorized(handler);
    const fetchStub = stubFetch(() => json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, 401));

    await expect(api.get('/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(fetchStub).toHaveBeenCalledTimes(2);
    expect(handler).toHaveBeenCalledTimes(1);

    fetchStub.mockClear();
    await expect(api.post('/v1/auth/sign-in', { userId: 'a', password: 'b' })).rejects.toMatchObject({
      status: 401,
    });
    expect(fetchStub).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledTimes(1);
    stop();
  });
});
