import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseArgs } from 'node:util';
import { Clock } from 'src/common/time/clock';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';
import { openCliDatabase, runCli } from 'src/database/cli-data-source';
import { ApiKeyVerifier } from 'src/modules/auth/api-key-verifier';
import { ApiKey } from 'src/modules/auth/api-key.entity';
import { ApiKeyRepository } from 'src/modules/auth/api-key.repository';
import { ApiKeysService } from 'src/modules/auth/api-keys.service';
import { ApiKeyResponseDto } from 'src/modules/auth/dto/api-key-response.dto';
import { CreateApiKeyDto } from 'src/modules/auth/dto/create-api-key.dto';

const USAGE = `Usage:
  npm run keys -- create --name NAME --role admin|analyst|integration|auditor [--expires-in 30d] [--rate-limit 100]
  npm run keys -- list
  npm run keys -- rotate ID
  npm run keys -- revoke ID`;

function days(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)d$/.exec(value);
  if (!match) throw new Error(`--expires-in must look like 30d (whole days)\n${USAGE}`);
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
  if (errors.length > 0) throw new Error(`${errors.map((e) => `${e.field}: ${e.message}`).join('\n')}\n${USAGE}`);
  return input;
}

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, 'expires-in': { type: 'string' }, 'rate-limit': { type: 'string' } },
  });
  const [command, id] = positionals;
  if (!['create', 'list', 'rotate', 'revoke'].includes(command) || (['rotate', 'revoke'].includes(command) && !id)) {
    throw new Error(USAGE);
  }
  const db = await openCliDatabase({ runMigrations: true });
  try {
    const clock = new Clock();
    const keys = new ApiKeyRepository(db.dataSource.getRepository(ApiKey));
    const service = new ApiKeysService(keys, new ApiKeyVerifier(keys, clock, db.env), clock, db.env);
    const out = (text: string): boolean => process.stdout.write(`${text}\n`);
    if (command === 'create') {
      const issued = await service.create(createInput(values), 'cli');
      out(`Created ${describeKey(issued)}\nKey (shown only now, store it safely):\n${issued.api_key}`);
    } else if (command === 'list') {
      const all = await service.list();
      out(all.length ? all.map(describeKey).join('\n') : 'No API keys yet.');
    } else if (command === 'rotate') {
      const rotated = await service.rotate(id, 'cli');
      out(`Rotated into ${describeKey(rotated)}\nThe old key works until ${rotated.previous_key_expires_at}.\nNew key (shown only now):\n${rotated.api_key}`);
    } else {
      out(`Revoked ${describeKey(await service.revoke(id))}`);
    }
  } finally {
    await db.close();
  }
});
