import { ApiProperty } from '@nestjs/swagger';
import { CutPointsDto } from 'src/modules/measures/dto/cut-points.dto';
import { MeasureCode } from 'src/modules/measures/measure-code';
import { RateBasis } from 'src/modules/analytics/plan-state';
import { RatedAs } from 'src/modules/analytics/rated-as';

export class MeasureChangeDto {
  @ApiProperty({ enum: MeasureCode }) measure_code: MeasureCode;
  @ApiProperty({ example: 'C02' }) cms_id: string;
  @ApiProperty({ example: 1520 }) eligible_members: number;
  @ApiProperty({ example: 0.6842, nullable: true, type: Number }) rate_before: number | null;
  @ApiProperty({ example: 0.7632, nullable: true, type: Number }) rate_after: number | null;
  @ApiProperty({ example: 3, nullable: true, type: Number }) stars_before: number | null;
  @ApiProperty({ example: 4, nullable: true, type: Number }) stars_after: number | null;
  @ApiProperty({ type: CutPointsDto, description: 'Cut points after the scenario (moved ones included)' }) cut_points_after: CutPointsDto;
}

export class RatingChangeDto {
  @ApiProperty({ example: 3.5, nullable: true, type: Number }) before: number | null;
  @ApiProperty({ example: 4, nullable: true, type: Number }) after: number | null;
  @ApiProperty({ enum: ['rated', 'not_enough_data', 'not_applicable'] }) status_before: string;
  @ApiProperty({ enum: ['rated', 'not_enough_data', 'not_applicable'] }) status_after: string;
}

export class BonusThresholdDto {
  @ApiProperty({ example: 4, description: 'Headline stars that earn the quality bonus' }) threshold_stars: number;
  @ApiProperty({ example: false }) qualifies_before: boolean;
  @ApiProperty({ example: true }) qualifies_after: boolean;
  @ApiProperty({ enum: ['up', 'down', 'none'], example: 'up' }) crossed: 'up' | 'down' | 'none';
}

export class HalfStarLiftDto {
  @ApiProperty({ enum: MeasureCode }) measure_code: MeasureCode;
  @ApiProperty({ example: 'C02' }) cms_id: string;
  @ApiProperty({ example: 3, nullable: true, type: Number }) stars_now: number | null;
  @ApiProperty({ example: 4, nullable: true, type: Number, description: 'Null when no level of this measure is enough' }) stars_needed: number | null;
  @ApiProperty({ example: 0.695, nullable: true, type: Number }) rate_needed: number | null;
  @ApiProperty({ example: 45, nullable: true, type: Number, description: 'Null when the measure has no stored members' }) additional_members: number | null;
  @ApiProperty({ example: 4, nullable: true, type: Number }) headline_stars_after: number | null;
  @ApiProperty({ example: null, nullable: true, type: String, description: 'Why there is no lift, when there is none' }) note: string | null;
}

export class ScenarioResultDto {
  @ApiProperty({ example: 'Mailed FIT kits' }) name: string;
  @ApiProperty({ type: [MeasureChangeDto] }) measures: MeasureChangeDto[];
  @ApiProperty({ type: RatingChangeDto }) part_c: RatingChangeDto;
  @ApiProperty({ type: RatingChangeDto }) part_d: RatingChangeDto;
  @ApiProperty({ type: RatingChangeDto }) overall: RatingChangeDto;
  @ApiProperty({ enum: ['overall', 'part_c', 'part_d'] }) headline_rating: string;
  @ApiProperty({ type: RatingChangeDto }) headline: RatingChangeDto;
  @ApiProperty({ type: BonusThresholdDto }) bonus_threshold: BonusThresholdDto;

  @ApiProperty({ example: 4.5, nullable: true, type: Number, description: 'Headline stars after the scenario plus half a star' })
  half_star_target: number | null;

  @ApiProperty({ type: [HalfStarLiftDto], description: 'From the state after the scenario, one measure at a time' })
  half_star_lifts: HalfStarLiftDto[];
}

export class SimulationResponseDto {
  @ApiProperty({ example: 2026 }) star_year: number;
  @ApiProperty({ enum: RatedAs }) rated_as: RatedAs;
  @ApiProperty({ enum: RateBasis }) basis: RateBasis;
  @ApiProperty({ type: [ScenarioResultDto] }) scenarios: ScenarioResultDto[];
}
