import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { InterventionItemDto } from 'src/modules/analytics/dto/intervention-item.dto';
import { toBoolean, toInterventionItems, toNumber } from 'src/modules/analytics/dto/query-transforms';

const HALF_STARS = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];
const percent = (example: number, description: string) => ({ example, minimum: 0, maximum: 100, description });

/**
 * `GET /analytics/roi`. Every figure is an input; what is left out comes from the contract profile,
 * the saved snapshot's plan, the plan's projected rating, or CMS's payment rules (docs/api.md).
 */
export class RoiQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Use the intervention plan saved with this snapshot (POST /analytics/snapshots)" })
  @IsOptional()
  @IsUUID()
  snapshot_id?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'COL:mailed_fit_kit:200,BCS:outreach_call:150:1500:0.08',
    description: 'Intervention plan: measure:intervention:members[:unit_cost_cents[:closure_rate]], comma-separated or repeated',
  })
  @IsOptional()
  @Transform(toInterventionItems)
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  interventions?: InterventionItemDto[];

  @ApiPropertyOptional({ example: 3.5, description: "Rating without the plan (default: the plan's projected headline rating)" })
  @IsOptional()
  @Transform(toNumber)
  @IsIn(HALF_STARS, { message: 'rating_before must be a half-star rating from 1 to 5' })
  rating_before?: number;

  @ApiPropertyOptional({ example: 4, description: 'Rating with the plan (default: projected rating after its expected closures)' })
  @IsOptional()
  @Transform(toNumber)
  @IsIn(HALF_STARS, { message: 'rating_after must be a half-star rating from 1 to 5' })
  rating_after?: number;

  @ApiPropertyOptional({ example: 120000, description: "Member months in the payment year (default: profile enrollment x 12)" })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(600_000_000)
  member_months?: number;

  @ApiPropertyOptional({ example: 115000, description: 'Benchmark per member per month, cents (default: profile)' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  benchmark_pmpm_cents?: number;

  @ApiPropertyOptional({ example: 98000, description: 'Bid per member per month, cents (default: profile; without it no rebate)' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  bid_pmpm_cents?: number;

  @ApiPropertyOptional({ example: 0.2, description: 'Share of member months in double-bonus counties, 0-1 (default: profile)' })
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  double_bonus_share?: number;

  @ApiPropertyOptional({ example: false, description: 'New plan, paid the new-plan bonus (default: profile)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  new_plan?: boolean;

  @ApiPropertyOptional({ example: 4, description: 'Rating that earns the bonus (default 4, CMS)' })
  @IsOptional()
  @Transform(toNumber)
  @IsIn(HALF_STARS, { message: 'bonus_threshold_stars must be a half-star rating from 1 to 5' })
  bonus_threshold_stars?: number;

  @ApiPropertyOptional(percent(5, 'Quality bonus, percent of benchmark (default 5, CMS)'))
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  bonus_percent?: number;

  @ApiPropertyOptional(percent(10, 'Bonus in double-bonus counties (default 10, CMS)'))
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  double_bonus_percent?: number;

  @ApiPropertyOptional(percent(3.5, 'Bonus for new plans (default 3.5, CMS)'))
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  new_plan_bonus_percent?: number;

  @ApiPropertyOptional(percent(70, 'Rebate share at 4.5 stars and above (default 70, CMS)'))
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  rebate_share_percent_high?: number;

  @ApiPropertyOptional(percent(65, 'Rebate share at 3.5 and 4 stars (default 65, CMS)'))
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  rebate_share_percent_mid?: number;

  @ApiPropertyOptional(percent(50, 'Rebate share below 3.5 stars (default 50, CMS)'))
  @IsOptional()
  @Transform(toNumber)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  rebate_share_percent_low?: number;
}
