export { checkQanCheckDigit, qanCheckDigit, validateQan } from './qan';
export type { IdentifierCode, IdentifierResult } from './result';
export { validateUkprn } from './ukprn';
export { generateUln, isValidUln, seededRandom, ulnCheckDigit, ulnFromNineDigits, validateUln } from './uln';
export { isValidUrn, URN_PATTERN, validateUrn } from './urn';
