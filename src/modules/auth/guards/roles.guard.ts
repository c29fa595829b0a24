import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessRuleReader } from 'src/modules/auth/access-rule';
import { ForbiddenError, UnauthenticatedError } from 'src/modules/auth/auth.errors';
import 'src/modules/auth/presented-key';

/** Third guard: the key's role must be one the route names. A route that names none is closed. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly accessRules: AccessRuleReader) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.accessRules.read(context);
    if (rule.isPublic) return true;
    const key = context.switchToHttp().getRequest<FastifyRequest>().apiKey;
    if (!key) throw new UnauthenticatedError();
    if (!rule.roles.includes(key.role)) throw new ForbiddenError();
    return true;
  }
}
