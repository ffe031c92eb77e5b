import { Readable } from 'node:stream';
import { ulnFromNineDigits } from '@lar/shared/identifiers';
import { readAllLearners, readLearnersCsv, scanLearnersCsv } from '../../../src/learners/csv/read-learners';

const today = new Date('2026-11-28T00:00:00Z');
const HEADER = 'ULN,GivenName,FamilyName,DateOfBirth,Email\n';

/** `count` distinct valid ULNs, in order, so a generated file has no duplicates. */
function ulns(count: number): string[] {
  const out: string[] = [];
  for (let nine = 100_000_000; out.length < count; nine++) {
    const uln = ulnFromNineDigits(String(nine));
    if (uln !== null) out.push(uln);
  }
  return out;
}

function generatedFile(rows: number): Buffer {
  const lines = ulns(rows).map((uln, i) => `${uln},Given${i},Family${i},2008-04-17,l${i}@example.org\n`);
  return Buffer.from(HEADER + lines.join(''));
}

/** Feeds a buffer in 64 KiB chunks, counting how many the reader pulled. */
function chunked(bytes: Buffer, size = 65_536) {
  const source = { pulled: 0, total: Math.ceil(bytes.length / size) };
  const stream = Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += size) {
        source.pulled++;
        yield bytes.subarray(at, at + size);
      }
    })(),
  );
  return { stream, source };
}

describe('readLearnersCsv on large files', () => {
  const big = generatedFile(100_001);
  const lastRow = big.lastIndexOf('\n', big.length - 2) + 1;
  const hundredThousand = big.subarray(0, lastRow);

  it('reads 100,000 rows', async () => {
    const started = Date.now();
    const reader = readLearnersCsv(chunked(hundredThousand).stream, { maxRows: 100_000, today });
    let valid = 0;
    let last = 0;
    for await (const row of reader) {
      if (row.result.ok) valid++;
      last = row.rowNumber;
    }
    expect(valid).toBe(100_000);
    expect(last).toBe(100_001);
    expect(reader.duplicates().size).toBe(0);
    // Speed sanity for whoever reads the log, not an assertion (the machine is shared).
    console.info(`read 100,000 learner rows in ${Date.now() - started} ms`);
  }, 60_000);

  it('rejects 100,001 rows with CSV_TOO_MANY_ROWS', async () => {
    const result = await readAllLearners(chunked(big).stream, { maxRows: 100_000, today });
    expect(result.ok || result.error).toMatchObject({
      code: 'CSV_TOO_MANY_ROWS',
      details: { maxRows: 100_000 },
    });
  }, 60_000);

  it('stops reading as soon as the limit is passed', async () => {
    const { stream, source } = chunked(big);
    const result = await readAllLearners(stream, { maxRows: 10, today });
    expect(result.ok).toBe(false);
    expect(source.pulled).toBeLessThan(5);
    expect(source.total).toBeGreaterThan(50);
  });
});

