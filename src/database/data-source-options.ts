import { defaults, types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { Environment } from 'src/config/environment';
import { DatabaseTarget } from 'src/database/embedded-postgres';
import { ENTITIES } from 'src/database/entities';

const TIMESTAMP_WITHOUT_TIME_ZONE_OID = 1114;

// The plan's tables use TIMESTAMP (no zone); every session runs in UTC, so values are written and
// read as UTC whatever the host's zone. (Written in local time, a TIMESTAMP drops the offset, and on a
// host outside UTC the audit chain's hashes, taken over UTC times, stopped verifying.)
defaults.parseInputDatesAsUTC = true;
types.setTypeParser(TIMESTAMP_WITHOUT_TIME_ZONE_OID, (value) => new Date(`${value.replace(' ', 'T')}Z`));

/** The one DataSource definition, shared by the service, the CLIs and the tests. */
export function dataSourceOptions(env: Environment, target: DatabaseTarget): DataSourceOptions {
  // PGlite is a single session: a pool of one serialises transactions instead of interleaving them.
  const poolSize = target.embedded ? 1 : env.DB_POOL_SIZE;
  return {
    type: 'postgres',
    ...(target.url ? { url: target.url } : { host: target.host, port: target.port, username: 'postgres', database: 'postgres' }),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: env.MIGRATIONS_RUN,
    synchronize: false,
    logging: false,
    poolSize,
    parseInt8: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: env.DB_CONNECTION_TIMEOUT_MS,
      idleTimeoutMillis: env.DB_IDLE_TIMEOUT_MS,
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      application_name: 'hedis-optimizer',
      options: '-c TimeZone=UTC',
    },
  };
}
