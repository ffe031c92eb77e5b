import { Type } from '@sinclair/typebox';

/** Level strings in order, lowest first; JSON always uses these strings. */
export const LEVELS = ['E1', 'E2', 'E3', '1', '2', '3', '4', '5', '6', '7', '8'] as const;

export type Level = (typeof LEVELS)[number];

// Spelled out (rather than mapped from LEVELS) so Static<> keeps the literal union.
export const LevelSchema = Type.Union(
  [
    Type.Literal('E1'),
    Type.Literal('E2'),
    Type.Literal('E3'),
    Type.Literal('1'),
    Type.Literal('2'),
    Type.Literal('3'),
    Type.Literal('4'),
    Type.Literal('5'),
    Type.Literal('6'),
    Type.Literal('7'),
    Type.Literal('8'),
  ],
  { description: 'QCF level: E1, E2, E3 (Entry 1–3) then 1 … 8' },
);

export const UrnSchema = Type.String({
  pattern: '^[A-Z]/[0-9]{3}/[0-9]{4}$',
  description: 'Unit reference number, L/DDD/DDDD',
  examples: ['F/601/7513'],
});

export const QanSchema = Type.String({
  pattern: '^[0-9]{3}/[0-9]{4}/[0-9X]$',
  description: 'Qualification Accreditation Number, DDD/DDDD/C',
  examples: ['500/9466/X'],
});

export const IsoDateSchema = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: 'Calendar date, YYYY-MM-DD',
});

export const CreditsSchema = Type.Integer({ minimum: 1, description: '1 credit = 10 hours' });
