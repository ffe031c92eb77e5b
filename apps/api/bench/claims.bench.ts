// `pnpm bench:claims`: claims detection on PostgreSQL with synthetic data — 100,000 learners, 500
// qualifications, 5,000 units, 1,500,000 achievements. Reports (1) a full rescan end to end
// (`runRescan`, as `pnpm lar claims rescan` runs it: reading, evaluating, writing claims and digests) in
// learner×qualification evaluations per second, and (2) the delay from `POST /api/v1/achievements` (an
// awarding organisation's system, API token) to the possible claim being listed by
// `GET /api/v1/claims`, against the real app with its job worker, p50 and p99.
import { buildApp } from '../src/build-app';
import { openRescan, runRescan } from '../src/claims/rescan';
import { loadConfig } from '../src/config';
import { hashToken } from '../src/lib/secrets';
import { benchDatabase, percentile, table } from './helpers';
import { BENCH_PASSWORD as PASSWORD, QUALIFICATIONS, qualification, seedSynthetic, UNITS } from './synthetic';

const LEARNERS = Number(process.env.LEARNERS ?? 100_000);
const DELAY_SAMPLES = Number(process.env.DELAY_SAMPLES ?? 50);

async function main() {
  const db = await benchDatabase('lar_bench_claims');
  const seeded = await seedSynthetic(db, { learners: LEARNERS, extraLearners: DELAY_SAMPLES });
  console.log(
    `seeded ${seeded.learners?.toLocaleString('en-GB')} learners, ${seeded.achievements?.toLocaleString('en-GB')} achievements in ${seeded.seconds.toFixed(0)} s`,
  );

  // (1) A full rescan, as the CLI runs it.
  const config = {
    ...loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: 'b'.repeat(40),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
    }),
    seedDemo: false,
  };
  const rescanStarted = performance.now();
  const rescan = await runRescan(db, {
    ...(await openRescan(db, { restart: true })),
    publicUrl: config.publicUrl,
    batchSize: 500,
  });
  const rescanSeconds = (performance.now() - rescanStarted) / 1000;
  const claims = await db.prisma.claim.count();

  // (2) POST an achievement → the possible claim is listed, against the app with its workers.
  const app = await buildApp({ config: { ...config, runWorkers: true }, database: db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const token = 'lar_bench-token-0123456789';
  await db.prisma.apiToken.create({
    data: { userId: '00000000-0000-0000-0000-0000000000a1', name: 'bench', tokenHash: hashToken(token) },
  });
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'bench-centre', password: PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const q0 = qualification(7);
  const needed = [...(q0.groups[0]?.units ?? []), ...(q0.groups[1]?.units ?? []).slice(0, 12)];
  const delays: number[] = [];
  for (const uln of seeded.sampleUlns) {
    // All but the last unit first; then time the one that completes the qualification.
    const post = (urns: string[]) =>
      fetch(`${base}/api/v1/achievements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ achievements: urns.map((urn) => ({ uln, urn, achievedOn: '2025-06-01' })) }),
      });
    await (await post(needed.slice(0, -1))).arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    const res = await post(needed.slice(-1));
    if (!res.ok) throw new Error(`POST /achievements answered ${res.status}: ${await res.text()}`);
    for (;;) {
      const list = (await (
        await fetch(`${base}/api/v1/claims?learner=${uln}&status=POSSIBLE`, { headers: { cookie } })
      ).json()) as {
        total: number;
      };
      if (list.total > 0) break;
      if (performance.now() - started > 30_000) throw new Error(`no possible claim for ${uln} after 30 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    delays.push(performance.now() - started);
  }
  await app.close();
  await db.close();

  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    `Claims detection (PostgreSQL): ${LEARNERS.toLocaleString('en-GB')} learners, ${QUALIFICATIONS} qualifications, ${UNITS.toLocaleString('en-GB')} units`,
  );
  console.log(
    table([
      ['case', 'figure'],
      ['full rescan: learners', rescan.progress.learners.toLocaleString('en-GB')],
      ['full rescan: evaluations', rescan.progress.evaluations.toLocaleString('en-GB')],
      ['full rescan: time', `${rescanSeconds.toFixed(1)} s`],
      [
        'full rescan: evaluations/s (goal ≥ 5,000)',
        Math.round(rescan.progress.evaluations / rescanSeconds).toLocaleString('en-GB'),
      ],
      ['claims found', claims.toLocaleString('en-GB')],
      [`POST achievement → claim listed, p50 (${delays.length} samples)`, ms(percentile(delays, 50))],
      ['POST achievement → claim listed, p99 (goal ≤ 2 s)', ms(percentile(delays, 99))],
      ['POST achievement → claim listed, max', ms(Math.max(...delays))],
    ]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
