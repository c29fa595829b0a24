import 'reflect-metadata';
import { openCliDatabase, runCli } from 'src/database/cli-data-source';
import { KEYS_USAGE, runKeysCommand, UsageError } from 'src/modules/auth/keys-command';

runCli(async () => {
  const db = await openCliDatabase(process.env, { runMigrations: true });
  try {
    process.stdout.write(`${await runKeysCommand(process.argv.slice(2), db.dataSource, db.env)}\n`);
  } catch (error) {
    if (error instanceof UsageError) throw new Error(`${error.message}\n${KEYS_USAGE}`, { cause: error });
    throw error;
  } finally {
    await db.close();
  }
});
