import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Environment } from 'src/config/environment';
import { PUBLIC_KEY, PUBLIC_WHEN_KEY, ROLES_KEY } from 'src/modules/auth/auth.decorators';
import { Role } from 'src/modules/auth/role';

export interface AccessRule {
  isPublic: boolean;
  /** Empty when the route declares no rule at all: such a route is denied to everyone. */
  roles: Role[];
}

/** Reads a route's access metadata once, the same way for every guard. */
@Injectable()
export class AccessRuleReader {
  constructor(
    private readonly reflector: Reflector,
    private readonly env: Environment,
  ) {}

  read(context: ExecutionContext): AccessRule {
    const targets = [context.getHandler(), context.getClass()];
    const publicWhen = this.reflector.getAllAndOverride<((env: Environment) => boolean) | undefined>(PUBLIC_WHEN_KEY, targets);
    const isPublic =
      this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true ||
      (publicWhen !== undefined && publicWhen(this.env));
    return { isPublic, roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [] };
  }
}
