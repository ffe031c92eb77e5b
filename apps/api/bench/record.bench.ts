// `pnpm bench:record`: a learner's own record (`GET /api/v1/me/record`) and Select LAR
// (`POST /api/v1/select-lar`, all three sections) under 50 concurrent connections for 30 s each
// (autocannon), on PostgreSQL with 100,000 learners and 1,500,000 achievements, beside a bare Fastify
// JSON route measured the same way in the same run.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/build-app';
import { loadConfig } from '../src/config';
import { hashPassword } from '../src/lib/password';
import { benchDatabase, table } from './helpers';
import { BENCH_PASSWORD, seedSynthetic } from './synthetic';

const LEARNERS = Number(process.env.LEARNERS ?? 100_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.DURATION_S ?? 30);
/** Learners who sign in (the record route) and who share their record with the bench employer (Select LAR). */
const SAMPLE = 200;
/** Which rows to measure (all by default): `ROUTES=bare,select` for example, when profiling one. */
const ROUTES = new Set((process.env.ROUTES ?? 'bare,record,select').split(','));
/**
 * Worker threads autocannon sends its load from (0 by default, as every figure before 2026-11-30 06:30
 * was taken): with 0 the client shares the one JavaScript thread with the servers it measures.
 */
const WORKERS = Number(process.env.AUTOCANNON_WORKERS ?? 0);
const CLIENT_MODULE = fileURLToPath(new URL('./load-client.cjs', import.meta.url));
const loadClient = createRequire(import.meta.url)('./load-client.cjs') as {
  forClients(clients: {
    cookies?: string[];
    bodies?: string[];
    json: boolean;
  }): (client: autocannon.Client) => void;
};
const CLIENTS_FILE = join(tmpdir(), `lar-bench-clients-${process.pid}.json`);

interface Measured {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Mean bytes per response (body and headers). */
  bytes: number;
}

async function load(
  name: string,
  url: string,
  options: { method?: 'GET' | 'POST'; cookies?: string[]; bodies?: string[] } = {},
): Promise<Measured> {
  const clients = { cookies: options.cookies, bodies: options.bodies, json: !!options.bodies };
  const inWorkers = WORKERS > 0;
  if (inWorkers) {
    writeFileSync(CLIENTS_FILE, JSON.stringify(clients));
    process.env.BENCH_LOAD_CLIENTS = CLIENTS_FILE;
  }
  const result = await autocannon({
    url,
    method: options.method ?? 'GET',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: options.bodies ? { 'content-type': 'application/json' } : {},
    // Workers require the module by its path; in this thread its function serves the same clients.
    ...(inWorkers ? { workers: WORKERS } : {}),
    setupClient: inWorkers ? (CLIENT_MODULE as never) : loadClient.forClients(clients),
  });
  return {
    name,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    bytes: result.throughput.total / Math.max(1, result.requests.total),
  };
}

async function bareRoute(): Promise<{ url: string; close: () => Promise<void> }> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ status: 'ok', learners: 100_000, time: new Date().toISOString() }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`,
    close: () => bare.close(),
  };
}

async function main() {
  const db = await benchDatabase('lar_bench_record');
  const seeded = await seedSynthetic(db, { learners: LEARNERS, extraLearners: 0 });
  console.log(
    `seeded ${seeded.learners?.toLocaleString('en-GB')} learners, ${seeded.achievements?.toLocaleString('en-GB')} achievements`,
  );

  // A third party whose user views records, and learners who sign in and share with it.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db.sql.query(`INSERT INTO "Organisation" (id, type, name, code, "codeType", address, phone, "updatedAt") VALUES
    ('00000000-0000-0000-0000-00000000000e', 'THIRD_PARTY', 'Bench Employer', '10000012', 'UKPRN', '-', '-', now())`);
  await db.sql.query(
    `INSERT INTO "User" (id, "organisationId", "userId", "fullName", email, "passwordHash", "mustChangePassword", "updatedAt")
     VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-00000000000e', 'bench-employer',
             'Bench Employer', 'employer@example.org', $1, false, now())`,
    [passwordHash],
  );
  const sample = await db.sql.query<{ id: string; uln: string }>(
    `SELECT id::text AS id, uln FROM "Learner" ORDER BY uln LIMIT ${SAMPLE} OFFSET 1000`,
  );
  await db.sql.query(
    `UPDATE "Learner" SET "passwordHash" = $2, "mustChangePassword" = false, email = 'l' || uln || '@example.org'
      WHERE id = ANY($1::uuid[])`,
    [sample.map((l) => l.id), passwordHash],
  );
  await db.sql.query(
    `INSERT INTO "Permission" (id, "learnerId", "organisationId", section, "expiresAt", "updatedAt")
     SELECT gen_random_uuid(), l, '00000000-0000-0000-0000-00000000000e', s::"RecordSection", now() + interval '30 days', now()
       FROM unnest($1::uuid[]) AS l CROSS JOIN unnest(ARRAY['UNITS', 'QUALIFICATIONS', 'PROGRESS']) AS s`,
    [sample.map((l) => l.id)],
  );

  const config = {
    ...loadConfig({
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '20',
      JWT_SECRET: 'b'.repeat(40),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
      // The view emails would otherwise queue up behind the load; delivery is measured by bench:mail.
      RUN_WORKERS: 'false',
    }),
    seedDemo: false,
  };
  const app = await buildApp({ config, database: db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const cookiesOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  const learnerCookies: string[] = [];
  for (const l of sample.slice(0, CONNECTIONS)) {
    const res = await fetch(`${base}/api/v1/auth/learner-sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uln: l.uln, password: BENCH_PASSWORD }),
    });
    learnerCookies.push(cookiesOf(res));
  }
  const employer = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'bench-employer', password: BENCH_PASSWORD }),
  });
  const employerCookie = cookiesOf(employer);
  const bare = await bareRoute();

  const rows: Measured[] = [];
  if (ROUTES.has('bare')) rows.push(await load('bare Fastify JSON route (baseline)', bare.url));
  if (ROUTES.has('record'))
    rows.push(
      await load('GET /api/v1/me/record (own record)', `${base}/api/v1/me/record`, {
        cookies: learnerCookies,
      }),
    );
  if (ROUTES.has('select'))
    rows.push(
      await load('POST /api/v1/select-lar (3 sections)', `${base}/api/v1/select-lar`, {
        method: 'POST',
        cookies: [employerCookie],
        bodies: sample.map((l) => JSON.stringify({ uln: l.uln, password: BENCH_PASSWORD })),
      }),
    );
  await bare.close();
  rmSync(CLIENTS_FILE, { force: true });
  await app.close();
  await db.close();

  const baseline = ROUTES.has('bare') ? (rows[0]?.perSecond ?? 1) : Number.NaN;
  console.log(
    `Records under ${CONNECTIONS} connections for ${DURATION_S} s each (PostgreSQL, ${LEARNERS.toLocaleString('en-GB')} learners)`,
  );
  console.log(
    table([
      ['route', 'requests/s', 'vs bare', 'p50', 'p99 (goal ≤ 50 ms)', 'bytes/response', 'errors', 'non-2xx'],
      ...rows.map((r) => [
        r.name,
        Math.round(r.perSecond).toLocaleString('en-GB'),
        `${((r.perSecond / baseline) * 100).toFixed(1)}%`,
        `${r.p50} ms`,
        `${r.p99} ms`,
        Math.round(r.bytes).toLocaleString('en-GB'),
        r.errors,
        r.non2xx,
      ]),
    ]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
