import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';

/** Where a `pg` client reaches a database: a URL, or a Unix socket directory and port. */
export interface DatabaseTarget {
  url?: string;
  host?: string;
  port?: number;
  /** True when the target is the embedded PGlite, which serves one transaction at a time. */
  embedded: boolean;
}

const SOCKET_PORT = 5432;
// sun_path is 108 bytes on Linux; beyond that a Unix socket cannot be bound.
const MAX_SOCKET_PATH = 100;

function socketPath(dataDir: string): string {
  return join(resolve(dataDir), `.s.PGSQL.${SOCKET_PORT}`);
}

function isServing(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * PostgreSQL embedded in the process (PGlite, WebAssembly), persisted under DATA_DIR and served on a
 * Unix socket inside that folder so that the app talks to it with the same `pg` driver, SQL and
 * type parsing as a real server. PGlite is a single session, so the server accepts one connection
 * per client pool and the app's pool holds exactly one (see docs/architecture.md).
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private server: PGLiteSocketServer,
    private readonly path: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const root = resolve(dataDir);
    const path = socketPath(root);
    if (path.length > MAX_SOCKET_PATH) {
      throw new Error(`DATA_DIR resolves to a path too long for a Unix socket (${path.length} > ${MAX_SOCKET_PATH} characters)`);
    }
    mkdirSync(root, { recursive: true, mode: 0o700 });
    EmbeddedPostgres.lock(root);
    if (existsSync(path)) {
      if (await isServing(path)) {
        throw new Error(`The embedded database in ${root} is already served by another process; stop it or use its socket`);
      }
      unlinkSync(path); // left behind by a process that did not shut down cleanly
    }
    const db = await PGlite.create({ dataDir: join(root, 'pgdata') });
    const server = await EmbeddedPostgres.listen(db, path);
    return new EmbeddedPostgres(db, server, path);
  }

  /**
   * The target for a process that needs the database in DATA_DIR: the running service's socket when
   * one is serving (a process must never open a PGlite folder another process has open), else null.
   */
  static async attachIfServing(dataDir: string): Promise<DatabaseTarget | null> {
    const path = socketPath(dataDir);
    if (!existsSync(path) || !(await isServing(path))) return null;
    return { host: resolve(dataDir), port: SOCKET_PORT, embedded: true };
  }

  /** One process per data folder: a second PGlite on the same files would corrupt them. */
  private static lock(root: string): void {
    const lockFile = join(root, 'embedded.pid');
    if (existsSync(lockFile)) {
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid !== process.pid && EmbeddedPostgres.isAlive(pid)) {
        throw new Error(`The embedded database in ${root} is in use by process ${pid}`);
      }
    }
    writeFileSync(lockFile, String(process.pid));
  }

  private static isAlive(pid: number): boolean {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  private static async listen(db: PGlite, path: string): Promise<PGLiteSocketServer> {
    // The service's single pooled connection, an operator CLI's, and room for liveness probes of
    // the socket. The server's queue keeps a transaction exclusive to the connection that opened it.
    const server = new PGLiteSocketServer({ db, path, maxConnections: 4 });
    await server.start();
    return server;
  }

  get target(): DatabaseTarget {
    return { host: resolve(this.path, '..'), port: SOCKET_PORT, embedded: true };
  }

  /** Stops accepting connections without closing the database (used to simulate an outage). */
  async pause(): Promise<void> {
    await this.server.stop();
  }

  async resume(): Promise<void> {
    if (existsSync(this.path)) unlinkSync(this.path);
    this.server = await EmbeddedPostgres.listen(this.db, this.path);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    unlinkSync(join(resolve(this.path, '..'), 'embedded.pid'));
  }
}
