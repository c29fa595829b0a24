import { ApiProperty } from '@nestjs/swagger';
import { RatingPassDto } from 'src/modules/analytics/dto/rating-pass.dto';

/** A Part C summary, Part D summary or overall rating, with every pass and the reason for the choice. */
export class SummaryRatingDto {
  @ApiProperty({ enum: ['part_c', 'part_d', 'overall'], example: 'overall' })
  summary: string;

  @ApiProperty({ enum: ['rated', 'not_enough_data', 'not_applicable'], example: 'rated' })
  status: string;

  @ApiProperty({ example: 4, nullable: true, type: Number, description: 'As CMS would publish it; null unless rated' })
  stars: number | null;

  @ApiProperty({
    example: 4,
    nullable: true,
    type: Number,
    description: "The chosen pass's stars, also when the minimum number of rated measures is missed",
  })
  computed_stars: number | null;

  @ApiProperty({ example: 38 })
  rated_measure_count: number;

  @ApiProperty({ example: 38 })
  required_measure_count: number;

  @ApiProperty({ example: 19 })
  minimum_rated_measures: number;

  @ApiProperty({ example: 'with_improvement', nullable: true, type: String })
  chosen_pass: string | null;

  @ApiProperty({ example: 'Rating with the improvement measures; improvement hold harmless did not raise it.' })
  reason: string;

  @ApiProperty({ type: [RatingPassDto] })
  passes: RatingPassDto[];
}

/** The three ratings of one contract and the one that matters for its quality bonus. */
export class ContractRatingDto {
  @ApiProperty({ enum: ['overall', 'part_c', 'part_d'], example: 'overall', description: 'Overall for MA-PD, else the one summary' })
  headline_rating: string;

  @ApiProperty({ example: 4, nullable: true, type: Number })
  headline_stars: number | null;

  @ApiProperty({ type: SummaryRatingDto })
  part_c: SummaryRatingDto;

  @ApiProperty({ type: SummaryRatingDto })
  part_d: SummaryRatingDto;

  @ApiProperty({ type: SummaryRatingDto })
  overall: SummaryRatingDto;
}
