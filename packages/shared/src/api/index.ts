import { type Static, Type } from '@sinclair/typebox';

/** The body of every error response: `{ "error": { "code", "message", "details"? } }`. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. ULN_INVALID' }),
      message: Type.String({ description: 'A sentence for people' }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody', title: 'Error' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** One problem with a request field, as listed in `details` of a VALIDATION_FAILED error. */
export const FieldError = Type.Object({ field: Type.String(), message: Type.String() });
export type FieldError = Static<typeof FieldError>;

export const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    database: Type.Object({ reachable: Type.Boolean(), latencyMs: Type.Number() }),
    version: Type.String(),
  },
  { $id: 'Health', title: 'Health' },
);
export type Health = Static<typeof Health>;
export * from './achievements';
export * from './admin';
export * from './auth';
export * from './catalogue';
export * from './claims';
export * from './learners';
export * from './record';
