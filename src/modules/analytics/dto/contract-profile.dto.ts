import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { ContractBaseDto } from 'src/modules/analytics/dto/contract-base.dto';

/**
 * `PUT /analytics/contract-profile`: replaces the whole profile. Measure stars are for the measures
 * the product does not predict; the 12 predicted measures come from stored data. Money in cents.
 */
export class ContractProfileDto extends ContractBaseDto {
  @ApiPropertyOptional({ example: 25000, description: 'Enrolled members; member months default to 12 times this' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50_000_000)
  enrollment?: number;

  @ApiPropertyOptional({ example: 115000, description: 'Benchmark per member per month, in cents (from your bid pricing)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  benchmark_pmpm_cents?: number;

  @ApiPropertyOptional({ example: 98000, description: 'Bid per member per month, in cents; needed for the rebate' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  bid_pmpm_cents?: number;

  @ApiPropertyOptional({ example: 0, default: 0, description: 'Share (0-1) of member months in double-bonus counties' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  double_bonus_share?: number;

  @ApiPropertyOptional({ default: false, description: 'A new plan, paid the new-plan quality bonus instead of a rated one' })
  @IsOptional()
  @IsBoolean()
  new_plan?: boolean;
}
