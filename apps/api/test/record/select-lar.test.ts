import { evaluate } from '@lar/shared/rules';
import { throttleKey } from '../../src/auth/throttle';
import { hashPassword } from '../../src/lib/password';
import { messageBody } from '../../src/mail/outbox';
import { buildTestApp } from '../helpers/app';
import { type SignedIn, signInAs, TEST_PASSWORD } from '../helpers/auth';
import { fixtureCatalogue, fixtureLearner, nth } from '../helpers/catalogue';
import { eventually } from '../helpers/eventually';
import { freshUln } from '../helpers/learners';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let awarding: SignedIn;
let employer: SignedIn;
let catalogue: ReturnType<typeof fixtureCatalogue>;

beforeAll(async () => {
  t = await buildTestApp();
  awarding = await signInAs(t.app, 'awarding_organisation');
  employer = await signInAs(t.app, 'third_party');
  catalogue = fixtureCatalogue();
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/catalogue/imports',
    headers: awarding.headers,
    payload: { units: catalogue.units, qualifications: catalogue.qualifications },
  });
});
afterAll(() => t.close());

/** A learner holding the fixture's achievements (two credits short of its qualification), signed in. */
const learner = (options: { email?: string | null; notifyOnView?: boolean } = {}) =>
  fixtureLearner(t.app, t.database.prisma, awarding, catalogue, options);

const select = (uln: string, who: SignedIn = employer, password = TEST_PASSWORD) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/select-lar',
    headers: who.headers,
    payload: { uln, password },
  });

type Section = 'UNITS' | 'QUALIFICATIONS' | 'PROGRESS';
const KEY: Record<Section, string> = {
  UNITS: 'units',
  QUALIFICATIONS: 'qualifications',
  PROGRESS: 'progress',
};
const SECTIONS: Section[] = ['UNITS', 'QUALIFICATIONS', 'PROGRESS'];
const DAY = 86_400_000;

/** Grants `sections` of the learner's record to the viewer's organisation for a day. */
const permit = (learnerId: string, viewer: SignedIn, ...sections: Section[]) =>
  t.database.prisma.permission.createMany({
    data: sections.map((section) => ({
      learnerId,
      organisationId: viewer.organisationId ?? '',
      section,
      expiresAt: new Date(Date.now() + DAY),
    })),
  });

describe('Select LAR: the permission matrix', () => {
  const states = ['granted', 'expired', 'revoked', 'another organisation', 'never granted'] as const;
  const other = (s: Section) =>
    nth(
      SECTIONS.filter((x) => x !== s),
      0,
    );

  it.each(SECTIONS.flatMap((section) => states.map((state) => [section, state] as const)))(
    '%s %s',
    async (section, state) => {
      const noor = await learner();
      const { prisma } = t.database;
      const stranger = await signInAs(t.app, 'third_party');
      const base = other(section);
      // Another section is always granted, so the answer is a record and its keys can be compared.
      await permit(noor.id, employer, base);
      if (state !== 'never granted') {
        await prisma.permission.create({
          data: {
            learnerId: noor.id,
            organisationId: (state === 'another organisation' ? stranger : employer).organisationId ?? '',
            section,
            expiresAt: new Date(Date.now() + (state === 'expired' ? -DAY : DAY)),
            revokedAt: state === 'revoked' ? new Date() : null,
          },
        });
      }
      const res = await select(noor.uln);
      expect(res.statusCode).toBe(200);
      const shown = state === 'granted' ? SECTIONS.filter((s) => s === section || s === base) : [base];
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(
        ['learner', 'sections', 'viewedAt', ...shown.map((s) => KEY[s])].sort(),
      );
      expect(body.sections).toEqual(shown.map((s) => KEY[s]));
    },
  );

  it('answers the same 404 for an unknown ULN and for a learner who permitted nothing (or only to others)', async () => {
    const noor = await learner();
    const stranger = await signInAs(t.app, 'third_party');
    await permit(noor.id, stranger, 'UNITS');
    const unknown = await select(freshUln());
    const unpermitted = await select(noor.uln);
    const malformed = await select('not-a-uln');
    expect(unknown.statusCode).toBe(404);
    expect(unpermitted.body).toBe(unknown.body);
    expect(malformed.body).toBe(unknown.body);
    expect(unknown.body).not.toContain(noor.uln);
    expect(await t.database.prisma.accessLogEntry.count({ where: { learnerId: noor.id } })).toBe(0);
  });
});

