// Synthetic data for the PostgreSQL benchmarks of claims and records: 500 qualifications, 5,000 units,
// learners registered with one centre, 15 achievements each (1,500,000 for 100,000 learners).
import { ulnFromNineDigits } from '@lar/shared/identifiers';
import { rulesSha256, unitIndex } from '../src/catalogue/rules-version';
import type { Database } from '../src/db/database';
import { hashPassword } from '../src/lib/password';

export const QUALIFICATIONS = 500;
export const UNITS = 5_000;
const PER_LEARNER = 15;
/** The password of the seeded organisation users (bench-ao, bench-centre). */
export const BENCH_PASSWORD = 'bench password 2026';

const urnOf = (i: number) =>
  `U/${String(100 + Math.floor(i / 10_000)).padStart(3, '0')}/${String(i % 10_000).padStart(4, '0')}`;
const creditsOf = (i: number) => 1 + ((i * 7) % 10);

/**
 * Qualification q lists the 30 units from q×10 (so each unit is in three qualifications): the first
 * three mandatory, the rest optional with a credit minimum (higher for every fourth, which most
 * learners then miss).
 */
export function qualification(q: number) {
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

export async function seedSynthetic(
  db: Database,
  { learners: LEARNERS, extraLearners }: { learners: number; extraLearners: number },
) {
  const sql = db.sql;
  const started = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
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
  for (let n = 200_000_000; ulns.length < LEARNERS + extraLearners; n++) {
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
  await sql.query(`INSERT INTO "Registration" ("learnerId", "centreId", "updatedAt")
    SELECT id, '00000000-0000-0000-0000-00000000000c', now() FROM "Learner"`);
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
