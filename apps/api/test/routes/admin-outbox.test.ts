import type { Role } from '../../src/lib/access';
import { enqueueBatchedEmails, enqueueEmail } from '../../src/mail/outbox';
import { samples } from '../../src/mail/templates/samples';
import { buildTestApp } from '../helpers/app';
import { type SignedIn, sessionlessToken, signInAs } from '../helpers/auth';

const others: Role[] = ['learner', 'centre', 'third_party', 'awarding_organisation'];

describe('/api/v1/admin/outbox', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  const as: Partial<Record<Role, SignedIn>> = {};
  const asRole = (_app: unknown, role: Role) => as[role]?.headers ?? {};
  beforeAll(async () => {
    t = await buildTestApp();
    for (const role of ['administrator', ...others] as Role[]) as[role] = await signInAs(t.app, role);
    const context = { publicUrl: t.app.config.publicUrl };
    for (const [key, to] of [
      ['a', 'one@example.org'],
      ['b', 'two@example.org'],
      ['c', 'three@example.org'],
    ]) {
      await enqueueEmail(
        t.database.prisma,
        {
          idempotencyKey: `test:${key}`,
          to: to ?? '',
          template: 'record-viewed',
          data: samples['record-viewed'],
        },
        context,
      );
    }
    await t.database.prisma.outboxMessage.update({
      where: { idempotencyKey: 'test:c' },
      data: { status: 'FAILED', attempts: 8, lastError: 'connect ECONNREFUSED 127.0.0.1:25' },
    });
  });
  afterAll(async () => t.close());

  it('lists messages with status, attempts and last error, newest first, filtered and paged', async () => {
    const res = await t.app.inject({
      url: '/api/v1/admin/outbox?status=FAILED',
      headers: asRole(t.app, 'administrator'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ PENDING: 2, SENT: 0, FAILED: 1 });
    expect(body.total).toBe(1);
    expect(body.items).toEqual([
      expect.objectContaining({
        to: 'three@example.org',
        status: 'FAILED',
        attempts: 8,
        lastError: 'connect ECONNREFUSED 127.0.0.1:25',
        template: 'record-viewed',
      }),
    ]);
    const paged = await t.app.inject({
      url: '/api/v1/admin/outbox?pageSize=2&page=2',
      headers: asRole(t.app, 'administrator'),
    });
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.json().items).toHaveLength(1);
  });

  it("counts the emails still written in batches (an import's welcome emails), which are not listed", async () => {
    const before = await t.app.inject({
      url: '/api/v1/admin/outbox',
      headers: asRole(t.app, 'administrator'),
    });
    expect(before.json().batched).toBe(0);
    const emails = [1, 2, 3].map((n) => ({
      idempotencyKey: `batch-test:${n}`,
      to: `b${n}@example.org`,
      data: samples['learner-welcome'],
    }));
    await enqueueBatchedEmails(t.database.sql, 'learner-welcome', emails, {
      publicUrl: t.app.config.publicUrl,
    });
    try {
      const res = await t.app.inject({
        url: '/api/v1/admin/outbox',
        headers: asRole(t.app, 'administrator'),
      });
      expect(res.json()).toMatchObject({ batched: 3, total: 3 });
    } finally {
      await t.database.prisma.outboxBatch.deleteMany();
    }
  });

  it('accepts the access token as a bearer header too', async () => {
    const cookie = as.administrator?.headers.cookie ?? '';
    const token = /lar_access=([^;]+)/.exec(cookie)?.[1];
    const res = await t.app.inject({
      url: '/api/v1/admin/outbox',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('shows one message with both parts', async () => {
    const list = await t.app.inject({ url: '/api/v1/admin/outbox', headers: asRole(t.app, 'administrator') });
    const id = list.json().items[0].id;
    const res = await t.app.inject({
      url: `/api/v1/admin/outbox/${id}`,
      headers: asRole(t.app, 'administrator'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toContain(samples['record-viewed'].organisationName);
    expect(res.json().html).toContain('<html');
  });

  it('resends a failed message with fresh attempts, audits it, and refuses one still waiting', async () => {
    const failed = await t.database.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'test:c' },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${failed.id}/resend`,
      headers: asRole(t.app, 'administrator'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'PENDING', attempts: 0, lastError: null });
    const audit = await t.database.prisma.auditEvent.findFirstOrThrow({ where: { action: 'outbox.resend' } });
    expect(audit).toMatchObject({
      subjectId: failed.id,
      details: expect.objectContaining({ previousStatus: 'FAILED' }),
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${failed.id}/resend`,
      headers: asRole(t.app, 'administrator'),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('never shows the body of an email carrying a password or reset link, nor resends it once sent', async () => {
    await enqueueEmail(
      t.database.prisma,
      {
        idempotencyKey: 'test:secret',
        to: 'x@example.org',
        template: 'password-reset',
        data: samples['password-reset'],
      },
      { publicUrl: t.app.config.publicUrl },
    );
    const secret = await t.database.prisma.outboxMessage.update({
      where: { idempotencyKey: 'test:secret' },
      data: { status: 'SENT' },
    });
    const res = await t.app.inject({
      url: `/api/v1/admin/outbox/${secret.id}`,
      headers: asRole(t.app, 'administrator'),
    });
    expect(res.json().text).not.toContain(samples['password-reset'].token);
    expect(res.json().html).not.toContain(samples['password-reset'].token);
    expect(res.json().text).toMatch(/not kept once sent/);
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/outbox/${secret.id}/resend`,
      headers: asRole(t.app, 'administrator'),
    });
    expect(resend.statusCode).toBe(409);
    await t.database.prisma.outboxMessage.delete({ where: { id: secret.id } });
  });

  it('answers 404 for an unknown message and 400 for a malformed id', async () => {
    const unknown = await t.app.inject({
      url: '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000',
      headers: asRole(t.app, 'administrator'),
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({
      url: '/api/v1/admin/outbox/nope',
      headers: asRole(t.app, 'administrator'),
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('params.id');
  });

  describe.each([
    ['GET', '/api/v1/admin/outbox'],
    ['GET', '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000/resend'],
    ['GET', '/api/v1/admin/jobs'],
  ] as const)('%s %s', (method, url) => {
    it('refuses anonymous callers with 401', async () => {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged, expired or sessionless token with 401', async () => {
      const status = async (token: string) =>
        (await t.app.inject({ method, url, headers: { cookie: `lar_access=${token}` } })).statusCode;
      expect(await status(`${sessionlessToken(t.app, 'administrator').slice(0, -4)}AAAA`)).toBe(401);
      const expiredClaims = { sub: 'x', role: 'administrator' as const, kind: 'user' as const, sid: 'x' };
      expect(await status(t.app.jwt.sign(expiredClaims, { expiresIn: -10 }))).toBe(401);
      expect(await status(sessionlessToken(t.app, 'administrator'))).toBe(401);
    });

    it.each(others)('refuses the %s role with 403', async (role) => {
      const res = await t.app.inject({ method, url, headers: asRole(t.app, role) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    });
  });
});

describe('/api/v1/admin/jobs', () => {
  it('lists background jobs with their progress', async () => {
    const t = await buildTestApp();
    try {
      await t.database.prisma.job.create({
        data: { queue: 'example', payload: {}, status: 'RUNNING', progressDone: 40, progressTotal: 100 },
      });
      const admin = await signInAs(t.app, 'administrator');
      const res = await t.app.inject({ url: '/api/v1/admin/jobs', headers: admin.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([
        expect.objectContaining({
          queue: 'example',
          status: 'RUNNING',
          progressDone: 40,
          progressTotal: 100,
        }),
      ]);
    } finally {
      await t.close();
    }
  });
});
