import type { FieldError } from '@lar/shared/api';
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, statusForCode } from '../../lib/errors';

/** Field path of a validation error, e.g. `body.email` or `querystring.page`. */
function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const pointer = [error.validationContext, ...v.instancePath.split('/').filter(Boolean), missing]
      .filter(Boolean)
      .join('.');
    return { field: pointer, message: missing ? 'is required' : (v.message ?? 'is invalid') };
  });
}

/**
 * The one error contract: `{ error: { code, message, details? } }`. Services throw AppError; schema
 * validation failures name each field; 5xx messages are never echoed to the client.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      if (error instanceof AppError) {
        const status = (error as AppError & { statusCode?: number }).statusCode ?? statusForCode(error.code);
        if (status >= 500) request.log.error({ err: error }, error.message);
        return reply
          .status(status)
          .send({ error: { code: error.code, message: error.message, details: error.details } });
      }
      if (error.validation) {
        const details = fieldErrors(error);
        const message = `Check these fields: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`;
        return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message, details } });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply.status(status).send({
          error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side. Please try again.' },
        });
      }
      const code = error.code?.startsWith('FST_') ? httpCode(status) : (error.code ?? httpCode(status));
      return reply.status(status).send({ error: { code, message: error.message } });
    });
  },
  { name: 'lar-error-handler' },
);

function httpCode(status: number): string {
  const byStatus: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    406: 'NOT_ACCEPTABLE',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  };
  return byStatus[status] ?? 'BAD_REQUEST';
}
