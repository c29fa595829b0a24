import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CutPoints } from 'src/modules/measures/measure';

/** Whole-percent thresholds; CMS rounds a score to a whole percent before comparing. */
export class CutPointsDto implements CutPoints {
  @ApiProperty({ example: 58, description: 'Lowest score that earns 2 stars' })
  @IsInt()
  @Min(0)
  @Max(100)
  two_star: number;

  @ApiProperty({ example: 71 })
  @IsInt()
  @Min(0)
  @Max(100)
  three_star: number;

  @ApiProperty({ example: 76 })
  @IsInt()
  @Min(0)
  @Max(100)
  four_star: number;

  @ApiProperty({ example: 84, description: 'Lowest score that earns 5 stars' })
  @IsInt()
  @Min(0)
  @Max(100)
  five_star: number;
}
