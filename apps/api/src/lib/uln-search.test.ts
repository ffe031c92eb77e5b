import { ulnStartingWith } from './uln-search';

/** Whether `uln` passes the filter, as PostgreSQL would apply it to a column of ten-digit strings. */
function passes(uln: string, filter: ReturnType<typeof ulnStartingWith>): boolean {
  return 'startsWith' in filter ? uln.startsWith(filter.startsWith) : uln >= filter.gte && uln <= filter.lte;
}

describe('ulnStartingWith', () => {
  it('matches exactly the ten-digit ULNs that start with the prefix', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    for (let i = 0; i < 2000; i++) {
      const uln = digits(10);
      // Prefixes of the ULN itself, and of other digits (mostly no match), of every length.
      for (const prefix of [uln.slice(0, 1 + (i % 10)), digits(1 + (i % 10)), `${uln.slice(0, 3)}9`]) {
        expect(passes(uln, ulnStartingWith(prefix))).toBe(uln.startsWith(prefix));
      }
    }
    expect(ulnStartingWith('12')).toEqual({ gte: '1200000000', lte: '1299999999' });
    expect(ulnStartingWith('1234567890')).toEqual({ gte: '1234567890', lte: '1234567890' });
  });

  it('keeps startsWith for anything but one to ten digits (no ULN matches it)', () => {
    expect(ulnStartingWith('12345678901')).toEqual({ startsWith: '12345678901' });
    expect(ulnStartingWith('12a')).toEqual({ startsWith: '12a' });
  });
});
