import { EligibilityStatus } from 'src/modules/members/eligibility-status';
import { StoredPredictionResponseDto } from 'src/modules/prediction/dto/prediction-response.dto';
import { RiskTier } from 'src/modules/prediction/registry/risk-tier';
import { topFactors } from 'src/modules/prediction/scoring/top-factors';
import { Prediction } from 'src/modules/prediction/prediction.entity';

/** A stored prediction as the API returns it, with every feature and SHAP value. */
export function storedPredictionResponse(prediction: Prediction): StoredPredictionResponseDto {
  const features = prediction.features ?? {};
  const shap = prediction.shapValues ?? { expected_value: 0, contributions: {} };
  const names = Object.keys(shap.contributions);
  return {
    prediction_id: prediction.predictionId,
    member_hash: prediction.memberHash,
    measure: prediction.measureCode,
    eligibility: { status: EligibilityStatus.Eligible, reason: null },
    gap_probability: prediction.gapProbability,
    risk_score: prediction.riskScore,
    risk_tier: prediction.riskTier as RiskTier,
    top_factors: topFactors({
      contributions: Float64Array.from(names, (name) => shap.contributions[name]),
      featureNames: names,
      inputs: Float64Array.from(names, (name) => features[name] ?? 0),
    }),
    model_version: prediction.modelVersion,
    prediction_date: prediction.predictionDate.toISOString(),
    gap_open: features.met_to_date !== 1,
    features,
    shap_values: shap,
  };
}
