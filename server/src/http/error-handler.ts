import type { FastifyError, FastifyInstance } from 'fastify';
import { sendError } from './api-error.ts';

/**
 * Every error leaves in the API's one shape. Client mistakes (a body that is not JSON, too large,
 * a wrong content type) keep their 4xx status and message; anything else is logged and reported
 * as a plain 500 without internals.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendError(reply, status, 'invalid', error.message);
    request.log.error({ err: error }, `${request.method} ${request.url} failed`);
    return sendError(reply, 500, 'internal', 'The server failed to handle this request; it has been logged.');
  });
}
