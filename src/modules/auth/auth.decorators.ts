import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiExtension,
  ApiForbiddenResponse,
  ApiHeader,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Environment } from 'src/config/environment';
import { Role } from 'src/modules/auth/role';

export const ROLES_KEY = 'auth:roles';
export const PUBLIC_KEY = 'auth:public';
export const PUBLIC_WHEN_KEY = 'auth:public-when';
export const API_KEY_SECURITY = 'api-key';

/**
 * The one way to open a route to callers: the roles allowed (admin is always allowed), the OpenAPI
 * security requirement and the 401/403/429 responses, so enforcement and docs cannot drift.
 */
export function Auth(...roles: Role[]): MethodDecorator & ClassDecorator {
  const allowed = [...new Set([Role.Admin, ...roles])];
  return applyDecorators(
    SetMetadata(ROLES_KEY, allowed),
    ApiSecurity(API_KEY_SECURITY),
    ApiExtension('x-roles', allowed),
    ApiUnauthorizedResponse({ description: 'Missing, malformed, unknown, revoked or expired API key' }),
    ApiForbiddenResponse({ description: `Allowed roles: ${allowed.join(', ')}` }),
    ApiTooManyRequestsResponse({ description: 'Per-key rate limit exceeded; see Retry-After' }),
  );
}

/** No key needed (health probes only). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, true), SkipThrottle(), ApiExtension('x-public', true));
}

/** Public only when the configuration says so (e.g. METRICS_PUBLIC for in-cluster scraping). */
export function PublicWhen(condition: (env: Environment) => boolean): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_WHEN_KEY, condition);
}

export const ApiKeyHeader = (): MethodDecorator & ClassDecorator =>
  ApiHeader({ name: 'X-API-Key', required: false, description: 'API key; `Authorization: Bearer <key>` also works' });
