import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { UtilizationRecord } from 'src/modules/members/member-record';

/** Use over the 12 months before `as_of_date`. */
export class UtilizationDto implements UtilizationRecord {
  @ApiProperty({ example: 3, minimum: 0, maximum: 366 })
  @IsInt()
  @Min(0)
  @Max(366)
  pcp_visits: number;

  @ApiProperty({ example: true, description: 'The member has a named primary care provider' })
  @IsBoolean()
  has_assigned_pcp: boolean;

  @ApiProperty({ example: 0, minimum: 0, maximum: 366 })
  @IsInt()
  @Min(0)
  @Max(366)
  ed_visits: number;

  @ApiProperty({ example: 0, minimum: 0, maximum: 366 })
  @IsInt()
  @Min(0)
  @Max(366)
  inpatient_stays: number;

  @ApiPropertyOptional({ example: 6.5, minimum: 0, maximum: 1000, description: 'Access proxy, if held' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  distance_to_pcp_miles?: number | null;
}
