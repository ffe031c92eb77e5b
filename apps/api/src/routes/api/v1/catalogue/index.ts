import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CatalogueImportBody,
  CatalogueImportSummary,
  CatalogueQualificationDetail,
  CatalogueQualificationsPage,
  CatalogueQuery,
  CatalogueUnitDetail,
  CatalogueUnitsPage,
  ErrorBody,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { listQualifications, listUnits, qualificationDetail, unitDetail } from '../../../../catalogue/browse';
import { importCatalogue } from '../../../../catalogue/import-catalogue';
import { type AccessRule, signedIn } from '../../../../lib/access';

const publishers: AccessRule = { kind: 'roles', roles: ['administrator', 'awarding_organisation'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['catalogue'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Journey 9 (catalogue): awarding organisations and the service desk publish; everyone signed in browses. */
const catalogue: FastifyPluginAsyncTypebox = async (app) => {
  const browse = { access: signedIn };

  app.post(
    '/imports',
    {
      config: { access: publishers },
      // A catalogue of thousands of qualifications is several megabytes of JSON.
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a catalogue file (units and qualifications), all or nothing',
        description:
          'Every problem is listed at once (400 CATALOGUE_INVALID, `details.errors`, each starting with its ' +
          'path) and then nothing is imported. A changed qualification gets a new version; the same content ' +
          'again answers 200 with `alreadyImported`. An administrator names the awarding organisation by code.',
        body: CatalogueImportBody,
        response: { 200: CatalogueImportSummary, 201: CatalogueImportSummary, 413: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      const summary = await importCatalogue(
        app.db,
        {
          userId: principal?.sub ?? '',
          role: principal?.role === 'administrator' ? 'administrator' : 'awarding_organisation',
          organisationId: principal?.org,
        },
        request.body,
      );
      return reply.status(summary.alreadyImported ? 200 : 201).send(summary);
    },
  );

  app.get(
    '/qualifications',
    {
      config: browse,
      schema: {
        tags,
        summary: 'Search qualifications by title words, QAN or level',
        querystring: CatalogueQuery,
        response: { 200: CatalogueQualificationsPage, ...errors },
      },
    },
    (request) => listQualifications(app.db, request.query),
  );

  app.get(
    '/qualifications/:id',
    {
      config: browse,
      schema: {
        tags,
        summary: 'A qualification: its rules in force, their units, its versions',
        params: Id,
        response: { 200: CatalogueQualificationDetail, ...errors },
      },
    },
    (request) => qualificationDetail(app.db, request.params.id),
  );

  app.get(
    '/units',
    {
      config: browse,
      schema: {
        tags,
        summary: 'Search units by title words, URN or level',
        querystring: CatalogueQuery,
        response: { 200: CatalogueUnitsPage, ...errors },
      },
    },
    (request) => listUnits(app.db, request.query),
  );

  app.get(
    '/units/:id',
    {
      config: browse,
      schema: {
        tags,
        summary: 'A unit and the qualifications that use it',
        params: Id,
        response: { 200: CatalogueUnitDetail, ...errors },
      },
    },
    (request) => unitDetail(app.db, request.params.id),
  );
};

export default catalogue;
