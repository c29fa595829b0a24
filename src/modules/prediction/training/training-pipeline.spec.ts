import { loadMeasureCatalogue } from 'src/modules/measures/measure-catalogue';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { smallTrainingConfig } from 'src/modules/prediction/training/testing/small-training-config';
import { manifestJson } from 'src/modules/prediction/training/model-manifest';
import { measuresNotBeatingBaseline, runTraining, TrainingRun } from 'src/modules/prediction/training/training-pipeline';

jest.setTimeout(120_000);

const catalogue = loadMeasureCatalogue(2026);
/** Everything a run produces that must not depend on when or how often it runs. */
const artefacts = (run: TrainingRun) =>
  run.measures.map(({ result, manifest }) => ({
    onnx: Buffer.from(result.onnx).toString('base64'),
    manifest: manifestJson(manifest),
    model: result.model,
    baseline: result.baseline,
  }));

describe(runTraining.name, () => {
  let first: TrainingRun;

  beforeAll(() => {
    first = runTraining(smallTrainingConfig(), catalogue);
  });

  it('gives identical metrics, manifests and ONNX bytes when run twice with the same seed', () => {
    const second = runTraining(smallTrainingConfig(), catalogue);
    expect(artefacts(second)).toEqual(artefacts(first));
  });

  it('gives a different population and models for another seed', () => {
    const other = runTraining(smallTrainingConfig({ seed: 43 }), catalogue);
    expect(other.measures[0].result.model.auc).not.toBe(first.measures[0].result.model.auc);
    expect(Buffer.from(other.measures[0].result.onnx).equals(Buffer.from(first.measures[0].result.onnx))).toBe(false);
  });

  it('trains the configured measures on one member-level split', () => {
    expect(first.measures.map((m) => m.manifest.measure_code)).toEqual([MeasureCode.Col, MeasureCode.Cbp]);
    for (const { result } of first.measures) {
      const { train, holdout } = result.split;
      expect(train.length + holdout.length).toBe(result.dataset.rows.length);
      const heldMembers = new Set(Array.from(holdout, (row) => result.dataset.memberIndex[row]));
      expect(Array.from(train).some((row) => heldMembers.has(result.dataset.memberIndex[row]))).toBe(false);
      expect(holdout.length / result.dataset.rows.length).toBeGreaterThan(0.15);
      expect(holdout.length / result.dataset.rows.length).toBeLessThan(0.25);
    }
  });

  it('learns something on both models and reports which measures fail the baseline gate', () => {
    for (const { result } of first.measures) {
      expect(result.model.auc).toBeGreaterThan(0.7);
      expect(result.baseline.auc).toBeGreaterThan(0.7);
      expect(result.model.calibration).toHaveLength(10);
    }
    const failing = measuresNotBeatingBaseline(first).map((m) => m.manifest.measure_code);
    const expected = first.measures
      .filter(({ result }) => result.model.auc <= result.baseline.auc)
      .map((m) => m.manifest.measure_code);
    expect(failing).toEqual(expected);
  });
});
