// `pnpm bench:import`: a 100,000-row Learners CSV end to end on PostgreSQL — uploaded over HTTP to the
// real server (a separate process running its own job and mail workers, mail going to an SMTP sink),
// until the import's report is complete — beside a baseline measured in the same run, once the server has
// stopped: psql's COPY of the same rows into a table of the Learner table's shape. Also the API
// process's peak memory (VmHWM).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ulnFromNineDigits } from '@lar/shared/identifiers';
import { SMTPServer } from 'smtp-server';
import { seedOrganisation, seedUser } from '../../../prisma/seed/factories';
import { apiServer } from '../../../scripts/api-server.mjs';
import { repoRoot } from '../src/config';
import { hashPassword } from '../src/lib/password';
import { freePort } from '../test/helpers/smtp';
import { benchDatabase, median, table } from './helpers';

const ROWS = Number(process.env.ROWS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const PASSWORD = 'bench password 2026';

/** ROWS learners with consecutive ULNs from `first`; every other one has an email address. */
function learnersCsv(first: number): string {
  const lines = ['ULN,GivenName,FamilyName,DateOfBirth,Email'];
  for (let n = first; lines.length <= ROWS; n++) {
    const uln = ulnFromNineDigits(String(n));
    if (!uln) continue;
    const i = lines.length;
    const email = i % 2 === 0 ? `learner${uln}@example.org` : '';
    lines.push(`${uln},Given${i},Family${i % 997},${1950 + (i % 60)}-0${1 + (i % 9)}-1${i % 9},${email}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** An SMTP server that accepts and discards: delivery is not what is measured here. */
async function smtpSink() {
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      stream.resume();
      stream.on('end', () => done());
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function startServer(env: Record<string, string>) {
  const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  // SERVER_NODE_OPTIONS, e.g. `--cpu-prof`, profiles the server.
  const extra = (process.env.SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  // As `npm start` runs it (the bundle `pnpm build` made, with its heap limits); BENCH_SERVER=tsx runs
  // the TypeScript sources instead, as `pnpm dev` does.
  const deployed = apiServer(repoRoot);
  const tsx = process.env.BENCH_SERVER === 'tsx';
  const entry = tsx ? ['--import', loader, 'apps/api/src/server.ts'] : deployed.args;
  const child = spawn(process.execPath, [...extra, ...entry], {
    cwd: repoRoot,
    env: { ...(tsx ? process.env : deployed.env), NODE_OPTIONS: '', ...env },
    stdio: ['ignore', process.env.SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  return child;
}

async function stop(server: ReturnType<typeof startServer>) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

async function waitForHealth(base: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become healthy');
}

/** Peak resident memory of a process, from /proc (Linux). */
const peakMemoryMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024;

function psqlCopy(url: string, csv: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const psql = spawn('psql', [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-q',
      '-c',
      String.raw`\copy copy_learner (uln, "givenName", "familyName", "dateOfBirth", email) FROM STDIN WITH (FORMAT csv, HEADER true)`,
    ]);
    psql.stderr.on('data', (d) => process.stderr.write(d));
    psql.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`psql ${code}`)),
    );
    psql.stdin.end(csv);
  });
}

/** Runs one psql command with `input` on stdin; resolves with its stdout and the time it took. */
function psql(url: string, command: string, input = ''): Promise<{ out: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('psql', [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command]);
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) =>
      code === 0
        ? resolve({ out: Buffer.concat(out).toString('utf8'), ms: performance.now() - started })
        : reject(new Error(`psql ${code}: ${command}`)),
    );
    child.stdin.end(input);
  });
}

/**
 * The floor of this design: COPY of exactly the rows one import wrote (its learners, their
 * registrations, its report parts and its batches of welcome emails) into empty tables
 * of the same shape (columns, defaults and indexes; no foreign keys or triggers, which COPY into the
 * real tables would also run). Returns the four COPY times.
 */
async function copyFloor(url: string, importId: string) {
  const quoted = `'${importId}'`;
  // The learners the import created, by the ULNs its report names.
  const created = `(SELECT r->>3 AS uln FROM "ImportReportPart" p, json_array_elements(p.rows::json) r
                     WHERE p."importId" = ${quoted} AND r->>1 = 'created')`;
  const rows: [table: string, select: string][] = [
    ['Learner', `SELECT l.* FROM "Learner" l JOIN ${created} c ON c.uln = l.uln`],
    [
      'Registration',
      `SELECT r.* FROM "Registration" r JOIN "Learner" l ON l.id = r."learnerId" JOIN ${created} c ON c.uln = l.uln`,
    ],
    ['ImportReportPart', `SELECT * FROM "ImportReportPart" WHERE "importId" = ${quoted}`],
    // Rebuilt, because the mail worker deletes a batch once it has queued its messages: one per 500
    // learners with an address (a batch of 1,000 rows, every other one with an email).
    [
      'OutboxBatch (id, template, emails, size)',
      `SELECT gen_random_uuid(), 'learner-welcome', json_agg(json_build_object('k', 'learner-welcome:' || id,
              't', email, 's', 'Your LAR account', 'd', json_build_object('givenName', "givenName", 'uln', uln,
              'password', 'abcd-efgh-jkmn-pqrs', 'centreName', 'Bench College')))::text, count(*)
         FROM (SELECT l.*, (row_number() OVER (ORDER BY l.uln) - 1) / 500 AS batch
                 FROM "Learner" l JOIN ${created} c ON c.uln = l.uln WHERE l.email IS NOT NULL) e
        GROUP BY batch`,
    ],
  ];
  const times: number[] = [];
  for (const [target, select] of rows) {
    const [table = '', columns = ''] = target.split(/ (.*)/);
    const copy = `floor_${table.toLowerCase()}`;
    await psql(
      url,
      `SET client_min_messages = warning; DROP TABLE IF EXISTS ${copy}; CREATE TABLE ${copy} (LIKE "${table}" INCLUDING ALL)`,
    );
    const { out } = await psql(
      url,
      String.raw`\copy (${select.replace(/\s+/g, ' ')}) TO STDOUT WITH (FORMAT csv)`,
    );
    times.push((await psql(url, String.raw`\copy ${copy} ${columns} FROM STDIN WITH (FORMAT csv)`, out)).ms);
    await psql(url, `DROP TABLE ${copy}`);
  }
  return times;
}

async function main() {
  if (process.env.BENCH_SERVER !== 'tsx') {
    // The bundle the server runs from, rebuilt if the sources changed (as `npm start` does).
    const built = spawnSync(process.execPath, ['scripts/run.mjs', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('pnpm build failed');
  }
  const db = await benchDatabase('lar_bench_import');
  const centre = await seedOrganisation(db.prisma, {
    type: 'CENTRE',
    name: 'Bench College',
    code: '10000003',
  });
  await seedUser(db.prisma, {
    organisationId: centre.id,
    userId: 'bench-centre',
    fullName: 'Bench Centre',
    email: 'centre@example.org',
    passwordHash: await hashPassword(PASSWORD),
  });
  const smtp = await smtpSink();
  const port = await freePort();
  const server = startServer({
    DATABASE_URL: db.url,
    PORT: String(port),
    JWT_SECRET: 'b'.repeat(40),
    LOG_LEVEL: 'warn',
    SMTP_URL: process.env.BENCH_SMTP_URL ?? smtp.url,
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base);
    const startedPeak = peakMemoryMb(server.pid ?? 0);
    const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'bench-centre', password: PASSWORD }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const signedInPeak = peakMemoryMb(server.pid ?? 0);
    const files = Array.from({ length: RUNS }, (_, run) => learnersCsv(100_000_000 + run * 2 * ROWS));
    const imports: { id: string; total: number; upload: number; created: number }[] = [];
    for (const csv of files) {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/learners/imports`, {
        method: 'POST',
        headers: { cookie },
        body: form,
      });
      const uploaded = performance.now() - started;
      if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
      const { import: created } = (await res.json()) as { import: { id: string } };
      for (;;) {
        const view = (await (
          await fetch(`${base}/api/v1/learners/imports/${created.id}`, { headers: { cookie } })
        ).json()) as {
          status: string;
          counts: { created: number };
          error: string | null;
        };
        if (view.status === 'FAILED') throw new Error(`import failed: ${view.error}`);
        if (view.status === 'COMPLETED') {
          imports.push({
            id: created.id,
            total: performance.now() - started,
            upload: uploaded,
            created: view.counts.created,
          });
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const peak = peakMemoryMb(server.pid ?? 0);
    // The baselines on a quiet machine: the server's mail worker would otherwise go on delivering the
    // imports' welcome emails beside them.
    await stop(server);

    const copies: number[] = [];
    for (const csv of files) {
      await db.sql.exec(`DROP TABLE IF EXISTS copy_learner;
        CREATE TABLE copy_learner (LIKE "Learner" INCLUDING ALL);
        ALTER TABLE copy_learner ALTER COLUMN id SET DEFAULT gen_random_uuid(),
                                 ALTER COLUMN "updatedAt" SET DEFAULT now();`);
      copies.push(await psqlCopy(db.url, csv));
    }

    const floors: number[][] = [];
    for (const done of imports) floors.push(await copyFloor(db.url, done.id));
    const floorMs = median(floors.map((f) => f.reduce((a, b) => a + b, 0)));

    const importMs = median(imports.map((i) => i.total));
    const copyMs = median(copies);
    const perSecond = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en-GB');
    console.log(`Learners import, ${ROWS.toLocaleString('en-GB')} rows, median of ${RUNS} (PostgreSQL)`);
    console.log(
      table([
        ['', 'median time', 'rows/s', 'runs (ms)'],
        [
          'upload → report complete',
          `${(importMs / 1000).toFixed(2)} s`,
          perSecond(importMs),
          imports.map((i) => Math.round(i.total)).join(', '),
        ],
        [
          '  of which the upload request',
          `${(median(imports.map((i) => i.upload)) / 1000).toFixed(2)} s`,
          '',
          imports.map((i) => Math.round(i.upload)).join(', '),
        ],
        [
          'baseline: psql COPY',
          `${(copyMs / 1000).toFixed(2)} s`,
          perSecond(copyMs),
          copies.map(Math.round).join(', '),
        ],
      ]),
    );
    console.log(`ratio import/COPY (rows/s): ${(copyMs / importMs).toFixed(2)} (goal ≥ 0.25)`);
    const tables = ['learners', 'registrations', 'report parts', 'welcome email batches'];
    console.log(
      `floor: COPY of the rows one import writes, into tables of the same shape: ${(floorMs / 1000).toFixed(2)} s (${tables
        .map((name, i) => `${name} ${Math.round(median(floors.map((f) => f[i] ?? 0)))} ms`)
        .join(', ')}); ratio floor/COPY ${(copyMs / floorMs).toFixed(2)}`,
    );
    console.log(`learners created per run: ${imports.map((i) => i.created).join(', ')}`);
    console.log(
      `API process peak memory (VmHWM): ${peak.toFixed(0)} MB (goal ≤ 300 MB); ${startedPeak.toFixed(0)} MB once started, ${signedInPeak.toFixed(0)} MB after signing in`,
    );
  } finally {
    await stop(server);
    await smtp.close();
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
