import type { ApiError } from '@chaos-quest/engine';
import type { FastifyReply } from 'fastify';

/** Sends the API's one error shape, `{ error: { code, message } }`, with `status`. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  const body: ApiError = { error: { code, message } };
  return reply.code(status).send(body);
}
