import { type Static, Type } from '@sinclair/typebox';

/** Result of `checkQualification` and `lar roc check`: each message names the field path. */
export const ValidationResultSchema = Type.Object({
  ok: Type.Boolean(),
  errors: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
});
export type ValidationResult = Static<typeof ValidationResultSchema>;
