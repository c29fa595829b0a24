import { ApiProperty } from '@nestjs/swagger';

/** One computation of a rating: the engine's RatingPass in snake_case. */
export class RatingPassDto {
  @ApiProperty({
    enum: ['with_improvement', 'without_improvement', 'with_improvement_without_new_measures', 'without_improvement_without_new_measures'],
    example: 'with_improvement',
  })
  name: string;

  @ApiProperty({ example: 'with_improvement/with_new_measures', description: 'Row of Tables 8 and 9 used' })
  threshold_row: string;

  @ApiProperty({ enum: ['part_c', 'part_d_ma_pd', 'part_d_pdp', 'overall'], example: 'overall' })
  rating_kind: string;

  @ApiProperty({ type: [String], example: ['C01', 'C02', 'D08'] })
  measures: string[];

  @ApiProperty({ example: 72 })
  weight_total: number;

  @ApiProperty({ example: 3.791667 })
  weighted_mean: number;

  @ApiProperty({ example: 3.791667, description: 'Rounded half up to 6 decimals before the Table 8 comparison' })
  weighted_mean_rounded: number;

  @ApiProperty({ example: 0.874321 })
  weighted_variance: number;

  @ApiProperty({ example: 0.874321 })
  weighted_variance_rounded: number;

  @ApiProperty({ enum: ['high', 'relatively_high', 'other'], example: 'relatively_high' })
  mean_category: string;

  @ApiProperty({ enum: ['low', 'medium', 'high'], example: 'low' })
  variance_category: string;

  @ApiProperty({ example: 0.2 })
  reward_factor: number;

  @ApiProperty({ example: 5, nullable: true, type: Number })
  cai_category: number | null;

  @ApiProperty({ example: 0.01879 })
  cai: number;

  @ApiProperty({ example: 4.010457, description: 'weighted mean + reward factor + CAI' })
  final_score: number;

  @ApiProperty({ example: 4 })
  stars: number;
}
