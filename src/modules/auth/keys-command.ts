import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/time/clock';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { Environment } from 'src/config/environment';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditLogWriter } from 'src/modules/audit/audit-log-writer';
import { AuditTrail } from 'src/modules/audit/audit-trail';
import { ApiKeyVerifier } from 'src/modules/auth/api-key-verifier';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { ApiKeyResponseDto } from 'src/modules/auth/dto/api-key-response.dto';
import { CreateApiKeyDto } from 'src/modules/auth/dto/create-api-key.dto';

export const KEYS_USAGE = `Usage:
  npm run keys -- create --name NAME --role admin|analyst|integration|auditor [--expires-in 30d] [--rate-limit 100]
  npm run keys -- list
  npm run keys -- rotate ID
  npm run keys -- revoke ID`;

export class UsageError extends Error {}

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)d$/.exec(value);
  if (!match) throw new UsageError('--expires-in must look like 30d (whole days)');
  return Number(match[1]);
}

function describeKey(key: ApiKeyResponseDto): string {
  return [key.id, key.key_prefix, key.role.padEnd(11), key.status.padEnd(8), `expires ${key.expires_at ?? 'never'}`, key.name].join('  ');
}

function createInput(values: Record<string, string | undefined>): CreateApiKeyDto {
  const input = plainToInstance(CreateApiKeyDto, {
    name: values.name,
    role: values.role,
    expires_in_days: days(values['expires-in']),
    rate_limit_per_minute: values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']),
  });
  const errors = validationErrorsToFields(validateSync(input));
  if (errors.length > 0) throw new UsageError(errors.map((e) => `${e.field}: ${e.message}`).join('\n'));
  return input;
}

/** The operator CLI's commands, against any DataSource (the CLI's own, or a test's). Returns the text to print. */
export async function runKeysCommand(argv: string[], dataSource: DataSource, env: Environment): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, 'expires-in': { type: 'string' }, 'rate-limit': { type: 'string' } },
  });
  const [command, id] = positionals;
  const clock = new Clock();
  const keys = new ApiKeyRepository(dataSource.getRepository(ApiKey));
  const audit = new AuditTrail(new AuditLogWriter(new AccessLogRepository(dataSource.getRepository(AccessLogEntry), env), env), clock);
  const service = new ApiKeysService(keys, new ApiKeyVerifier(keys, clock, env), clock, env, audit);
  switch (command) {
    case 'create': {
      const issued = await service.create(createInput(values), 'cli');
      return `Created ${describeKey(issued)}\nKey (shown only now, store it safely):\n${issued.api_key}`;
    }
    case 'list': {
      const all = await service.list();
      return all.length ? all.map(describeKey).join('\n') : 'No API keys yet.';
    }
    case 'rotate': {
      if (!id) throw new UsageError('rotate needs the key id');
      const rotated = await service.rotate(id, 'cli');
      return `Rotated into ${describeKey(rotated)}\nThe old key works until ${rotated.previous_key_expires_at}.\nNew key (shown only now):\n${rotated.api_key}`;
    }
    case 'revoke':
      if (!id) throw new UsageError('revoke needs the key id');
      return `Revoked ${describeKey(await service.revoke(id, 'cli'))}`;
    default:
      throw new UsageError(`Unknown command "${command ?? ''}"`);
  }
}
