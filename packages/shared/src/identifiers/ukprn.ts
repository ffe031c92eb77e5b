import { type IdentifierResult, invalid, show, valid } from './result';

export function validateUkprn(value: unknown): IdentifierResult {
  if (typeof value !== 'string' || !/^\d{8}$/.test(value)) {
    return invalid('UKPRN_FORMAT', `UKPRN must be exactly 8 digits, got ${show(value)}`);
  }
  if (value[0] === '0') {
    return invalid('UKPRN_RANGE', 'UKPRN must be between 10000000 and 99999999');
  }
  return valid(value);
}
