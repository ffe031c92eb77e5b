import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AccessLogView,
  ChangePermissionBody,
  ErrorBody,
  GrantPermissionBody,
  MyRecord,
  NotificationSettings,
  Paging,
  PermissionView,
} from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import type { AccessRule } from '../../../../lib/access';
import { AppError } from '../../../../lib/errors';
import { jsonObject, sendJsonText } from '../../../../lib/json-text';
import {
  accessLog,
  changePermission,
  grantPermissions,
  listPermissions,
  revokePermission,
} from '../../../../record/permissions';
import { recordSectionsJson, sectionSerializer } from '../../../../record/sections';

const learners: AccessRule = { kind: 'roles', roles: ['learner'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['my record'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Journeys 5 and 6 for the learner: the record, the permissions they grant, and who viewed it. */
const record: FastifyPluginAsyncTypebox = async (app) => {
  const config = { access: learners };
  const me = (request: { principal?: { sub: string } }) => request.principal?.sub ?? '';
  const mail = { publicUrl: app.config.publicUrl };

  app.get(
    '/record',
    {
      config,
      schema: {
        tags,
        summary: 'My record: units, credit by level, qualifications, progress with routes, progression',
        response: { 200: MyRecord, ...errors },
      },
    },
    async (request, reply) => {
      if (!request.learnerHead) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      // Read with the session (plugins/app/auth), so a record served from the cache costs no other query.
      const { recordVersion, catalogueVersion, ...header } = request.learnerHead;
      const sections = await recordSectionsJson(
        app.db,
        app.recordCache,
        me(request),
        { recordVersion, catalogueVersion },
        ['units', 'qualifications', 'progress'],
        sectionSerializer(reply),
      );
      return sendJsonText(reply, jsonObject({ learner: JSON.stringify(header), ...sections }));
    },
  );

  app.put(
    '/notifications',
    {
      config,
      schema: {
        tags,
        summary: 'Whether to be emailed each time an organisation views my record',
        body: NotificationSettings,
        response: { 200: NotificationSettings, ...errors },
      },
    },
    async (request) => {
      const updated = await app.db.prisma.learner.update({
        where: { id: me(request) },
        data: { notifyOnView: request.body.notifyOnView },
      });
      return { notifyOnView: updated.notifyOnView };
    },
  );

  app.get(
    '/permissions',
    {
      config,
      schema: {
        tags,
        summary: 'My permissions, active first',
        response: { 200: Type.Array(PermissionView), ...errors },
      },
    },
    (request) => listPermissions(app.db, me(request)),
  );

  app.post(
    '/permissions',
    {
      config,
      schema: {
        tags,
        summary: 'Grant sections of my record to an organisation (found by its code) until a date',
        body: GrantPermissionBody,
        response: { 201: Type.Array(PermissionView), ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await grantPermissions(app.db, me(request), request.body, mail)),
  );

  app.patch(
    '/permissions/:id',
    {
      config,
      schema: {
        tags,
        summary: "Change a permission's last day",
        params: Id,
        body: ChangePermissionBody,
        response: { 200: PermissionView, ...errors },
      },
    },
    (request) => changePermission(app.db, me(request), request.params.id, request.body.expiresOn),
  );

  app.delete(
    '/permissions/:id',
    {
      config,
      schema: { tags, summary: 'Revoke a permission', params: Id, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await revokePermission(app.db, me(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/access-log',
    {
      config,
      schema: {
        tags,
        summary: 'Who viewed my record, when, and which sections (newest first)',
        querystring: Paging,
        response: {
          200: Type.Object({
            items: Type.Array(AccessLogView),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
          ...errors,
        },
      },
    },
    (request) => accessLog(app.db, me(request), request.query),
  );
};

export default record;
