import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { csvCell } from '../../../src/csv/write';
import { readAllLearners } from '../../../src/learners/csv/read-learners';
import { reportCsv, reportRowFor } from '../../../src/learners/csv/write-report';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+44 7700 900000', "'+44 7700 900000"],
    ['-Nowak', "'-Nowak"],
    ['@cmd', "'@cmd"],
    ['\tTabbed', "'\tTabbed"],
  ])('defuses the formula start of %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes a carriage return start after defusing it', () => {
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it.each([
    ['Khan, Smith', '"Khan, Smith"'],
    ['O"Brien', '"O""Brien"'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ])('quotes %j per RFC 4180', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves plain values, numbers and inner formula characters alone', () => {
    expect(csvCell('Anne-Marie')).toBe('Anne-Marie');
    expect(csvCell('a@example.org')).toBe('a@example.org');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });
});

describe('reportCsv', () => {
  it('writes the header and CRLF lines', () => {
    const text = reportCsv([
      {
        row: 2,
        uln: '9276308686',
        givenName: '=cmd',
        familyName: 'Khan',
        dateOfBirth: '2008-04-17',
        email: null,
        outcome: 'created',
        message: 'Activation code: ABCD-1234',
      },
    ]);
    expect(text).toBe(
      'Row,ULN,GivenName,FamilyName,DateOfBirth,Email,Outcome,Message\r\n' +
        "2,9276308686,'=cmd,Khan,2008-04-17,,created,Activation code: ABCD-1234\r\n",
    );
  });

  it('reports a rejected row with its cells as written and every error', () => {
    const row = {
      rowNumber: 5,
      raw: { ULN: '9276308684', GivenName: '@x', FamilyName: 'Khan', DateOfBirth: '31/02/2001', Email: '' },
      result: {
        ok: false as const,
        errors: [
          { field: 'ULN' as const, message: 'ULN check digit should be 6, not 4' },
          { field: 'DateOfBirth' as const, message: 'DateOfBirth "31/02/2001" is not a real date' },
        ],
      },
    };
    expect(reportCsv([reportRowFor(row, 'created')]).split('\r\n')[1]).toBe(
      `5,9276308684,'@x,Khan,31/02/2001,,rejected,"ULN check digit should be 6, not 4; ` +
        `DateOfBirth ""31/02/2001"" is not a real date"`,
    );
  });
});

describe('sample-learners.csv', () => {
  it('is a valid file whose learners are all accepted, one without email', async () => {
    const path = join(__dirname, '../../../src/learners/csv/sample-learners.csv');
    const result = await readAllLearners(createReadStream(path), {
      maxRows: 10,
      today: new Date('2026-11-28'),
    });
    expect(result.ok && result.rows.map((r) => r.result)).toEqual([
      { ok: true, learner: expect.objectContaining({ uln: '9276308686', email: 'amira.khan@example.org' }) },
      { ok: true, learner: expect.objectContaining({ uln: '1000000043', email: null }) },
    ]);
  });
});
