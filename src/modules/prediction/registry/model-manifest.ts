import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { validationErrorsToFields } from 'src/common/validation/validation-errors';

export class RiskTierThresholds {
  @IsNumber() @Min(0) @Max(1) medium: number;
  @IsNumber() @Min(0) @Max(1) high: number;
  @IsNumber() @Min(0) @Max(1) critical: number;
}

/** What travels beside every model file (docs/models.md, "The manifest contract"). */
export class ModelManifest {
  @IsString() @Matches(/^[A-Z-]{3,10}$/) measure_code: string;
  /** Stored with every prediction (predictions.model_version is VARCHAR(20)). */
  @IsString() @MaxLength(20) @Matches(/^\S+$/) model_version: string;
  @IsString() @Matches(/^[\w.-]+\.onnx$/, { message: 'onnx_file must be a file name ending in .onnx, beside the manifest' }) onnx_file: string;
  @IsIn(['tree_ensemble', 'linear']) model_type: 'tree_ensemble' | 'linear';
  @IsString() feature_list_version: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) feature_names: string[];
  @IsOptional() @IsArray() @IsNumber({}, { each: true }) reference_means?: number[];
  @IsOptional() @IsObject() training?: Record<string, unknown>;
  @IsOptional() @IsObject() metrics?: Record<string, unknown>;
  @IsObject() @ValidateNested() @Type(() => RiskTierThresholds) risk_tier_thresholds: RiskTierThresholds;
}

/** Parses and validates a manifest; the errors name each bad field. */
export function parseManifest(raw: unknown): ModelManifest {
  const manifest = plainToInstance(ModelManifest, raw);
  const errors = validationErrorsToFields(validateSync(manifest as object));
  const t = manifest.risk_tier_thresholds;
  if (errors.length === 0 && !(t.medium < t.high && t.high < t.critical)) {
    errors.push({ field: 'risk_tier_thresholds', message: 'must satisfy medium < high < critical' });
  }
  if (errors.length > 0) throw new Error(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  return manifest;
}
