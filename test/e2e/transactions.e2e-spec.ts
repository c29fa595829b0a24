import { createTestApp, TestApp } from 'test/utils/test-app';

const insertGap = (member: string) =>
  `INSERT INTO gap_lists (member_hash, measure_code, gap_date) VALUES ('${member}', 'COL', '2026-01-31')`;

/**
 * The embedded database is one PostgreSQL session; unless transactions are serialised, one
 * transaction's COMMIT also commits another's half-done work. Both databases must behave alike.
 */
describe('Concurrent transactions (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  beforeEach(() => t.truncate());
  afterAll(() => t.close());

  it('never shows the rows of a transaction that rolled back while another committed', async () => {
    let releaseRollback!: () => void;
    const rollbackMayFinish = new Promise<void>((resolve) => (releaseRollback = resolve));

    const rolledBack = t.dataSource
      .transaction(async (manager) => {
        await manager.query(insertGap('a'.repeat(64)));
        await rollbackMayFinish;
        throw new Error('roll back on purpose');
      })
      .catch((error: Error) => error.message);
    const committed = t.dataSource.transaction(async (manager) => {
      await manager.query(insertGap('b'.repeat(64)));
      releaseRollback();
    });
    setTimeout(releaseRollback, 200); // when transactions are serialised, the committer waits its turn

    await expect(rolledBack).resolves.toBe('roll back on purpose');
    await committed;
    const rows: Array<{ member_hash: string }> = await t.dataSource.query('SELECT member_hash FROM gap_lists');
    expect(rows.map((row) => row.member_hash)).toEqual(['b'.repeat(64)]);
  });

  it('keeps 20 interleaved transactions isolated', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.dataSource.transaction(async (manager) => {
          await manager.query(insertGap(String(i).padStart(64, '0')));
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (i % 2 === 1) throw new Error('odd ones roll back');
        }),
      ),
    );
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(10);
    const rows: Array<{ member_hash: string }> = await t.dataSource.query('SELECT member_hash FROM gap_lists ORDER BY 1');
    expect(rows.map((row) => Number(row.member_hash))).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
});
