import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Clock } from 'src/common/time/clock';
import { AccessRuleReader } from 'src/modules/auth/access-rule';
import { EXPIRY_WARNING_MS } from 'src/modules/auth/api-key-status';
import { UnauthenticatedError } from 'src/modules/auth/auth.errors';
import 'src/modules/auth/presented-key';

export const KEY_EXPIRES_HEADER = 'API-Key-Expires';

/** Second guard: every non-public route needs a valid key (verified by the rate-limit guard). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly accessRules: AccessRuleReader,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.accessRules.read(context).isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.apiKey;
    if (!key) throw new UnauthenticatedError();
    if (key.expiresAt && key.expiresAt.getTime() - this.clock.now().getTime() <= EXPIRY_WARNING_MS) {
      context.switchToHttp().getResponse<FastifyReply>().header(KEY_EXPIRES_HEADER, key.expiresAt.toISOString());
    }
    return true;
  }
}
