import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ServiceSecrets } from 'src/common/phi/service-secrets';
import { Clock } from 'src/common/time/clock';
import { Environment } from 'src/config/environment';
import { AccessLogEntry } from 'src/modules/audit/access-log.entity';
import { AccessLogRepository } from 'src/modules/audit/access-log.repository';
import { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity';
import { AuditCheckpointRepository } from 'src/modules/audit/audit-checkpoint.repository';
import { AuditCheckpointer } from 'src/modules/audit/audit-checkpointer';
import { AuditRetention } from 'src/modules/audit/audit-retention';
import { AuditVerifier } from 'src/modules/audit/audit-verifier';

export const AUDIT_USAGE = `Usage:
  npm run audit -- verify [--from ISO-DATE] [--to ISO-DATE]
  npm run audit -- purge`;

export interface AuditCommandResult {
  output: string;
  ok: boolean;
}

const isoDate = (value: string | undefined, flag: string): Date | undefined => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`${flag} must be an ISO 8601 date\n${AUDIT_USAGE}`);
  return date;
};

/** The operator's audit commands, on any DataSource: verify the chain, or purge past retention. */
export async function runAuditCommand(
  argv: string[],
  dataSource: DataSource,
  env: Environment,
  clock = new Clock(),
): Promise<AuditCommandResult> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' } },
  });
  const secrets = new ServiceSecrets(env);
  const log = new AccessLogRepository(dataSource.getRepository(AccessLogEntry), env);
  const checkpoints = new AuditCheckpointRepository(dataSource.getRepository(AuditCheckpoint));
  if (positionals[0] === 'verify') {
    const result = await new AuditVerifier(log, checkpoints, secrets).verify({
      from: isoDate(values.from, '--from'),
      to: isoDate(values.to, '--to'),
    });
    return { output: JSON.stringify(result, null, 2), ok: result.ok };
  }
  if (positionals[0] === 'purge') {
    const checkpointer = new AuditCheckpointer(log, checkpoints, secrets, env);
    const result = await new AuditRetention(log, checkpointer, clock, env).purge();
    return { output: JSON.stringify(result, null, 2), ok: true };
  }
  throw new Error(AUDIT_USAGE);
}
