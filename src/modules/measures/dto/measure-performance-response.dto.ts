import { ApiProperty } from '@nestjs/swagger';
import { CutPointsDto } from 'src/modules/measures/dto/cut-points.dto';
import { StarPositionDto } from 'src/modules/measures/dto/star-position.dto';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** One measure's standing from stored predictions and gaps; counts are 0 and the rest null before any data. */
export class MeasurePerformanceResponseDto {
  @ApiProperty({ enum: MeasureCode, example: MeasureCode.Col })
  measure_code: MeasureCode;

  @ApiProperty({ example: 'C02' })
  cms_id: string;

  @ApiProperty({ example: 2026 })
  star_year: number;

  @ApiProperty({ example: 1520, description: 'Distinct members with a prediction for the measure' })
  eligible_members: number;

  @ApiProperty({
    example: 1040,
    description: 'Members whose latest prediction recorded the measure as met to date, or with a closed gap',
  })
  compliant_members: number;

  @ApiProperty({ example: 0.6842, nullable: true, type: Number, description: 'compliant_members / eligible_members' })
  current_compliance_rate: number | null;

  @ApiProperty({
    example: 0.7311,
    nullable: true,
    type: Number,
    description: "1 - mean gap_probability over each member's latest prediction",
  })
  predicted_compliance_rate: number | null;

  @ApiProperty({ example: 410, description: 'gap_lists rows whose intervention_status is not closed' })
  open_gaps: number;

  @ApiProperty({ example: 70, description: 'gap_lists rows whose intervention_status is closed' })
  closed_gaps: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: '2026-06-30T00:00:00.000Z' })
  latest_prediction_at: string | null;

  @ApiProperty({ type: CutPointsDto, description: 'The catalogue cut points the stars are read from (MA / MA-PD)' })
  cut_points: CutPointsDto;

  @ApiProperty({ type: StarPositionDto, nullable: true, description: 'From the current compliance rate' })
  current: StarPositionDto | null;

  @ApiProperty({ type: StarPositionDto, nullable: true, description: 'From the predicted year-end rate' })
  projected: StarPositionDto | null;
}
