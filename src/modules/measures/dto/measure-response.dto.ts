import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ContractScorePercentilesDto } from 'src/modules/measures/dto/contract-score-percentiles.dto';
import { CutPointsDto } from 'src/modules/measures/dto/cut-points.dto';
import { DefaultInterventionDto } from 'src/modules/measures/dto/default-intervention.dto';
import { MeasureDefinition, MeasurePart, WeightingCategory } from 'src/modules/measures/measure';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** One catalogue measure; the catalogue file is validated against this same class at start-up. */
export class MeasureResponseDto implements MeasureDefinition {
  @ApiProperty({ enum: MeasureCode, example: MeasureCode.Bcs })
  @IsEnum(MeasureCode)
  code: MeasureCode;

  @ApiProperty({ example: 'C01', description: 'CMS Star Ratings measure id in the Star year' })
  @Matches(/^[CD]\d{2}$/, { message: 'cms_id must look like C01 or D08' })
  cms_id: string;

  @ApiProperty({ example: 'BCS', description: 'NCQA HEDIS or PQA measure code' })
  @IsString()
  @MinLength(1)
  steward_code: string;

  @ApiProperty({ example: 'Breast Cancer Screening' })
  @IsString()
  @MinLength(1)
  name: string;

  @ApiProperty({ enum: MeasurePart, example: MeasurePart.C })
  @IsEnum(MeasurePart)
  part: MeasurePart;

  @ApiProperty({ example: 1, description: 'Weight in the summary and overall Star Ratings' })
  @IsInt()
  @Min(1)
  @Max(5)
  weight: number;

  @ApiProperty({ enum: WeightingCategory, example: WeightingCategory.Process })
  @IsEnum(WeightingCategory)
  weighting_category: WeightingCategory;

  @ApiProperty({ example: true })
  @IsBoolean()
  higher_is_better: boolean;

  @ApiProperty({ type: CutPointsDto, description: 'MA cut points for Part C; MA-PD cut points for Part D' })
  @IsObject()
  @ValidateNested()
  @Type(() => CutPointsDto)
  cut_points: CutPointsDto;

  @ApiProperty({ enum: ['MA', 'MA-PD'], example: 'MA' })
  @IsIn(['MA', 'MA-PD'])
  cut_points_org_type: string;

  @ApiProperty({ type: CutPointsDto, nullable: true, description: 'Stand-alone PDP cut points (Part D only)' })
  @ValidateIf((measure: MeasureResponseDto) => measure.pdp_cut_points !== null)
  @IsObject()
  @ValidateNested()
  @Type(() => CutPointsDto)
  pdp_cut_points: CutPointsDto | null;

  @ApiProperty({ example: 74, description: 'National average score, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  national_average: number;

  @ApiProperty({ type: ContractScorePercentilesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ContractScorePercentilesDto)
  contract_score_percentiles: ContractScorePercentilesDto;

  @ApiProperty({ example: 'Women 52-74 as of 31 December of the measurement year, continuously enrolled' })
  @IsString()
  @MinLength(1)
  denominator: string;

  @ApiProperty({ example: 'One or more mammograms in the 27 months ending 31 December of the measurement year' })
  @IsString()
  @MinLength(1)
  numerator: string;

  @ApiProperty({ type: [String], example: ['Hospice services or election at any time in the measurement year'] })
  @IsArray()
  @IsString({ each: true })
  exclusions: string[];

  @ApiProperty({ type: [DefaultInterventionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => DefaultInterventionDto)
  default_interventions: DefaultInterventionDto[];

  @ApiProperty({ example: 'CMS 2026 Star Ratings Data Table - Part C Cut Points (Oct 8 2025)' })
  @IsString()
  @MinLength(1)
  source: string;

  @ApiPropertyOptional({ example: 'New Star measure in 2026' })
  @IsOptional()
  @IsString()
  notes?: string;
}
