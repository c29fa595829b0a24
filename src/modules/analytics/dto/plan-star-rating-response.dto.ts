import { ApiProperty } from '@nestjs/swagger';
import { ContractRatingDto } from 'src/modules/analytics/dto/summary-rating.dto';
import { RatedAs } from 'src/modules/analytics/rated-as';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** One predicted measure in the plan's rating: current and predicted year-end rate and stars. */
export class PlanMeasureDto {
  @ApiProperty({ enum: MeasureCode, example: MeasureCode.Col }) measure_code: MeasureCode;
  @ApiProperty({ example: 'C02' }) cms_id: string;
  @ApiProperty({ example: 1520 }) eligible_members: number;
  @ApiProperty({ example: 0.6842, nullable: true, type: Number }) current_rate: number | null;
  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'Null: no data, rated as no_data' }) current_stars: number | null;
  @ApiProperty({ example: 0.7311, nullable: true, type: Number }) predicted_rate: number | null;
  @ApiProperty({ example: 4, nullable: true, type: Number }) projected_stars: number | null;
}

/** `GET /analytics/star-rating`: the plan's rating now and at year end, profile plus stored data. */
export class PlanStarRatingResponseDto {
  @ApiProperty({ example: 2026 }) star_year: number;
  @ApiProperty({ example: 'H1234', nullable: true, type: String }) contract_id: string | null;
  @ApiProperty({ enum: RatedAs }) rated_as: RatedAs;
  @ApiProperty({ format: 'date-time' }) profile_updated_at: string;
  @ApiProperty({ type: [PlanMeasureDto] }) measures: PlanMeasureDto[];

  @ApiProperty({ type: ContractRatingDto, description: "From the 12 measures' current compliance rates" })
  current: ContractRatingDto;

  @ApiProperty({ type: ContractRatingDto, description: 'From the predicted year-end compliance rates' })
  projected: ContractRatingDto;
}
