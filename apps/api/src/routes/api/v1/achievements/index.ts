import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AchievementsBatch,
  AchievementsReport,
  ErrorBody,
  RecordedAchievement,
  RecordedAchievementsPage,
  RecordedAchievementsQuery,
  WithdrawAchievementBody,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { recordedAchievements, withdrawAchievement } from '../../../../achievements/manage';
import { readAchievementsCsv } from '../../../../achievements/read-csv';
import { recordAchievements } from '../../../../achievements/record';
import { CsvFileError, refusedFile } from '../../../../csv/errors';
import type { AccessRule } from '../../../../lib/access';
import { receiveFile } from '../../../../lib/upload';

const awardingOrganisations: AccessRule = { kind: 'roles', roles: ['awarding_organisation'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['achievements'];

/** Journey 3: awarding organisations record unit achievements (their systems with an API token), and withdraw them. */
const achievements: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: awardingOrganisations };
  const who = (request: { principal?: { sub: string; org?: string } }) => ({
    awardingOrganisationId: request.principal?.org ?? '',
    actor: `user:${request.principal?.sub ?? ''}`,
  });

  app.post(
    '/',
    {
      config: { access: { ...awardingOrganisations, apiToken: true } },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Record a batch of unit achievements (JSON; an API token or a session)',
        description:
          'Each item is reported as recorded or rejected with the reason. Only units your organisation ' +
          'awards are accepted; a learner and unit already recorded is rejected. Recorded achievements ' +
          'start claims detection.',
        body: AchievementsBatch,
        response: { 200: AchievementsReport, ...errors },
      },
    },
    async (request) => {
      const report = await recordAchievements(app.db, {
        ...who(request),
        rows: request.body.achievements.map((input, i) => ({ row: i + 1, input })),
      });
      // Claims detection was queued with the achievements: run it now rather than at the next poll.
      if (report.recorded > 0) app.workers.wakeJobs();
      return report;
    },
  );

  app.post(
    '/upload',
    {
      config,
      schema: {
        tags,
        summary: 'Upload an Achievements CSV (multipart, field "file"): ULN,URN,AchievedOn,Basis',
        consumes: ['multipart/form-data'],
        response: { 200: AchievementsReport, 413: ErrorBody, 415: ErrorBody, ...errors },
      },
    },
    async (request) => {
      const file = await receiveFile(request, app.config.upload.maxBytes);
      let rows: Awaited<ReturnType<typeof readAchievementsCsv>>;
      try {
        rows = await readAchievementsCsv(file.bytes);
      } catch (error) {
        throw error instanceof CsvFileError ? refusedFile(error) : error;
      }
      const report = await recordAchievements(app.db, { ...who(request), rows });
      if (report.recorded > 0) app.workers.wakeJobs();
      return report;
    },
  );

  app.get(
    '/',
    {
      config,
      schema: {
        tags,
        summary: 'Achievements your organisation recorded, newest first',
        querystring: RecordedAchievementsQuery,
        response: { 200: RecordedAchievementsPage, ...errors },
      },
    },
    (request) => recordedAchievements(app.db, who(request).awardingOrganisationId, request.query),
  );

  app.post(
    '/:id/withdraw',
    {
      config,
      schema: {
        tags,
        summary: 'Withdraw an achievement, with a reason kept in its history',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: WithdrawAchievementBody,
        response: { 200: RecordedAchievement, ...errors },
      },
    },
    async (request) => {
      const withdrawn = await withdrawAchievement(app.db, {
        id: request.params.id,
        ...who(request),
        reason: request.body.reason,
      });
      app.workers.wakeJobs();
      return withdrawn;
    },
  );
};

export default achievements;
