import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MemberHasher } from 'src/common/phi/member-hasher';
import { MeasuresService } from 'src/modules/measures/measures.service';
import { evaluateEligibility } from 'src/modules/members/eligibility';
import { EligibilityStatus } from 'src/modules/members/eligibility-status';
import { numeratorMetToDate } from 'src/modules/members/numerator-status';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { DEMO_SEED, DemoSeeder } from 'src/modules/prediction/demo/demo-seeder';
import { createTestApp, newDataDir, TestApp } from 'test/utils/test-app';
import { testDatabaseUrl, usingPostgres } from 'test/utils/test-database';

const SEED_CLI = join(__dirname, '../../dist/src/modules/prediction/demo/seed-cli.js');
const USAGE = 'Usage: npm run seed -- [--members 5000] [--seed 2026] [--plan 3|3.5|4|4.5-star]\n';
const describeEmbedded = usingPostgres() ? describe.skip : describe;
const describePostgres = usingPostgres() ? describe : describe.skip;

interface Expected {
  predictions: number;
  openGaps: number;
  memberHashes: string[];
}

/** What scoring the seeded population must store, worked out from the records without the pipeline. */
function expectedFor(t: TestApp, members: number): Expected {
  const catalogue = t.app.get(MeasuresService).getCatalogue();
  const hasher = t.app.get(MemberHasher);
  const population = generatePopulation({ members, seed: DEMO_SEED, plan: PlanArchetype.ThreeAndHalfStar, catalogue });
  let predictions = 0;
  let openGaps = 0;
  const memberHashes: string[] = [];
  for (const { member } of population.members) {
    const met = numeratorMetToDate(member);
    const eligible = evaluateEligibility(member).filter((e) => e.status === EligibilityStatus.Eligible);
    predictions += eligible.length;
    openGaps += eligible.filter((e) => !met[e.measure]).length;
    if (eligible.length > 0) memberHashes.push(hasher.hash(member.member_id));
  }
  return { predictions, openGaps, memberHashes: memberHashes.sort() };
}

