import { DataSource } from 'typeorm';
import { Environment, validateEnvironment } from 'src/config/environment';
import { dataSourceOptions } from 'src/database/data-source-options';
import { DatabaseTarget, EmbeddedPostgres } from 'src/database/embedded-postgres';

export interface CliDatabase {
  env: Environment;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Opens the same database the service uses, for operator commands: DATABASE_URL, or the embedded
 * database in DATA_DIR — through the running service's socket when it is up, since two processes
 * must never open one PGlite folder.
 */
export async function openCliDatabase(
  rawEnv: Record<string, string | undefined>,
  options: { runMigrations: boolean },
): Promise<CliDatabase> {
  const env = validateEnvironment(rawEnv);
  let embedded: EmbeddedPostgres | null = null;
  let target: DatabaseTarget;
  if (env.DATABASE_URL) {
    target = { url: env.DATABASE_URL, embedded: false };
  } else {
    const running = await EmbeddedPostgres.attachIfServing(env.DATA_DIR);
    embedded = running ? null : await EmbeddedPostgres.start(env.DATA_DIR);
    target = running ?? embedded!.target;
  }
  const dataSource = new DataSource({ ...dataSourceOptions(env, target), migrationsRun: options.runMigrations });
  await dataSource.initialize();
  return {
    env,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Runs a CLI's main function: prints config errors without a stack, and exits non-zero on failure. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
