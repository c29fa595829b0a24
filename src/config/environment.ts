import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
  ValidationError,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the service reads. Defaults live here and nowhere else;
 * `.env.example` documents the same list.
 */
export class Environment {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'production';

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Comma-separated list of allowed browser origins; empty means no cross-origin access. */
  @IsString()
  CORS_ORIGINS = '';

  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** Body limit of the batch prediction route only (10,000 members). */
  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(256 * 1024 * 1024)
  BATCH_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /**
   * Which proxies may set X-Forwarded-For (client address for rate limits and the audit log):
   * `false` (none), a hop count such as `1`, or comma-separated addresses/CIDRs. Never `true` on a
   * port clients reach directly: they could then claim any address.
   */
  @Matches(/^(false|true|\d{1,2}|[0-9a-fA-F.:/]+(,\s*[0-9a-fA-F.:/]+)*)$/, {
    message: 'TRUST_PROXY must be false, true, a hop count, or comma-separated addresses/CIDRs',
  })
  TRUST_PROXY = 'false';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Transform(toInteger)
  @IsInt()
  @Min(100)
  DB_CONNECTION_TIMEOUT_MS = 5_000;

  @Transform(toInteger)
  @IsInt()
  @Min(1_000)
  DB_IDLE_TIMEOUT_MS = 30_000;

  @Transform(toInteger)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  @Transform(toBoolean)
  @IsBoolean()
  MIGRATIONS_RUN = true;

  @Transform(toInteger)
  @IsInt()
  @Min(50)
  @Max(30_000)
  HEALTH_DB_TIMEOUT_MS = 1_500;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3650)
  API_KEY_DEFAULT_TTL_DAYS = 90;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3650)
  API_KEY_MAX_TTL_DAYS = 365;

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  API_KEY_ROTATION_GRACE_HOURS = 24;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  API_KEY_RATE_LIMIT_PER_MINUTE = 100;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  UNAUTHENTICATED_RATE_LIMIT_PER_MINUTE = 30;

  /** How long a verified key is trusted without re-reading it: the bound on revocation across replicas. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(5_000)
  AUTH_CACHE_TTL_MS = 2_000;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Transform(toBoolean)
  @IsBoolean()
  METRICS_PUBLIC = false;

  /** HMAC key that turns member ids into member_hash. Required with DATABASE_URL; generated in DATA_DIR otherwise. */
  @ValidateIf((env: Environment) => env.DATABASE_URL !== undefined || env.PHI_HASH_KEY !== undefined)
  @IsString({ message: 'PHI_HASH_KEY is required when DATABASE_URL is set' })
  @MinLength(32, { message: 'PHI_HASH_KEY must be at least 32 characters' })
  PHI_HASH_KEY?: string;

  /** HMAC key for audit-log checkpoints. Required with DATABASE_URL; generated in DATA_DIR otherwise. */
  @ValidateIf((env: Environment) => env.DATABASE_URL !== undefined || env.AUDIT_CHECKPOINT_KEY !== undefined)
  @IsString({ message: 'AUDIT_CHECKPOINT_KEY is required when DATABASE_URL is set' })
  @MinLength(32, { message: 'AUDIT_CHECKPOINT_KEY must be at least 32 characters' })
  AUDIT_CHECKPOINT_KEY?: string;

  /** Earlier AUDIT_CHECKPOINT_KEYs, comma-separated: after a rotation, checkpoints they signed still verify. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((key) => key.trim()).filter(Boolean) : value))
  @IsString({ each: true })
  @MinLength(32, { each: true, message: 'each AUDIT_CHECKPOINT_PREVIOUS_KEYS entry must be at least 32 characters' })
  AUDIT_CHECKPOINT_PREVIOUS_KEYS: string[] = [];

  /** Access-log retention. HIPAA documentation must be kept six years, so less is refused. */
  @Transform(toInteger)
  @IsInt()
  @Min(2192, { message: 'AUDIT_RETENTION_DAYS must be at least 2192 (six years)' })
  @Max(36500)
  AUDIT_RETENTION_DAYS = 2557;

  @Transform(toInteger)
  @IsInt()
  @Min(1_000)
  AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;

  /** Access rows of requests without member data are buffered at most this long before they are written. */
  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(10_000)
  AUDIT_FLUSH_INTERVAL_MS = 250;

  /** How long a batch's Idempotency-Key and its response are kept; after that the key counts as new (Stripe keeps 24 h). */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(720)
  IDEMPOTENCY_TTL_HOURS = 24;

  /** Folder with one sub-folder per measure (`<CODE>/manifest.json` + ONNX file); see docs/models.md. */
  @IsString()
  @MinLength(1)
  MODELS_DIR = './models';

  /** Which Star year's measure catalogue and rating method to use; each year is a data file. */
  @Transform(toInteger)
  @IsInt()
  @Min(2026)
  @Max(2100)
  STAR_YEAR = 2026;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvironmentError';
  }
}

/** Only messages are reported: class-validator's built-in messages never include the rejected value. */
function describe(error: ValidationError): string {
  const rules = Object.keys(error.constraints ?? {}).join(', ');
  const messages = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property} (${rules}): ${messages}`;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  // An empty variable means "not set", so `FOO=` in a .env file falls back to the default.
  const relevant = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const environment = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new EnvironmentError(errors.map(describe));
  }
  return environment;
}
