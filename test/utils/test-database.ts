/**
 * Which database the end-to-end tests use: the embedded PGlite by default, or the PostgreSQL at
 * TEST_DATABASE_URL. Tests truncate and migrate that database, so its name must say it is for tests.
 */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.includes('test')) {
    throw new Error(`Refusing to run: TEST_DATABASE_URL names database "${name}", which does not contain "test"`);
  }
  return url;
}

export const usingPostgres = (): boolean => testDatabaseUrl() !== undefined;
