import { ApiProperty } from '@nestjs/swagger';

/** A saved row of `portfolio_analysis`. */
export class SnapshotResponseDto {
  @ApiProperty({ format: 'uuid' }) analysis_id: string;
  @ApiProperty({ format: 'date', example: '2026-07-01' }) analysis_date: string;
  @ApiProperty({ example: 5000, description: 'Distinct members with a stored prediction' }) total_members: number;
  @ApiProperty({ example: 1840, description: 'Open gaps across the 12 measures' }) total_gaps: number;
  @ApiProperty({ example: 400, nullable: true, type: Number }) gap_closure_target: number | null;

  @ApiProperty({
    example: '945000.00',
    nullable: true,
    type: String,
    description: 'Net value of the intervention plan in dollars (ROI with default assumptions); null when it cannot be computed',
  })
  estimated_value: string | null;

  @ApiProperty({ example: 3.5, nullable: true, type: Number, description: 'Headline rating from current rates' })
  star_rating_current: number | null;

  @ApiProperty({
    example: 4,
    nullable: true,
    type: Number,
    description: 'Headline rating at year end: with the intervention plan when one is saved, else from predicted rates',
  })
  star_rating_projected: number | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Per-measure figures, all ratings, the plan and the valuation basis' })
  measures_summary: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' }) created_at: string;
}
