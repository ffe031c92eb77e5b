import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CentreLearnersPage,
  CentreLearnersQuery,
  ErrorBody,
  ImportReportPage,
  ImportReportQuery,
  LearnerImport,
  LearnerImportsPage,
  LearnerImportUpload,
  Paging,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { repoRoot } from '../../../../config';
import { centreLearners } from '../../../../learners/centre-learners';
import { acceptLearnersFile } from '../../../../learners/imports/create-import';
import {
  centreImport,
  centreImports,
  importReport,
  importReportCsv,
} from '../../../../learners/imports/views';
import type { AccessRule } from '../../../../lib/access';
import { sealer } from '../../../../lib/secrets';
import { receiveFile } from '../../../../lib/upload';

const centres: AccessRule = { kind: 'roles', roles: ['centre'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['learners'];
const ImportId = Type.Object({ importId: Type.String({ format: 'uuid' }) });

const sampleCsv = readFileSync(path.join(repoRoot, 'apps/api/src/learners/csv/sample-learners.csv'));

/** Spreadsheet-friendly download names: the upload's name without characters a header cannot carry. */
const reportFileName = (fileName: string) =>
  `${
    fileName
      .replace(/\.csv$/i, '')
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 100) || 'learners'
  }-report.csv`;

/** Journey 2: a centre adds learners by CSV, follows the processing, reads the report; its learners. */
const learners: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: centres };
  const centreOf = (request: { principal?: { org?: string } }) => request.principal?.org ?? '';
  const { open } = sealer(app.config.jwtSecret);

  app.get(
    '/',
    {
      config,
      schema: {
        tags,
        summary: "The centre's learners: search by ULN or name, sort, page",
        querystring: CentreLearnersQuery,
        response: { 200: CentreLearnersPage, ...errors },
      },
    },
    (request) => centreLearners(app.db, centreOf(request), request.query),
  );

  app.get(
    '/imports/sample.csv',
    {
      config: {
        access: {
          kind: 'public',
          why: 'the sample file is the same for everyone and holds made-up learners',
        },
      },
      schema: { tags, summary: 'The sample Learners CSV', produces: ['text/csv'] },
    },
    (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="lar-learners-sample.csv"')
        .send(sampleCsv),
  );

  app.post(
    '/imports',
    {
      config,
      schema: {
        tags,
        summary: 'Upload a Learners CSV (multipart/form-data, field "file")',
        description:
          'The file is checked as a whole at once (header, encoding, size and row limits: 400 or 413, nothing ' +
          'recorded), then processed in the background: follow `GET /learners/imports/{importId}`. The same ' +
          'file again answers 200 with `alreadyProcessed` and changes nothing.',
        consumes: ['multipart/form-data'],
        response: {
          200: LearnerImportUpload,
          202: LearnerImportUpload,
          413: ErrorBody,
          415: ErrorBody,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, app.config.upload.maxBytes);
      const accepted = await acceptLearnersFile(app.db, {
        file,
        centreId: centreOf(request),
        uploaderId: request.principal?.sub ?? '',
        maxRows: app.config.upload.maxRows,
      });
      if (!accepted.alreadyProcessed) app.workers.wakeJobs();
      const view = await centreImport(app.db, centreOf(request), accepted.importId);
      return reply
        .status(accepted.alreadyProcessed ? 200 : 202)
        .send({ import: view, alreadyProcessed: accepted.alreadyProcessed });
    },
  );

  app.get(
    '/imports',
    {
      config,
      schema: {
        tags,
        summary: "The centre's learners uploads, newest first",
        querystring: Paging,
        response: { 200: LearnerImportsPage, ...errors },
      },
    },
    (request) => centreImports(app.db, centreOf(request), request.query),
  );

  app.get(
    '/imports/:importId',
    {
      config,
      schema: {
        tags,
        summary: 'An upload: status, progress (rows done of total) and counts',
        params: ImportId,
        response: { 200: LearnerImport, ...errors },
      },
    },
    (request) => centreImport(app.db, centreOf(request), request.params.importId),
  );

  app.get(
    '/imports/:importId/report',
    {
      config,
      schema: {
        tags,
        summary: "An upload's report, row by row, optionally of one outcome",
        params: ImportId,
        querystring: ImportReportQuery,
        response: { 200: ImportReportPage, ...errors },
      },
    },
    (request) =>
      importReport(app.db, {
        centreId: centreOf(request),
        importId: request.params.importId,
        query: request.query,
        open,
      }),
  );

  app.get(
    '/imports/:importId/report.csv',
    {
      config,
      schema: {
        tags,
        summary: "An upload's report as CSV (formula-safe)",
        params: ImportId,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const found = await centreImport(app.db, centreOf(request), request.params.importId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${reportFileName(found.fileName)}"`)
        .send(Readable.from(importReportCsv(app.db, { importId: found.id, open })));
    },
  );
};

export default learners;
