import { ApiProperty } from '@nestjs/swagger';
import { ContractRatingDto } from 'src/modules/analytics/dto/summary-rating.dto';
import { RatedAs } from 'src/modules/analytics/rated-as';
import type { MeasureOutcome } from 'src/modules/analytics/star-rating/star-rating.types';
import { MeasureCode } from 'src/modules/measures/measure-code';

/** A measure score turned into stars by the cut points. */
export class ScoredMeasureDto {
  @ApiProperty({ enum: MeasureCode, example: MeasureCode.Bcs })
  measure_code: MeasureCode;

  @ApiProperty({ example: 'C01' })
  cms_id: string;

  @ApiProperty({ example: 78.4 })
  score: number;

  @ApiProperty({ example: 78, description: 'Whole percent compared with the cut points' })
  rounded_score: number;

  @ApiProperty({ example: 4 })
  stars: number;
}

export class CalculatedStarRatingResponseDto extends ContractRatingDto {
  @ApiProperty({ example: 'H1234', nullable: true, type: String })
  contract_id: string | null;

  @ApiProperty({ example: 2026 })
  star_year: number;

  @ApiProperty({ enum: RatedAs })
  rated_as: RatedAs;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'integer' }, { type: 'string' }] },
    example: { C01: 4, C07: 'not_required' },
    description: 'Every measure outcome the rating used, scores already turned into stars',
  })
  measure_stars: Record<string, MeasureOutcome>;

  @ApiProperty({ type: [ScoredMeasureDto] })
  scored_measures: ScoredMeasureDto[];
}
