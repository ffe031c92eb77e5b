import { type Static, Type } from '@sinclair/typebox';
import { CreditsSchema, LevelSchema, UrnSchema } from './common';

export const CatalogueUnitSchema = Type.Object(
  {
    urn: UrnSchema,
    title: Type.String(),
    level: LevelSchema,
    credits: CreditsSchema,
  },
  { $id: 'CatalogueUnit' },
);
export type CatalogueUnit = Static<typeof CatalogueUnitSchema>;
