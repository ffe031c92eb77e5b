import { detectNewline } from '../../../src/csv/csv-records';
import { checkHeader, detectDelimiter, normalizeHeaderName } from '../../../src/csv/header';
import { LEARNERS_HEADER } from '../../../src/learners/csv/header';
import { isPlausibleEmail } from '../../../src/learners/csv/validate-row';

describe('Learners CSV header', () => {
  it('matches names ignoring case, spaces and underscores', () => {
    expect(normalizeHeaderName(' Given_Name ')).toBe('givenname');
    expect(
      checkHeader(['email', 'date_of_birth', 'Family Name', 'GIVENNAME', 'uln'], LEARNERS_HEADER),
    ).toEqual(['Email', 'DateOfBirth', 'FamilyName', 'GivenName', 'ULN']);
  });

  it('rejects missing, unknown and blank columns with their names', () => {
    expect(() => checkHeader(['ULN', 'Surname', 'DateOfBirth', 'Email', ''], LEARNERS_HEADER)).toThrow(
      expect.objectContaining({
        code: 'CSV_HEADER',
        details: expect.objectContaining({
          missing: ['GivenName', 'FamilyName'],
          unknown: ['Surname', '(blank column 5)'],
        }),
      }),
    );
  });

  it.each([
    ['ULN,GivenName,FamilyName,DateOfBirth,Email', ','],
    ['ULN;GivenName;FamilyName;DateOfBirth;Email', ';'],
    ['"ULN;x",GivenName,FamilyName', ','],
    ['ULN', ','],
  ])('detects the delimiter of %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  it.each([
    ['ULN\r\n', '\r\n'],
    ['ULN\n', '\n'],
    ['ULN\rx', '\r'],
    ['ULN\r', null],
    ['ULN', null],
  ])('detects the line break of %j', (head, newline) => {
    expect(detectNewline(head)).toBe(newline);
  });
});

describe('isPlausibleEmail', () => {
  it.each(['a@example.org', "o'brien+lar@mail.example.co.uk"])('accepts %s', (email) => {
    expect(isPlausibleEmail(email)).toBe(true);
  });

  it.each(['a@example', 'a@@example.org', 'a b@example.org', '@example.org', 'a@example.', 'a@x..org'])(
    'rejects %s',
    (email) => {
      expect(isPlausibleEmail(email)).toBe(false);
    },
  );
});

describe('a header with an optional column', () => {
  const spec = { columns: ['ULN', 'URN', 'Basis'], optional: ['Basis'] } as const;
  it('may leave it out, but not repeat it', () => {
    expect(checkHeader(['urn', 'uln'], spec)).toEqual(['URN', 'ULN']);
    expect(() => checkHeader(['ULN', 'URN', 'basis', 'Basis'], spec)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ missing: [], duplicated: ['Basis'] }) }),
    );
  });
});