describe('Select LAR: password, log and email', () => {
  it('needs the viewer’s password; wrong ones count toward the lock', async () => {
    const noor = await learner();
    const viewer = await signInAs(t.app, 'centre');
    await permit(noor.id, viewer, 'UNITS');
    for (let i = 0; i < 4; i++) {
      const wrong = await select(noor.uln, viewer, 'not my password');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await select(noor.uln, viewer)).statusCode).toBe(200); // a success clears the count
    for (let i = 0; i < 5; i++) await select(noor.uln, viewer, 'not my password');
    const locked = await select(noor.uln, viewer);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('SIGN_IN_LOCKED');
    // The same lock stops signing in.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { userId: viewer.signInId, password: TEST_PASSWORD },
    });
    expect(signIn.json().error.code).toBe('SIGN_IN_LOCKED');
  });

  it('logs every view for the learner, and emails them unless they turned it off', async () => {
    const noor = await learner();
    const { prisma } = t.database;
    await permit(noor.id, employer, 'UNITS', 'PROGRESS');
    expect((await select(noor.uln)).statusCode).toBe(200);
    const log = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/access-log', headers: noor.headers })
    ).json();
    expect(log.items).toEqual([
      expect.objectContaining({
        viewedBy: employer.signInId,
        sections: ['units', 'progress'],
        organisation: expect.objectContaining({ type: 'THIRD_PARTY' }),
      }),
    ]);
    const mail = await prisma.outboxMessage.findMany({
      where: { template: 'record-viewed', to: `noor.${noor.uln}@example.org` },
    });
    expect(mail).toHaveLength(1);
    // Rendered when sent, from the data stored with the view.
    const body = messageBody(nth(mail, 0), { publicUrl: 'http://lar.test' });
    expect(body.text).toContain('/my-record/access-log');
    expect(body.text).toContain('viewed your Learner Achievement Record at');

    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notifications',
      headers: noor.headers,
      payload: { notifyOnView: false },
    });
    expect(off.json()).toEqual({ notifyOnView: false });
    await select(noor.uln);
    expect(
      await prisma.outboxMessage.count({
        where: { template: 'record-viewed', to: `noor.${noor.uln}@example.org` },
      }),
    ).toBe(1);
    expect(await prisma.accessLogEntry.count({ where: { learnerId: noor.id } })).toBe(2);
    // Another learner cannot read this log.
    const other = await learner();
    const theirs = (
      await t.app.inject({ method: 'GET', url: '/api/v1/me/access-log', headers: other.headers })
    ).json();
    expect(theirs.total).toBe(0);
  });
});

