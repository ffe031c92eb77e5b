// `pnpm bench:auth`: the password hashing parameters, hashes per second on one core, and sign-in
// throughput and latency under 10 concurrent clients against the real server on PostgreSQL, beside
// an unauthenticated JSON route measured the same way in the same run.
import os from 'node:os';
import { seedOrganisation, seedUser } from '../../../prisma/seed/factories';
import { buildApp } from '../src/build-app';
import { loadConfig } from '../src/config';
import { hashPassword, PASSWORD_HASH_PARAMETERS, verifyPassword } from '../src/lib/password';
import { benchDatabase, percentile, table } from './helpers';

const CLIENTS = Number(process.env.CLIENTS ?? 10);
const DURATION_MS = Number(process.env.DURATION_MS ?? 15_000);

async function load(url: string, body: (i: number) => string | undefined) {
  const latencies: number[] = [];
  const deadline = Date.now() + DURATION_MS;
  let failures = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const started = performance.now();
        const payload = body(client * 1_000_000 + i);
        const res = await fetch(url, {
          method: payload ? 'POST' : 'GET',
          headers: payload ? { 'content-type': 'application/json' } : {},
          body: payload,
        });
        await res.arrayBuffer();
        if (!res.ok) failures++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { perSecond: latencies.length / (DURATION_MS / 1000), latencies, failures };
}

async function main() {
  const hash = await hashPassword('bench password 2026');
  const verifications: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await verifyPassword('bench password 2026', hash);
    verifications.push(performance.now() - t);
  }
  const db = await benchDatabase('lar_bench_auth');
  const org = await seedOrganisation(db.prisma, { type: 'CENTRE', name: 'Bench College', code: '10000002' });
  for (let i = 0; i < CLIENTS; i++) {
    await seedUser(db.prisma, {
      organisationId: org.id,
      userId: `bench${i}`,
      fullName: 'Bench',
      email: `b${i}@example.org`,
      passwordHash: hash,
    });
  }
  const config = {
    ...loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: 'b'.repeat(40),
      LOG_LEVEL: 'silent',
      RUN_WORKERS: 'false',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    seedDemo: false,
  };
  const app = await buildApp({ config, database: db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const health = await load(`${base}/api/health`, () => undefined);
  const signIn = await load(`${base}/api/v1/auth/sign-in`, (i) =>
    JSON.stringify({ userId: `bench${i % CLIENTS}`, password: 'bench password 2026' }),
  );
  await app.close();
  await db.close();

  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const p = PASSWORD_HASH_PARAMETERS;
  console.log(
    `pnpm bench:auth: PostgreSQL, ${CLIENTS} concurrent clients for ${DURATION_MS / 1000} s each, ${os.cpus().length} cores, Node ${process.version}`,
  );
  console.log(
    `password hashing: argon2id m=${p.memoryCost} KiB, t=${p.timeCost}, p=${p.parallelism} (@node-rs/argon2)`,
  );
  console.log(
    `one verification, one at a time: median ${ms(percentile(verifications, 50))} → ${(1000 / percentile(verifications, 50)).toFixed(1)} sign-ins/s per core\n`,
  );
  console.log(
    table([
      ['route', 'requests/s', 'p50', 'p99', 'max', 'failed'],
      [
        'GET /api/health (baseline)',
        health.perSecond.toFixed(0),
        ms(percentile(health.latencies, 50)),
        ms(percentile(health.latencies, 99)),
        ms(Math.max(...health.latencies)),
        health.failures,
      ],
      [
        'POST /api/v1/auth/sign-in',
        signIn.perSecond.toFixed(1),
        ms(percentile(signIn.latencies, 50)),
        ms(percentile(signIn.latencies, 99)),
        ms(Math.max(...signIn.latencies)),
        signIn.failures,
      ],
    ]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
