// `pnpm bench:claims`: claims detection on PostgreSQL with synthetic data — 100,000 learners, 500
// qualifications, 5,000 units, 1,500,000 achievements. Reports (1) a full rescan end to end
// (`runRescan`, as `pnpm lar claims rescan` runs it: reading, evaluating, writing claims and digests) in
// learner×qualification evaluations per second, and (2) the delay from `POST /api/v1/achievements` (an
// awarding organisation's system, API token) to the possible claim being listed by
// `GET /api/v1/claims`, against the real app with its job worker, p50 and p99.
import { ulnFromNineDigits } from '@lar/shared/identifiers';
import { buildApp } from '../src/build-app';
import { rulesSha256, unitIndex } from '../src/catalogue/rules-version';
import { openRescan, runRescan } from '../src/claims/rescan';
import { loadConfig } from '../src/config';
import { hashPassword } from '../src/lib/password';
import { hashToken } from '../src/lib/secrets';
import { benchDatabase, percentile, table } from './helpers';

const LEARNERS = Number(process.env.LEARNERS ?? 100_000);
const QUALIFICATIONS = 500;
const UNITS = 5_000;
const PER_LEARNER = 15;
const DELAY_SAMPLES = Number(process.env.DELAY_SAMPLES ?? 50);
const PASSWORD = 'bench password 2026';

const urnOf = (i: number) =>
  `U/${String(100 + Math.floor(i / 10_000)).padStart(3, '0')}/${String(i % 10_000).padStart(4, '0')}`;
const creditsOf = (i: number) => 1 + ((i * 7) % 10);

/**
 * Qualification q lists the 30 units from q×10 (so each unit is in three qualifications): the first
 * three mandatory, the rest optional with a credit minimum (higher for every fourth, which most
 * learners then miss).
 */
function qualification(q: number) {
  const units = Array.from({ length: 30 }, (_, k) => urnOf((q * 10 + k) % UNITS));
  const mandatory = units.slice(0, 3);
  const optionalMin = q % 4 === 0 ? 60 : 15;
  const mandatoryCredits = [0, 1, 2].reduce((sum, k) => sum + creditsOf((q * 10 + k) % UNITS), 0);
  return {
    qan: `${String(600 + Math.floor(q / 1000)).padStart(3, '0')}/${String(q).padStart(4, '0')}/X`,
    title: `Synthetic qualification ${q}`,
    level: '2',
    minCredits: mandatoryCredits + optionalMin,
    groups: [
      { id: 'M', title: 'Mandatory', all: true, units: mandatory },
      { id: 'O', title: 'Optional', minCredits: optionalMin, units: units.slice(3) },
    ],
  };
}

async function seed(db: Awaited<ReturnType<typeof benchDatabase>>) {
  const sql = db.sql;
  const started = performance.now();
  const passwordHash = await hashPassword(PASSWORD);
  await sql.query(`INSERT INTO "Organisation" (id, type, name, code, "codeType", address, phone, "updatedAt") VALUES
    ('00000000-0000-0000-0000-00000000000a', 'AWARDING_ORGANISATION', 'Bench Awards', '10000010', 'UKPRN', '-', '-', now()),
    ('00000000-0000-0000-0000-00000000000c', 'CENTRE', 'Bench College', '10000011', 'UKPRN', '-', '-', now())`);
  await sql.query(
    `INSERT INTO "User" (id, "organisationId", "userId", "fullName", email, "passwordHash", "mustChangePassword", "updatedAt") VALUES
      ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000000a', 'bench-ao', 'Bench AO', 'ao@example.org', $1, false, now()),
      ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-00000000000c', 'bench-centre', 'Bench Centre', 'centre@example.org', $1, false, now())`,
    [passwordHash],
  );
  const idx = Array.from({ length: UNITS }, (_, i) => i);
  await sql.query(
    `INSERT INTO "Unit" (id, urn, title, level, credits, "awardingOrganisationId", "updatedAt")
     SELECT gen_random_uuid(), u, 'Synthetic unit ' || u, '2', c, '00000000-0000-0000-0000-00000000000a', now()
       FROM unnest($1::text[], $2::int[]) AS x(u, c)`,
    [idx.map(urnOf), idx.map(creditsOf)],
  );
  for (let q = 0; q < QUALIFICATIONS; q++) {
    const rules = qualification(q);
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO "Qualification" (id, qan, title, level, "awardingOrganisationId", "currentVersion", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, '2', '00000000-0000-0000-0000-00000000000a', 1, now()) RETURNING id`,
      [rules.qan, rules.title],
    );
    const id = row?.id ?? '';
    await sql.query(
      `INSERT INTO "QualificationVersion" (id, "qualificationId", version, rules, "rulesSha256", "updatedAt")
       VALUES (gen_random_uuid(), $1, 1, $2, $3, now())`,
      [id, JSON.stringify(rules), rulesSha256(rules)],
    );
    const index = unitIndex(rules, id);
    await sql.query(
      `INSERT INTO "QualificationUnit" ("qualificationId", urn, "viaEquivalent", "updatedAt")
       SELECT $1, u, false, now() FROM unnest($2::text[]) AS u`,
      [id, index.map((i) => i.urn)],
    );
  }
  const ulns: string[] = [];
  for (let n = 200_000_000; ulns.length < LEARNERS + DELAY_SAMPLES; n++) {
    const uln = ulnFromNineDigits(String(n));
    if (uln) ulns.push(uln);
  }
  for (let i = 0; i < ulns.length; i += 20_000) {
    await sql.query(
      `INSERT INTO "Learner" (id, uln, "givenName", "familyName", "dateOfBirth", "updatedAt")
       SELECT gen_random_uuid(), u, 'Bench', 'Learner ' || u, '2000-01-01', now() FROM unnest($1::text[]) AS u`,
      [ulns.slice(i, i + 20_000)],
    );
  }
  await sql.query(`INSERT INTO "Registration" (id, "learnerId", "centreId", "updatedAt")
    SELECT gen_random_uuid(), id, '00000000-0000-0000-0000-00000000000c', now() FROM "Learner"`);
  // Learner n holds the 15 units from (n mod 500) × 10: the three mandatory and 12 optional units of
  // qualification n mod 500 (and some of its neighbours'). The delay-sample learners are left out.
  await sql.query(
    `INSERT INTO "Achievement" (id, "learnerId", "unitId", "achievedOn", basis, "awardingOrganisationId", "updatedAt")
     SELECT gen_random_uuid(), l.id, u.id, '2025-01-01', 'CREDIT', '00000000-0000-0000-0000-00000000000a', now()
       FROM (SELECT id, row_number() OVER (ORDER BY uln) - 1 AS n FROM "Learner") l
       CROSS JOIN generate_series(0, ${PER_LEARNER - 1}) k
       JOIN (SELECT id, row_number() OVER (ORDER BY urn) - 1 AS i FROM "Unit") u ON u.i = ((l.n % ${QUALIFICATIONS}) * 10 + k) % ${UNITS}
      WHERE l.n < ${LEARNERS}`,
  );
  await sql.exec('ANALYZE');
  const counts = await sql.query<{ learners: number; achievements: number }>(
    `SELECT (SELECT count(*)::int FROM "Learner") AS learners, (SELECT count(*)::int FROM "Achievement") AS achievements`,
  );
  return { seconds: (performance.now() - started) / 1000, ...counts[0], sampleUlns: ulns.slice(LEARNERS) };
}

async function main() {
  const db = await benchDatabase('lar_bench_claims');
  const seeded = await seed(db);
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
