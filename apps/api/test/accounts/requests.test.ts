import { buildTestApp } from '../helpers/app';
import { cookiesFrom, signInAs } from '../helpers/auth';

const valid = {
  fullName: 'Sam Patel',
  email: 'sam.patel@northgate.example.org',
  organisationType: 'CENTRE',
  centreCode: '10012399',
  organisationName: 'Northgate Sixth Form',
  address: '1 College Road, Anytown AN1 1AA',
  phone: '01632 960 001',
};

/** The User ID and password in the account-approved email recorded in the outbox. */
async function approvalEmail(t: Awaited<ReturnType<typeof buildTestApp>>, requestId: string) {
  const mail = await t.database.prisma.outboxMessage.findUniqueOrThrow({
    where: { idempotencyKey: `account-approved:${requestId}` },
  });
  const userId = /User ID:?\s+(\S+)/.exec(mail.text ?? '')?.[1] ?? '';
  const password = /Password:?\s+(\S+)/.exec(mail.text ?? '')?.[1] ?? '';
  return { mail, userId, password };
}

describe('account requests', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  it('rejects a request naming every bad field, and records nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account-requests',
      payload: { ...valid, email: 'not-an-email', centreCode: '123', phone: 'call me' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['centreCode', 'email', 'phone']);
    expect(await t.database.prisma.accountRequest.count()).toBe(0);
  });

  it('names a missing field and a wrong organisation type from the schema', async () => {
    const { fullName: _omitted, ...rest } = valid;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account-requests',
      payload: { ...rest, organisationType: 'SERVICE_DESK' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.fullName', 'body.organisationType']));
  });

  it('takes a request, which the administrator approves: the account works and must change its password', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/account-requests', payload: valid });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'PENDING', codeType: 'UKPRN', centreCode: '10012399' });
    const id = created.json().id;

    const admin = await signInAs(t.app, 'administrator');
    const pending = await t.app.inject({ url: '/api/v1/admin/account-requests', headers: admin.headers });
    expect(pending.json().items.map((r: { id: string }) => r.id)).toContain(id);

    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/account-requests/${id}/approve`,
      headers: admin.headers,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe('APPROVED');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/account-requests/${id}/approve`,
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);

    const organisation = await t.database.prisma.organisation.findUniqueOrThrow({
      where: { code: '10012399' },
    });
    expect(organisation).toMatchObject({ type: 'CENTRE', name: 'Northgate Sixth Form' });
    const { mail, userId, password } = await approvalEmail(t, id);
    expect(mail.to).toBe(valid.email);
    expect(mail.subject).toBe('Your LAR account is ready');
    expect(userId).toMatch(/^NOR\d{5}$/);
    expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { userId, password },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({
      role: 'centre',
      mustChangePassword: true,
      hasMemorableInformation: false,
    });
    const headers = { cookie: cookiesFrom(signIn.headers['set-cookie']) };
    const blocked = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/memorable-information',
      headers,
      payload: { currentPassword: password, memorableInformation: 'blue heron' },
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const common = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/first-sign-in',
      headers,
      payload: { newPassword: 'password123', memorableInformation: 'blue heron' },
    });
    expect(common.statusCode).toBe(400);
    expect(common.json().error).toMatchObject({
      code: 'PASSWORD_REJECTED',
      details: [{ field: 'newPassword' }],
    });
    const withId = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/first-sign-in',
      headers,
      payload: { newPassword: `my-${userId}-pass`, memorableInformation: 'blue heron' },
    });
    expect(withId.json().error.message).toMatch(/User ID/);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/first-sign-in',
      headers,
      payload: { newPassword: 'quiet orchard 1987', memorableInformation: 'blue heron' },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ mustChangePassword: false, hasMemorableInformation: true });

    const user = await t.database.prisma.user.findUniqueOrThrow({ where: { userId } });
    expect(user.memorableInfo).not.toContain('blue heron');
    expect(user.passwordHash).not.toContain('quiet orchard');
    const actions = (
      await t.database.prisma.auditEvent.findMany({ where: { subjectId: { in: [id, user.id] } } })
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['account_request.approved', 'sign_in.succeeded', 'account.first_sign_in']),
    );
  });

  it('declines a request with a reason', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account-requests',
      payload: { ...valid, centreCode: '12345' },
    });
    expect(created.json().codeType).toBe('NCN');
    const admin = await signInAs(t.app, 'administrator');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/account-requests/${created.json().id}/decline`,
      headers: admin.headers,
      payload: { reason: 'Not a recognised centre' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'DECLINED', declineReason: 'Not a recognised centre' });
    const declined = await t.app.inject({
      url: '/api/v1/admin/account-requests?status=DECLINED',
      headers: admin.headers,
    });
    expect(declined.json().items).toHaveLength(1);
  });
});
