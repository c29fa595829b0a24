import { createTestApp, newDataDir } from 'test/utils/test-app';
import { usingPostgres } from 'test/utils/test-database';

const describeEmbedded = usingPostgres() ? describe.skip : describe;

describeEmbedded('Embedded database persistence (e2e)', () => {
  it('creates the database on first start and keeps its data across a restart', async () => {
    const dataDir = newDataDir();
    const first = await createTestApp({ DATA_DIR: dataDir });
    await first.dataSource.query(
      `INSERT INTO portfolio_analysis (analysis_date, total_members, total_gaps, estimated_value) VALUES ('2026-11-01', 5000, 1234, 98765.43)`,
    );
    await first.close({ keepDataDir: true });

    const second = await createTestApp({ DATA_DIR: dataDir });
    const rows = await second.dataSource.query('SELECT total_members, total_gaps, estimated_value FROM portfolio_analysis');
    expect(rows).toEqual([{ total_members: 5000, total_gaps: 1234, estimated_value: '98765.43' }]);
    expect((await second.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    await second.close();
  });
});
