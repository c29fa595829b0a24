import { Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Environment } from 'src/config/environment';
import type { DatabaseTarget } from 'src/database/embedded-postgres';
import { EmbeddedPostgres } from 'src/database/embedded-postgres';

/** Resolves where the database is and, for the embedded one, owns its life. */
@Injectable()
export class DatabaseTargetHolder implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseTargetHolder.name);

  constructor(
    readonly target: DatabaseTarget,
    readonly embedded: EmbeddedPostgres | null,
  ) {}

  static async resolve(env: Environment): Promise<DatabaseTargetHolder> {
    if (env.DATABASE_URL) return new DatabaseTargetHolder({ url: env.DATABASE_URL, embedded: false }, null);
    // A second process on the same DATA_DIR (an operator command) goes through the running service.
    const running = await EmbeddedPostgres.attachIfServing(env.DATA_DIR);
    if (running) return new DatabaseTargetHolder(running, null);
    const embedded = await EmbeddedPostgres.start(env.DATA_DIR);
    return new DatabaseTargetHolder(embedded.target, embedded);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    await this.embedded.stop();
    this.logger.log('Embedded PostgreSQL stopped');
  }
}

@Module({
  providers: [
    {
      provide: DatabaseTargetHolder,
      inject: [Environment],
      useFactory: (env: Environment) => DatabaseTargetHolder.resolve(env),
    },
  ],
  exports: [DatabaseTargetHolder],
})
export class EmbeddedDatabaseModule {}
