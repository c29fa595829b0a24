import 'reflect-metadata';
import { openCliDatabase, runCli } from 'src/database/cli-data-source';
import { runAuditCommand } from 'src/modules/audit/audit-command';

runCli(async () => {
  const db = await openCliDatabase(process.env, { runMigrations: false });
  try {
    const result = await runAuditCommand(process.argv.slice(2), db.dataSource, db.env);
    process.stdout.write(`${result.output}\n`);
    if (!result.ok) process.exitCode = 2;
  } finally {
    await db.close();
  }
});
