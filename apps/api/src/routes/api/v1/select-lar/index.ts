import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, SelectLarBody, SelectLarResponse } from '@lar/shared/api';
import { sendJsonText } from '../../../../lib/json-text';
import { sectionSerializer } from '../../../../record/sections';
import { SelectLar } from '../../../../record/select-lar';

/** Journey 7: a centre or third party views the sections of a record its learner permitted. */
const selectLarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const selectLar = new SelectLar(app.db, app.recordCache, app.selectLarCache, {
    publicUrl: app.config.publicUrl,
  });
  app.post(
    '/',
    {
      // Writes the access log and emails, never sessions, accounts or records.
      config: { access: { kind: 'roles', roles: ['centre', 'third_party'] }, leavesSessionsAlone: true },
      schema: {
        tags: ['select lar'],
        summary: "Select LAR: a learner's permitted sections, after re-entering your password",
        description:
          'Only the sections the learner permitted your organisation, unexpired and unrevoked, are present; ' +
          'the others are absent. No permission and an unknown ULN give the same 404. A wrong password ' +
          'counts toward your account’s lock. Every view is logged and may be emailed to the learner.',
        body: SelectLarBody,
        response: {
          200: SelectLarResponse,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) =>
      sendJsonText(
        reply,
        await selectLar.view(
          { userId: request.principal?.sub ?? '', organisationId: request.principal?.org ?? '' },
          request.body,
          sectionSerializer(reply),
        ),
      ),
  );
};

export default selectLarRoutes;
