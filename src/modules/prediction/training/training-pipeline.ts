import { performance } from 'node:perf_hooks';
import { MeasureCatalogue } from 'src/modules/measures/measure';
import { generatePopulation } from 'src/modules/members/synthetic/generate-population';
import { buildManifest, PopulationFacts } from 'src/modules/prediction/training/build-manifest';
import { holdoutMembers } from 'src/modules/prediction/training/holdout-split';
import { buildMeasureDataset } from 'src/modules/prediction/training/measure-dataset';
import { TrainedModelManifest, modelVersion } from 'src/modules/prediction/training/model-manifest';
import { MeasureTrainingResult, trainMeasure } from 'src/modules/prediction/training/train-measure';
import { splitSeed, TrainingConfig } from 'src/modules/prediction/training/training-config';

export interface TrainedMeasure {
  readonly result: MeasureTrainingResult;
  readonly manifest: TrainedModelManifest;
}

export interface TrainingRun {
  readonly config: TrainingConfig;
  readonly population: PopulationFacts & { readonly members: number };
  readonly measures: TrainedMeasure[];
  readonly generationSeconds: number;
}

/**
 * Generates the seeded synthetic population and trains every configured measure on one member-level
 * split. Writes nothing; `onMeasure` sees each measure as it finishes (the CLI prints progress).
 */
export function runTraining(
  config: TrainingConfig,
  catalogue: MeasureCatalogue,
  onMeasure: (trained: TrainedMeasure) => void = () => undefined,
): TrainingRun {
  const started = performance.now();
  const population = generatePopulation({
    members: config.members,
    seed: config.seed,
    plan: config.plan,
    catalogue,
  });
  const generationSeconds = (performance.now() - started) / 1000;
  const facts: PopulationFacts = { measurementYear: population.measurementYear, asOfDate: population.asOfDate };
  const heldOut = holdoutMembers(population.members.length, config.holdoutFraction, splitSeed(config.seed));
  const measures = config.measures.map((measure) => {
    const version = modelVersion(measure, config.starYear, config.modelRevision);
    const result = trainMeasure(buildMeasureDataset(population.members, measure), heldOut, config, version);
    const trained = { result, manifest: buildManifest(result, config, facts, version) };
    onMeasure(trained);
    return trained;
  });
  return { config, population: { ...facts, members: population.members.length }, measures, generationSeconds };
}

/** Measures whose boosted model does not rank the holdout better than the logistic baseline. */
export function measuresNotBeatingBaseline(run: TrainingRun): TrainedMeasure[] {
  return run.measures.filter(({ result }) => !(result.model.auc > result.baseline.auc));
}
