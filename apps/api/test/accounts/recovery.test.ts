import { buildTestApp } from '../helpers/app';
import { signInAs, TEST_PASSWORD } from '../helpers/auth';

const MEMORABLE = 'Blue Heron 7';

describe('recovery and profile changes', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  /** A centre user with memorable information set, as after the first sign-in. */
  async function userWithMemorable() {
    const centre = await signInAs(t.app, 'centre');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/memorable-information',
      headers: centre.headers,
      payload: { currentPassword: TEST_PASSWORD, memorableInformation: MEMORABLE },
    });
    expect(res.statusCode).toBe(204);
    return centre;
  }

  async function resetLink(signInId: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { kind: 'user', signInId },
    });
    expect(res.statusCode).toBe(202);
    const mail = await t.database.prisma.outboxMessage.findFirst({
      where: { template: 'password-reset' },
      orderBy: { createdAt: 'desc' },
    });
    const token =
      mail && decodeURIComponent(/reset-password\?token=([^\s"&<]+)/.exec(mail.text ?? '')?.[1] ?? '');
    return { res, mail, token: token ?? '' };
  }

  const challenge = (token: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/challenge', payload: { token } });
  const complete = (token: string, characters: string[], newPassword: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, characters, newPassword },
    });

  it('answers the same for an unknown account and emails nobody', async () => {
    const before = await t.database.prisma.outboxMessage.count();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { kind: 'user', signInId: 'no-such-user' },
    });
    const centre = await userWithMemorable();
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { kind: 'user', signInId: centre.signInId },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual(known.json());
    expect(await t.database.prisma.outboxMessage.count()).toBe(before + 1);
  });

  it('resets with the emailed single-use link and three characters at positions the service chose', async () => {
    const centre = await userWithMemorable();
    const { mail, token } = await resetLink(centre.signInId);
    expect(mail?.to).toBe(`${centre.signInId}@example.org`);
    const { positions } = (await challenge(token)).json();
    expect(positions).toHaveLength(3);
    expect((await challenge(token)).json().positions).toEqual(positions); // fixed for the link
    const right = positions.map((p: number) => MEMORABLE[p - 1] ?? '');
    const wrong = right.map((c: string) => (c === 'x' ? 'y' : 'x'));
    const mismatch = await complete(token, wrong, 'harbour lights 2040');
    expect(mismatch.json().error.code).toBe('MEMORABLE_INFORMATION_MISMATCH');
    const weak = await complete(token, right, 'short');
    expect(weak.json().error).toMatchObject({
      code: 'PASSWORD_REJECTED',
      details: [{ field: 'newPassword' }],
    });
    expect(
      (
        await complete(
          token,
          right.map((c: string) => c.toUpperCase()),
          'harbour lights 2040',
        )
      ).statusCode,
    ).toBe(204);
    expect((await complete(token, right, 'another password 2041')).json().error.code).toBe('TOKEN_INVALID');
    expect((await t.app.inject({ url: '/api/v1/me', headers: centre.headers })).statusCode).toBe(401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { userId: centre.signInId, password: 'harbour lights 2040' },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('sends at most three reset emails an hour to one account, answering the same', async () => {
    const centre = await userWithMemorable();
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { kind: 'user', signInId: centre.signInId },
      });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await ask()).json());
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const sent = await t.database.prisma.outboxMessage.count({
      where: { template: 'password-reset', to: `${centre.signInId}@example.org` },
    });
    expect(sent).toBe(3);
  });

  it('stops a link after three wrong answers', async () => {
    const centre = await userWithMemorable();
    const { token } = await resetLink(centre.signInId);
    for (let i = 0; i < 3; i++) await complete(token, ['#', '#', '#'], 'harbour lights 2040');
    expect((await challenge(token)).json().error.code).toBe('TOKEN_INVALID');
  });

  it('changes the email only when the link sent to the new address is followed', async () => {
    const learner = await signInAs(t.app, 'learner');
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/email',
      headers: learner.headers,
      payload: { currentPassword: TEST_PASSWORD, newEmail: 'new.address@example.org' },
    });
    expect(asked.statusCode).toBe(202);
    const mail = await t.database.prisma.outboxMessage.findFirstOrThrow({
      where: { template: 'email-change-confirmation' },
    });
    expect(mail.to).toBe('new.address@example.org');
    expect((await t.app.inject({ url: '/api/v1/me', headers: learner.headers })).json().email).toBeNull();
    const token = decodeURIComponent(/confirm\?token=([^\s"&<]+)/.exec(mail.text ?? '')?.[1] ?? '');
    const confirm = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/email/confirm', payload: { token } });
    expect((await confirm()).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: learner.headers })).json().email).toBe(
      'new.address@example.org',
    );
    expect((await confirm()).json().error.code).toBe('TOKEN_INVALID');
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, accepted where allowed and refused after revocation', async () => {
    const t = await buildTestApp();
    try {
      const ao = await signInAs(t.app, 'awarding_organisation');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/api-tokens',
        headers: ao.headers,
        payload: { name: 'Results system' },
      });
      expect(created.statusCode).toBe(201);
      const { id, token } = created.json();
      expect(token).toMatch(/^lar_/);
      const row = await t.database.prisma.apiToken.findUniqueOrThrow({ where: { id } });
      expect(row.tokenHash).not.toContain(token);
      const listed = await t.app.inject({ url: '/api/v1/me/api-tokens', headers: ao.headers });
      expect(listed.json()).toEqual([expect.not.objectContaining({ token: expect.anything() })]);
      const bearer = { authorization: `Bearer ${token}` };
      expect((await t.app.inject({ url: '/api/v1/me', headers: bearer })).json()).toMatchObject({
        role: 'awarding_organisation',
      });
      const elsewhere = await t.app.inject({ url: '/api/v1/me/api-tokens', headers: bearer });
      expect(elsewhere.statusCode).toBe(401);
      expect(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}`, headers: ao.headers }))
          .statusCode,
      ).toBe(204);
      expect((await t.app.inject({ url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
      const centre = await signInAs(t.app, 'centre');
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/me/api-tokens',
            headers: centre.headers,
            payload: { name: 'x' },
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits per address', () => {
  it('answer 429 once a client exceeds the sign-in limit', async () => {
    const t = await buildTestApp({ authRateLimitPerMinute: 3 });
    try {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { userId: 'someone', password: 'x' },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
