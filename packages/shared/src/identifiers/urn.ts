import { type IdentifierResult, invalid, show, valid } from './result';

export const URN_PATTERN = /^[A-Z]\/\d{3}\/\d{4}$/;

export function validateUrn(value: unknown): IdentifierResult {
  if (typeof value !== 'string' || !URN_PATTERN.test(value)) {
    return invalid('URN_FORMAT', `URN must look like F/601/7513 (L/DDD/DDDD), got ${show(value)}`);
  }
  return valid(value);
}

export function isValidUrn(value: unknown): boolean {
  return typeof value === 'string' && URN_PATTERN.test(value);
}
