import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** CMS's CAI final adjustment category per rating (the CAI data table); absent means no CAI is added. */
export class CaiCategoriesDto {
  @ApiPropertyOptional({ example: 4, minimum: 1, maximum: 8, description: 'Part C summary category (1-8)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  part_c?: number;

  @ApiPropertyOptional({ example: 3, minimum: 1, maximum: 6, description: 'Part D summary category (1-6 MA-PD, 1-3 PDP)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  part_d?: number;

  @ApiPropertyOptional({ example: 5, minimum: 1, maximum: 9, description: 'Overall rating category (1-9, MA-PD only)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  overall?: number;
}
