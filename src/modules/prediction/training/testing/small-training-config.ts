import { MeasureCode } from 'src/modules/measures/measure-code';
import { DEFAULT_TRAINING_CONFIG, TrainingConfig } from 'src/modules/prediction/training/training-config';

/** A run small enough for a unit test: 3,000 members, two measures, 20 shallow trees. */
export function smallTrainingConfig(overrides: Partial<TrainingConfig> = {}): TrainingConfig {
  return {
    ...DEFAULT_TRAINING_CONFIG,
    members: 3000,
    measures: [MeasureCode.Col, MeasureCode.Cbp],
    gradientBoosting: { ...DEFAULT_TRAINING_CONFIG.gradientBoosting, nTrees: 20, maxDepth: 3, learningRate: 0.2 },
    ...overrides,
  };
}
