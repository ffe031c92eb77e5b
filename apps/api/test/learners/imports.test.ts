import pg from 'pg';
import { seedLearner } from '../../../../prisma/seed/factories';
import { messageBody } from '../../src/mail/outbox';
import { buildTestApp } from '../helpers/app';
import { cookiesFrom, signInAs } from '../helpers/auth';
import { onPostgres } from '../helpers/database';
import {
  badCheckDigit,
  freshUln,
  learnersCsv,
  queueBatches,
  reportRowsStored,
  runJobs,
  upload,
} from '../helpers/learners';

let t: Awaited<ReturnType<typeof buildTestApp>>;
let centre: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  t = await buildTestApp();
  centre = await signInAs(t.app, 'centre');
});
afterAll(() => t.close());

const get = (url: string, headers = centre.headers) => t.app.inject({ method: 'GET', url, headers });

async function uploadAndProcess(
  csv: string,
  fileName = 'learners.csv',
  options: { batchSize?: number } = {},
) {
  const res = await upload(t.app, centre.headers, csv, fileName);
  if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  const importId: string = res.json().import.id;
  await runJobs(t.app, options);
  return importId;
}

async function report(importId: string) {
  const res = await get(`/api/v1/learners/imports/${importId}/report?pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    row: number;
    uln: string;
    outcome: string;
    message: string;
    activationCode: string | null;
  }[];
}

describe('the sample file', () => {
  it('is a CSV with the Learners header, for anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/learners/imports/sample.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    expect(res.body.split(/\r?\n/)[0]).toBe('ULN,GivenName,FamilyName,DateOfBirth,Email');
  });
});

describe('uploading learners', () => {
  it('creates, registers and reports each row, and emails each new learner a working password', async () => {
    const [a, b, c] = [freshUln(), freshUln(), freshUln()];
    const bad = badCheckDigit(freshUln());
    const csv = learnersCsv([
      { uln: a, givenName: 'Ada', familyName: 'Byron', email: `ada.${a}@example.org` },
      { uln: bad, givenName: 'Bad', familyName: 'Digit' },
      { uln: b, givenName: 'Bea', familyName: 'Noemail' },
      { uln: c, givenName: 'Cy', familyName: 'Future', dateOfBirth: '2999-01-01' },
    ]);
    const res = await upload(t.app, centre.headers, csv, 'autumn.csv');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      alreadyProcessed: false,
      import: { fileName: 'autumn.csv', status: 'QUEUED', totalRows: 4, processedRows: 0 },
    });
    const importId = res.json().import.id;
    expect(await runJobs(t.app)).toBe(1);

    const view = (await get(`/api/v1/learners/imports/${importId}`)).json();
    expect(view).toMatchObject({
      status: 'COMPLETED',
      totalRows: 4,
      processedRows: 4,
      counts: { created: 2, registered: 0, alreadyRegistered: 0, rejected: 2, createdWithoutEmail: 1 },
    });
    const rows = await report(importId);
    expect(rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
      [4, 'created'],
      [5, 'rejected'],
    ]);
    expect(rows[1]?.message).toMatch(/ULN.*check digit/i);
    expect(rows[3]?.message).toMatch(/DateOfBirth.*future/i);
    expect(rows[0]?.activationCode).toBeNull();
    const code = rows[2]?.activationCode ?? '';
    expect(code).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect(rows[2]?.message).toContain(code);

    // Both created learners are registered with the centre; the stored file is gone.
    const { prisma } = t.database;
    const learners = await prisma.learner.findMany({ where: { uln: { in: [a, b, c, bad] } } });
    expect(learners.map((l) => l.uln).sort()).toEqual([a, b].sort());
    for (const l of learners) {
      expect(
        await prisma.registration.count({ where: { learnerId: l.id, centreId: centre.organisationId } }),
      ).toBe(1);
    }
    expect((await prisma.import.findUniqueOrThrow({ where: { id: importId } })).content).toBeNull();

    // One welcome email, to the learner with an address; its password signs in (and must be changed).
    const ada = learners.find((l) => l.uln === a);
    await queueBatches(t.app.db.sql);
    const welcome = await prisma.outboxMessage.findMany({
      where: { template: 'learner-welcome', to: { contains: a } },
    });
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.idempotencyKey).toBe(`learner-welcome:${ada?.id}`);
    const body = messageBody(welcome[0] as NonNullable<(typeof welcome)[0]>, {
      publicUrl: t.app.config.publicUrl,
    });
    expect(body.text).toContain(a);
    expect(body.text).toContain('/learner/sign-in');
    const password = /Password:?\s+(\S+)/.exec(body.text)?.[1] ?? '';
    for (const [uln, secret] of [
      [a, password],
      [b, code],
    ] as const) {
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/learner-sign-in',
        payload: { uln, password: secret },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json()).toMatchObject({ mustChangePassword: true });
      expect(cookiesFrom(signIn.headers['set-cookie'])).toContain('lar_access=');
    }

    // The uploader is emailed the report.
    const reportMail = await prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: `import-report:${importId}` },
    });
    expect(reportMail.to).toBe(`${centre.signInId}@example.org`);
    expect(reportMail.subject).toContain('autumn.csv');
    expect(reportMail.text).toContain('Row 3:');
  });

  it('says "already processed" for the same file again and changes nothing', async () => {
    const csv = learnersCsv([{ uln: freshUln(), email: 'again@example.org' }]);
    const first = await uploadAndProcess(csv);
    const counts = async () => ({
      learners: await t.database.prisma.learner.count(),
      mail: await t.database.prisma.outboxMessage.count(),
      batchedMail: await t.database.prisma.outboxBatch.count(),
      imports: await t.database.prisma.import.count(),
      jobs: await t.database.prisma.job.count(),
    });
    const before = await counts();
    const again = await upload(t.app, centre.headers, csv, 'renamed.csv');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      alreadyProcessed: true,
      import: { id: first, status: 'COMPLETED' },
    });
    expect(await runJobs(t.app)).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('creates only the new rows of a file that repeats earlier ones', async () => {
    const [a, b] = [freshUln(), freshUln()];
    await uploadAndProcess(learnersCsv([{ uln: a }]));
    const second = await uploadAndProcess(learnersCsv([{ uln: a }, { uln: b }]));
    expect((await report(second)).map((r) => r.outcome)).toEqual(['alreadyRegistered', 'created']);
    expect(await t.database.prisma.learner.count({ where: { uln: { in: [a, b] } } })).toBe(2);
  });

  it("registers another centre's learner when the details match, and changes nothing when they differ", async () => {
    const [same, differs] = [freshUln(), freshUln()];
    for (const uln of [same, differs]) {
      await seedLearner(t.database.prisma, {
        uln,
        givenName: 'Zoë',
        familyName: 'Evans',
        dateOfBirth: '2000-05-06',
      });
    }
    const id = await uploadAndProcess(
      learnersCsv([
        {
          uln: same,
          givenName: 'ZOË',
          familyName: 'evans',
          dateOfBirth: '06/05/2000',
          email: 'z@example.org',
        },
        { uln: differs, givenName: 'Zoe', familyName: 'Evans', dateOfBirth: '2000-05-07' },
      ]),
    );
    const rows = await report(id);
    expect(rows.map((r) => r.outcome)).toEqual(['registered', 'rejected']);
    expect(rows[1]?.message).toBe(
      `ULN ${differs} is already on LAR with a different GivenName and DateOfBirth: check the learner's details; nothing was changed`,
    );
    const { prisma } = t.database;
    const regs = await prisma.registration.findMany({
      where: { centreId: centre.organisationId, learner: { uln: { in: [same, differs] } } },
      include: { learner: true },
    });
    expect(regs.map((r) => r.learner.uln)).toEqual([same]);
    // No new password and no welcome email for a learner who already had a LAR.
    expect(regs[0]?.learner.passwordHash).toBeNull();
    await queueBatches(t.app.db.sql);
    expect(await prisma.outboxMessage.count({ where: { to: 'z@example.org' } })).toBe(0);
  });

  it('rejects every row of a ULN that repeats in the file', async () => {
    const [dup, other] = [freshUln(), freshUln()];
    const id = await uploadAndProcess(learnersCsv([{ uln: dup }, { uln: other }, { uln: dup }]));
    const rows = await report(id);
    expect(rows.map((r) => r.outcome)).toEqual(['rejected', 'created', 'rejected']);
    expect(rows[0]?.message).toBe(`ULN ${dup} appears on rows 2 and 4`);
    expect(rows[2]?.message).toBe(rows[0]?.message);
    expect(await t.database.prisma.learner.count({ where: { uln: dup } })).toBe(0);
    // Found when the upload was checked, so that processing reads the file once.
    const recorded = await t.database.prisma.import.findUniqueOrThrow({ where: { id } });
    expect(recorded.repeatedUlns).toEqual([[dup, [2, 4]]]);
  });

  it('finds the repeated ULNs itself for an upload recorded without them (accepted before they were kept)', async () => {
    const [dup, other] = [freshUln(), freshUln()];
    const res = await upload(
      t.app,
      centre.headers,
      learnersCsv([{ uln: other }, { uln: dup }, { uln: dup }]),
    );
    const id: string = res.json().import.id;
    await t.database.sql.query('UPDATE "Import" SET "repeatedUlns" = NULL WHERE id = $1', [id]);
    await runJobs(t.app);
    const rows = await report(id);
    expect(rows.map((r) => r.outcome)).toEqual(['created', 'rejected', 'rejected']);
    expect(rows[1]?.message).toBe(`ULN ${dup} appears on rows 3 and 4`);
  });

  it('processes a file in batches as one would, and resumes where a stopped attempt left off', async () => {
    const ulns = Array.from({ length: 7 }, freshUln);
    const csv = learnersCsv(ulns.map((uln, i) => ({ uln, email: `resume${i}.${uln}@example.org` })));
    const res = await upload(t.app, centre.headers, csv);
    const importId = res.json().import.id;
    const { prisma } = t.database;
    // An attempt that stored two batches of three and then died: its job is claimed again after its lease.
    const { jobHandlers } = await import('../../src/jobs/handlers');
    const { claimJob } = await import('../../src/jobs/queue');
    const handler = jobHandlers({ db: t.app.db, config: t.app.config, importOptions: { batchSize: 3 } })[
      'learners-import'
    ];
    const job = await claimJob(t.app.db.sql, { queues: ['learners-import'], leaseMs: 1, workerId: 'doomed' });
    let reports = 0;
    await expect(
      handler?.(job as NonNullable<typeof job>, {
        progress: async () => {
          if (++reports === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect((await prisma.import.findUniqueOrThrow({ where: { id: importId } })).processedRows).toBe(6);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await runJobs(t.app, { batchSize: 3 })).toBe(1);
    const view = (await get(`/api/v1/learners/imports/${importId}`)).json();
    expect(view).toMatchObject({
      status: 'COMPLETED',
      processedRows: 7,
      counts: { created: 7, rejected: 0 },
    });
    expect((await report(importId)).map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    await queueBatches(t.app.db.sql);
    for (const uln of ulns) {
      const learner = await prisma.learner.findUniqueOrThrow({ where: { uln } });
      expect(
        await prisma.outboxMessage.count({ where: { idempotencyKey: `learner-welcome:${learner.id}` } }),
      ).toBe(1);
    }
  });
});

describe('batches written at once (on PostgreSQL, two at a time)', () => {
  /** The import job's handler, run once by hand as a worker would, with small batches. */
  async function attempt(importOptions: { batchSize?: number; lockTimeoutMs?: number }) {
    const { jobHandlers } = await import('../../src/jobs/handlers');
    const { claimJob } = await import('../../src/jobs/queue');
    const handler = jobHandlers({ db: t.app.db, config: t.app.config, importOptions })['learners-import'];
    const job = await claimJob(t.app.db.sql, { queues: ['learners-import'], leaseMs: 1, workerId: 'once' });
    if (!handler || !job) throw new Error('no import job to run');
    const reported: number[] = [];
    const run = handler(job, {
      progress: async (done) => {
        reported.push(done);
      },
    });
    return { run, reported };
  }
  const processedRows = async (id: string) =>
    (await t.database.prisma.import.findUniqueOrThrow({ where: { id } })).processedRows;

  it('stops at a batch that fails: the batch after it, already being written, rolls back too', async () => {
    const ulns = Array.from({ length: 7 }, freshUln);
    const refused = ulns[4];
    const { sql, prisma } = t.database;
    await sql.exec(`CREATE FUNCTION test_refuse_uln() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.uln = '${refused}' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_refuse_uln BEFORE INSERT ON "Learner" FOR EACH ROW EXECUTE FUNCTION test_refuse_uln();`);
    let importId = '';
    try {
      const res = await upload(t.app, centre.headers, learnersCsv(ulns.map((uln) => ({ uln }))), 'stops.csv');
      importId = res.json().import.id;
      const { run, reported } = await attempt({ batchSize: 3 });
      await expect(run).rejects.toThrow('refused for the test');
      // Rows 1–3 committed; rows 4–6 failed; row 7's batch, written meanwhile, rolled back with them.
      expect(await processedRows(importId)).toBe(3);
      expect(reported).toEqual([3]);
      expect(await reportRowsStored(prisma, importId)).toBe(3);
      expect(await prisma.learner.count({ where: { uln: { in: ulns.slice(3) } } })).toBe(0);
    } finally {
      await sql.exec('DROP TRIGGER test_refuse_uln ON "Learner"; DROP FUNCTION test_refuse_uln();');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await runJobs(t.app, { batchSize: 3 })).toBe(1);
    expect((await get(`/api/v1/learners/imports/${importId}`)).json()).toMatchObject({
      status: 'COMPLETED',
      processedRows: 7,
      counts: { created: 7, rejected: 0, createdWithoutEmail: 7 },
    });
    expect((await report(importId)).map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  (onPostgres ? it : it.skip)(
    'fails a batch that waits too long on a learner another transaction is creating, and completes later',
    async () => {
      const held = freshUln();
      const csv = learnersCsv([{ uln: freshUln() }, { uln: held }, { uln: freshUln() }]);
      const res = await upload(t.app, centre.headers, csv, 'held.csv');
      const importId: string = res.json().import.id;
      // Another process is creating the same learner and has not committed.
      const other = new pg.Client({ connectionString: t.database.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(
          `INSERT INTO "Learner" (id, uln, "givenName", "familyName", "dateOfBirth", "updatedAt")
           VALUES (gen_random_uuid(), $1, 'Ann', 'Smith', '2001-02-03', now())`,
          [held],
        );
        const started = Date.now();
        const { run } = await attempt({ lockTimeoutMs: 300 });
        await expect(run).rejects.toThrow(/lock timeout/);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(await processedRows(importId)).toBe(0);
        await other.query('ROLLBACK');
      } finally {
        await other.end();
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await runJobs(t.app)).toBe(1);
      expect((await get(`/api/v1/learners/imports/${importId}`)).json()).toMatchObject({
        status: 'COMPLETED',
        counts: { created: 3 },
      });
    },
  );
});

describe('what an upload refuses, recording nothing', () => {
  const nothingRecorded = async (run: () => Promise<{ statusCode: number; json(): unknown }>) => {
    const before = await t.database.prisma.import.count();
    const res = await run();
    expect(await t.database.prisma.import.count()).toBe(before);
    return res;
  };

  it('a file over the size limit: 413', async () => {
    const small = await buildTestApp({ upload: { maxBytes: 200, maxRows: 100 } });
    try {
      const c = await signInAs(small.app, 'centre');
      const rows = Array.from({ length: 10 }, () => ({ uln: freshUln() }));
      const res = await upload(small.app, c.headers, learnersCsv(rows));
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'FILE_TOO_LARGE',
        message: expect.stringMatching(/larger than/),
      });
      expect(await small.database.prisma.import.count()).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('more rows than the limit: 413', async () => {
    const small = await buildTestApp({ upload: { maxBytes: 1_000_000, maxRows: 3 } });
    try {
      const c = await signInAs(small.app, 'centre');
      const res = await upload(
        small.app,
        c.headers,
        learnersCsv(Array.from({ length: 4 }, () => ({ uln: freshUln() }))),
      );
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'CSV_TOO_MANY_ROWS',
        message: expect.stringMatching(/more than 3/),
      });
      expect(await small.database.prisma.import.count()).toBe(0);
    } finally {
      await small.close();
    }
  });

  it.each([
    ['an empty file', '', 'CSV_EMPTY'],
    ['a header only', 'ULN,GivenName,FamilyName,DateOfBirth,Email\r\n', 'CSV_NO_ROWS'],
    ['a header missing a column', 'ULN,GivenName,DateOfBirth,Email\r\n1,a,b,c\r\n', 'CSV_HEADER'],
  ])('%s: 400 naming the problem', async (_name, csv, code) => {
    const res = await nothingRecorded(() => upload(t.app, centre.headers, csv));
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string } }).error.code).toBe(code);
  });

  it('a request that is not a multipart upload, or has no file field', async () => {
    const json = await nothingRecorded(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/learners/imports',
        headers: centre.headers,
        payload: { a: 1 },
      }),
    );
    expect(json.statusCode).toBe(415);
    const { multipart } = await import('../helpers/learners');
    const body = multipart('ULN\r\n', 'x.csv', 'notfile');
    const wrongField = await nothingRecorded(() =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/learners/imports',
        headers: { ...centre.headers, ...body.headers },
        payload: body.payload,
      }),
    );
    expect(wrongField.statusCode).toBe(400);
    expect((wrongField.json() as { error: { code: string } }).error.code).toBe('FILE_REQUIRED');
  });
});

