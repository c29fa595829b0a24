import { ApiProperty } from '@nestjs/swagger';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { InterventionType } from 'src/modules/measures/measure';
import { MeasureCode } from 'src/modules/measures/measure-code';

export class PaymentAtRatingDto {
  @ApiProperty({ example: 4 }) stars: number;
  @ApiProperty({ example: 5, description: 'Quality bonus as a percent of the benchmark' }) quality_bonus_percent: number;
  @ApiProperty({ example: 66000000 }) quality_bonus_cents: number;
  @ApiProperty({ example: 65 }) rebate_share_percent: number;
  @ApiProperty({ example: 251550000, nullable: true, type: Number, description: 'Null without a bid' }) rebate_cents: number | null;
  @ApiProperty({ example: 317550000 }) total_cents: number;
}

export class ResolvedInterventionDto {
  @ApiProperty({ enum: MeasureCode }) measure_code: MeasureCode;
  @ApiProperty({ enum: InterventionType }) intervention: InterventionType;
  @ApiProperty({ example: 200 }) members: number;
  @ApiProperty({ example: 2500 }) unit_cost_cents: number;
  @ApiProperty({ example: 0.22 }) closure_rate: number;
  @ApiProperty({ example: true, description: "Cost or closure rate is the catalogue's planning assumption" }) uses_catalogue_assumptions: boolean;
  @ApiProperty({ example: 500000 }) cost_cents: number;
  @ApiProperty({ example: 44 }) expected_closures: number;
}

export class AssumptionDto {
  @ApiProperty({ example: 'member_months' }) name: string;
  @ApiProperty({ oneOf: [{ type: 'number' }, { type: 'boolean' }], nullable: true, example: 120000 }) value: number | boolean | null;

  @ApiProperty({
    enum: ['request', 'profile', 'derived', 'cms_rule', 'projected_rating', 'projected_with_plan', 'none'],
    example: 'derived',
    description: 'Where the value came from',
  })
  source: string;
}

/** `GET /analytics/roi`: the plan's Star-driven payments before and after an intervention plan. */
export class RoiResponseDto {
  @ApiProperty({ example: 2026 }) star_year: number;
  @ApiProperty({ enum: RatedAs }) rated_as: RatedAs;
  @ApiProperty({ enum: ['overall', 'part_c'] }) headline_rating: string;
  @ApiProperty({ type: [ResolvedInterventionDto] }) intervention_plan: ResolvedInterventionDto[];
  @ApiProperty({ type: PaymentAtRatingDto }) before: PaymentAtRatingDto;
  @ApiProperty({ type: PaymentAtRatingDto }) after: PaymentAtRatingDto;
  @ApiProperty({ example: 120000 }) member_months: number;
  @ApiProperty({ example: 95000000 }) incremental_value_cents: number;
  @ApiProperty({ example: 500000 }) intervention_cost_cents: number;
  @ApiProperty({ example: 94500000 }) net_value_cents: number;
  @ApiProperty({ example: 189, nullable: true, type: Number, description: 'Net value per unit of cost; null without cost' }) roi: number | null;

  @ApiProperty({
    example: 632,
    nullable: true,
    type: Number,
    description: 'Member months after which the added value covers the cost; null when the rating adds nothing',
  })
  break_even_member_months: number | null;

  @ApiProperty({ example: 'the contract year after the Star year' }) pays_in: string;
  @ApiProperty({ type: [AssumptionDto], description: 'Every input used, with its source' }) assumptions: AssumptionDto[];
}
