import { FastifyRequest } from 'fastify';
import { ApiKey } from 'src/modules/auth/api-key.entity';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified key of the caller; null when none or an invalid one was presented. */
    apiKey?: ApiKey | null;
  }
}

/** The key from `X-API-Key`, or from `Authorization: Bearer <key>` for tools that only send that. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  return undefined;
}
