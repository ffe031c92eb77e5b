import { type Static, Type } from '@sinclair/typebox';
import { QualificationDefinitionSchema } from '../schemas/qualification';
import { Paging } from './admin';

const Timestamp = Type.String({ format: 'date-time' });
const Level = Type.String({ description: 'QCF level: E1, E2, E3, 1 … 8' });

/**
 * A catalogue file (`rules-of-combination.md`): units and qualification definitions. The body is
 * checked whole by the service (each entry naming its path) rather than by the route schema, so that
 * every problem is listed at once.
 */
export const CatalogueImportBody = Type.Object(
  {
    /** Required when an administrator imports: the code (UKPRN) of the awarding organisation that owns the entries. */
    awardingOrganisation: Type.Optional(Type.String({ maxLength: 20 })),
    units: Type.Optional(Type.Array(Type.Unknown())),
    qualifications: Type.Optional(Type.Array(Type.Unknown())),
  },
  { $id: 'CatalogueImportBody' },
);
export type CatalogueImportBody = Static<typeof CatalogueImportBody>;

export const CatalogueImportSummary = Type.Object(
  {
    importId: Type.String(),
    /** The same file was imported before: nothing changed. */
    alreadyImported: Type.Boolean(),
    awardingOrganisation: Type.Object({ name: Type.String(), code: Type.String() }),
    units: Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() }),
    qualifications: Type.Object({
      created: Type.Integer(),
      /** A changed definition becomes a new version; earlier versions are kept. */
      newVersion: Type.Integer(),
      unchanged: Type.Integer(),
    }),
    /** Warnings of the rules checks (the file was imported). */
    warnings: Type.Array(Type.String()),
  },
  { $id: 'CatalogueImportSummary' },
);
export type CatalogueImportSummary = Static<typeof CatalogueImportSummary>;

export const CatalogueUnitView = Type.Object(
  {
    id: Type.String(),
    urn: Type.String(),
    title: Type.String(),
    level: Level,
    credits: Type.Integer(),
    awardingOrganisation: Type.Object({ name: Type.String(), code: Type.String() }),
  },
  { $id: 'CatalogueUnitView' },
);
export type CatalogueUnitView = Static<typeof CatalogueUnitView>;

export const CatalogueQualificationSummary = Type.Object(
  {
    id: Type.String(),
    qan: Type.String(),
    title: Type.String(),
    level: Level,
    minCredits: Type.Integer(),
    currentVersion: Type.Integer(),
    awardingOrganisation: Type.Object({ name: Type.String(), code: Type.String() }),
  },
  { $id: 'CatalogueQualificationSummary' },
);
export type CatalogueQualificationSummary = Static<typeof CatalogueQualificationSummary>;

export const CatalogueQuery = Type.Composite([
  Paging,
  Type.Object({
    /** Words of the title, or a QAN/URN (whole or its start). */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    level: Type.Optional(Type.String({ maxLength: 2 })),
  }),
]);
export type CatalogueQuery = Static<typeof CatalogueQuery>;

export const CatalogueUnitsPage = Type.Object(
  {
    items: Type.Array(CatalogueUnitView),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { $id: 'CatalogueUnitsPage' },
);
export type CatalogueUnitsPage = Static<typeof CatalogueUnitsPage>;

export const CatalogueQualificationsPage = Type.Object(
  {
    items: Type.Array(CatalogueQualificationSummary),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { $id: 'CatalogueQualificationsPage' },
);
export type CatalogueQualificationsPage = Static<typeof CatalogueQualificationsPage>;

export const CatalogueQualificationDetail = Type.Composite(
  [
    CatalogueQualificationSummary,
    Type.Object({
      /** The definition in force (the current version), exactly as imported. */
      rules: QualificationDefinitionSchema,
      /** Every URN the rules mention (listed or equivalent), with its catalogue entry when there is one. */
      units: Type.Array(CatalogueUnitView),
      versions: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Timestamp })),
    }),
  ],
  { $id: 'CatalogueQualificationDetail' },
);
export type CatalogueQualificationDetail = Static<typeof CatalogueQualificationDetail>;

export const CatalogueUnitDetail = Type.Composite(
  [
    CatalogueUnitView,
    Type.Object({
      /** Qualifications whose current rules list the unit (or accept it as an equivalent). */
      qualifications: Type.Array(
        Type.Object({
          id: Type.String(),
          qan: Type.String(),
          title: Type.String(),
          viaEquivalent: Type.Boolean(),
        }),
      ),
    }),
  ],
  { $id: 'CatalogueUnitDetail' },
);
export type CatalogueUnitDetail = Static<typeof CatalogueUnitDetail>;
