import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CsvFileError } from '../../../src/csv/errors';
import {
  type ReadAllResult,
  readAllLearners,
  readLearnersCsv,
  scanLearnersCsv,
} from '../../../src/learners/csv/read-learners';
import { reportCsvLines, reportRowFor } from '../../../src/learners/csv/write-report';

/**
 * Each corpus file beside its expected outcome (`name.expected.json`). To re-record after an intended
 * change: `UPDATE_CORPUS=1 npx jest ... corpus`, then review the diff of the JSON files.
 */
const dir = join(__dirname, 'corpus');
const today = new Date('2026-11-28T12:00:00Z');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort();

/** The reader's outcome in a form that reads well as JSON; valid rows' report lines show the escaping. */
function outcome(result: ReadAllResult) {
  if (!result.ok) return { error: result.error };
  return {
    rows: result.rows.map((r) =>
      r.result.ok
        ? { row: r.rowNumber, learner: r.result.learner }
        : { row: r.rowNumber, errors: r.result.errors },
    ),
    report: [...reportCsvLines(result.rows.map((r) => reportRowFor(r, 'valid')))],
  };
}

const read = (file: string, highWaterMark?: number) =>
  readAllLearners(createReadStream(join(dir, file), highWaterMark ? { highWaterMark } : {}), {
    maxRows: 1000,
    today,
  });

describe('Learners CSV corpus', () => {
  it('has files', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it.each(files)('%s', async (file) => {
    const expectedPath = join(dir, file.replace(/\.csv$/, '.expected.json'));
    const actual = outcome(await read(file));
    if (process.env.UPDATE_CORPUS) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    // Tiny chunks split the BOM, multi-byte characters, CRLF and quoted fields across chunk boundaries.
    expect(outcome(await read(file, 3))).toEqual(actual);
  });

  // The upload's quick check (no cell checks) must agree with the full read on what it reports.
  it.each(files)('%s: the upload check finds the same rows, repeated ULNs and file problem', async (file) => {
    const full = readLearnersCsv(createReadStream(join(dir, file)), { maxRows: 1000, today });
    let fullOutcome: unknown;
    try {
      let rows = 0;
      for await (const _ of full) rows++;
      fullOutcome = { rows, repeatedUlns: full.repeatedUlns() };
    } catch (error) {
      fullOutcome = { error: (error as CsvFileError).toJSON() };
    }
    const scanned = await scanLearnersCsv(createReadStream(join(dir, file)), { maxRows: 1000 }).catch(
      (error: CsvFileError) => ({ error: error.toJSON() }),
    );
    expect(scanned).toEqual(fullOutcome);
  });
});
