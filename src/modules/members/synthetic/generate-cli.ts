import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { GENERATE_USAGE, GenerateArgs, parseGenerateArgs } from 'src/modules/members/synthetic/generate-args';
import { generatePopulation, Population } from 'src/modules/members/synthetic/generate-population';
import { formatSummary, summarizePopulation } from 'src/modules/members/synthetic/population-summary';

/**
 * `node dist/src/modules/members/synthetic/generate-cli.js --members 100000 --seed 42 --plan 3.5-star
 * --out data/members.jsonl`. The JSONL goes to the file (or standard output with `--out -`); the
 * summary of realised rates against targets, and the timings, go to standard error.
 */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseGenerateArgs(argv);
  if ('problems' in args) {
    process.stderr.write(`${args.problems.map((problem) => `error: ${problem}`).join('\n')}\n${GENERATE_USAGE}\n`);
    return 2;
  }
  const started = process.hrtime.bigint();
  const population = generatePopulation({
    members: args.members,
    seed: args.seed,
    plan: args.plan,
    catalogue: loadMeasureCatalogue(args.starYear),
    measurementYear: args.measurementYear,
    asOfDate: args.asOfDate,
  });
  const generated = process.hrtime.bigint();
  await writeJsonl(population, args);
  const written = process.hrtime.bigint();

  const seconds = (from: bigint, to: bigint): string => (Number(to - from) / 1e9).toFixed(2);
  process.stderr.write(
    `${args.plan} plan, seed ${args.seed}, ` +
      `measurement year ${population.measurementYear}, as of ${population.asOfDate}\n` +
      formatSummary(summarizePopulation(population)) +
      `generated in ${seconds(started, generated)} s, written in ${seconds(generated, written)} s, ` +
      `total ${seconds(started, written)} s\n`,
  );
  return 0;
}

async function writeJsonl(population: Population, args: GenerateArgs): Promise<void> {
  const toStdout = args.out === '-';
  if (!toStdout) mkdirSync(dirname(args.out), { recursive: true });
  const stream: Writable = toStdout ? process.stdout : createWriteStream(args.out, { encoding: 'utf8' });
  const batch: string[] = [];
  for (const line of population.members) {
    batch.push(JSON.stringify(line));
    if (batch.length === 500) await write(stream, batch.splice(0));
  }
  if (batch.length > 0) await write(stream, batch.splice(0));
  if (!toStdout) {
    stream.end();
    await once(stream, 'finish');
  }
}

async function write(stream: Writable, lines: string[]): Promise<void> {
  if (!stream.write(`${lines.join('\n')}\n`)) await once(stream, 'drain');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
