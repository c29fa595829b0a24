import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { ContractScorePercentiles } from 'src/modules/measures/measure';

export class ContractScorePercentilesDto implements ContractScorePercentiles {
  @ApiProperty({ example: 499, description: 'Contracts with a numeric score in the Star year' })
  @IsInt()
  @Min(1)
  n_contracts: number;

  @ApiProperty({ example: 61 })
  @IsNumber()
  @Min(0)
  @Max(100)
  p10: number;

  @ApiProperty({ example: 69 })
  @IsNumber()
  @Min(0)
  @Max(100)
  p25: number;

  @ApiProperty({ example: 75 })
  @IsNumber()
  @Min(0)
  @Max(100)
  p50: number;

  @ApiProperty({ example: 80 })
  @IsNumber()
  @Min(0)
  @Max(100)
  p75: number;

  @ApiProperty({ example: 84 })
  @IsNumber()
  @Min(0)
  @Max(100)
  p90: number;

  @ApiProperty({ example: 73.6 })
  @IsNumber()
  @Min(0)
  @Max(100)
  mean: number;
}
