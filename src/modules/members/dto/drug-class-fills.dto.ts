import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsMemberDate } from 'src/modules/members/dto/member-date.validator';
import { DrugClassFills } from 'src/modules/members/member-record';

/** One drug class's fills in the measurement year, up to `as_of_date`. */
export class DrugClassFillsDto implements DrugClassFills {
  @ApiProperty({ example: 4, minimum: 0, maximum: 400, description: 'Fills on distinct dates this year' })
  @IsInt()
  @Min(0)
  @Max(400)
  fills: number;

  @ApiPropertyOptional({ example: '2026-01-09', description: 'First fill in the measurement year (index date)' })
  @IsOptional()
  @IsMemberDate({ yearsBeforeMeasurementYear: 0 })
  first_fill_date?: string | null;

  @ApiPropertyOptional({ example: '2026-04-02' })
  @IsOptional()
  @IsMemberDate({ yearsBeforeMeasurementYear: 0 })
  last_fill_date?: string | null;

  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 366 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  last_days_supply?: number | null;

  @ApiProperty({ example: 110, minimum: 0, maximum: 366, description: 'Days covered from the first fill to as_of_date' })
  @IsInt()
  @Min(0)
  @Max(366)
  days_covered: number;

  @ApiProperty({ example: 0.87, minimum: 0, maximum: 1, description: 'Proportion of days covered to date' })
  @IsNumber()
  @Min(0)
  @Max(1)
  pdc_to_date: number;

  @ApiProperty({ example: 1, minimum: 0, maximum: 400 })
  @IsInt()
  @Min(0)
  @Max(400)
  ninety_day_fills: number;

  @ApiProperty({ example: false, description: 'Filled by mail order' })
  @IsBoolean()
  mail_order: boolean;
}
