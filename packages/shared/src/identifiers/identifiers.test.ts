import {
  checkQanCheckDigit,
  generateUln,
  seededRandom,
  ulnCheckDigit,
  ulnFromNineDigits,
  validateQan,
  validateUkprn,
  validateUln,
  validateUrn,
} from './index';

describe('validateUln', () => {
  it.each(['9276308686', '1000000043'])('accepts the contract example %s', (uln) => {
    expect(validateUln(uln)).toEqual({ ok: true, value: uln });
  });

  it('rejects 1000000044 and says which check digit it should have', () => {
    expect(validateUln('1000000044')).toEqual({
      ok: false,
      code: 'ULN_CHECK_DIGIT',
      message: 'ULN check digit should be 3, not 4',
    });
  });

  it.each(['123456789', '12345678901', '12345abcde', '', ' 9276308686'])(
    'rejects %j as not 10 digits',
    (v) => {
      expect(validateUln(v)).toMatchObject({ ok: false, code: 'ULN_FORMAT' });
    },
  );

  it('rejects a non-string', () => {
    expect(validateUln(9276308686)).toMatchObject({ ok: false, code: 'ULN_FORMAT' });
  });

  it('rejects a ULN starting with 0', () => {
    expect(validateUln('0276308686')).toMatchObject({ ok: false, code: 'ULN_FIRST_DIGIT' });
  });

  it('rejects nine digits whose weighted sum leaves remainder 0 (no valid ULN has them)', () => {
    // About one prefix in eleven has r = 0; take the first such one after 100000000.
    const nine = Array.from({ length: 1000 }, (_, i) => String(100000000 + i)).find(
      (d) => ulnCheckDigit(d) === null,
    ) as string;
    expect(nine).toBeDefined();
    expect(validateUln(`${nine}0`)).toMatchObject({ ok: false, code: 'ULN_NO_CHECK_DIGIT' });
    expect(ulnFromNineDigits(nine)).toBeNull();
  });

  it('agrees with the weights-10..1 formulation: valid ULNs leave remainder 10', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const uln = generateUln(random);
      const sum = [...uln].reduce((s, d, k) => s + (10 - k) * Number(d), 0);
      expect(sum % 11).toBe(10);
      expect(validateUln(uln).ok).toBe(true);
    }
  });
});

describe('generateUln', () => {
  it('is deterministic for a seed', () => {
    expect(generateUln(42)).toBe(generateUln(42));
    expect(generateUln(42)).not.toBe(generateUln(43));
  });

  it('completes nine digits with the check digit', () => {
    expect(ulnFromNineDigits('927630868')).toBe('9276308686');
    expect(ulnFromNineDigits('100000004')).toBe('1000000043');
  });

  it('refuses nine digits that start with 0', () => {
    expect(() => ulnFromNineDigits('012345678')).toThrow(RangeError);
  });
});

describe('QAN', () => {
  it.each(['500/9466/X', '600/3538/9'])('accepts the contract example %s, check digit included', (qan) => {
    expect(validateQan(qan).ok).toBe(true);
    expect(checkQanCheckDigit(qan).ok).toBe(true);
  });

  it.each(['5009466X', '500/946/X', '500/9466/A', 'ABC/9466/1'])('rejects the malformed %s', (qan) => {
    expect(validateQan(qan)).toMatchObject({ ok: false, code: 'QAN_FORMAT' });
  });

  it('treats a check digit mismatch as a separate check (a warning for callers)', () => {
    expect(validateQan('500/9466/1').ok).toBe(true);
    expect(checkQanCheckDigit('500/9466/1')).toEqual({
      ok: false,
      code: 'QAN_CHECK_DIGIT',
      message: 'QAN check digit should be X, not 1',
    });
  });
});

describe('URN', () => {
  it('accepts one capital letter then 3 and 4 digits', () => {
    expect(validateUrn('F/601/7513').ok).toBe(true);
  });

  it.each(['f/601/7513', 'F/6017/513', 'F/601/751', 'FF/601/7513', 'F-601-7513'])('rejects %s', (urn) => {
    expect(validateUrn(urn)).toMatchObject({ ok: false, code: 'URN_FORMAT' });
  });
});

describe('UKPRN', () => {
  it.each(['10000000', '99999999', '10012345'])('accepts %s', (v) => {
    expect(validateUkprn(v).ok).toBe(true);
  });

  it('rejects a number below 10000000', () => {
    expect(validateUkprn('09999999')).toMatchObject({ ok: false, code: 'UKPRN_RANGE' });
  });

  it.each(['1234567', '123456789', '1234567a'])('rejects %s as not 8 digits', (v) => {
    expect(validateUkprn(v)).toMatchObject({ ok: false, code: 'UKPRN_FORMAT' });
  });
});
