import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EligibilityReason, EligibilityStatus } from 'src/modules/members/eligibility-status';
import { RiskTier } from 'src/modules/prediction/registry/risk-tier';

export class EligibilityDto {
  @ApiProperty({ enum: EligibilityStatus }) status: EligibilityStatus;
  @ApiProperty({ enum: EligibilityReason, nullable: true }) reason: EligibilityReason | null;
}

export class FactorDto {
  @ApiProperty({ example: 'prior_year_compliant' }) feature: string;
  @ApiProperty({ example: 0 }) value: number;
  @ApiProperty({ example: 0.84, description: 'SHAP value in log-odds; positive raises the gap risk' }) contribution: number;
  @ApiProperty({ enum: ['raises_gap_risk', 'lowers_gap_risk'] }) direction: 'raises_gap_risk' | 'lowers_gap_risk';
}

export class PredictionResponseDto {
  @ApiProperty({ format: 'uuid' }) prediction_id: string;
  @ApiProperty({ description: 'HMAC of the member id; the raw id is never stored or returned' }) member_hash: string;
  @ApiProperty({ example: 'COL' }) measure: string;
  @ApiProperty({ type: EligibilityDto }) eligibility: EligibilityDto;
  @ApiProperty({ example: 0.62, description: 'Probability that the gap is still open at year end' }) gap_probability: number;
  @ApiProperty({ example: 0.49, description: "The model's raw score (log-odds): expected value + Σ SHAP contributions" }) risk_score: number;
  @ApiProperty({ enum: RiskTier }) risk_tier: RiskTier;
  @ApiProperty({ type: [FactorDto] }) top_factors: FactorDto[];
  @ApiProperty({ example: 'COL-2026.2' }) model_version: string;
  @ApiProperty({ format: 'date-time' }) prediction_date: string;
  @ApiProperty({ description: 'Whether the member has an open gap on the gap list after this prediction' }) gap_open: boolean;
}

export class StoredPredictionResponseDto extends PredictionResponseDto {
  @ApiProperty({ description: 'Every model input by name' }) features: Record<string, number>;
  @ApiProperty({ description: 'expected_value and the SHAP contribution of every feature' })
  shap_values: { expected_value: number; contributions: Record<string, number> };
}

export class NotPredictedDto {
  @ApiProperty({ example: 'BCS' }) measure: string;
  @ApiProperty({ type: EligibilityDto }) eligibility: EligibilityDto;
}

export class PortfolioPredictionResponseDto {
  @ApiProperty() member_hash: string;
  @ApiProperty({ type: [PredictionResponseDto] }) predictions: PredictionResponseDto[];
  @ApiProperty({ type: [NotPredictedDto], description: 'Measures the member is not eligible for or excluded from' })
  not_predicted: NotPredictedDto[];
}

export class BatchErrorDto {
  @ApiProperty({ example: 422 }) status: number;
  @ApiProperty({ example: 'NOT_ELIGIBLE' }) code: string;
  @ApiProperty() detail: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } }) errors?: Array<{ field: string; message: string }>;
  @ApiPropertyOptional({ type: EligibilityDto, description: 'For NOT_ELIGIBLE: why, as in the single-member 422' }) eligibility?: EligibilityDto;
}

export class BatchItemDto {
  @ApiProperty({ description: 'Position of the member in the request' }) index: number;
  @ApiPropertyOptional({ type: PredictionResponseDto }) prediction?: PredictionResponseDto;
  @ApiPropertyOptional({ type: BatchErrorDto }) error?: BatchErrorDto;
}

export class BatchPredictionResponseDto {
  @ApiProperty({ example: 'COL' }) measure: string;
  @ApiProperty() total: number;
  @ApiProperty() succeeded: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [BatchItemDto] }) results: BatchItemDto[];
}