describe('permissions the learner grants', () => {
  it('grants sections to an organisation found by its code, emails it, changes the expiry and revokes', async () => {
    const noor = await learner();
    const org = await t.database.prisma.organisation.findUniqueOrThrow({
      where: { id: employer.organisationId },
    });
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: noor.headers, ...(payload ? { payload } : {}) });

    expect((await call('GET', `/api/v1/organisations/by-code/${org.code}`)).json()).toMatchObject({
      name: org.name,
      type: 'THIRD_PARTY',
    });
    expect((await call('GET', '/api/v1/organisations/by-code/00000000')).statusCode).toBe(404);
    const awardingOrg = await t.database.prisma.organisation.findUniqueOrThrow({
      where: { id: awarding.organisationId },
    });
    expect((await call('GET', `/api/v1/organisations/by-code/${awardingOrg.code}`)).statusCode).toBe(404);

    const granted = await call('POST', '/api/v1/me/permissions', {
      organisationCode: org.code,
      sections: ['units', 'qualifications'],
    });
    expect(granted.statusCode).toBe(201);
    const rows = granted.json() as { id: string; section: string; expiresAt: string; active: boolean }[];
    expect(rows.map((r) => r.section).sort()).toEqual(['qualifications', 'units']);
    const days = (Date.parse(nth(rows, 0).expiresAt) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(91);
    const told = await t.database.prisma.outboxMessage.findMany({
      where: { template: 'permission-granted', to: `${employer.signInId}@example.org` },
    });
    expect(told.length).toBeGreaterThanOrEqual(1);

    const tooLong = await call('POST', '/api/v1/me/permissions', {
      organisationCode: org.code,
      sections: ['progress'],
      expiresOn: '2099-01-01',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details).toEqual([
      { field: 'expiresOn', message: expect.stringMatching(/at most 2 years/) },
    ]);
    const past = await call('POST', '/api/v1/me/permissions', {
      organisationCode: org.code,
      sections: ['progress'],
      expiresOn: '2020-01-01',
    });
    expect(past.json().error.details[0].message).toMatch(/past/);

    const first = nth(rows, 0);
    const soon = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const changed = await call('PATCH', `/api/v1/me/permissions/${first.id}`, { expiresOn: soon });
    expect(changed.json().expiresAt.slice(0, 10)).toBe(soon);
    expect((await call('DELETE', `/api/v1/me/permissions/${first.id}`)).statusCode).toBe(204);
    const list = (await call('GET', '/api/v1/me/permissions')).json() as {
      id: string;
      active: boolean;
      revokedAt: string | null;
    }[];
    expect(list.find((p) => p.id === first.id)).toMatchObject({
      active: false,
      revokedAt: expect.any(String),
    });
    expect(list.filter((p) => p.active)).toHaveLength(1);

    // Another learner cannot touch these.
    const other = await learner();
    const steal = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/permissions/${nth(rows, 1).id}`,
      headers: other.headers,
    });
    expect(steal.statusCode).toBe(404);
  });
});

describe('my record', () => {
  it('holds units with credit by level, progress ranked with routes, and what the browser needs to agree', async () => {
    const noor = await learner();
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/record', headers: noor.headers });
    expect(res.statusCode).toBe(200);
    const record = res.json();
    expect(record.learner).toMatchObject({ uln: noor.uln, notifyOnView: true });
    expect(record.units.items).toHaveLength(catalogue.achievements.length);
    expect(record.units.totalCredits).toBe(catalogue.achievements.reduce((sum, a) => sum + a.credits, 0));
    expect(
      record.units.creditByLevel.reduce((sum: number, l: { credits: number }) => sum + l.credits, 0),
    ).toBe(record.units.totalCredits);
    const item = record.progress.items.find(
      (i: { qualification: { qan: string } }) => i.qualification.qan === nth(catalogue.qualifications, 0).qan,
    );
    expect(item.evaluation).toMatchObject({ achieved: false, additionalCreditsNeeded: 2 });
    expect(item.evaluation.routes.length).toBeLessThanOrEqual(3);
    expect(nth(item.evaluation.routes, 0)).toEqual({
      addUnits: [catalogue.urn('F/100/0106')],
      additionalCredits: 2,
    });
    // The same inputs give the same answer anywhere the shared engine runs (the app's what-if view).
    expect(
      evaluate({
        qualification: item.rules,
        units: item.units,
        achievements: record.progress.achievements,
        on: item.on,
        routes: 3,
      }),
    ).toEqual(item.evaluation);
    // Ranked by credit still needed.
    const needs = record.progress.items.map(
      (i: { evaluation: { achieved: boolean; additionalCreditsNeeded: number | null } }) =>
        i.evaluation.achieved ? -1 : (i.evaluation.additionalCreditsNeeded ?? Number.MAX_SAFE_INTEGER),
    );
    expect(needs).toEqual([...needs].sort((a, b) => a - b));
  });
});

describe('Select LAR under repeated use', () => {
  it('remembers a verified password only until it changes', async () => {
    const noor = await learner();
    const viewer = await signInAs(t.app, 'third_party');
    await permit(noor.id, viewer, 'UNITS');
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    // The password is changed (here directly, as another process would): the remembered one no
    // longer opens records once the database's notification arrives.
    await t.database.prisma.user.update({
      where: { id: viewer.id },
      data: { passwordHash: await hashPassword('a different passphrase 42') },
    });
    await eventually(async () => (await select(noor.uln, viewer)).statusCode !== 200);
    expect((await select(noor.uln, viewer)).json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await select(noor.uln, viewer, 'a different passphrase 42')).statusCode).toBe(200);
  });

  it('logs each of many views made at once before answering it, and emails each', async () => {
    const noor = await learner();
    await permit(noor.id, employer, 'QUALIFICATIONS');
    const answers = await Promise.all(Array.from({ length: 25 }, () => select(noor.uln)));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    const { prisma } = t.database;
    const logged = await prisma.accessLogEntry.findMany({ where: { learnerId: noor.id } });
    expect(logged).toHaveLength(25);
    expect(new Set(logged.map((l) => l.createdAt.toISOString()))).toEqual(
      new Set(answers.map((a) => a.json().viewedAt)),
    );
    const mail = await prisma.outboxMessage.findMany({
      where: { to: `noor.${noor.uln}@example.org`, template: 'record-viewed' },
    });
    expect(new Set(mail.map((m) => m.idempotencyKey))).toEqual(
      new Set(logged.map((l) => `record-viewed:${l.id}`)),
    );
  });
});

describe('Select LAR’s kept lookups', () => {
  const kept = () => t.app.selectLarCache.hits;
  const sectionsOf = async (uln: string, viewer: SignedIn) => {
    const res = await select(uln, viewer);
    return res.statusCode === 200 ? Object.keys(res.json()).filter((k) => k in PRESENT) : res.statusCode;
  };
  const PRESENT = { units: 1, qualifications: 1, progress: 1 };

  it('answers a viewer’s next view of a learner without the lookup query, and never keeps a 404', async () => {
    const noor = await learner();
    const viewer = await signInAs(t.app, 'third_party');
    await permit(noor.id, viewer, 'UNITS');
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    const hits = kept();
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    expect(kept()).toBe(hits + 1);
    // A wrong password is still checked against the kept lookup, and counts.
    expect((await select(noor.uln, viewer, 'not my password')).json().error.code).toBe('INVALID_CREDENTIALS');
    // A learner who permitted nothing, and a ULN of nobody: looked up each time.
    const stranger = await learner();
    for (const uln of [stranger.uln, freshUln(), stranger.uln, noor.uln.slice(1)]) {
      const before = kept();
      expect((await select(uln, viewer)).statusCode).toBe(404);
      expect(kept()).toBe(before);
    }
    // Once the wrong passwords reach the lock, the kept lookup no longer opens the record.
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) await select(noor.uln, viewer, 'not my password');
    expect((await select(noor.uln, viewer)).json().error.code).toBe('SIGN_IN_LOCKED');
  });

  it('sees a revocation through the app at once, and one written elsewhere when notified', async () => {
    const noor = await learner();
    const viewer = await signInAs(t.app, 'third_party');
    await permit(noor.id, viewer, 'UNITS', 'PROGRESS');
    expect(await sectionsOf(noor.uln, viewer)).toEqual(['units', 'progress']);
    expect(await sectionsOf(noor.uln, viewer)).toEqual(['units', 'progress']);
    const granted = await t.database.prisma.permission.findMany({ where: { learnerId: noor.id } });
    const units = granted.find((p) => p.section === 'UNITS');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/permissions/${units?.id}`,
      headers: noor.headers,
    });
    expect(revoked.statusCode).toBeLessThan(300);
    expect(await sectionsOf(noor.uln, viewer)).toEqual(['progress']);
    // Another process revokes the rest (here, straight in the database).
    await t.database.sql.query(`UPDATE "Permission" SET "revokedAt" = now() WHERE "learnerId" = $1`, [
      noor.id,
    ]);
    await eventually(async () => (await sectionsOf(noor.uln, viewer)) === 404);
  });

  it('stops showing sections when their permission ends, with nothing to be notified of', async () => {
    const noor = await learner();
    const viewer = await signInAs(t.app, 'centre');
    const ends = new Date(Date.now() + 1_500);
    await t.database.prisma.permission.createMany({
      data: [
        {
          learnerId: noor.id,
          organisationId: viewer.organisationId ?? '',
          section: 'UNITS',
          expiresAt: ends,
        },
        {
          learnerId: noor.id,
          organisationId: viewer.organisationId ?? '',
          section: 'QUALIFICATIONS',
          expiresAt: new Date(Date.now() + DAY),
        },
      ],
    });
    expect(await sectionsOf(noor.uln, viewer)).toEqual(['units', 'qualifications']);
    const hits = kept();
    expect(await sectionsOf(noor.uln, viewer)).toEqual(['units', 'qualifications']);
    expect(kept()).toBe(hits + 1);
    await new Promise((r) => setTimeout(r, Math.max(0, ends.getTime() - Date.now() + 50)));
    expect(await sectionsOf(noor.uln, viewer)).toEqual(['qualifications']);
  });

  it('sees a lock, a new email address and a turned-off email set by another process', async () => {
    const noor = await learner();
    const viewer = await signInAs(t.app, 'third_party');
    await permit(noor.id, viewer, 'UNITS');
    const { prisma, sql } = t.database;
    const lastViewMail = async () =>
      (
        await prisma.outboxMessage.findFirst({
          where: { template: 'record-viewed', idempotencyKey: { startsWith: 'record-viewed:' } },
          orderBy: { createdAt: 'desc' },
        })
      )?.to;
    expect((await select(noor.uln, viewer)).statusCode).toBe(200);
    expect(await lastViewMail()).toBe(`noor.${noor.uln}@example.org`);

    await sql.query(`UPDATE "Learner" SET email = $2 WHERE id = $1`, [
      noor.id,
      `moved.${noor.uln}@example.org`,
    ]);
    await eventually(async () => {
      expect((await select(noor.uln, viewer)).statusCode).toBe(200);
      return (await lastViewMail()) === `moved.${noor.uln}@example.org`;
    });

    await sql.query(`UPDATE "Learner" SET "notifyOnView" = false WHERE id = $1`, [noor.id]);
    const mailed = () =>
      prisma.outboxMessage.count({
        where: { template: 'record-viewed', to: `moved.${noor.uln}@example.org` },
      });
    await eventually(async () => {
      const before = await mailed();
      expect((await select(noor.uln, viewer)).statusCode).toBe(200);
      return (await mailed()) === before;
    });

    await sql.query(
      `INSERT INTO "SignInThrottle" (key, failures, "lockedUntil", "updatedAt") VALUES ($1, 0, now() + interval '15 minutes', now())`,
      [throttleKey('sign-in:user', viewer.signInId)],
    );
    await eventually(async () => (await select(noor.uln, viewer)).statusCode !== 200);
    expect((await select(noor.uln, viewer)).json().error.code).toBe('SIGN_IN_LOCKED');
  });
});
