import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, OrganisationSummary } from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { organisationByCode } from '../../../../record/permissions';

/** Learners find the centre or employer to share their record with by its code. */
const organisations: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/by-code/:code',
    {
      config: { access: { kind: 'roles', roles: ['learner'] } },
      schema: {
        tags: ['my record'],
        summary: 'A centre or third party by its code (UKPRN or NCN), to share a record with',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) }),
        response: { 200: OrganisationSummary, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    (request) => organisationByCode(app.db, request.params.code),
  );
};

export default organisations;
