import { parseGenerateArgs } from 'src/modules/members/synthetic/generate-args';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';

describe(parseGenerateArgs.name, () => {
  it('parses the documented command line', () => {
    const argv = ['--members', '100000', '--seed', '42', '--plan', '3.5-star', '--out', 'data/members.jsonl'];
    const args = parseGenerateArgs(argv);
    expect(args).toEqual({
      members: 100_000,
      seed: 42,
      plan: PlanArchetype.ThreeAndHalfStar,
      out: 'data/members.jsonl',
      starYear: 2026,
      measurementYear: undefined,
      asOfDate: undefined,
    });
  });

  it('takes the optional year and as-of flags', () => {
    const args = parseGenerateArgs([
      '--members', '10', '--seed', '1', '--plan', '4-star', '--out', '-',
      '--measurement-year', '2025', '--as-of', '2025-09-30', '--star-year', '2026',
    ]);
    expect(args).toMatchObject({ measurementYear: 2025, asOfDate: '2025-09-30', out: '-' });
  });

  it('lists every problem at once', () => {
    const result = parseGenerateArgs(['--members', '-5', '--plan', '6-star', '--colour', 'blue']);
    expect(result).toEqual({
      problems: expect.arrayContaining([
        'unknown flag --colour',
        '--members must be a whole number from 1 to 5000000',
        '--seed must be a whole number from 0 to 4294967295',
        '--plan must be one of 3-star, 3.5-star, 4-star, 4.5-star',
        '--out is required (a file path, or - for standard output)',
      ]),
    });
  });
});
