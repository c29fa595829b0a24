import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { writeModelFiles } from 'src/modules/prediction/training/model-files';
import { pick } from 'src/modules/prediction/training/holdout-split';
import { measureServingCost, ServingCost } from 'src/modules/prediction/training/serving-cost';
import { parseTrainArgs, TRAIN_USAGE } from 'src/modules/prediction/training/train-args';
import {
  reportHeader,
  reportLine,
  reportPreamble,
  reportSummary,
} from 'src/modules/prediction/training/train-report';
import { measuresNotBeatingBaseline, runTraining, TrainedMeasure } from 'src/modules/prediction/training/training-pipeline';

/**
 * `node dist/src/modules/prediction/training/train-cli.js --members 100000 --seed 42 --plan 3.5-star
 * --out models`. Writes the models either way, so a failing run can be inspected; the exit code is
 * the gate (1 when any model does not beat its baseline, 2 on bad arguments).
 */
async function main(argv: readonly string[]): Promise<number> {
  const args = parseTrainArgs(argv);
  if ('problems' in args) {
    process.stderr.write(`${args.problems.map((problem) => `error: ${problem}`).join('\n')}\n${TRAIN_USAGE}\n`);
    return 2;
  }
  const catalogue = loadMeasureCatalogue(args.config.starYear);
  process.stdout.write(reportPreamble({ config: args.config }) + reportHeader());
  const run = runTraining(args.config, catalogue, (trained: TrainedMeasure) => {
    if (!args.timings) process.stdout.write(reportLine(trained));
  });
  if (args.timings) {
    // Timed after training, one model at a time, so the figures do not include training's garbage collection.
    for (const trained of run.measures) {
      const holdoutRows = pick(trained.result.dataset.rows, trained.result.split.holdout);
      const cost: ServingCost = await measureServingCost(trained.result.onnx, holdoutRows);
      process.stdout.write(reportLine(trained, cost));
    }
  }
  const sizes = writeModelFiles(args.out, run.measures);
  const bytes = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const failing = measuresNotBeatingBaseline(run);
  process.stdout.write(reportSummary(run, failing, bytes, args.out));
  return failing.length === 0 ? 0 : 1;
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
