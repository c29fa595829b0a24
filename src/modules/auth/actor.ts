import type { FastifyRequest } from 'fastify';
import 'src/modules/auth/presented-key';

/** How an action's author is recorded: the acting key's id, never its secret. */
export function actorOf(request: FastifyRequest): string {
  return request.apiKey ? `key:${request.apiKey.id}` : 'anonymous';
}
