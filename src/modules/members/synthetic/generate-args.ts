import { parsePlanArchetype, PlanArchetype } from 'src/modules/members/synthetic/plan-archetype';

export interface GenerateArgs {
  members: number;
  seed: number;
  plan: PlanArchetype;
  /** File path, or '-' for standard output. */
  out: string;
  starYear: number;
  measurementYear?: number;
  asOfDate?: string;
}

export const GENERATE_USAGE = `Usage: generate-cli --members N --seed S --plan 3-star|3.5-star|4-star|4.5-star
  --out FILE.jsonl  [--star-year 2026] [--measurement-year YYYY] [--as-of YYYY-MM-DD]
Writes N synthetic members, one JSON object per line: {"member": {...}, "year_end_compliance": {...}}.
The file is synthetic: not real member data and not for clinical use.`;

const MAX_MEMBERS = 5_000_000;

/** Parses the CLI's arguments; returns the problems instead when any are wrong. */
export function parseGenerateArgs(argv: readonly string[]): GenerateArgs | { problems: string[] } {
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) {
      problems.push(`expected --flag value pairs, got ${JSON.stringify(flag)}`);
      continue;
    }
    values.set(flag.slice(2), value);
    i += 1;
  }
  const known = new Set(['members', 'seed', 'plan', 'out', 'star-year', 'measurement-year', 'as-of']);
  for (const flag of values.keys()) if (!known.has(flag)) problems.push(`unknown flag --${flag}`);

  const integer = (flag: string, min: number, max: number, fallback?: number): number => {
    const raw = values.get(flag);
    if (raw === undefined && fallback !== undefined) return fallback;
    const value = Number(raw);
    if (raw === undefined || !/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`--${flag} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  const members = integer('members', 1, MAX_MEMBERS);
  const seed = integer('seed', 0, 4_294_967_295);
  const starYear = integer('star-year', 2000, 2100, 2026);
  const measurementYear = values.has('measurement-year') ? integer('measurement-year', 2015, 2100) : undefined;
  const plan = parsePlanArchetype(values.get('plan') ?? '');
  if (!plan) problems.push('--plan must be one of 3-star, 3.5-star, 4-star, 4.5-star');
  const out = values.get('out');
  if (!out) problems.push('--out is required (a file path, or - for standard output)');
  const asOfDate = values.get('as-of');
  if (asOfDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfDate)) problems.push('--as-of must be YYYY-MM-DD');

  if (problems.length > 0 || !plan || !out) return { problems };
  return { members, seed, plan, out, starYear, measurementYear, asOfDate };
}
