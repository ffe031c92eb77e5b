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
