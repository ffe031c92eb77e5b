import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptLearnersFile } from '../../src/learners/imports/create-import';
import { AppError } from '../../src/lib/errors';
import { buildTestApp } from '../helpers/app';
import { signInAs } from '../helpers/auth';
import { runJobs } from '../helpers/learners';

/**
 * The CSV corpus (test/learners/csv/corpus) through the whole import: accepted or refused as a file,
 * then processed, each file's report compared with `name.import.json` beside it (activation codes, which
 * are random, shown as `<code>`). Re-record after an intended change with `UPDATE_CORPUS=1`, and review.
 * The file reader's own expectations are the `name.expected.json` files (corpus.test.ts).
 */
const dir = join(__dirname, 'csv', 'corpus');
const uploadedAt = new Date('2026-11-28T12:00:00Z');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort();

let t: Awaited<ReturnType<typeof buildTestApp>>;
let centre: Awaited<ReturnType<typeof signInAs>>;

beforeAll(async () => {
  t = await buildTestApp();
  centre = await signInAs(t.app, 'centre');
});
afterAll(() => t.close());

async function importOutcome(file: string) {
  // Each file on its own: corpus files share ULNs with different names.
  await t.database.sql.exec(
    'DELETE FROM "Learner"; DELETE FROM "Import"; DELETE FROM "OutboxMessage"; DELETE FROM "Job"',
  );
  const bytes = readFileSync(join(dir, file));
  let importId: string;
  try {
    ({ importId } = await acceptLearnersFile(t.app.db, {
      file: { fileName: file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') },
      centreId: centre.organisationId ?? '',
      uploaderId: centre.id,
      maxRows: 1_000,
      now: uploadedAt,
    }));
  } catch (error) {
    if (error instanceof AppError) return { refused: { code: error.code, message: error.message } };
    throw error;
  }
  await runJobs(t.app);
  const view = (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/learners/imports/${importId}`,
      headers: centre.headers,
    })
  ).json();
  const report = (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/learners/imports/${importId}/report?pageSize=200`,
      headers: centre.headers,
    })
  ).json();
  const codes = (s: string) => s.replace(/\b\w{4}-\w{4}-\w{4}-\w{4}\b/g, '<code>');
  return {
    status: view.status,
    counts: view.counts,
    rows: report.items.map((r: { row: number; uln: string; outcome: string; message: string }) => ({
      row: r.row,
      uln: r.uln,
      outcome: r.outcome,
      message: codes(r.message),
    })),
  };
}

describe('Learners CSV corpus, imported', () => {
  it.each(files)('%s', async (file) => {
    const expectedPath = join(dir, file.replace(/\.csv$/, '.import.json'));
    const actual = await importOutcome(file);
    if (process.env.UPDATE_CORPUS) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
