import { ApiProperty } from '@nestjs/swagger';
import { RatedAs } from 'src/modules/analytics/rated-as';
import type { MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';

export class CaiCategoriesResponseDto {
  @ApiProperty({ example: 4, nullable: true, type: Number }) part_c: number | null;
  @ApiProperty({ example: 3, nullable: true, type: Number }) part_d: number | null;
  @ApiProperty({ example: 5, nullable: true, type: Number }) overall: number | null;
}

/** The stored profile; every field as set by the last PUT, absent ones as null or their default. */
export class ContractProfileResponseDto {
  @ApiProperty({ example: 'H1234', nullable: true, type: String }) contract_id: string | null;
  @ApiProperty({ enum: RatedAs }) rated_as: RatedAs;
  @ApiProperty({ example: false }) snp: boolean;
  @ApiProperty({ example: false }) puerto_rico_only: boolean;

  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'string' }] }, example: { C03: 4 } })
  measure_stars: Record<string, MeasureOutcome>;

  @ApiProperty({ type: CaiCategoriesResponseDto }) cai: CaiCategoriesResponseDto;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { '2024': 12.5 } })
  disaster_percent: Record<string, number>;

  @ApiProperty({ example: 25000, nullable: true, type: Number }) enrollment: number | null;
  @ApiProperty({ example: 115000, nullable: true, type: Number }) benchmark_pmpm_cents: number | null;
  @ApiProperty({ example: 98000, nullable: true, type: Number }) bid_pmpm_cents: number | null;
  @ApiProperty({ example: 0 }) double_bonus_share: number;
  @ApiProperty({ example: false }) new_plan: boolean;
  @ApiProperty({ example: 'key:2f0c…', description: 'The API key that last set the profile' }) updated_by: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}
