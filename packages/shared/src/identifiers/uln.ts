import { type IdentifierResult, invalid, show, valid } from './result';

/** Weights 10..2 over the first nine digits; the check digit makes the full sum ≡ 10 (mod 11). */
function weightedRemainder(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * (nineDigits.charCodeAt(i) - 48);
  return sum % 11;
}

/** The check digit for nine leading digits, or null when no valid ULN starts with them (r = 0). */
export function ulnCheckDigit(nineDigits: string): number | null {
  const r = weightedRemainder(nineDigits);
  return r === 0 ? null : 10 - r;
}

export function validateUln(value: unknown): IdentifierResult {
  if (typeof value !== 'string' || !/^\d{10}$/.test(value)) {
    return invalid('ULN_FORMAT', `ULN must be exactly 10 digits, got ${show(value)}`);
  }
  if (value[0] === '0') return invalid('ULN_FIRST_DIGIT', 'ULN must not start with 0');
  const expected = ulnCheckDigit(value.slice(0, 9));
  if (expected === null) {
    return invalid('ULN_NO_CHECK_DIGIT', `no valid ULN has the nine digits ${value.slice(0, 9)}`);
  }
  const actual = value.charCodeAt(9) - 48;
  if (actual !== expected) {
    return invalid('ULN_CHECK_DIGIT', `ULN check digit should be ${expected}, not ${actual}`);
  }
  return valid(value);
}

export function isValidUln(value: unknown): boolean {
  return validateUln(value).ok;
}

/**
 * Completes nine digits into a ULN, or returns null when those digits have no check digit.
 * The first digit must be 1–9.
 */
export function ulnFromNineDigits(nineDigits: string): string | null {
  if (!/^[1-9]\d{8}$/.test(nineDigits)) {
    throw new RangeError(`ulnFromNineDigits needs nine digits not starting with 0, got ${show(nineDigits)}`);
  }
  const check = ulnCheckDigit(nineDigits);
  return check === null ? null : `${nineDigits}${check}`;
}

/** Small seeded PRNG (mulberry32) so seeds and tests get the same ULNs on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid ULN. Given a number it is deterministic (the same seed always gives the same ULN); given a
 * random source (e.g. a shared `seededRandom`) successive calls give a reproducible sequence.
 */
export function generateUln(seedOrRandom: number | (() => number) = Math.random): string {
  const random = typeof seedOrRandom === 'number' ? seededRandom(seedOrRandom) : seedOrRandom;
  // About one prefix in eleven has no check digit; redraw until one does.
  for (;;) {
    const first = 1 + Math.floor(random() * 9);
    const rest = Math.floor(random() * 1e8)
      .toString()
      .padStart(8, '0');
    const uln = ulnFromNineDigits(`${first}${rest}`);
    if (uln !== null) return uln;
  }
}
