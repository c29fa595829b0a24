import { ApiProperty } from '@nestjs/swagger';

/** A rate's measure stars and its distance to the cut points either side. */
export class StarPositionDto {
  @ApiProperty({ example: 68.42, description: 'Rate as a percent, to 2 decimals (display only)' })
  score_percent: number;

  @ApiProperty({ example: 68, description: 'Whole percent CMS compares with the cut points (half up)' })
  rounded_score: number;

  @ApiProperty({ example: 3, minimum: 1, maximum: 5 })
  stars: number;

  @ApiProperty({ example: 70, nullable: true, type: Number, description: 'Cut point of the next star; null at 5 stars' })
  next_cut_point: number | null;

  @ApiProperty({
    example: 12,
    nullable: true,
    type: Number,
    description: 'Fewest additional compliant members that earn the next star',
  })
  members_to_next_cut_point: number | null;

  @ApiProperty({ example: 60, nullable: true, type: Number, description: 'Cut point of the star held now; null at 1 star' })
  cut_point_below: number | null;

  @ApiProperty({
    example: 80,
    nullable: true,
    type: Number,
    description: 'Compliant members that could be lost while keeping the star held now; null at 1 star',
  })
  margin_members: number | null;
}