describe("a centre's uploads and learners are its own", () => {
  it("another centre gets 404 for an upload, its report and its CSV, and does not list the centre's learners", async () => {
    const uln = freshUln();
    const id = await uploadAndProcess(learnersCsv([{ uln, givenName: 'Private' }]));
    const other = await signInAs(t.app, 'centre');
    for (const url of [
      `/api/v1/learners/imports/${id}`,
      `/api/v1/learners/imports/${id}/report`,
      `/api/v1/learners/imports/${id}/report.csv`,
    ]) {
      const res = await get(url, other.headers);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(uln);
    }
    expect((await get('/api/v1/learners/imports', other.headers)).json().total).toBe(0);
    expect((await get(`/api/v1/learners?q=${uln}`, other.headers)).json()).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await get(`/api/v1/learners?q=${uln}`)).json().items.map((l: { uln: string }) => l.uln)).toEqual([
      uln,
    ]);
  });
});

describe('the report as CSV', () => {
  it('holds every row with its outcome, defuses formulas and carries activation codes', async () => {
    const [a, b] = [freshUln(), freshUln()];
    const id = await uploadAndProcess(
      learnersCsv([
        { uln: a, givenName: '=HYPERLINK("http://evil")', familyName: '"Quoted, name"' },
        { uln: b, givenName: '@SUM(A1)', dateOfBirth: 'tomorrow' },
      ]),
    );
    const res = await get(`/api/v1/learners/imports/${id}/report.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="learners-report.csv"');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe('Row,ULN,GivenName,FamilyName,DateOfBirth,Email,Outcome,Message');
    expect(lines[1]).toMatch(
      new RegExp(`^2,${a},"'=HYPERLINK\\(""http://evil""\\)","Quoted, name",2001-02-03,,created,`),
    );
    const code = (await report(id))[0]?.activationCode ?? '';
    expect(lines[1]).toContain(code);
    expect(lines[2]).toMatch(new RegExp(`^3,${b},'@SUM\\(A1\\),Smith,tomorrow,,rejected,.*DateOfBirth`));
    expect(lines).toHaveLength(4);
  });
});

describe('the report, stored a part per batch', () => {
  it('pages through every outcome across parts, and the CSV holds every row in order', async () => {
    const known = freshUln();
    await uploadAndProcess(learnersCsv([{ uln: known }]));
    const elsewhere = freshUln();
    await seedLearner(t.database.prisma, {
      uln: elsewhere,
      givenName: 'Ann',
      familyName: 'Smith',
      dateOfBirth: '2001-02-03',
    });
    const fresh = Array.from({ length: 5 }, freshUln);
    const rows = [
      { uln: fresh[0] ?? '', email: `p0.${fresh[0]}@example.org` },
      { uln: badCheckDigit(freshUln()) },
      { uln: known },
      { uln: fresh[1] ?? '' },
      { uln: elsewhere },
      { uln: fresh[2] ?? '', dateOfBirth: 'tomorrow' },
      { uln: fresh[3] ?? '' },
      { uln: freshUln(), givenName: '' },
      { uln: fresh[4] ?? '', email: `p4.${fresh[4]}@example.org` },
    ];
    const id = await uploadAndProcess(learnersCsv(rows), 'parts.csv', { batchSize: 2 });
    expect(await t.database.prisma.importReportPart.count({ where: { importId: id } })).toBe(5);

    type Row = Awaited<ReturnType<typeof report>>[number];
    const pages = async (query: string, pageSize: number) => {
      const all: Row[] = [];
      let total = -1;
      for (let page = 1; page < 20; page++) {
        const res = await get(
          `/api/v1/learners/imports/${id}/report?pageSize=${pageSize}&page=${page}${query}`,
        );
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: Row[]; total: number };
        total = body.total;
        if (body.items.length === 0) break;
        all.push(...body.items);
      }
      expect(all).toHaveLength(total);
      return all;
    };
    const whole = await pages('', 3);
    expect(whole.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(whole.map((r) => r.outcome)).toEqual([
      'created',
      'rejected',
      'alreadyRegistered',
      'created',
      'registered',
      'rejected',
      'created',
      'rejected',
      'created',
    ]);
    for (const outcome of ['created', 'registered', 'alreadyRegistered', 'rejected']) {
      expect(await pages(`&outcome=${outcome}`, 2)).toEqual(whole.filter((r) => r.outcome === outcome));
    }
    // Each created learner without an email has its own code, in its own part, opened for the centre.
    const codes = whole.filter((r) => r.activationCode).map((r) => [r.row, r.activationCode]);
    expect(codes.map(([row]) => row)).toEqual([5, 8]);
    expect(new Set(codes.map(([, code]) => code)).size).toBe(2);
    for (const row of whole.filter((r) => r.activationCode)) {
      expect(row.message).toContain(row.activationCode);
    }

    const csv = (await get(`/api/v1/learners/imports/${id}/report.csv`)).body.split('\r\n');
    expect(csv.slice(1, -1).map((line) => Number(line.split(',')[0]))).toEqual(whole.map((r) => r.row));
    for (const [row, code] of codes) expect(csv[Number(row) - 1]).toContain(code);
  });
});

describe("the centre's learners", () => {
  it('searches by ULN start or name words, sorts either way and pages without overlap', async () => {
    const list = await signInAs(t.app, 'centre');
    const people = [
      ['Annie', 'Smith', '2001-01-01'],
      ['Ann', 'Smithers', '1999-06-30'],
      ['Bob', 'Annan', '2003-03-03'],
      ['Cara', 'Jones', '2000-12-12'],
      ['Dev', 'Patel', '1998-02-02'],
    ] as const;
    const rows = people.map(([givenName, familyName, dateOfBirth]) => ({
      uln: freshUln(),
      givenName,
      familyName,
      dateOfBirth,
    }));
    const res = await upload(t.app, list.headers, learnersCsv(rows));
    expect(res.statusCode).toBe(202);
    await runJobs(t.app);
    const names = async (query: string) => {
      const page = await get(`/api/v1/learners?${query}`, list.headers);
      expect(page.statusCode).toBe(200);
      return page.json() as {
        total: number;
        items: { familyName: string; uln: string; activated: boolean }[];
      };
    };
    const family = (page: { items: { familyName: string }[] }) => page.items.map((l) => l.familyName);

    expect(family(await names(''))).toEqual(['Annan', 'Jones', 'Patel', 'Smith', 'Smithers']);
    expect(family(await names('sort=-familyName'))).toEqual(['Smithers', 'Smith', 'Patel', 'Jones', 'Annan']);
    expect(family(await names('sort=dateOfBirth'))).toEqual(['Patel', 'Smithers', 'Jones', 'Smith', 'Annan']);
    // Every word must match the start or part of a given or family name, in any case.
    expect(family(await names('q=ann'))).toEqual(['Annan', 'Smith', 'Smithers']);
    expect(family(await names('q=ANN%20smith'))).toEqual(['Smith', 'Smithers']);
    const target = rows[3]?.uln ?? '';
    expect((await names(`q=${target.slice(0, 10)}`)).items.map((l) => l.uln)).toEqual([target]);
    // The first digits of a ULN find every ULN starting with them (a range over the ULN index).
    for (const length of [1, 2, 4, 9]) {
      const prefix = target.slice(0, length);
      expect(family(await names(`q=${prefix}`))).toEqual(
        rows
          .filter((r) => r.uln.startsWith(prefix))
          .map((r) => r.familyName)
          .sort(),
      );
    }
    expect((await names(`q=${target}0`)).total).toBe(0);
    expect((await names('q=zzz')).total).toBe(0);
    // Pages of two cover everyone once.
    const pages = await Promise.all([1, 2, 3].map((page) => names(`pageSize=2&page=${page}&sort=uln`)));
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((l) => l.uln))).toEqual(rows.map((r) => r.uln).sort());
    expect(pages[0]?.total).toBe(5);
    expect(pages[0]?.items[0]?.activated).toBe(false);
    // A bad sort or page size is a 400 naming the parameter.
    const bad = await get('/api/v1/learners?sort=password', list.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('sort');
  });
});
