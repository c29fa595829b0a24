import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessRuleReader } from 'src/modules/auth/access-rule';
import { ApiKeyVerifier } from 'src/modules/auth/api-key-verifier';
import { RateLimitedError } from 'src/modules/auth/auth.errors';
import { presentedKey } from 'src/modules/auth/presented-key';

/**
 * First of the three global guards (rate limit → key → role). It verifies the presented key once
 * (the key guard reuses the result) so that limits apply per key — one budget across all routes —
 * and per client address for requests without a valid key, which also slows key guessing.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override headerPrefix = 'RateLimit';

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly accessRules: AccessRuleReader,
    private readonly verifier: ApiKeyVerifier,
  ) {
    super(options, storage, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.accessRules.read(context).isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.apiKey = await this.verifier.verify(presentedKey(request));
    return super.canActivate(context);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { apiKey, ip } = request as unknown as FastifyRequest;
    return apiKey ? `key:${apiKey.id}` : `ip:${ip}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `rate:${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('RateLimit-Limit', detail.limit);
    reply.header('RateLimit-Remaining', 0);
    reply.header('RateLimit-Reset', detail.timeToBlockExpire);
    throw new RateLimitedError(detail.timeToBlockExpire);
  }
}
