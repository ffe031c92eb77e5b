import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClaimReasonBody, ClaimsPage, ClaimsQuery, ClaimView, ErrorBody } from '@lar/shared/api';
import { Type } from '@sinclair/typebox';
import { allClaims, type ClaimsViewer, getClaim, listClaims, moveClaim } from '../../../../claims/service';
import { csvLine } from '../../../../csv/write';
import type { AccessRule } from '../../../../lib/access';

const claimants: AccessRule = { kind: 'roles', roles: ['centre', 'awarding_organisation'] };
const centres: AccessRule = { kind: 'roles', roles: ['centre'] };
const awarding: AccessRule = { kind: 'roles', roles: ['awarding_organisation'] };
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['claims'];
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

const EXPORT_HEADER = [
  'Status',
  'ULN',
  'Learner',
  'QAN',
  'Qualification',
  'RulesVersion',
  'Centre',
  'CountedCredits',
  'UnitsUsed',
  'Evaluated',
  'Submitted',
  'Decided',
  'Reason',
];

function exportLine(c: ClaimView): string {
  const units = c.unitsUsed.map((g) => `${g.group}: ${g.units.map((u) => u.urn).join(' ')}`).join('; ');
  return csvLine([
    c.status,
    c.learner.uln,
    c.learner.name,
    c.qualification.qan,
    c.qualification.title,
    c.qualification.version,
    c.centre.name,
    c.countedCredits,
    units,
    c.evaluatedAt,
    c.submittedAt,
    c.decidedAt,
    c.reason,
  ]);
}

/** Journey 4: the Possible Claims List for centres, and the decisions of awarding organisations. */
const claims: FastifyPluginAsyncTypebox = async (app) => {
  const viewer = (request: { principal?: { sub: string; org?: string; role: string } }): ClaimsViewer => ({
    role: request.principal?.role === 'centre' ? 'centre' : 'awarding_organisation',
    organisationId: request.principal?.org ?? '',
    userId: request.principal?.sub ?? '',
  });
  const mail = { publicUrl: app.config.publicUrl };

  app.get(
    '/',
    {
      config: { access: claimants },
      schema: {
        tags,
        summary: "Claims: a centre's Possible Claims List, or those submitted to an awarding organisation",
        querystring: ClaimsQuery,
        response: { 200: ClaimsPage, ...errors },
      },
    },
    (request) => listClaims(app.db, viewer(request), request.query),
  );

  app.get(
    '/export.csv',
    {
      config: { access: claimants },
      schema: {
        tags,
        summary: 'The same list as CSV (every page; formula-safe)',
        querystring: ClaimsQuery,
        produces: ['text/csv'],
      },
    },
    (request, reply) => {
      const lines = async function* () {
        yield csvLine(EXPORT_HEADER);
        for await (const page of allClaims(app.db, viewer(request), request.query))
          yield page.map(exportLine).join('');
      };
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="lar-claims.csv"')
        .send(Readable.from(lines()));
    },
  );

  app.get(
    '/:id',
    {
      config: { access: claimants },
      schema: {
        tags,
        summary: 'A claim, with the units that achieve it',
        params: Id,
        response: { 200: ClaimView, ...errors },
      },
    },
    (request) => getClaim(app.db, viewer(request), request.params.id),
  );

  const move = (
    transition: 'submit' | 'withdraw' | 'award' | 'reject',
    access: AccessRule,
    summary: string,
  ) =>
    app.post(
      `/:id/${transition}`,
      {
        config: { access },
        schema: {
          tags,
          summary,
          params: Id,
          ...(transition === 'reject' ? { body: ClaimReasonBody } : {}),
          response: { 200: ClaimView, ...errors },
        },
      },
      (request) =>
        moveClaim(
          app.db,
          viewer(request),
          {
            id: request.params.id,
            transition,
            reason: (request.body as { reason?: string } | undefined)?.reason,
          },
          mail,
        ),
    );
  move('submit', centres, 'Submit a possible claim to the awarding organisation');
  move('withdraw', centres, 'Withdraw a claim');
  move('award', awarding, "Award the qualification: it goes on the learner's record with the units used");
  move('reject', awarding, 'Reject a submitted claim with a reason the centre reads');
};

export default claims;
