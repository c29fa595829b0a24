import 'reflect-metadata';
import { openCliDatabase, runCli } from 'src/database/cli-data-source';

const USAGE = 'Usage: npm run migration:run | npm run migration:revert';

runCli(async () => {
  const command = process.argv[2];
  if (command !== 'run' && command !== 'revert') throw new Error(USAGE);
  const db = await openCliDatabase(process.env, { runMigrations: false });
  try {
    if (command === 'run') {
      const applied = await db.dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}\n` : 'Schema is up to date.\n');
    } else {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration.\n');
    }
  } finally {
    await db.close();
  }
});