describe('readLearnersCsv', () => {
  const read = (text: string | Buffer) =>
    readAllLearners(Readable.from([Buffer.from(text)]), { maxRows: 10, today });

  it('lets the caller stop early', async () => {
    const { stream, source } = chunked(generatedFile(20_000));
    const rows = [];
    for await (const row of readLearnersCsv(stream, { maxRows: 100_000, today })) {
      rows.push(row);
      if (rows.length === 3) break;
    }
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(source.pulled).toBeLessThan(source.total);
  });

  it('keeps a character split across chunks whole', async () => {
    const bytes = Buffer.from(`${HEADER}9276308686,Zoë,Brontë,2008-04-17,\n`);
    const split = bytes.indexOf(Buffer.from('ë')) + 1;
    const stream = Readable.from([bytes.subarray(0, split), bytes.subarray(split)]);
    const result = await readAllLearners(stream, { maxRows: 10, today });
    expect(result.ok && result.rows[0]?.result).toMatchObject({ ok: true, learner: { givenName: 'Zoë' } });
  });

  it('names the line of a bad byte in a later chunk', async () => {
    const good = Buffer.from(`${HEADER}${'9276308686,Amira,Khan,2008-04-17,\n'.repeat(5)}`);
    const bad = Buffer.from([0x31, 0x2c, 0xff, 0x0a]);
    const result = await readAllLearners(Readable.from([good, bad]), { maxRows: 10, today });
    expect(result.ok || result.error).toMatchObject({ code: 'CSV_ENCODING', details: { line: 7 } });
  });

  it('reports a character cut off by the end of the file', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}9276308686,Zo`), Buffer.from([0xc3])]);
    const result = await read(bytes);
    expect(result.ok || result.error).toMatchObject({ code: 'CSV_ENCODING', details: { line: 2 } });
  });

  it('treats a file of blank lines as empty', async () => {
    expect(await read('\n  \r\n\n')).toMatchObject({ ok: false, error: { code: 'CSV_EMPTY' } });
  });

  it('skips blank lines before the header and counts them as rows', async () => {
    const result = await read(`\n${HEADER}9276308686,Amira,Khan,2008-04-17,\n`);
    expect(result.ok && result.rows.map((r) => r.rowNumber)).toEqual([3]);
  });

  it('reads a last row without a line end', async () => {
    const result = await read(`${HEADER}9276308686,Amira,Khan,17/04/2008,`);
    expect(result.ok && result.rows[0]?.result).toMatchObject({
      ok: true,
      learner: { dateOfBirth: '2008-04-17' },
    });
  });

  it('keeps the raw cells of a rejected row for the report', async () => {
    const result = await read(`${HEADER} 9276308684 ,Amira,Khan,2008-04-17,x\n`);
    expect(result.ok && result.rows[0]).toMatchObject({
      raw: { ULN: ' 9276308684 ', GivenName: 'Amira', Email: 'x' },
      result: { ok: false },
    });
  });

  it('rejects a file whose quote is never closed', async () => {
    const result = await read(`${HEADER}9276308686,"Amira,Khan,2008-04-17,\n${'x'.repeat(200_000)}\n`);
    expect(result.ok || result.error).toMatchObject({ code: 'CSV_MALFORMED' });
  });

  it('names only the first rows of a ULN repeated on many rows', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `9276308686,Amira${i},Khan,2008-04-17,\n`);
    const result = await readAllLearners(Readable.from([HEADER + rows.join('')]), { maxRows: 20, today });
    expect(result.ok && result.rows[11]?.result).toEqual({
      ok: false,
      errors: [
        {
          field: 'ULN',
          message: 'ULN 9276308686 appears on 12 rows, including 2, 3, 4, 5, 6, 7, 8, 9, 10 and 11',
        },
      ],
    });
  });

  it('drops the BOM of a stream that is already decoded', async () => {
    const decoded = Readable.from([`\ufeff${HEADER}9276308686,Amira,Khan,2008-04-17,\n`]);
    expect((await readAllLearners(decoded, { maxRows: 10, today })).ok).toBe(true);
  });

  it('accepts an old-style NodeJS.ReadableStream', async () => {
    const legacy: NodeJS.ReadableStream = Readable.from([`${HEADER}9276308686,Amira,Khan,2008-04-17,\n`]);
    const result = await readAllLearners(legacy, { maxRows: 10, today });
    expect(result.ok && result.rows).toHaveLength(1);
  });
});

describe("the upload's quick check (scanLearnersCsv)", () => {
  it('finds the rows and repeated ULNs the full read finds, whatever else is wrong with the rows', async () => {
    const [a, b, c] = ulns(3);
    const csv = `${HEADER}${[
      `${a},Ann,Lee,2008-04-17,`, // row 2
      `${a},,,not a date,not an email`, // row 3: the same valid ULN, every other cell wrong
      '12345,Bad,Uln,2008-04-17,', // row 4: an invalid ULN...
      '12345,Bad,Uln,2008-04-17,', // row 5: ...repeated: not a duplicate, the ULN error says it all
      ',No,Uln,2008-04-17,', // row 6: blank ULNs are not duplicates
      ',No,Uln,2008-04-17,', // row 7
      `${b},Too,Few`, // row 8: a row with the wrong number of fields is not counted for its ULN
      `${b},Bo,Ng,2008-04-17,`, // row 9
      ` ${c} ,Cy,Ng,2008-04-17,`, // row 10: cells are trimmed
      `${c},Cy,Ng,2008-04-17,`, // row 11
    ].join('\n')}\n`;
    const full = readLearnersCsv(Readable.from([Buffer.from(csv)]), { maxRows: 100, today });
    let rows = 0;
    for await (const _ of full) rows++;
    const scanned = await scanLearnersCsv(Readable.from([Buffer.from(csv)]), { maxRows: 100 });
    expect(scanned).toEqual({ rows, repeatedUlns: full.repeatedUlns() });
    expect(scanned).toEqual({
      rows: 10,
      repeatedUlns: [
        [a, [2, 3]],
        [c, [10, 11]],
      ],
    });
  });

  it('refuses the file for the same reasons, such as too many rows', async () => {
    const bytes = generatedFile(5);
    await expect(scanLearnersCsv(Readable.from([bytes]), { maxRows: 4 })).rejects.toMatchObject({
      code: 'CSV_TOO_MANY_ROWS',
    });
  });
});
