import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { IssuedApiKeyResponseDto } from 'src/modules/auth/dto/api-key-response.dto';
import { Role } from 'src/modules/auth/role';

/** Issues a key through the real service, as an admin would. */
export function issueKey(
  app: NestFastifyApplication,
  role: Role,
  options: { expiresInDays?: number; rateLimitPerMinute?: number; name?: string } = {},
): Promise<IssuedApiKeyResponseDto> {
  return app.get(ApiKeysService).create(
    {
      name: options.name ?? `${role}-test`,
      role,
      expires_in_days: options.expiresInDays,
      rate_limit_per_minute: options.rateLimitPerMinute ?? 100_000,
    },
    'test',
  );
}

export const withKey = (key: string): Record<string, string> => ({ 'x-api-key': key });
