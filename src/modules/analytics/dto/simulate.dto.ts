import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ScenarioChangeDto } from 'src/modules/analytics/dto/scenario-change.dto';
import { RateBasis } from 'src/modules/analytics/plan-state';

export class ScenarioDto {
  @ApiProperty({ example: 'Mailed FIT kits', description: 'A label for the scenario' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({
    type: [ScenarioChangeDto],
    example: [
      { type: 'close_gaps', measure_code: 'COL', gaps: 120 },
      { type: 'move_cut_points', shift_points: 5 },
    ],
    description: 'Applied together, in order',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ScenarioChangeDto)
  changes: ScenarioChangeDto[];
}

/** `POST /analytics/simulate`: independent what-if scenarios on the plan's rating. */
export class SimulateDto {
  @ApiPropertyOptional({
    enum: RateBasis,
    default: RateBasis.Projected,
    description: 'Start from the predicted year-end rates (projected) or the rates achieved so far (current)',
  })
  @IsOptional()
  @IsEnum(RateBasis)
  basis?: RateBasis;

  @ApiProperty({ type: [ScenarioDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ScenarioDto)
  scenarios: ScenarioDto[];
}
