import type { Principal } from '../../src/auth/principal';
import { buildTestApp } from '../helpers/app';
import { cookiesFrom, signInAs, TEST_PASSWORD } from '../helpers/auth';

describe('sign-in and sessions', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  const signIn = (userId: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { userId, password } });
  const me = (cookie: string) => t.app.inject({ url: '/api/v1/me', headers: { cookie } });

  it('sets httpOnly SameSite=Strict cookies and answers who is signed in', async () => {
    const centre = await signInAs(t.app, 'centre');
    const res = await signIn(centre.signInId, TEST_PASSWORD);
    const cookies = [res.headers['set-cookie']].flat().join('\n');
    expect(cookies).toMatch(/lar_access=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/lar_access=[^;]+;.*SameSite=Strict/);
    expect(cookies).toMatch(/lar_refresh=[^;]+;.*Path=\/api\/v1\/auth/);
    expect(cookies).not.toMatch(/Secure/); // PUBLIC_URL is http in tests
    expect((await me(cookiesFrom(res.headers['set-cookie']))).json()).toMatchObject({
      role: 'centre',
      signInId: centre.signInId,
    });
  });

  it('gives the same answer for a wrong password and for an unknown User ID', async () => {
    const centre = await signInAs(t.app, 'centre');
    const wrong = await signIn(centre.signInId, 'not the password');
    const unknown = await signIn('nobody-here', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an identifier after five failures, whether or not the account exists, and audits it', async () => {
    const centre = await signInAs(t.app, 'centre');
    for (const id of [centre.signInId, 'ghost-account']) {
      for (let i = 0; i < 5; i++)
        expect((await signIn(id, 'wrong password')).json().error.code).toBe('INVALID_CREDENTIALS');
      const locked = await signIn(id, id === 'ghost-account' ? 'anything' : TEST_PASSWORD);
      expect(locked.statusCode).toBe(401);
      expect(locked.json().error.code).toBe('SIGN_IN_LOCKED');
    }
    const events = await t.database.prisma.auditEvent.count({ where: { action: 'sign_in.locked' } });
    expect(events).toBe(2);
    const admin = await signInAs(t.app, 'administrator');
    const listed = await t.app.inject({
      url: `/api/v1/admin/accounts?query=${centre.signInId}`,
      headers: admin.headers,
    });
    expect(listed.json().items).toEqual([expect.objectContaining({ userId: centre.signInId, locked: true })]);
  });

  it('rotates the refresh token, and a replayed one ends the whole family', async () => {
    const learner = await signInAs(t.app, 'learner');
    const refresh = (cookie: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: { cookie } });
    const first = await refresh(learner.headers.cookie);
    expect(first.statusCode).toBe(200);
    const rotated = cookiesFrom(first.headers['set-cookie']);
    expect((await me(rotated)).statusCode).toBe(200);
    // The old refresh token again: someone copied it.
    expect((await refresh(learner.headers.cookie)).statusCode).toBe(401);
    expect((await me(rotated)).statusCode).toBe(401);
    expect((await refresh(rotated)).statusCode).toBe(401);
  });

  it('refuses an access token once it expires, though it was accepted (and kept as verified) before', async () => {
    const centre = await signInAs(t.app, 'centre');
    const token = /lar_access=([^;]+)/.exec(centre.headers.cookie)?.[1] ?? '';
    const {
      iat: _iat,
      exp: _exp,
      ...claims
    } = t.app.jwt.decode<Principal & { iat: number; exp: number }>(token) ?? {};
    const brief: string = t.app.jwt.sign(claims as Principal, { expiresIn: '2s' });
    const bearer = (value: string) =>
      t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${value}` } });
    expect((await bearer(brief)).statusCode).toBe(200);
    expect((await bearer(brief)).statusCode).toBe(200);
    // The same claims under a changed signature are refused, kept tokens notwithstanding.
    expect((await bearer(`${brief.slice(0, -4)}AAAA`)).statusCode).toBe(401);
    const exp = (t.app.jwt.decode<{ exp: number }>(brief)?.exp ?? 0) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, exp - Date.now() + 50)));
    expect((await bearer(brief)).statusCode).toBe(401);
  });

  it('ends the session at sign-out: the old access token stops working at once', async () => {
    const centre = await signInAs(t.app, 'centre');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: centre.headers });
    expect(out.statusCode).toBe(204);
    expect([out.headers['set-cookie']].flat().join('\n')).toMatch(/lar_access=;/);
    expect((await me(centre.headers.cookie)).statusCode).toBe(401);
  });

  it('ends every other session when the password changes, and keeps this one', async () => {
    const centre = await signInAs(t.app, 'centre');
    const other = cookiesFrom((await signIn(centre.signInId, TEST_PASSWORD)).headers['set-cookie']);
    const wrongCurrent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: centre.headers,
      payload: { currentPassword: 'nope', newPassword: 'lantern meadow 2031' },
    });
    expect(wrongCurrent.json().error).toMatchObject({
      code: 'CURRENT_PASSWORD_WRONG',
      details: [{ field: 'currentPassword' }],
    });
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: centre.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'lantern meadow 2031' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(cookiesFrom(changed.headers['set-cookie']))).statusCode).toBe(200);
    expect((await signIn(centre.signInId, 'lantern meadow 2031')).statusCode).toBe(200);
  });

  it('refuses a disabled account, and the service desk can enable it again', async () => {
    const centre = await signInAs(t.app, 'centre');
    const admin = await signInAs(t.app, 'administrator');
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${centre.id}/disable`,
      headers: admin.headers,
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await me(centre.headers.cookie)).statusCode).toBe(401);
    expect((await signIn(centre.signInId, TEST_PASSWORD)).json().error.message).toMatch(/disabled/);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/accounts/${centre.id}/enable`,
      headers: admin.headers,
    });
    expect((await signIn(centre.signInId, TEST_PASSWORD)).statusCode).toBe(200);
    const found = await t.app.inject({
      url: `/api/v1/admin/accounts?query=${centre.signInId}`,
      headers: admin.headers,
    });
    expect(found.json().items).toEqual([
      expect.objectContaining({ userId: centre.signInId, disabled: false }),
    ]);
  });
});
