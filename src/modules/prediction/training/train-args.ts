import { isMeasureCode, MEASURE_CODES, MeasureCode } from 'src/modules/measures/measure-code';
import { parsePlanArchetype } from 'src/modules/members/synthetic/plan-archetype';
import { DEFAULT_TRAINING_CONFIG, TrainingConfig } from 'src/modules/prediction/training/training-config';

export interface TrainArgs {
  readonly config: TrainingConfig;
  readonly out: string;
  /** Skip the SHAP and onnxruntime timings (e.g. in CI, where the figures mean little). */
  readonly timings: boolean;
}

export const TRAIN_USAGE = `Usage: train-cli [--members 100000] [--seed 42] [--plan 3.5-star] [--out models]
  [--star-year 2026] [--revision 1] [--measures COL,BCS,...] [--timings on|off]
Trains one gradient-boosted model per measure on a synthetic population (not real members), writes
<out>/<CODE>/model.onnx and manifest.json, and exits 1 if any model does not beat its logistic
baseline's holdout AUC.`;

const KNOWN = new Set(['members', 'seed', 'plan', 'out', 'star-year', 'revision', 'measures', 'timings']);

/** Parses the CLI's arguments; returns the problems instead when any are wrong. */
export function parseTrainArgs(argv: readonly string[]): TrainArgs | { problems: string[] } {
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) {
      problems.push(`expected --flag value pairs, got ${JSON.stringify(flag)}`);
      i -= 1;
      continue;
    }
    if (!KNOWN.has(flag.slice(2))) problems.push(`unknown flag ${flag}`);
    values.set(flag.slice(2), value);
  }
  const defaults = DEFAULT_TRAINING_CONFIG;
  const integer = (flag: string, min: number, max: number, fallback: number): number => {
    const raw = values.get(flag);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) problems.push(`--${flag} must be a whole number from ${min} to ${max}`);
    return value;
  };
  const members = integer('members', 100, 2_000_000, defaults.members);
  const seed = integer('seed', 0, 4_294_967_295, defaults.seed);
  const starYear = integer('star-year', 2000, 2100, defaults.starYear);
  const modelRevision = integer('revision', 1, 999, defaults.modelRevision);
  const plan = parsePlanArchetype(values.get('plan') ?? defaults.plan);
  if (!plan) problems.push('--plan must be one of 3-star, 3.5-star, 4-star, 4.5-star');
  const measures = parseMeasures(values.get('measures'), problems);
  const timings = values.get('timings') ?? 'on';
  if (timings !== 'on' && timings !== 'off') problems.push('--timings must be on or off');

  if (problems.length > 0 || !plan) return { problems };
  const config: TrainingConfig = { ...defaults, members, seed, plan, starYear, modelRevision, measures };
  return { config, out: values.get('out') ?? 'models', timings: timings === 'on' };
}

function parseMeasures(raw: string | undefined, problems: string[]): readonly MeasureCode[] {
  if (raw === undefined) return MEASURE_CODES;
  const codes = raw.split(',').map((code) => code.trim().toUpperCase());
  const unknown = codes.filter((code) => !isMeasureCode(code));
  if (unknown.length > 0) problems.push(`--measures has unknown codes: ${unknown.join(', ')}`);
  return MEASURE_CODES.filter((code) => codes.includes(code));
}
