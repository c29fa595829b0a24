import { brierScore, CalibrationBin, calibrationTable, rocAuc } from 'src/modules/prediction/model/metrics';

/** How well one model's probabilities rank and are calibrated on the holdout rows. */
export interface HoldoutEvaluation {
  readonly auc: number;
  readonly brier: number;
  readonly calibration: CalibrationBin[];
  /** Largest |mean predicted − observed rate| over the calibration bins. */
  readonly maxCalibrationGap: number;
}

export function evaluateHoldout(labels: Uint8Array, probabilities: Float64Array, bins: number): HoldoutEvaluation {
  const calibration = calibrationTable(labels, probabilities, bins);
  const maxCalibrationGap = calibration.reduce(
    (worst, bin) => Math.max(worst, Math.abs(bin.meanPredicted - bin.observedRate)),
    0,
  );
  return {
    auc: rocAuc(labels, probabilities),
    brier: brierScore(labels, probabilities),
    calibration,
    maxCalibrationGap,
  };
}
