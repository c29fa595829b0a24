import { MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { parseTrainArgs, TrainArgs } from 'src/modules/prediction/training/train-args';
import { DEFAULT_TRAINING_CONFIG } from 'src/modules/prediction/training/training-config';

const parsed = (argv: string[]): TrainArgs => {
  const result = parseTrainArgs(argv);
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result;
};

describe(parseTrainArgs.name, () => {
  it('defaults to 100,000 members, seed 42, a 3.5-star plan, all 12 measures, into models/', () => {
    const args = parsed([]);
    expect(args.config).toEqual(DEFAULT_TRAINING_CONFIG);
    expect(args.config).toMatchObject({ members: 100_000, seed: 42, plan: PlanArchetype.ThreeAndHalfStar });
    expect(args.config.measures).toEqual(MEASURE_CODES);
    expect(args.out).toBe('models');
    expect(args.timings).toBe(true);
  });

  it('reads every flag', () => {
    const args = parsed([
      '--members', '5000', '--seed', '7', '--plan', '4-star', '--out', '/tmp/m',
      '--star-year', '2026', '--revision', '3', '--measures', 'pdc-sta,COL', '--timings', 'off',
    ]);
    expect(args.config).toMatchObject({ members: 5000, seed: 7, plan: PlanArchetype.FourStar, modelRevision: 3 });
    expect(args.config.measures).toEqual([MeasureCode.Col, MeasureCode.PdcSta]);
    expect(args).toMatchObject({ out: '/tmp/m', timings: false });
  });

  it.each([
    [['--members', 'many'], /--members must be a whole number/],
    [['--plan', '5-star'], /--plan must be one of/],
    [['--measures', 'COL,XYZ'], /unknown codes: XYZ/],
    [['--verbose', 'yes'], /unknown flag --verbose/],
    [['--seed'], /expected --flag value pairs/],
    [['--timings', 'maybe'], /--timings must be on or off/],
  ])('reports %j', (argv, problem) => {
    const result = parseTrainArgs(argv);
    expect('problems' in result && result.problems.join('; ')).toMatch(problem);
  });
});