async function storedCounts(t: TestApp): Promise<{ predictions: number; gaps: number; pending: number; members: number }> {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT COUNT(*) FROM predictions) AS predictions,
            (SELECT COUNT(DISTINCT member_hash) FROM predictions) AS members,
            (SELECT COUNT(*) FROM gap_lists) AS gaps,
            (SELECT COUNT(*) FROM gap_lists WHERE intervention_status = 'pending') AS pending`,
  );
  return { predictions: Number(row.predictions), gaps: Number(row.gaps), pending: Number(row.pending), members: Number(row.members) };
}

/** Open gaps without a prediction that found the care still due, for the same member and measure. */
async function gapsWithoutPrediction(t: TestApp): Promise<number> {
  const [row] = await t.dataSource.query(
    `SELECT COUNT(*) AS n FROM gap_lists g
      WHERE NOT EXISTS (SELECT 1 FROM predictions p
                         WHERE p.member_hash = g.member_hash AND p.measure_code = g.measure_code
                           AND (p.features->>'met_to_date')::float8 = 0)`,
  );
  return Number(row.n);
}

async function predictedMembers(t: TestApp): Promise<string[]> {
  const rows: Array<{ member_hash: string }> = await t.dataSource.query('SELECT DISTINCT member_hash FROM predictions ORDER BY member_hash');
  return rows.map((r) => r.member_hash).sort();
}

/** Exactly the expected members, predictions and open gaps are stored, and every open gap has its prediction. */
async function expectSeeded(t: TestApp, expected: Expected): Promise<void> {
  expect(await storedCounts(t)).toEqual({
    predictions: expected.predictions,
    members: expected.memberHashes.length,
    gaps: expected.openGaps,
    pending: expected.openGaps,
  });
  expect(await predictedMembers(t)).toEqual(expected.memberHashes);
  expect(await gapsWithoutPrediction(t)).toBe(0);
}

describe('Demo data seeding (e2e)', () => {
  const MEMBERS = 40;

  describeEmbedded('on the first start of an empty embedded database', () => {
    it('scores a synthetic population once, and not again on the next start', async () => {
      const dataDir = newDataDir();
      const first = await createTestApp({ DATA_DIR: dataDir });
      const announced: number[] = [];
      let expected: Expected;
      try {
        expected = expectedFor(first, MEMBERS);
        const result = await first.app.get(DemoSeeder).seedOnFirstStart(MEMBERS, (members) => announced.push(members));
        expect(announced).toEqual([MEMBERS]);
        expect(result).toMatchObject({ members: MEMBERS, predictions: expected.predictions });
        expect(expected.predictions).toBeGreaterThan(MEMBERS);
        expect(expected.openGaps).toBeGreaterThan(0);
        await expectSeeded(first, expected);
      } finally {
        await first.close({ keepDataDir: true });
      }

      const second = await createTestApp({ DATA_DIR: dataDir });
      try {
        expect(await second.app.get(DemoSeeder).seedOnFirstStart(MEMBERS, (members) => announced.push(members))).toBeNull();
        expect(announced).toEqual([MEMBERS]);
        expect(await storedCounts(second)).toEqual({
          predictions: expected.predictions,
          members: expected.memberHashes.length,
          gaps: expected.openGaps,
          pending: expected.openGaps,
        });
      } finally {
        await second.close();
      }
    });
  });

  describePostgres('with DATABASE_URL', () => {
    it('never seeds the database on start, even when it is empty', async () => {
      const t = await createTestApp();
      try {
        await t.truncate();
        expect(await t.app.get(DemoSeeder).seedOnFirstStart(MEMBERS)).toBeNull();
        expect(await storedCounts(t)).toEqual({ predictions: 0, members: 0, gaps: 0, pending: 0 });
      } finally {
        await t.close();
      }
    });
  });

  describe('npm run seed (compiled CLI)', () => {
    let t: TestApp;

    beforeAll(async () => {
      if (!existsSync(SEED_CLI)) throw new Error(`${SEED_CLI} is missing: run npx nest build first`);
      t = await createTestApp();
    });

    beforeEach(() => t.truncate());

    afterAll(() => t.close());

    /** The CLI in its own process, reaching the test app's database (through its socket when embedded). */
    const seedCli = (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
      const url = testDatabaseUrl();
      const env = {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: t.dataDir,
        ...(process.env.MODELS_DIR ? { MODELS_DIR: process.env.MODELS_DIR } : {}),
        ...(url ? { DATABASE_URL: url, PHI_HASH_KEY: t.env.PHI_HASH_KEY, AUDIT_CHECKPOINT_KEY: t.env.AUDIT_CHECKPOINT_KEY } : {}),
      };
      return new Promise((resolve) => {
        execFile(process.execPath, [SEED_CLI, ...argv], { env, timeout: 50_000 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, stdout, stderr });
        });
      });
    };

    it('scores --members N synthetic members into the database and exits 0', async () => {
      const members = 25;
      const expected = expectedFor(t, members);
      const run = await seedCli('--members', String(members));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Scored ${members} synthetic members: ${expected.predictions} predictions in \\d+\\.\\d s\\n$`));
      await expectSeeded(t, expected);
    });

    it.each<[string, string[], string | RegExp]>([
      ['a member count that is not a number', ['--members', 'abc'], `--members must be a whole number from 1 to 1000000, not "abc"\n${USAGE}`],
      ['zero members', ['--members', '0'], `--members must be a whole number from 1 to 1000000, not "0"\n${USAGE}`],
      ['a hexadecimal member count', ['--members', '0x10'], `--members must be a whole number from 1 to 1000000, not "0x10"\n${USAGE}`],
      ['a seed that is not a whole number', ['--seed', '1.5'], `--seed must be a whole number from 0 to 4294967295, not "1.5"\n${USAGE}`],
      ['an unknown plan', ['--plan', '5-star'], `--plan must be one of 3-star, 3.5-star, 4-star, 4.5-star, not "5-star"\n${USAGE}`],
      ['an unknown option', ['--member', '5'], /^Unknown option '--member'/],
      ['an option without its value', ['--members'], /^Option '--members <value>' argument missing/],
    ])('refuses %s: exits 1 with a message and writes nothing', async (_, argv, message) => {
      const run = await seedCli(...argv);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      if (typeof message === 'string') expect(run.stderr).toBe(message);
      else expect(run.stderr).toMatch(message);
      expect(await storedCounts(t)).toEqual({ predictions: 0, members: 0, gaps: 0, pending: 0 });
    });
  });
});
